"""Stand-ins for what the user picks in a file dialog, and a look at what they were told."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from devjournal.ui import file_prompts
from devjournal.ui.ops import Ops


class Choose:
    """Stands in for ``file_prompts.ask_for_file``: the user picks ``path`` with the
    dialog's ``name_filter`` (an empty path: the user cancels). ``asked`` keeps each
    request as (caption, suggested name, filters, save)."""

    def __init__(self, path: str | Path, name_filter: str = "") -> None:
        self.path = str(path)
        self.name_filter = name_filter
        self.asked: list[tuple[str, str, str, bool]] = []

    def __call__(
        self,
        parent: QWidget,
        caption: str,
        *,
        save: bool,
        suggested: str,
        filters: str,
        on_chosen: Callable[[Path, str], None],
    ) -> Any:
        self.asked.append((caption, suggested, filters, save))
        if self.path:
            on_chosen(Path(self.path), self.name_filter)


def choose(monkeypatch: pytest.MonkeyPatch, path: str | Path, name_filter: str = "") -> Choose:
    """Make the next file dialogs answer ``path``."""
    chooser = Choose(path, name_filter)
    monkeypatch.setattr(file_prompts, "ask_for_file", chooser)
    return chooser


def finished(ops: Ops, qtbot: QtBot) -> None:
    """Wait until the window's long operation (an export or import, ``Ops.with_progress``)
    has ended and said so."""
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)


def message_shown(parent: QWidget) -> str:
    """The text of a message box open over ``parent`` ("" when none is)."""
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1].text() if boxes else ""


def answer_prompt(dialog: QWidget, choice: str) -> None:
    """Press ``choice`` ("Discard", "Keep editing") in the prompt open over ``dialog``."""
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    assert boxes, "no prompt was shown"
    next(b for b in boxes[-1].buttons() if b.text() == choice).click()
