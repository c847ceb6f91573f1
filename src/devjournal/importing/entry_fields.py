"""Checking the fields of an entry in an import file, with messages that say where."""

from __future__ import annotations

from typing import Any

from devjournal.domain.errors import ImportProblem
from devjournal.domain.imports import checked_text, problem, shown
from devjournal.domain.rules import TAG_MAX, TEXT_MAX


def text_field(
    entry: dict[str, Any], name: str, where: str, *, required: bool, limit: int = TEXT_MAX
) -> str:
    """``entry[name]`` as text (missing: "" unless ``required``)."""
    if name not in entry or entry[name] is None:
        if required:
            raise problem(f"{where}.{name}", "is missing")
        return ""
    value = entry[name]
    if not isinstance(value, str):
        raise problem(f"{where}.{name}", f"expected text, got {shown(value)}")
    return checked_text(value, f"{where}.{name}", limit)


def tags_field(entry: dict[str, Any], name: str, where: str) -> list[str]:
    """``entry[name]`` as a list of tag names (missing: none)."""
    value = entry.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise problem(f"{where}.{name}", f"expected a list of tags, got {shown(value)}")
    out = []
    for index, tag in enumerate(value):
        if not isinstance(tag, str):
            raise problem(f"{where}.{name}[{index}]", f"expected text, got {shown(tag)}")
        if len(tag.removeprefix("@")) > TAG_MAX:
            raise problem(f"{where}.{name}[{index}]", f"a tag is at most {TAG_MAX} characters")
        out.append(checked_text(tag, f"{where}.{name}[{index}]"))
    return out


def flag_field(entry: dict[str, Any], name: str, where: str) -> bool:
    """``entry[name]`` as true/false (missing: false)."""
    value = entry.get(name, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise problem(f"{where}.{name}", f"expected true or false, got {shown(value)}")
    return value


def entries_of(document: Any, name: str, hint: str) -> list[Any]:
    """The ``entries`` list of an export document; ``hint`` says how to make the file."""
    if not isinstance(document, dict) or "entries" not in document:
        raise ImportProblem(f'{name} is not {hint}: it has no "entries".')
    entries = document["entries"]
    if not isinstance(entries, list):
        raise problem(f"{name}: entries", f"expected a list, got {shown(entries)}")
    return entries
