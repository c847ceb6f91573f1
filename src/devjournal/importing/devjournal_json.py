"""Reading a devjournal export (``docs/journal-format.md``) back: the envelope is checked
here, the tables by the journal service."""

from __future__ import annotations

from typing import Any

from devjournal.domain.errors import ImportProblem
from devjournal.importing.source import parse_json
from devjournal.storage.journal_dump import FORMAT, VERSION


def read_journal_json(data: bytes, name: str) -> Any:
    """The ``tables`` of a devjournal export, or :class:`ImportProblem`."""
    document = parse_json(data, name)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportProblem(f'{name} is not a devjournal export (it has no "format": "{FORMAT}").')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportProblem(f'{name}: "version" must be a whole number.')
    if version > VERSION:
        raise ImportProblem(
            f"{name} was written by a newer devjournal (format version {version}; this one "
            f"reads up to {VERSION}). Update devjournal to import it."
        )
    if version < 1:
        raise ImportProblem(f"{name}: format version {version} does not exist.")
    if "tables" not in document:
        raise ImportProblem(f'{name}: "tables" is missing.')
    return document["tables"]
