"""Reading a devjournal export (``docs/journal-format.md``) back: the envelope is checked
here, with what the tables' own check leaves to the importer (JSON nested in a field, a
goal rolled over from itself); the tables are checked by the journal service."""

from __future__ import annotations

from typing import Any

from devjournal.domain.errors import ImportProblem
from devjournal.domain.imports import problem
from devjournal.domain.journal_format import FORMAT, VERSION
from devjournal.importing.source import check_nested_json, parse_json


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
    tables = document["tables"]
    for index, row in _rows(tables, "coaching_session"):
        if isinstance(row.get("questions"), str):
            check_nested_json(row["questions"], f"coaching_session[{index}].questions")
    for index, row in _rows(tables, "goal"):
        rolled_from = row.get("rolled_from_id")
        if type(rolled_from) is int and rolled_from == row.get("id"):
            raise problem(f"goal[{index}].rolled_from_id", "a goal cannot roll over from itself")
    return tables


def _rows(tables: Any, table: str) -> list[tuple[int, dict[str, Any]]]:
    """The rows of ``table`` that are objects, with their places (anything else is left
    to the tables' own check, which says what is wrong with it)."""
    rows = tables.get(table) if isinstance(tables, dict) else None
    if not isinstance(rows, list):
        return []
    return [(index, row) for index, row in enumerate(rows) if isinstance(row, dict)]
