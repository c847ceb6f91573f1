"""The Timeline page: marks where their dates say, clicks open the right thing, filters hide
the right things, zoom and position are remembered, exports are written."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from devjournal.domain.enums import (
    Direction,
    EntryKind,
    GoalStatus,
    Relationship,
    Scope,
    SessionStatus,
    SprintKind,
)
from devjournal.domain.models import (
    CheckinDraft,
    GoalDraft,
    LogEntryDraft,
    MentorDraft,
    SessionDraft,
    SprintDraft,
)
from devjournal.domain.sharing import Sharing
from devjournal.domain.timeline import ItemKind, TimelineData, day_of
from devjournal.render.timeline_painter import Hit, TimelineScene
from devjournal.services.container import Services
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.timeline_page import TimelinePage
from tests.clocks import NOW
from tests.ui.prompts import choose, finished


def fill(services: Services) -> dict[str, int]:
    c, ms = services.coaching, services.mentorship
    sprint = c.create_sprint(
        SprintDraft(
            title="Review faster",
            kind=SprintKind.PERFORMANCE,
            start_date=date(2026, 10, 1),
            end_date=date(2026, 12, 19),
        )
    ).value
    other = c.create_sprint(
        SprintDraft(
            title="Lead the RFC",
            kind=SprintKind.LEADERSHIP,
            start_date=date(2026, 11, 2),
            end_date=date(2027, 1, 29),
        )
    ).value
    goal = c.add_goal(
        GoalDraft(
            sprint_id=sprint.id,
            title="Review turnaround",
            specific="First response on every review within a working day.",
            metric_name="median hours",
            unit="hours",
            baseline=30,
            target=10,
            direction=Direction.DOWN,
            achievable="Two review slots a day fit my calendar.",
            relevant="Slow reviews are the team's top complaint.",
            deadline=date(2026, 12, 15),
            status=GoalStatus.ACTIVE,
        )
    ).value
    checkin = c.add_checkin(
        CheckinDraft(goal_id=goal.id, on_date=date(2026, 11, 12), value=24)
    ).value
    session = c.add_session(
        SessionDraft(
            sprint_id=sprint.id,
            starts_at=datetime(2026, 11, 4, 10, tzinfo=UTC),
            status=SessionStatus.HELD,
        )
    ).value
    mentor = ms.add_mentor(MentorDraft(name="Priya", relationship=Relationship.TRADITIONAL)).value
    advice = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.ADVICE,
            occurred_at=datetime(2026, 11, 10, 9, tzinfo=UTC),
            title="Say no to low-value meetings",
            mentor_id=mentor.id,
            tags=("focus",),
        )
    ).value
    win = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.WIN,
            occurred_at=datetime(2026, 11, 16, 18, tzinfo=UTC),
            title="Shipped the review bot",
        )
    ).value
    return {
        "sprint": sprint.id,
        "other": other.id,
        "goal": goal.id,
        "checkin": checkin.id,
        "session": session.id,
        "advice": advice.id,
        "win": win.id,
    }


def read(page: TimelinePage) -> TimelinePage:
    """``page`` once the read it asked for (off the GUI thread) has been drawn."""
    waited = time.monotonic() + 10
    while page.reading:
        assert time.monotonic() < waited, "the timeline's read did not come back"
        QTest.qWait(5)
    return page


def read_again(page: TimelinePage) -> TimelinePage:
    """``page`` read again and painted."""
    page.refresh()
    read(page).view.repaint()
    return page


def open_timeline(window: MainWindow) -> TimelinePage:
    page = window.timeline_page
    assert page is not None
    window.sidebar.setCurrentRow(window.stack.indexOf(page))
    read(page)
    page.set_zoom("quarter")
    page.view.set_scale(page.view.scale.centred(day_of(date(2026, 11, 10))))
    page.view.repaint()
    return page


def hit(page: TimelinePage, kind: ItemKind, ident: int) -> Hit:
    found = [h for h in page.view.hits if h.kind is kind and h.id == ident]
    assert found, f"no {kind} {ident} on the timeline"
    return found[0]


def marks(page: TimelinePage, kind: ItemKind) -> set[int]:
    return {h.id for h in page.view.hits if h.kind is kind}


def test_items_appear_where_their_dates_say(window: MainWindow, services: Services) -> None:
    ids = fill(services)
    page = open_timeline(window)
    scale = page.view.scale
    sprint = hit(page, ItemKind.SPRINT, ids["sprint"])
    assert sprint.rect.left() == pytest.approx(scale.x(day_of(date(2026, 10, 1))), abs=1)
    assert sprint.rect.right() == pytest.approx(scale.x(day_of(date(2026, 12, 20))), abs=1)
    goal = hit(page, ItemKind.GOAL, ids["goal"])
    assert goal.rect.center().x() == pytest.approx(scale.x(day_of(date(2026, 12, 15)) + 0.5), abs=1)
    checkin = hit(page, ItemKind.CHECKIN, ids["checkin"])
    assert checkin.rect.center().x() == pytest.approx(
        scale.x(day_of(date(2026, 11, 12)) + 0.5), abs=1
    )
    session = hit(page, ItemKind.SESSION, ids["session"])
    assert session.rect.center().x() == pytest.approx(
        scale.x(day_of(datetime(2026, 11, 4, 10, tzinfo=UTC))), abs=1
    )
    advice = hit(page, ItemKind.ENTRY, ids["advice"])
    assert advice.rect.center().x() == pytest.approx(
        scale.x(day_of(datetime(2026, 11, 10, 9, tzinfo=UTC))), abs=1
    )
    assert "Say no to low-value meetings" in advice.tip and "Priya" in advice.tip
    # The two sprints overlap: each has its own row.
    other = hit(page, ItemKind.SPRINT, ids["other"])
    assert other.rect.top() != sprint.rect.top()
    assert "2 mentorship entries" in page.status.text()


def test_a_click_opens_the_item_where_it_is_edited(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    ids = fill(services)
    page = open_timeline(window)
    goal = hit(page, ItemKind.GOAL, ids["goal"])
    qtbot.mouseClick(page.view, Qt.MouseButton.LeftButton, pos=goal.rect.center().toPoint())
    coaching = window.coaching_page
    assert coaching is not None and window.stack.currentWidget() is coaching
    assert coaching.view is not None and coaching.view.sprint.id == ids["sprint"]

    page = open_timeline(window)
    entry = hit(page, ItemKind.ENTRY, ids["win"])
    qtbot.mouseClick(page.view, Qt.MouseButton.LeftButton, pos=entry.rect.center().toPoint())
    history = window.history_page
    assert history is not None and window.stack.currentWidget() is history
    assert history.entry is not None and history.entry.id == ids["win"]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip, offscreen
def test_keyboard_tab_selects_marks_and_enter_opens(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    ids = fill(services)
    page = open_timeline(window)
    opened: list[Hit] = []
    page.open_requested.disconnect()
    page.open_requested.connect(opened.append)
    page.view.setFocus()
    first = min(
        (h for h in page.view.hits if h.kind is not ItemKind.DENSITY),
        key=lambda h: (h.rect.center().x(), h.rect.top()),
    )
    assert page.view.focusNextPrevChild(True)
    assert page.view.selected == first
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == [first]
    span = page.view.scale.span
    qtbot.keyClick(page.view, Qt.Key.Key_Plus)
    assert page.view.scale.span < span
    middle = page.view.scale.first
    qtbot.keyClick(page.view, Qt.Key.Key_Right)
    assert page.view.scale.first > middle
    assert ids  # (the journal has something to tab through)


def test_filters_hide_the_right_things(window: MainWindow, services: Services) -> None:
    ids = fill(services)
    page = open_timeline(window)
    assert marks(page, ItemKind.ENTRY) == {ids["advice"], ids["win"]}
    page.mentor_box.setCurrentIndex(page.mentor_box.findText("Priya"))
    page.mentor_box.activated.emit(page.mentor_box.currentIndex())
    page.view.repaint()
    assert marks(page, ItemKind.ENTRY) == {ids["advice"]}
    assert marks(page, ItemKind.SPRINT) == {ids["sprint"], ids["other"]}  # lanes stay
    page.clear_filters()
    page.set_filter(page.filter.__class__(kind=EntryKind.WIN))
    page.view.repaint()
    assert marks(page, ItemKind.ENTRY) == {ids["win"]}
    page.set_filter(page.filter.__class__(tag="focus"))
    page.view.repaint()
    assert marks(page, ItemKind.ENTRY) == {ids["advice"]}
    page.clear_filters()
    page.sprint_box.setCurrentIndex(page.sprint_box.findData(ids["other"]))
    page.sprint_box.activated.emit(page.sprint_box.currentIndex())
    page.view.repaint()
    assert marks(page, ItemKind.SPRINT) == {ids["other"]}
    assert marks(page, ItemKind.GOAL) == set() and marks(page, ItemKind.ENTRY) == set()


def test_dense_entries_show_as_counts(window: MainWindow, services: Services) -> None:
    ms = services.mentorship
    for n in range(400):
        ms.add_entry(
            LogEntryDraft(
                kind=EntryKind.REFLECTION,
                occurred_at=datetime(2026, 1, 1 + n % 28, 8, tzinfo=UTC).replace(month=1 + n % 11),
                title=f"Note {n}",
            )
        )
    page = open_timeline(window)
    page.set_zoom("all")
    page.view.repaint()
    bars = [h for h in page.view.hits if h.kind is ItemKind.DENSITY]
    assert bars and sum(int(h.tip.split()[0].replace(",", "")) for h in bars) == 400
    assert marks(page, ItemKind.ENTRY) == set()
    assert "shown as counts per" in page.status.text()


def test_the_view_remembers_zoom_and_position(
    window: MainWindow, services: Services, make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    fill(services)
    page = open_timeline(window)
    page.set_zoom("year")
    page.view.set_scale(page.view.scale.centred(day_of(date(2025, 6, 1))))
    page._save_position()
    again = make_window()
    again.show()
    qtbot.waitExposed(again)
    assert again.timeline_page is not None
    again.sidebar.setCurrentRow(again.stack.indexOf(again.timeline_page))
    scale = read(again.timeline_page).view.scale
    assert scale.span == pytest.approx(366, abs=0.1)
    assert scale.first + scale.span / 2 == pytest.approx(day_of(date(2025, 6, 1)) + 0.5, abs=1)


def test_export_png_and_vector_pdf(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill(services)
    page = open_timeline(window)
    png = tmp_path / "timeline.png"
    choose(monkeypatch, png)
    page.export("png")
    finished(window.ops, qtbot)
    assert png.read_bytes().startswith(b"\\x89PNG".decode("unicode_escape").encode("latin-1"))
    pdf = tmp_path / "timeline.pdf"
    choose(monkeypatch, pdf)
    page.export("pdf")
    finished(window.ops, qtbot)
    assert page.status.text() == f"Saved the timeline to {pdf}."
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Review faster" in text and "Mentorship" in text
    resources = reader.pages[0]["/Resources"]
    assert not resources.get("/XObject")  # drawn as vectors, not a picture
    assert oct(pdf.stat().st_mode & 0o777) == "0o600"


def test_an_export_leaves_private_items_out_unless_asked(
    window: MainWindow,
    services: Services,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = fill(services)
    c, ms = services.coaching, services.mentorship
    secret = c.add_goal(
        GoalDraft(
            sprint_id=ids["sprint"],
            title="Secret goal",
            deadline=date(2026, 11, 20),
            scope=Scope.PRIVATE,
        )
    ).value
    checkin = c.add_checkin(
        CheckinDraft(goal_id=secret.id, on_date=date(2026, 11, 8), value=1)
    ).value
    session = c.add_session(
        SessionDraft(
            sprint_id=ids["sprint"],
            starts_at=datetime(2026, 11, 6, 10, tzinfo=UTC),
            scope=Scope.PRIVATE,
        )
    ).value
    private_entry, linked_entry, shared_entry = (
        ms.add_entry(
            LogEntryDraft(
                kind=EntryKind.REFLECTION,
                occurred_at=datetime(2026, 11, 12, 9, tzinfo=UTC),
                title=title,
                goal_id=goal_id,
                sprint_id=ids["sprint"],
                scope=scope,
            )
        ).value
        for title, goal_id, scope in (
            ("Only for me", None, Scope.PRIVATE),
            ("About the secret goal", secret.id, Scope.COACH),
            ("Shared reflection", None, Scope.COACH),
        )
    )
    page = open_timeline(window)
    # The screen is the user's own: everything is on it.
    assert secret.id in marks(page, ItemKind.GOAL) and session.id in marks(page, ItemKind.SESSION)
    assert {private_entry.id, linked_entry.id} <= marks(page, ItemKind.ENTRY)

    def shown(scene: TimelineScene) -> set[tuple[str, int]]:
        return {
            *(("goal", g.id) for g in scene.goals),
            *(("checkin", x.id) for x in scene.checkins),
            *(("session", x.id) for x in scene.sessions),
            *(("entry", e.id) for e in scene.entries),
        }

    private = {
        ("goal", secret.id),
        ("checkin", checkin.id),
        ("session", session.id),
        ("entry", private_entry.id),
        ("entry", linked_entry.id),
    }
    shared = shown(page.scene(Sharing()))
    assert not shared & private
    assert ("goal", ids["goal"]) in shared and ("session", ids["session"]) in shared
    assert ("entry", shared_entry.id) in shared
    assert private <= shown(page.scene(Sharing(include_private=True)))
    # The export paints the shared scene unless "Include private items" is ticked.
    painted: list[TimelineScene] = []
    monkeypatch.setattr(
        "devjournal.exporting.timeline_image.paint_timeline",
        lambda *_args, scene, **_kw: painted.append(scene),
    )
    assert not page.export_private_action.isChecked()
    choose(monkeypatch, tmp_path / "shared.png")
    page.export("png")
    finished(window.ops, qtbot)
    page.export_private_action.setChecked(True)
    choose(monkeypatch, tmp_path / "everything.pdf")
    page.export("pdf")
    finished(window.ops, qtbot)
    assert not shown(painted[0]) & private and private <= shown(painted[1])
    assert (tmp_path / "shared.png").exists() and (tmp_path / "everything.pdf").exists()


def test_an_empty_journal_says_what_will_appear(window: MainWindow) -> None:
    page = window.timeline_page
    assert page is not None
    window.sidebar.setCurrentRow(window.stack.indexOf(page))
    assert read(page).stack.currentWidget() is page.empty
    page.empty.button.click()
    assert window.stack.currentWidget() is window.coaching_page


def test_wheel_and_drag_pan_and_ctrl_wheel_zooms(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    fill(services)
    page = open_timeline(window)
    view = page.view
    start = view.scale.first
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPointF(600, 10).toPoint())
    qtbot.mouseMove(view, QPointF(500, 10).toPoint())
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPointF(500, 10).toPoint())
    assert view.scale.first > start  # dragged left: later dates come into view


def test_a_deleted_sprint_leaves_the_filter_and_new_entries_appear(
    window: MainWindow, services: Services
) -> None:
    from devjournal.services.changes import Changes

    ids = fill(services)
    page = open_timeline(window)
    page.sprint_box.setCurrentIndex(page.sprint_box.findData(ids["other"]))
    page.sprint_box.activated.emit(page.sprint_box.currentIndex())
    services.coaching.delete_sprint(ids["other"])
    entry = services.mentorship.add_entry(
        LogEntryDraft(
            kind=EntryKind.LESSON,
            occurred_at=datetime(2026, 11, 12, 8, tzinfo=UTC),
            title="Learnt from the incident review",
        )
    ).value
    window.ops.announce(Changes.SPRINTS | Changes.ENTRIES)
    read(page).view.repaint()
    assert page.filter.sprint_id is None and page.sprint_box.currentIndex() == 0
    assert ids["other"] not in marks(page, ItemKind.SPRINT)
    assert entry.id in marks(page, ItemKind.ENTRY)


def test_the_mark_on_top_is_the_one_clicked(window: MainWindow, services: Services) -> None:
    ids = fill(services)
    services.coaching.add_checkin(
        CheckinDraft(goal_id=ids["goal"], on_date=date(2026, 12, 15), value=12)
    )  # on the deadline: the diamond is drawn over the tick
    page = open_timeline(window)
    goal = hit(page, ItemKind.GOAL, ids["goal"])
    top = page.view.hit_at(goal.rect.center())
    assert top is not None and top.kind is ItemKind.GOAL


def test_clustered_entries_stack_or_become_counts(window: MainWindow, services: Services) -> None:
    for n in range(3):  # three within an hour: stacked, each clickable
        services.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.REFLECTION,
                occurred_at=datetime(2026, 11, 9, 8, 10 * n, tzinfo=UTC),
                title=f"Close {n}",
            )
        )
    page = open_timeline(window)
    dots = [h for h in page.view.hits if h.kind is ItemKind.ENTRY]
    assert len(dots) == 3 and len({round(d.rect.top()) for d in dots}) == 3
    for n in range(5):  # eight on one spot: too many to tell apart, so counts
        services.mentorship.add_entry(
            LogEntryDraft(
                kind=EntryKind.WIN,
                occurred_at=datetime(2026, 11, 9, 9, n, tzinfo=UTC),
                title=f"More {n}",
            )
        )
    read_again(page)
    assert not [h for h in page.view.hits if h.kind is ItemKind.ENTRY]
    assert sum(int(h.tip.split()[0]) for h in page.view.hits if h.kind is ItemKind.DENSITY) == 8


def test_leaving_the_page_saves_where_it_was(window: MainWindow, services: Services) -> None:
    fill(services)
    page = open_timeline(window)
    page.set_zoom("month")
    window.sidebar.setCurrentRow(0)  # at once, not after the debounce
    assert float(window._settings.get_str("timeline_span")) == pytest.approx(31)


def test_shift_wheel_pans_and_a_plain_wheel_scrolls_the_page(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    fill(services)
    page = open_timeline(window)
    view = page.view

    def wheel(modifiers: Qt.KeyboardModifier) -> bool:
        event = QWheelEvent(
            QPointF(300, 20),
            QPointF(view.mapToGlobal(QPoint(300, 20))),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view, event)
        return event.isAccepted()

    first, span = view.scale.first, view.scale.span
    assert not wheel(Qt.KeyboardModifier.NoModifier)  # left to the page's scroll area
    assert view.scale.first == first
    assert wheel(Qt.KeyboardModifier.ShiftModifier) and view.scale.first > first
    assert wheel(Qt.KeyboardModifier.ControlModifier) and view.scale.span > span


class HeldReads:
    """The timeline's reads, each held on its worker (after reading) until let go."""

    def __init__(self, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gates: list[threading.Event] = []
        real = services.timeline.data

        def held() -> TimelineData:
            found = real()  # the journal as it was when the read was asked for
            gate = threading.Event()
            self.gates.append(gate)
            assert gate.wait(10), "a held read was never let go"
            return found

        monkeypatch.setattr(services.timeline, "data", held)

    def let_go(self, index: int, qtbot: QtBot) -> None:
        qtbot.waitUntil(lambda: len(self.gates) > index)
        self.gates[index].set()


def test_the_page_shows_at_once_and_draws_the_lanes_when_the_read_returns(
    window: MainWindow, services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = fill(services)
    reads = HeldReads(services, monkeypatch)
    page = window.timeline_page
    assert page is not None
    window.sidebar.setCurrentRow(window.stack.indexOf(page))
    # On screen at once, the journal still being read off the GUI thread.
    assert window.stack.currentWidget() is page and page.reading
    assert page.status.text() == "Reading the timeline…"
    page.view.repaint()  # its axis, nothing on it yet
    assert page.view.hits == [] and not page.export_button.isEnabled()
    with qtbot.waitSignal(page.read_shown, timeout=10_000):
        reads.let_go(0, qtbot)
    page.view.repaint()
    assert page.stack.currentWidget() is page.scroller and page.export_button.isEnabled()
    assert marks(page, ItemKind.SPRINT) == {ids["sprint"], ids["other"]}
    assert "2 mentorship entries" in page.status.text()


def test_an_older_read_coming_back_late_does_not_replace_a_newer_one(
    window: MainWindow, services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from devjournal.services.changes import Changes
    from devjournal.ui import background

    ids = fill(services)
    page = open_timeline(window)
    assert marks(page, ItemKind.SPRINT) == {ids["sprint"], ids["other"]}
    reads = HeldReads(services, monkeypatch)
    page.refresh()  # the older read: both sprints, held until the newer one is drawn
    qtbot.waitUntil(lambda: len(reads.gates) == 1)
    services.coaching.delete_sprint(ids["other"])
    with qtbot.waitSignal(page.read_shown, timeout=10_000):
        window.ops.announce(Changes.SPRINTS)  # the newer read: one sprint
        reads.let_go(1, qtbot)
    page.view.repaint()
    assert marks(page, ItemKind.SPRINT) == {ids["sprint"]}
    reads.let_go(0, qtbot)
    qtbot.waitUntil(lambda: not background._RUNNING, timeout=10_000)
    qtbot.wait(20)  # the older answer's delivery, on the GUI thread
    page.view.repaint()
    assert marks(page, ItemKind.SPRINT) == {ids["sprint"]}
    assert page.sprint_box.findData(ids["other"]) == -1


def test_the_guides_lane_shows_assessments_outreach_and_aims_reached(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    from devjournal.domain.enums import AimHorizon, Guide, Need, OutreachStatus
    from devjournal.domain.models import AimDraft, AssessmentDraft, OutreachDraft

    fill(services)
    assessment = services.guide.take_assessment(
        AssessmentDraft(taken_at=NOW, need=Need.DIRECTION)
    ).value
    people = services.people
    outreach = people.add_outreach(
        OutreachDraft(
            name="Ada Lovelace",
            guide=Guide.MENTOR,
            status=OutreachStatus.SENT,
            idea_on=date(2026, 11, 1),
            sent_on=date(2026, 11, 3),
        )
    ).value
    people.move_outreach(outreach.id, OutreachStatus.DECLINED, date(2026, 11, 9))
    aim = people.add_aim(
        AimDraft(
            horizon=AimHorizon.ONE_YEAR,
            title="Lead a team",
            reached_on=date(2026, 11, 5),
            scope=Scope.COACH,
        )
    ).value
    page = open_timeline(window)
    scale = page.view.scale
    sent, declined = sorted(
        (h for h in page.view.hits if h.kind is ItemKind.OUTREACH), key=lambda h: h.rect.x()
    )
    assert sent.rect.center().x() == pytest.approx(scale.x(day_of(date(2026, 11, 3)) + 0.5), abs=1)
    assert sent.tip == "Message sent to Ada Lovelace\n3 Nov 2026"
    assert declined.tip == "Declined: Ada Lovelace\n9 Nov 2026"
    assert hit(page, ItemKind.AIM, aim.id).tip == "Reached: Lead a team\n5 Nov 2026"
    taken = hit(page, ItemKind.ASSESSMENT, assessment.id)
    assert taken.tip.startswith("Took the coach-or-mentor self-assessment")
    # Private moments stay out of an export unless asked; a filter to a sprint hides them.
    shared = page.scene(Sharing())
    assert [(m.kind, m.id) for m in shared.moments] == [(ItemKind.AIM, aim.id)]
    assert len(page.scene(Sharing(include_private=True)).moments) == 4
    # A click on the assessment opens it on the Guide page.
    qtbot.mouseClick(page.view, Qt.MouseButton.LeftButton, pos=taken.rect.center().toPoint())
    guide = window.guide_page
    assert guide is not None and window.stack.currentWidget() is guide
    # ... and one on the outreach opens it on the Outreach page.
    page = open_timeline(window)
    sent = hit(page, ItemKind.OUTREACH, outreach.id)
    qtbot.mouseClick(page.view, Qt.MouseButton.LeftButton, pos=sent.rect.center().toPoint())
    reached = window.outreach_page
    assert reached is not None and window.stack.currentWidget() is reached
    assert reached.shown is not None and reached.shown.id == outreach.id
