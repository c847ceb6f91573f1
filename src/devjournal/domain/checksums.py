"""Checksums of the text a user wrote, to detect damage on disk."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable


def text_checksum(parts: Iterable[object]) -> str:
    """A SHA-256 over the JSON of ``parts`` (order matters), as 16 hex characters.

    Sixty-four bits are plenty to notice a flipped byte; the short form keeps rows small.
    """
    canonical = json.dumps([None if p is None else str(p) for p in parts], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
