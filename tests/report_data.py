"""Plain data for every report of ``exporting/reports.py``, made by hand: no journal, no
services. A builder given these must write its file (``tests/unit/test_reports.py``).

``data(name)`` is the data of the report called ``name``; the timeline's needs a
QGuiApplication (it holds a QFont), so it is made only when asked for."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from devjournal.domain.enums import Direction, EntryKind, Scope, SessionStatus, SprintKind
from devjournal.domain.models import CoachingSession, Sprint
from devjournal.domain.pace import Kpi, Point
from devjournal.exporting.checkins_csv import CheckinRow, CheckinsTable
from devjournal.exporting.closeout import CloseoutGoal, CloseoutReport
from devjournal.exporting.history_export import EntryRef, HistoryExport, HistoryItem
from devjournal.exporting.ics import SessionsCalendar
from devjournal.exporting.report_text import ReportCommitment, ReportEntry, TextBlock
from devjournal.exporting.reports import JournalDump
from devjournal.exporting.review import (
    CoachSprints,
    CommitmentRecord,
    FeedbackTheme,
    GoalResult,
    Kept,
    MentorTouch,
    PeriodReview,
    ReviewCommitment,
    ReviewEntry,
    WorkedAdvice,
)
from devjournal.exporting.summary import GoalSummary, SummaryCheckin, SummaryGoal

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)
START, END = date(2026, 10, 1), date(2026, 12, 19)
KPI = Kpi(30, 10, Direction.DOWN, START, END)
POINTS = (Point(START, 30), Point(date(2026, 11, 1), 18))
COMMITMENT = ReportCommitment("Block review slots", "open", date(2026, 11, 20), 1)
WIN = ReportEntry(date(2026, 11, 2), "Win", "Shipped the guide")


def summary() -> GoalSummary:
    goal = SummaryGoal(
        title="Review turnaround",
        specific="Review pull requests within a day",
        figures="30 → 18 → 10 hours (60% of the way)",
        status="On track",
        due=END,
        checkins=(SummaryCheckin(date(2026, 11, 1), "18 hours", "Slots help"),),
        kpi=KPI,
        points=POINTS,
        unit="hours",
    )
    return GoalSummary(
        sprint_title="Review faster",
        coach="Ada",
        focus="Faster reviews",
        day=49,
        total_days=80,
        since=date(2026, 11, 1),
        since_label="since the last session (1 Nov 2026)",
        goals=(goal,),
        commitments=(COMMITMENT,),
        entries=(WIN,),
        to_discuss=("Review turnaround: what is in the way?",),
        left_out=0,
        generated_at=NOW,
    )


def closeout() -> CloseoutReport:
    goal = CloseoutGoal(
        title="Review turnaround",
        specific="Review pull requests within a day",
        why="Teammates wait",
        outcome="Achieved",
        dropped=False,
        figures="Baseline 30 → final 9 → target 10 hours",
        achieved="105% achieved · target met",
        due=END,
        lessons="Slots beat good intentions",
        kpi=KPI,
        points=POINTS,
        unit="hours",
    )
    return CloseoutReport(
        sprint_title="Review faster",
        kind="Growth",
        coach="Ada",
        focus="Faster reviews",
        start=START,
        end=END,
        ended="Completed on 19 Dec 2026",
        as_of=END,
        retrospective=(TextBlock(("It went well.",)),),
        results="1 goal: 1 achieved",
        goals=(goal,),
        wins=(WIN,),
        learnt=(ReportEntry(date(2026, 11, 3), "Lesson", "Ask early"),),
        follow_through="1 commitment: 1 open",
        commitments=(COMMITMENT,),
        sessions="2 sessions held",
        left_out=0,
        generated_at=NOW,
    )


def history() -> HistoryExport:
    advice = HistoryItem(
        id=1,
        on=date(2026, 10, 5),
        kind=EntryKind.ADVICE,
        title="Timebox reviews",
        body="Two slots a day.\n\n- morning\n- afternoon",
        mentor="Ada",
        tags=("reviews",),
        source_url="https://example.org/slots",
        advice_status=None,
        scope=Scope.COACH,
        answers=None,
        replies=(EntryRef(date(2026, 11, 3), EntryKind.REFLECTION, "Slots work"),),
    )
    return HistoryExport(
        filters=("Every entry",),
        items=(advice,),
        left_out=0,
        include_private=False,
        generated_at=NOW,
    )


def review() -> PeriodReview:
    return PeriodReview(
        start=START,
        end=END,
        generated_at=NOW,
        wins=(ReviewEntry(date(2026, 11, 2), "Win", "Shipped the guide", "Ada"),),
        goals=(
            GoalResult(
                "Review faster",
                "Review turnaround",
                "Achieved",
                "Baseline 30 → final 9 → target 10 hours",
                "100% achieved · target met",
            ),
        ),
        feedback_count=2,
        themes=(FeedbackTheme("communication", 2, START, END),),
        untagged_feedback=0,
        responses=(),
        advice=(WorkedAdvice(ReviewEntry(START, "Advice", "Delegate", "Ada"), None),),
        follow_through=CommitmentRecord(
            (ReviewCommitment("Block review slots", date(2026, 11, 20), Kept.NOT_DUE),)
        ),
        mentors=(MentorTouch("Ada", "peer", 3),),
        coaches=(CoachSprints("Ines", ("Review faster",)),),
        left_out=0,
        include_private=False,
    )


def sessions() -> SessionsCalendar:
    sprint = Sprint(
        id=1,
        created_at=NOW,
        updated_at=NOW,
        title="Review faster",
        kind=SprintKind.SKILLS,
        start_date=START,
        end_date=END,
        coach_name="Ada",
    )
    session = CoachingSession(
        id=1,
        created_at=NOW,
        updated_at=NOW,
        sprint_id=1,
        starts_at=datetime(2026, 11, 20, 10, tzinfo=UTC),
        status=SessionStatus.PLANNED,
        agenda="- Review slots",
    )
    return SessionsCalendar(((sprint, (session,)),), NOW)


def checkins() -> CheckinsTable:
    row = CheckinRow(1, "Review faster", 1, "Review turnaround", "Turnaround", "hours",
                     date(2026, 11, 1), 18.0, "=Slots help")  # fmt: skip
    return CheckinsTable((row,), 0)


def journal() -> JournalDump:
    return JournalDump({"sprint": [{"id": 1, "title": "Review faster"}]}, "0004", NOW)


def timeline() -> Any:
    """The timeline's picture (needs a QGuiApplication: it holds a QFont)."""
    from PySide6.QtGui import QFont

    from devjournal.domain.timeline import Scale
    from devjournal.exporting.timeline_image import TimelinePicture
    from devjournal.render.timeline_painter import TimelineScene

    scene = TimelineScene(sprints=(), rows={}, goals=(), sessions=(), checkins=(), today=END)
    return TimelinePicture(scene, Scale(START.toordinal(), 92, 600), 600, QFont())


MAKERS = {
    "summary": summary,
    "closeout": closeout,
    "history": history,
    "review": review,
    "sessions": sessions,
    "checkins": checkins,
    "journal": journal,
    "timeline": timeline,
}


def data(name: str) -> Any:
    """The plain data of the report called ``name``."""
    return MAKERS[name]()
