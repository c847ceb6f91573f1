"""Reminders: the day before a session, and once when an action becomes overdue."""

from __future__ import annotations

from datetime import UTC, date, datetime

from devjournal.domain.enums import SprintKind
from devjournal.domain.models import ActionItemDraft, SessionDraft, SprintDraft
from devjournal.paths import AppPaths
from devjournal.services.container import Services
from devjournal.settings import Settings
from devjournal.ui.main_window import MainWindow
from devjournal.ui.reminders import Reminders

# The fixed clock says Wednesday 18 November 2026, 09:30 UTC.

SESSION_AT = datetime(2026, 11, 19, 15, 30, tzinfo=UTC)


def fill(services: Services) -> None:
    c = services.coaching
    sprint = c.create_sprint(
        SprintDraft(
            title="Review faster",
            kind=SprintKind.PERFORMANCE,
            start_date=date(2026, 10, 1),
            end_date=date(2026, 12, 19),
        )
    ).value
    c.add_session(SessionDraft(sprint_id=sprint.id, starts_at=SESSION_AT))
    c.add_action(
        ActionItemDraft(sprint_id=sprint.id, title="Read ch. 4", due_date=date(2026, 11, 17))
    )
    c.add_action(
        ActionItemDraft(sprint_id=sprint.id, title="Pair with Sam", due_date=date(2026, 11, 25))
    )


def test_each_reminder_is_shown_once_and_can_be_turned_off(
    services: Services, paths: AppPaths, qapp: object
) -> None:
    fill(services)
    shown: list[tuple[str, str]] = []
    settings = Settings(paths.settings)
    reminders = Reminders(
        settings, services.journal.reminder_facts, lambda t, x: shown.append((t, x))
    )
    reminders.check()
    assert shown == [
        (
            "Coaching session tomorrow",
            f"{SESSION_AT.astimezone():%H:%M}, Review faster. Prepare the agenda today.",
        ),
        ("An action item is overdue", "Read ch. 4 (due 17 Nov)"),
    ]
    reminders.check()
    again = Reminders(
        Settings(paths.settings), services.journal.reminder_facts, lambda t, x: shown.append((t, x))
    )
    again.check()  # a restart does not repeat them either
    assert len(shown) == 2
    settings.reminders = False
    settings.reminded = []
    assert reminders.check() == [] and len(shown) == 2


def test_the_window_shows_reminders_and_the_menu_turns_them_off(
    window: MainWindow, services: Services, paths: AppPaths
) -> None:
    fill(services)
    assert window.reminders is not None
    assert window.reminders.check() != []
    assert window.statusBar().currentMessage().startswith("An action item is overdue: Read ch. 4")
    assert window.reminders_action.isChecked()
    window.reminders_action.trigger()
    assert Settings(paths.settings).reminders is False


def test_a_session_moved_within_its_day_is_not_reminded_twice(
    services: Services, paths: AppPaths, qapp: object
) -> None:
    from dataclasses import replace

    fill(services)
    shown: list[str] = []
    reminders = Reminders(
        Settings(paths.settings), services.journal.reminder_facts, lambda t, x: shown.append(t)
    )
    reminders.check()
    [session] = [s for s in services.coaching.sessions_of(1) if s.starts_at.day == 19]
    services.coaching.update_session(
        session.id, replace(session, starts_at=session.starts_at.replace(hour=17))
    )
    reminders.check()
    assert shown.count("Coaching session tomorrow") == 1
