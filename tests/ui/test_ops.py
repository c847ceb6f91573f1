"""The one way the window calls a service (``ui/ops.py``): a write tells every page what
it changed, once, and a refusal is said window-modally and changes nothing; long writes
and slow reads run on a worker thread."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

import devjournal.ui
from devjournal.domain.enums import EntryKind
from devjournal.domain.errors import DomainError, ValidationError
from devjournal.domain.jobs import Cancelled, Progress
from devjournal.domain.models import LogEntryDraft
from devjournal.services.changes import Changes, Outcome
from devjournal.services.container import Services
from devjournal.ui import background
from devjournal.ui.ops import Ops
from tests.ui.prompts import message_shown


def _entry(title: str) -> LogEntryDraft:
    return LogEntryDraft(
        kind=EntryKind.LESSON,
        occurred_at=datetime(2026, 11, 17, 9, 0, tzinfo=UTC),
        title=title,
        body="",
    )


@pytest.fixture
def origin(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _heard(ops: Ops) -> list[tuple[Changes, object]]:
    heard: list[tuple[Changes, object]] = []
    ops.data_changed.connect(lambda changes, origin: heard.append((changes, origin)))
    return heard


def test_a_write_tells_every_page_what_it_changed_once(services: Services, origin: QWidget) -> None:
    ops = Ops()
    heard = _heard(ops)
    outcome = ops.write(origin, lambda: services.mentorship.add_entry(_entry("Kept")))
    assert outcome is not None and outcome.value.title == "Kept"
    assert heard == [(Changes.ENTRIES | Changes.TAGS, origin)]
    assert message_shown(origin) == ""


def test_a_refused_write_is_said_over_its_window_and_tells_no_page(
    services: Services, origin: QWidget, qtbot: QtBot
) -> None:
    ops = Ops()
    heard = _heard(ops)
    before = services.journal.info().counts

    def refused() -> Outcome[None]:
        raise DomainError("The journal is read-only: nothing was saved.")

    assert ops.write(origin, refused) is None
    assert heard == []
    assert message_shown(origin) == "The journal is read-only: nothing was saved."
    box = origin.findChild(QMessageBox)
    assert (box is not None and not box.isModal()) or box.windowModality().name == "WindowModal"
    assert services.journal.info().counts == before


def test_a_refusal_can_be_shown_where_the_caller_asks(origin: QWidget) -> None:
    ops = Ops()
    shown: list[str] = []

    def invalid() -> Outcome[None]:
        raise ValidationError({"title": "A title is needed."})

    assert ops.write(origin, invalid, refused=lambda exc: shown.append(str(exc))) is None
    assert "A title is needed." in shown[0] and message_shown(origin) == ""


def test_nothing_is_told_when_nothing_changed(origin: QWidget) -> None:
    ops = Ops()
    heard = _heard(ops)
    assert ops.write(origin, lambda: Outcome(0, Changes.NONE)) is not None
    ops.announce(Changes.NONE)
    assert heard == []


def test_a_long_write_runs_on_a_worker_and_tells_the_pages_when_done(
    origin: QWidget, qtbot: QtBot
) -> None:
    ops = Ops()
    heard = _heard(ops)
    threads: list[threading.Thread] = []
    done: list[int] = []

    def job(progress: Progress) -> Outcome[int]:
        threads.append(threading.current_thread())
        progress.report(1, 2, "Halfway")
        return Outcome(7, Changes.EVERYTHING)

    task = ops.write_in_background(origin, "Import", job, done.append)
    assert task is not None
    qtbot.waitUntil(lambda: done == [7], timeout=10_000)
    assert threads and threads[0] is not threading.main_thread()
    assert heard == [(Changes.EVERYTHING, origin)]


def test_a_cancelled_long_write_tells_no_page(origin: QWidget, qtbot: QtBot) -> None:
    ops = Ops()
    heard = _heard(ops)
    cancelled: list[bool] = []

    def job(_progress: Progress) -> Outcome[int]:
        raise Cancelled

    ops.write_in_background(
        origin, "Import", job, lambda _v: None, on_cancel=lambda: cancelled.append(True)
    )
    qtbot.waitUntil(lambda: cancelled == [True], timeout=10_000)
    assert heard == []


def test_one_long_operation_runs_at_a_time_in_a_window_whichever_widget_asks(
    qtbot: QtBot,
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    page = QWidget(window)  # an export asked from a page while the window imports
    ops = Ops()
    release = threading.Event()
    done: list[str] = []

    def slow(_progress: Progress) -> Outcome[str]:
        release.wait(5)
        return Outcome("imported", Changes.EVERYTHING)

    assert ops.write_in_background(window, "Import", slow, done.append) is not None
    assert ops.busy
    refused = ops.with_progress(page, "Export", lambda _p: "exported", done.append)

    assert refused is None
    assert message_shown(page) == Ops.BUSY
    release.set()
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
    assert done == ["imported"]
    assert ops.with_progress(page, "Export", lambda _p: "exported", done.append) is not None
    qtbot.waitUntil(lambda: done == ["imported", "exported"], timeout=10_000)


def test_a_query_reads_on_a_worker_and_answers_on_the_gui_thread(
    services: Services, origin: QWidget, qtbot: QtBot
) -> None:
    ops = Ops()
    services.mentorship.add_entry(_entry("Found later"))
    where: list[threading.Thread] = []
    answers: list[tuple[int, threading.Thread]] = []

    def read() -> int:
        where.append(threading.current_thread())
        return services.mentorship.search("later", limit=5).total

    ops.query(origin, read, lambda total: answers.append((total, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    assert where[0] is not threading.main_thread()
    assert answers == [(1, threading.main_thread())]


def test_a_query_whose_widget_is_gone_answers_nobody(qtbot: QtBot) -> None:
    ops = Ops()
    gate = threading.Event()
    answers: list[int] = []
    widget = QWidget()

    def read() -> int:
        gate.wait(10)
        return 1

    task = ops.query(widget, read, answers.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: task not in background._RUNNING, timeout=10_000)
    assert answers == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))


def test_a_failed_query_is_said_over_its_window(origin: QWidget, qtbot: QtBot) -> None:
    ops = Ops()

    def read() -> int:
        raise DomainError("The journal could not be read.")

    ops.query(origin, read, lambda _v: None)
    qtbot.waitUntil(lambda: message_shown(origin) == "The journal could not be read.", timeout=5000)


UI = Path(devjournal.ui.__file__).parent
STATIC = re.compile(
    r"QMessageBox\.(question|warning|information|critical|about)\(|QFileDialog\.get\w+\("
)


def test_no_page_or_dialog_spins_a_nested_event_loop_or_tells_pages_itself() -> None:
    """Static message boxes and file dialogs, and ``exec()``, run an event loop inside the
    caller; only ``ops.py`` tells the pages what changed. The one ``exec()`` left is the
    error shown before the app's event loop runs (``error_dialog.show_error``)."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            where = f"{path.relative_to(UI)}:{number}: {line.strip()}"
            if STATIC.search(line):
                found.append(where)
            if ".exec()" in line and path.name != "error_dialog.py":
                found.append(where)
            if "data_changed.emit(" in line and path.name != "ops.py":
                found.append(where)
    assert found == []
