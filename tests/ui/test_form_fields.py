"""Forms declared once: a form names the widgets a draft keeps (``FormDialog.bind``), and
its values and their loading follow from that, for every kind of field and every form."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QSpinBox,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from devjournal.services.container import Services
from devjournal.ui.dialogs.form_dialog import FormDialog, read_field, write_field
from devjournal.ui.main_window import MainWindow
from devjournal.ui.pages.coaching_page import CoachingPage
from tests.unit.test_summary import fill


def _combo() -> QComboBox:
    combo = QComboBox()
    for label, data in (("Active", "active"), ("Draft", "draft"), ("None", None)):
        combo.addItem(label, data)
    return combo


FIELDS: list[tuple[Callable[[], QWidget], object, object, object]] = [
    # (widget, a value, what it reads back as, a value that no longer fits)
    (QLineEdit, "Review <b>faster</b>", "Review <b>faster</b>", None),
    (QPlainTextEdit, "line one\nline two", "line one\nline two", None),
    (QCheckBox, True, True, 0),
    (_combo, "draft", "draft", "gone"),
    (QSpinBox, 42, 42, "lots"),
    (QDateEdit, "2024-02-29", "2024-02-29", "2024-13-01"),
    (QTimeEdit, "07:05", "07:05", "25:99"),
]


@pytest.mark.parametrize(("make", "value", "read", "unfit"), FIELDS)
def test_every_kind_of_field_keeps_its_value_and_ignores_one_that_no_longer_fits(
    qtbot: QtBot, make: Callable[[], QWidget], value: object, read: object, unfit: object
) -> None:
    widget = make()
    qtbot.addWidget(widget)
    if isinstance(widget, QDateEdit):
        widget.setDate(QDate(2026, 11, 18))
    if isinstance(widget, QTimeEdit):
        widget.setTime(QTime(9, 30))
    write_field(widget, value)
    assert read_field(widget) == read
    assert json.loads(json.dumps(read_field(widget))) == read
    write_field(widget, unfit)
    kept = read_field(widget)
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        assert kept == ""  # a missing text is an empty one, never "None"
    elif isinstance(widget, QCheckBox):
        assert kept is False
    else:
        assert kept == read  # left as it was


def test_a_widget_a_form_cannot_keep_is_said_at_once(qtbot: QtBot) -> None:
    slider = QSlider()
    qtbot.addWidget(slider)
    with pytest.raises(TypeError, match="cannot keep the value of a QSlider"):
        read_field(slider)
    with pytest.raises(TypeError, match="cannot fill a QSlider"):
        write_field(slider, 3)


DRAFT_KEYS = {
    name: sorted(keys.split())
    for name, keys in {
        "SprintDialog": "title kind coach_name focus start_date end_date session_every_days "
        "serves_id",
        "GoalDialog": "title specific metric_kind metric_name unit scale_max baseline target "
        "direction milestones achievable relevant serves_id has_deadline deadline "
        "checkin_every_days status",
        "CloseSprintDialog": "completed closed_on wins retrospective rollover goals",
        "CheckinDialog": "on_date value note",
        "PlanSessionsDialog": "every_days at duration_min",
        "SessionDialog": "day time duration_min status agenda notes insights scope questions",
        "ActionDialog": "title has_due due goal_id status",
        "EntryDialog": "kind day time title body tags mentor_id source_url advice_status "
        "responds_to_id sprint_id goal_id scope given_by context reading impact heard done "
        "session_id",
        "MentorDialog": "name relationship formality programme affiliation organisation seeking "
        "serves_id has_start start has_end end contact_every_days converse_format "
        "converse_minutes channel topics boundaries notes links",
        "CoachDialog": "name coaches organisation contact notes",
        "AimDialog": "horizon title detail has_reached reached_on scope",
    }.items()
}
"""What each form's draft holds (drafts written by earlier versions are read back)."""


def _forms(page: CoachingPage) -> list[Callable[[], None]]:
    view = page.view
    assert view is not None
    goal = view.goals[0]
    sessions = page._coaching.sessions_of(view.sprint.id)
    return [
        page.new_sprint,
        page.edit_sprint,
        page.add_goal,
        lambda: page.edit_goal(goal),
        page.close_sprint,
        lambda: page.edit_checkin(goal.checkins[0]),
        page.sessions.plan_sessions,
        page.sessions.add_session,
        lambda: page.sessions.edit_session(sessions[0]),
        lambda: page.sessions.add_action(None),
    ]


def test_every_form_loads_what_it_keeps_as_a_draft(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    """Each coaching form: its values go through JSON (as a draft does) and back into a
    form whose fields were cleared, unchanged; then the entry and mentor forms."""
    fill(services)
    page = window.coaching_page
    assert page is not None
    window.sidebar.setCurrentRow(window.page_titles().index("Coaching"))
    page.refresh()
    opened: list[FormDialog] = []
    for open_form in _forms(page):
        open_form()
        assert page.dialog is not None
        opened.append(page.dialog)
        page.dialog.hide()
        page.dialog = None
    assert window.history_page is not None and window.mentorship_page is not None
    window.history_page.new_entry()
    assert window.history_page.dialog is not None
    opened.append(window.history_page.dialog)
    window.mentorship_page.new_mentor()
    assert window.mentorship_page.dialog is not None
    opened.append(window.mentorship_page.dialog)
    assert window.coaches_page is not None
    window.coaches_page.new_coach()
    assert window.coaches_page.dialog is not None
    opened.append(window.coaches_page.dialog)
    assert window.direction_page is not None
    window.direction_page.new_aim()
    assert window.direction_page.dialog is not None
    opened.append(window.direction_page.dialog)
    assert {type(form).__name__: sorted(form.values()) for form in opened} == DRAFT_KEYS
    for form in opened:
        kept = json.loads(json.dumps(form.values()))
        for widget in form._bound.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                write_field(widget, "")
        form.load(kept)
        assert form.values() == kept, type(form).__name__
        assert form._bound, type(form).__name__
        form.hide()


def test_a_mentor_draft_from_before_keeps_its_rhythm(window: MainWindow) -> None:
    page = window.mentorship_page
    assert page is not None
    page.new_mentor()
    assert page.dialog is not None
    page.dialog.load({"name": "Grace", "every": 21})  # the key a draft had until 0.2
    assert page.dialog.values()["contact_every_days"] == 21
    assert page.dialog.values()["name"] == "Grace"
