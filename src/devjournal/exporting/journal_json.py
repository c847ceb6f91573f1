"""The whole journal as one JSON file: the format of ``docs/journal-format.md``.

Deterministic: the same journal gives the same bytes apart from the ``generated_at`` line.
One row per line, so two exports compare well with ``diff``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from devjournal import __version__
from devjournal.domain.journal_format import FORMAT, VERSION


def journal_json(
    tables: Mapping[str, Sequence[Mapping[str, Any]]], revision: str | None, now: datetime
) -> bytes:
    """The export file's bytes."""

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)

    lines = [
        "{",
        f' "format": {dumps(FORMAT)},',
        f' "version": {VERSION},',
        f' "schema_revision": {dumps(revision)},',
        f' "generated_by": {dumps(f"devjournal {__version__}")},',
        f' "generated_at": {dumps(now.astimezone(UTC).replace(microsecond=0).isoformat())},',
        ' "tables": {',
    ]
    names = list(tables)
    for t, name in enumerate(names):
        rows = tables[name]
        end = "," if t < len(names) - 1 else ""
        if not rows:
            lines.append(f"  {dumps(name)}: []{end}")
            continue
        lines.append(f"  {dumps(name)}: [")
        lines += [
            f"   {dumps(row)}{',' if i < len(rows) - 1 else ''}" for i, row in enumerate(rows)
        ]
        lines.append(f"  ]{end}")
    lines += [" }", "}"]
    return ("\n".join(lines) + "\n").encode("utf-8")
