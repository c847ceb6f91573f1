"""Every report devjournal writes, in one registry: the command line (``export NAME``) and
the window (``ui/report_export.save_report``) both find them here.

A :class:`Report` is a name, a title, its formats, and two steps:

- ``gather(services, request, sharing, progress) -> data``: the only step that reads the
  journal. It asks the privacy rule (``domain/sharing.py``) as it reads, so the data holds
  only what ``sharing`` shares (the whole-journal export, the user's own backup, is the one
  report that shares everything: ``shares=False``);
- ``build(data, fmt, progress) -> bytes``: a writer per format, pure (plain data in, the
  file's bytes out; HTML, PDF and PNG need a QGuiApplication, ``Format.qt``).

The modules behind the steps are imported when a step runs (the command line starts
without loading Qt or the ORM). Writing the bytes is ``files.write_export``'s job, for
every report. A new report is one ``Report(...)`` added to :data:`REPORTS` (and, for the
command line, its options in ``cli_export``). Using one::

    data = SUMMARY.gather(services, SprintRequest(sprint_id), Sharing(), no_progress())
    pdf = SUMMARY.build(data, "pdf")
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from devjournal.domain.jobs import Progress, no_progress
from devjournal.domain.sharing import Sharing, left_out_note

if TYPE_CHECKING:
    from PySide6.QtGui import QFont

    from devjournal.domain.timeline import Scale
    from devjournal.exporting.checkins_csv import CheckinsTable
    from devjournal.exporting.closeout import CloseoutReport
    from devjournal.exporting.history_export import HistoryExport, HistoryRequest
    from devjournal.exporting.ics import SessionsCalendar
    from devjournal.exporting.review import PeriodReview, ReviewRequest
    from devjournal.exporting.summary import GoalSummary
    from devjournal.exporting.timeline_image import TimelinePicture
    from devjournal.render.timeline_painter import TimelineScene
    from devjournal.services.container import Services

Q = TypeVar("Q")
D = TypeVar("D")


@dataclass(frozen=True)
class Format:
    """A kind of file a report is written as."""

    name: str
    """What the command line's ``--format`` takes: ``md``."""
    filter: str
    """The file dialog's filter: ``Markdown (*.md)``."""
    suffixes: tuple[str, ...]
    """The suffixes that choose it, the one it is given first."""
    text: bool = True
    """Whether it can go to a terminal (stdout without ``-o``)."""
    qt: bool = False
    """Whether writing it needs a QGuiApplication (charts, Qt's Markdown, painting)."""

    @property
    def suffix(self) -> str:
        """The suffix a file of this format is given: ``.md``."""
        return self.suffixes[0]


MD = Format("md", "Markdown (*.md)", (".md", ".markdown"))
HTML = Format("html", "HTML (*.html)", (".html", ".htm"), qt=True)
PDF = Format("pdf", "PDF (*.pdf)", (".pdf",), text=False, qt=True)
ICS = Format("ics", "iCalendar (*.ics)", (".ics",), text=False)
CSV = Format("csv", "CSV (*.csv)", (".csv",))
JSON = Format("json", "devjournal export (*.json)", (".json",), text=False)
PNG = Format("png", "PNG image (*.png)", (".png",), text=False, qt=True)

Writer = Callable[[D, Progress], bytes]


@dataclass(frozen=True)
class Report(Generic[Q, D]):
    """One report: what it is called, the formats it is written in, how its data is read
    (with the privacy rule applied) and how each format is written from that data."""

    name: str
    """The command line's ``export NAME`` (and the report's name in the code)."""
    title: str
    formats: tuple[Format, ...]
    gather: Callable[[Services, Q, Sharing, Progress], D]
    writers: Mapping[str, Writer[D]]
    said: Callable[[D], str]
    """What a file of it holds, in words ("the summary of “Review faster”"): the
    command line says "Wrote … to FILE."."""
    shares: bool = True
    """False for the one export that is not a copy for someone else (the whole journal)."""
    command_line: bool = True
    """Whether ``devjournal export`` offers it (the timeline is in view only in the window)."""

    def format(self, name: str) -> Format:
        """The format called ``name``."""
        return next(f for f in self.formats if f.name == name)

    def build(self, data: D, fmt: str, progress: Progress | None = None) -> bytes:
        """``data`` written as ``fmt``: pure, the privacy rule having run in ``gather``."""
        return self.writers[fmt](data, progress or no_progress())

    def reading(self, services: Services, request: Q, sharing: Sharing) -> Callable[[Progress], D]:
        """The gather step as a job (for ``ui/background.py``)."""
        return lambda progress: self.gather(services, request, sharing, progress)

    def chosen(self, path: Path, name_filter: str, formats: tuple[Format, ...] = ()) -> Format:
        """The format a file the user chose is written in: its suffix if it is one of
        ``formats`` (every format of the report by default), else the dialog's filter,
        else the first."""
        offered = formats or self.formats
        suffix = path.suffix.lower()
        by_suffix = next((f for f in offered if suffix in f.suffixes), None)
        return by_suffix or next((f for f in offered if f.filter == name_filter), offered[0])


@dataclass(frozen=True)
class SprintRequest:
    """A report of one sprint (and, for the summary, of one of its goals)."""

    sprint_id: int
    goal_id: int | None = None


@dataclass(frozen=True)
class SprintsRequest:
    """A report over every sprint, or over one."""

    sprint_id: int | None = None


@dataclass(frozen=True)
class JournalDump:
    """The whole journal, table by table, as the JSON export writes it."""

    tables: Mapping[str, Sequence[Mapping[str, Any]]]
    revision: str | None
    generated_at: datetime

    @property
    def rows(self) -> int:
        """How many rows in every table."""
        return sum(len(rows) for rows in self.tables.values())


@dataclass(frozen=True)
class TimelineRequest:
    """What is in view on the Timeline: ``scene(sharing)`` reads the marks in view as the
    rule shares them (the page knows its filters); the rest is how the view draws them."""

    scene: Callable[[Sharing], TimelineScene]
    scale: Scale
    width: int
    font: QFont


# -- the writers (HTML, PDF and PNG import Qt, which is slow to load: only when asked) ------
def _summary_md(s: GoalSummary, _p: Progress) -> bytes:
    from devjournal.exporting.summary import summary_markdown  # noqa: PLC0415

    return summary_markdown(s).encode("utf-8")


def _summary_html(s: GoalSummary, _p: Progress) -> bytes:
    from devjournal.exporting.summary_html import summary_html  # noqa: PLC0415

    return summary_html(s).encode("utf-8")


def _summary_pdf(s: GoalSummary, _p: Progress) -> bytes:
    from devjournal.exporting.summary_pdf import summary_pdf  # noqa: PLC0415

    return summary_pdf(s)


def _closeout_md(r: CloseoutReport, _p: Progress) -> bytes:
    from devjournal.exporting.closeout import closeout_markdown  # noqa: PLC0415

    return closeout_markdown(r).encode("utf-8")


def _closeout_html(r: CloseoutReport, _p: Progress) -> bytes:
    from devjournal.exporting.closeout_html import closeout_html  # noqa: PLC0415

    return closeout_html(r).encode("utf-8")


def _closeout_pdf(r: CloseoutReport, _p: Progress) -> bytes:
    from devjournal.exporting.closeout_pdf import closeout_pdf  # noqa: PLC0415

    return closeout_pdf(r)


def _history_md(x: HistoryExport, progress: Progress) -> bytes:
    from devjournal.exporting.history_export import history_markdown  # noqa: PLC0415

    return history_markdown(x, progress).encode("utf-8")


def _history_html(x: HistoryExport, progress: Progress) -> bytes:
    from devjournal.exporting.history_html import history_html  # noqa: PLC0415

    return history_html(x, progress).encode("utf-8")


def _history_pdf(x: HistoryExport, progress: Progress) -> bytes:
    from devjournal.exporting.history_pdf import history_pdf  # noqa: PLC0415

    return history_pdf(x, progress)


def _review_md(r: PeriodReview, _p: Progress) -> bytes:
    from devjournal.exporting.review import review_markdown  # noqa: PLC0415

    return review_markdown(r).encode("utf-8")


def _review_html(r: PeriodReview, _p: Progress) -> bytes:
    from devjournal.exporting.review_html import review_html  # noqa: PLC0415

    return review_html(r).encode("utf-8")


def _review_pdf(r: PeriodReview, _p: Progress) -> bytes:
    from devjournal.exporting.review_pdf import review_pdf  # noqa: PLC0415

    return review_pdf(r)


def _sessions_ics(calendar: SessionsCalendar, _p: Progress) -> bytes:
    from devjournal.exporting.ics import calendar_ics  # noqa: PLC0415

    return calendar_ics(calendar)


def _checkins_csv(table: CheckinsTable, _p: Progress) -> bytes:
    from devjournal.exporting.checkins_csv import checkins_csv  # noqa: PLC0415

    return checkins_csv(table)


def _journal_json(dump: JournalDump, _p: Progress) -> bytes:
    from devjournal.exporting.journal_json import journal_json  # noqa: PLC0415

    return journal_json(dump.tables, dump.revision, dump.generated_at)


def _timeline_png(picture: TimelinePicture, _p: Progress) -> bytes:
    from devjournal.exporting.timeline_image import timeline_png  # noqa: PLC0415

    return timeline_png(picture)


def _timeline_pdf(picture: TimelinePicture, _p: Progress) -> bytes:
    from devjournal.exporting.timeline_image import timeline_pdf  # noqa: PLC0415

    return timeline_pdf(picture)


# -- the gather steps: read, with the privacy rule applied ---------------------------------
def _gather_summary(
    services: Services, request: SprintRequest, sharing: Sharing, progress: Progress
) -> GoalSummary:
    from devjournal.exporting.summary import sprint_summary  # noqa: PLC0415

    progress.report(0, 0, "Reading the sprint…")
    summary = sprint_summary(
        services, request.sprint_id, services.clock(), sharing=sharing, goal_id=request.goal_id
    )
    return summary.for_the_coach()


def _gather_closeout(
    services: Services, request: SprintRequest, sharing: Sharing, progress: Progress
) -> CloseoutReport:
    from devjournal.exporting.closeout import sprint_closeout  # noqa: PLC0415

    progress.report(0, 0, "Reading the sprint…")
    return sprint_closeout(services, request.sprint_id, services.clock(), sharing=sharing)


def _gather_history(
    services: Services, request: HistoryRequest, sharing: Sharing, progress: Progress
) -> HistoryExport:
    from devjournal.exporting.history_export import read_history  # noqa: PLC0415

    request = replace(request, include_private=sharing.include_private)
    return read_history(services, request, services.clock(), progress)


def _gather_review(
    services: Services, request: ReviewRequest, sharing: Sharing, progress: Progress
) -> PeriodReview:
    from devjournal.exporting.review import read_review  # noqa: PLC0415

    return read_review(services, request, sharing, services.clock(), progress)


def _gather_sessions(
    services: Services, request: SprintsRequest, sharing: Sharing, progress: Progress
) -> SessionsCalendar:
    from devjournal.exporting.ics import shared_calendar  # noqa: PLC0415

    progress.report(0, 0, "Reading the sessions…")
    sprints = services.coaching.sessions_by_sprint(request.sprint_id)
    return shared_calendar(sprints, services.clock(), sharing)


def _gather_checkins(
    services: Services, request: SprintsRequest, sharing: Sharing, progress: Progress
) -> CheckinsTable:
    from devjournal.exporting.checkins_csv import read_checkins  # noqa: PLC0415

    progress.report(0, 0, "Reading the check-ins…")
    return read_checkins(services, request.sprint_id, sharing)


def _gather_journal(
    services: Services, _request: None, _sharing: Sharing, progress: Progress
) -> JournalDump:
    now = services.clock()
    progress.report(0, 0, "Reading the journal…")
    tables = services.journal.dump()
    progress.check()
    return JournalDump(tables, services.journal.revision(), now)


def _gather_timeline(
    _services: Services, request: TimelineRequest, sharing: Sharing, progress: Progress
) -> TimelinePicture:
    from devjournal.exporting.timeline_image import TimelinePicture  # noqa: PLC0415

    progress.report(0, 0, "Drawing the timeline…")
    return TimelinePicture(request.scene(sharing), request.scale, request.width, request.font)


def _history_said(x: HistoryExport) -> str:
    left = f" ({x.left_out:,} private left out)" if x.left_out else ""
    return f"{len(x.items):,} entries of the mentorship history{left}"


SUMMARY: Report[SprintRequest, GoalSummary] = Report(
    name="summary",
    title="session summary",
    formats=(MD, HTML, PDF),
    gather=_gather_summary,
    writers={
        "md": _summary_md,
        "html": _summary_html,
        "pdf": _summary_pdf,
    },
    said=lambda s: f"the summary of “{s.sprint_title}”{left_out_note(s.left_out)}",
)
CLOSEOUT: Report[SprintRequest, CloseoutReport] = Report(
    name="closeout",
    title="close-out report",
    formats=(MD, HTML, PDF),
    gather=_gather_closeout,
    writers={
        "md": _closeout_md,
        "html": _closeout_html,
        "pdf": _closeout_pdf,
    },
    said=lambda r: f"the close-out report of “{r.sprint_title}”{left_out_note(r.left_out)}",
)
HISTORY: Report[HistoryRequest, HistoryExport] = Report(
    name="history",
    title="mentorship history",
    formats=(MD, replace(HTML, filter="HTML, one self-contained file (*.html)"), PDF),
    gather=_gather_history,
    writers={
        "md": _history_md,
        "html": _history_html,
        "pdf": _history_pdf,
    },
    said=_history_said,
)
REVIEW: Report[ReviewRequest, PeriodReview] = Report(
    name="review",
    title="review of the period",
    formats=(MD, HTML, PDF),
    gather=_gather_review,
    writers={
        "md": _review_md,
        "html": _review_html,
        "pdf": _review_pdf,
    },
    said=lambda r: f"the review of {r.range}{left_out_note(r.left_out)}",
)
SESSIONS: Report[SprintsRequest, SessionsCalendar] = Report(
    name="sessions",
    title="coaching sessions",
    formats=(ICS,),
    gather=_gather_sessions,
    writers={"ics": _sessions_ics},
    said=lambda c: f"{c.count:,} sessions of {len(c.sprints):,} sprints",
)
CHECKINS: Report[SprintsRequest, CheckinsTable] = Report(
    name="checkins",
    title="check-ins",
    formats=(CSV,),
    gather=_gather_checkins,
    writers={"csv": _checkins_csv},
    said=lambda t: f"{len(t.rows):,} check-ins{left_out_note(t.left_out)}",
)
JOURNAL: Report[None, JournalDump] = Report(
    name="journal",
    title="the whole journal",
    formats=(JSON,),
    gather=_gather_journal,
    writers={"json": _journal_json},
    said=lambda dump: f"the journal ({dump.rows:,} rows)",
    shares=False,
)
TIMELINE: Report[TimelineRequest, TimelinePicture] = Report(
    name="timeline",
    title="timeline",
    formats=(PNG, PDF),
    gather=_gather_timeline,
    writers={"png": _timeline_png, "pdf": _timeline_pdf},
    said=lambda _picture: "the timeline",
    command_line=False,
)

REPORTS: tuple[Report[Any, Any], ...] = (
    SESSIONS,
    SUMMARY,
    CLOSEOUT,
    JOURNAL,
    CHECKINS,
    HISTORY,
    REVIEW,
    TIMELINE,
)
"""Every report, in the order the command line lists them."""


def report(name: str) -> Report[Any, Any]:
    """The report called ``name``."""
    return next(r for r in REPORTS if r.name == name)
