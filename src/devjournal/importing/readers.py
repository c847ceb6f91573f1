"""The entry importers by name (``jrnl``, ``dayone``), for the terminal and the window."""

from __future__ import annotations

from collections.abc import Callable

from devjournal.domain.imports import ImportBatch
from devjournal.domain.jobs import Progress
from devjournal.importing.dayone import read_dayone
from devjournal.importing.jrnl import read_jrnl

READERS: dict[str, Callable[[bytes, str, Progress | None], ImportBatch]] = {
    "jrnl": read_jrnl,
    "dayone": read_dayone,
}


def read_entries(
    source: str, data: bytes, name: str, progress: Progress | None = None
) -> ImportBatch:
    """The entries of ``data`` read as ``source`` (a key of :data:`READERS`)."""
    return READERS[source](data, name, progress)
