"""Today: where the user stands, from real figures in the journal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import AdviceStatus
from devjournal.domain.mentors import TRYING_FOR_DAYS
from devjournal.domain.models import LogEntry
from devjournal.domain.overview import (
    DueCheckin,
    DueTouchpoint,
    RecentEntry,
    SprintStanding,
    TodayOverview,
    TriedAdvice,
)
from devjournal.domain.wording import (
    countdown,
    day_text,
    days_ago,
    due_phrase,
    markdown_lines,
    plural,
    sprint_day_phrase,
    time_span,
)
from devjournal.drafts import DraftKey
from devjournal.services.changes import Changes, Outcome
from devjournal.ui.formatting import local_date
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import plain_tooltip
from devjournal.ui.widgets.card import Card, label
from devjournal.ui.widgets.notice_bar import NoticeBar

if TYPE_CHECKING:  # the services load the ORM, after the first paint
    from devjournal.services.mentorship_service import MentorshipService

log = logging.getLogger(__name__)

REFRESH_EVERY_MS = 5 * 60 * 1000
TOUCHPOINTS_SHOWN = 5
"""At most this many mentors on the card; the Mentorship page lists them all."""
ADVICE_NOTICES = {
    AdviceStatus.WORKED: "Noted: “{title}” worked.",
    AdviceStatus.DIDNT_WORK: "Noted: “{title}” didn't work.",
    AdviceStatus.TRYING: f"Still trying “{{title}}”: asked again in {time_span(TRYING_FOR_DAYS)}.",
}


class TodayPage(QWidget):
    """The landing page. Emits :attr:`first_painted` once, after its first paint with data."""

    shows: ClassVar[Changes] = Changes.EVERYTHING
    dialog: QDialog | None = None

    first_painted = Signal()
    sample_requested = Signal()
    assessment_requested = Signal()  # coach or mentor? the self-assessment
    sprint_requested = Signal(int)  # a sprint id; 0 asks to plan a new one
    sessions_requested = Signal(int)  # a sprint id: its sessions and action items
    checkin_requested = Signal(int, int)  # a sprint id and the goal to check in on
    mentor_requested = Signal(int)  # a mentor id: their page, to get in touch
    outreach_requested = Signal(int)  # an outreach id: the Outreach page, to follow up
    feedback_requested = Signal(int)  # a feedback entry id: the Feedback page, to weigh it

    def __init__(
        self,
        today_source: Callable[[], TodayOverview],
        ops: Ops,
        *,
        journal_path: Path,
        sample_home: Path,
        clock: Clock,
        notices: NoticeBar | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = today_source
        self._ops = ops
        self._notices = notices
        self._mentorship: MentorshipService | None = None
        self.touchpoints_card: Card | None = None
        """"Mentors to get in touch with", while there are some."""
        self.advice_card: Card | None = None
        """"Did it work?", while there is advice to ask about."""
        self.follow_ups_card: Card | None = None
        self.feedback_card: Card | None = None
        """"Outreach to follow up", while there is some."""
        self._journal_path = journal_path
        self._sample_home = sample_home
        self._clock = clock
        self._painted = False
        self.overview: TodayOverview | None = None

        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)
        self._content: QWidget | None = None
        self._sample_button: QPushButton | None = None
        self._sample_status: QLabel | None = None
        # Days left, "tomorrow" and "overdue" change with the clock, not only with the data.
        self._tick = QTimer(self)
        self._tick.setInterval(REFRESH_EVERY_MS)
        self._connect_signals()
        self.refresh()
        self._tick.start()

    def _connect_signals(self) -> None:
        self._tick.timeout.connect(self._on_tick_timeout)

    def _on_tick_timeout(self) -> None:
        stale_day = self.overview is not None and self.overview.today != local_today(self._clock)
        if stale_day or self.isVisible():
            self.refresh()

    # -- data -----------------------------------------------------------------------------
    def set_source(self, today_source: Callable[[], TodayOverview]) -> None:
        """Read Today from ``today_source`` from now on (the services, once loaded)."""
        self._source = today_source

    def set_mentorship(self, mentorship: MentorshipService) -> None:
        """Answer "did it work?" through ``mentorship`` (once the services are loaded)."""
        self._mentorship = mentorship

    def refresh(self) -> None:
        """Reload the figures and rebuild the page."""
        self.overview = self._source()
        self._rebuild(self.overview)

    def apply_changes(self, _changes: Changes, _origin: object) -> None:
        """Today shows a bit of everything: any change is worth a refresh (a few ms)."""
        self.refresh()

    def flush_drafts(self) -> None:
        """Nothing is typed on this page."""

    def open_draft(self, _key: DraftKey) -> bool:
        """No form of this page keeps drafts."""
        return False

    def set_sample_busy(self, busy: bool, message: str = "") -> None:
        """Show that a sample journal is being made (or why it failed)."""
        if self._sample_button is not None:
            self._sample_button.setEnabled(not busy)
        if self._sample_status is not None:
            self._sample_status.setText(message)
            self._sample_status.setVisible(bool(message))

    # -- painting -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The content widget fills the page, so its first paint is the page's first paint.
        if (
            event.type() == QEvent.Type.Paint
            and watched is self._content
            and not self._painted
            and self.overview is not None
        ):
            self._painted = True
            watched.removeEventFilter(self)
            # Queued, so listeners run after this paint has been delivered.
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)

    # -- building -------------------------------------------------------------------------
    def _rebuild(self, overview: TodayOverview) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        self._sample_button = None
        self._sample_status = None
        self.touchpoints_card = self.advice_card = self.follow_ups_card = None
        self.feedback_card = None
        if overview.is_empty:
            self._build_welcome(layout)
        else:
            self._build_overview(layout, overview)
        layout.addStretch(1)
        # Taken out and deleted later, not at once: a click on it ("Worked") may be what
        # rebuilt the page, and its button is still handling that click.
        old = self._scroll.takeWidget()
        self._scroll.setWidget(content)
        if old is not None:
            old.deleteLater()
        self._content = content
        if not self._painted:
            content.installEventFilter(self)

    def _header(self, layout: QVBoxLayout, overview: TodayOverview) -> None:
        row = QHBoxLayout()
        title = label("Today", "pageTitle")
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(label(local_date(overview.today, "dddd d MMMM yyyy"), "muted"))
        guide = QPushButton("Coach or mentor?")
        guide.setObjectName("link")
        guide.setToolTip("Take the self-assessment: which guide would help you most now")
        guide.clicked.connect(self.assessment_requested)
        self.assessment_button = guide
        row.addWidget(guide)
        layout.addLayout(row)

    def _build_welcome(self, layout: QVBoxLayout) -> None:
        card = Card()
        card.setMaximumWidth(720)
        heading = label("Welcome to devjournal", "pageTitle")
        card.body.addWidget(heading)
        card.add_label(
            "devjournal keeps the two ways you grow apart, on one time line:",
        )
        card.add_label(
            "<b>Coaching sprints</b> — a few weeks to a few months with a coach: SMART goals "
            "whose KPIs you check in over time, sessions with an agenda, and the action items "
            "your coach will hold you to.",
            rich=True,
        )
        card.add_label(
            "<b>Your mentorship log</b> — years of advice from mentors (traditional, peer, "
            "reverse and from afar), what you tried, what worked, and your reflections.",
            rich=True,
        )
        card.add_label(
            f"Your journal is one file on this computer: {self._journal_path}. "
            "Nothing is sent anywhere.",
            "muted",
        )
        card.body.addSpacing(8)
        card.add_label("Not sure whether you need a coach or a mentor?", "cardTitle")
        card.add_label(
            "Five short questions about what you need now say which would help most, "
            "and why; then start a draft sprint or reach out to a mentor.",
            "muted",
        )
        guide = QPushButton("Take the self-assessment")
        guide.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        guide.clicked.connect(self.assessment_requested)
        self.assessment_button = guide
        card.body.addWidget(guide)
        card.body.addSpacing(8)
        card.add_label("Want to look around first?", "cardTitle")
        card.add_label(
            f"A sample journal opens in its own window and folder ({self._sample_home}), "
            "so your own journal stays empty.",
            "muted",
        )
        button = QPushButton("Open a sample journal")
        button.setObjectName("primary")
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        button.clicked.connect(self.sample_requested)
        card.body.addWidget(button)
        status = card.add_label("", "muted")
        status.setVisible(False)
        self._sample_button = button
        self._sample_status = status
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        layout.addSpacing(24)
        layout.addLayout(row)

    def _build_overview(self, layout: QVBoxLayout, overview: TodayOverview) -> None:
        self._header(layout, overview)
        layout.addLayout(self._figures(overview))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        cards = (
            self._sprints_card(overview),
            self._session_card(overview),
            self._actions_card(overview),
            self._entries_card(overview),
        )
        for index, card in enumerate(cards):
            card.body.addStretch(1)  # a taller neighbour must not spread this card's lines
            grid.addWidget(card, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        mentoring = [
            card
            for card in (
                self._touchpoints_card(overview),
                self._follow_ups_card(overview),
                self._advice_card(overview),
                self._feedback_card(overview),
            )
            if card is not None
        ]
        if mentoring:
            below = QGridLayout()  # two to a row, half the width each, as the cards above
            below.setHorizontalSpacing(16)
            below.setVerticalSpacing(16)
            for index, card in enumerate(mentoring):
                card.body.addStretch(1)
                below.addWidget(card, index // 2, index % 2)
            below.setColumnStretch(0, 1)
            below.setColumnStretch(1, 1)
            layout.addLayout(below)

    def _figures(self, overview: TodayOverview) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        active = overview.active_sprints[0] if overview.active_sprints else None
        tiles = [
            (
                f"{active.days_left}" if active else "—",
                ("day" if active.days_left == 1 else "days") + " left in the sprint"
                if active
                else "No sprint running",
            ),
            (
                f"{overview.open_actions:,}",
                f"open action items, {overview.overdue_actions:,} overdue",
            ),
            (
                countdown(self._clock(), overview.next_session.starts_at)
                if overview.next_session
                else "—",
                "next coaching session" if overview.next_session else "No session planned",
            ),
            (f"{overview.log_entry_count:,}", "mentorship log entries"),
        ]
        for figure, caption in tiles:
            card = Card()
            card.body.addWidget(label(figure, "figure"))
            card.body.addWidget(label(caption, "figureCaption", wrap=True))
            row.addWidget(card, 1)
        return row

    def _sprints_card(self, overview: TodayOverview) -> Card:
        card = Card("Active sprint" if len(overview.active_sprints) <= 1 else "Active sprints")
        if not overview.active_sprints:
            card.add_label("No sprint is running today.", "muted")
            plan = QPushButton("Plan a sprint")
            plan.clicked.connect(lambda: self.sprint_requested.emit(0))
            card.body.addWidget(plan, 0, Qt.AlignmentFlag.AlignLeft)
        for standing in overview.active_sprints:
            self._add_sprint(card, standing, overview.due_checkins)
        return card

    def _add_sprint(
        self, card: Card, standing: SprintStanding, due_checkins: tuple[DueCheckin, ...]
    ) -> None:
        sprint = standing.sprint
        title = label(sprint.title, wrap=True)
        title.setStyleSheet("font-weight: 600;")
        card.body.addWidget(title)
        details = [sprint.kind.label]
        if sprint.coach_name:
            details.append(f"coach {sprint.coach_name}")
        details.append(plural(sprint.goal_count, "goal"))
        card.body.addWidget(label(" · ".join(details), "muted", wrap=True))
        bar = QProgressBar()
        bar.setRange(0, standing.total_days)
        bar.setValue(standing.day)
        bar.setTextVisible(False)
        bar.setAccessibleName(f"{sprint.title}: day {standing.day} of {standing.total_days}")
        card.body.addWidget(bar)
        card.body.addWidget(
            label(
                f"{sprint_day_phrase(standing.day, standing.total_days)} · "
                f"{plural(standing.days_left, 'day')} left · ends "
                f"{local_date(sprint.end_date, 'd MMM yyyy')}",
                "muted",
            )
        )
        if sprint.focus:
            card.body.addWidget(label(f"Aiming for: {sprint.focus}", wrap=True))
        due = [d for d in due_checkins if d.sprint_id == sprint.id]
        if due:
            names = ", ".join(f"“{d.title}”" for d in due[:3])
            more = f" and {len(due) - 3} more" if len(due) > 3 else ""
            card.body.addWidget(label(f"Check-in due: {names}{more}", "danger", wrap=True))
        buttons = QHBoxLayout()
        open_button = QPushButton("Open sprint")
        open_button.setToolTip(plain_tooltip(f"Open “{sprint.title}” on the Coaching page"))
        open_button.clicked.connect(lambda: self.sprint_requested.emit(sprint.id))
        buttons.addWidget(open_button)
        if due:
            first = due[0]
            checkin = QPushButton("Check in now")
            checkin.setToolTip(plain_tooltip(f"Record a check-in for “{first.title}”"))
            checkin.clicked.connect(lambda: self.checkin_requested.emit(sprint.id, first.goal_id))
            buttons.addWidget(checkin)
        buttons.addStretch(1)
        card.body.addLayout(buttons)

    def _session_card(self, overview: TodayOverview) -> Card:
        card = Card("Next coaching session")
        session = overview.next_session
        if session is None:
            card.add_label("No session is planned.", "muted")
            return card
        local = session.starts_at.astimezone()
        when = local_date(local.date(), "dddd d MMMM") + ", " + local.strftime("%H:%M")
        card.body.addWidget(label(f"{when} ({countdown(self._clock(), session.starts_at)})"))
        card.body.addWidget(
            label(
                f"{session.sprint_title} · {session.duration_min} minutes",
                "muted",
                wrap=True,
            )
        )
        agenda = markdown_lines(session.agenda)
        if agenda:
            card.body.addWidget(label("On the agenda:", "muted"))
            for item in agenda[:5]:
                card.body.addWidget(label(f"•  {item}", wrap=True))
            if len(agenda) > 5:
                card.body.addWidget(label(f"and {len(agenda) - 5} more", "muted"))
        else:
            card.add_label("Nothing on the agenda yet: prepare it before you meet.", "muted")
        prepare = QPushButton("Prepare the session")
        prepare.setToolTip("Open the session: agenda, open commitments to review, notes")
        prepare.clicked.connect(lambda: self.sessions_requested.emit(session.sprint_id))
        card.body.addWidget(prepare, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _actions_card(self, overview: TodayOverview) -> Card:
        card = Card("Action items")
        if overview.open_actions == 0:
            card.add_label("Nothing open. Commitments from your sessions show up here.", "muted")
            return card
        summary = f"{plural(overview.open_actions, 'open item')}"
        if overview.overdue_actions:
            card.add_label(f"{overview.overdue_actions:,} overdue", "danger")
        card.add_label(summary, "muted")
        for item in overview.due_actions:
            row = QHBoxLayout()
            row.addWidget(label(item.title, wrap=True), 1)
            if item.due_date is not None:
                phrase = due_phrase(item.due_date, overview.today)
                row.addWidget(
                    label(phrase, "danger" if item.is_overdue(overview.today) else "muted"),
                    0,
                    Qt.AlignmentFlag.AlignTop,
                )
            card.body.addLayout(row)
        if overview.due_actions:
            first = overview.due_actions[0]
            review = QPushButton("Review commitments")
            review.setToolTip("Tick off, change or drop them on the sprint's sessions tab")
            review.clicked.connect(lambda: self.sessions_requested.emit(first.sprint_id))
            card.body.addWidget(review, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _entries_card(self, overview: TodayOverview) -> Card:
        card = Card("Latest in your mentorship log")
        if not overview.latest_entries:
            card.add_label("No entries yet.", "muted")
        for entry in overview.latest_entries:
            self._add_entry(card, entry)
        return card

    def _add_entry(self, card: Card, entry: RecentEntry) -> None:
        meta = [
            local_date(entry.occurred_at.astimezone().date(), "d MMM yyyy"),
            entry.kind.label,
        ]
        if entry.mentor_name:
            meta.append(entry.mentor_name)
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(label(entry.title, wrap=True))
        box.addWidget(label(" · ".join(meta), "muted"))
        card.body.addLayout(box)

    # -- the mentorship half ----------------------------------------------------------------
    def _touchpoints_card(self, overview: TodayOverview) -> Card | None:
        """Mentors a touchpoint is due with, each one click from their page; None when
        there are none."""
        if not overview.touchpoints:
            return None
        card = Card("Mentors to get in touch with")
        self.touchpoints_card = card
        for due in overview.touchpoints[:TOUCHPOINTS_SHOWN]:
            self._add_touchpoint(card, due, overview)
        more = len(overview.touchpoints) - TOUCHPOINTS_SHOWN
        if more > 0:
            card.add_label(f"and {more:,} more on the Mentorship page", "muted")
        return card

    def _add_touchpoint(self, card: Card, due: DueTouchpoint, overview: TodayOverview) -> None:
        if due.last_contact is None:
            when = "not yet in touch"
        else:
            days = (overview.today - due.last_contact.astimezone().date()).days
            when = f"last in touch {days_ago(days)}"
        row = QHBoxLayout()
        box = QVBoxLayout()
        box.setSpacing(1)
        name = label(due.name, wrap=True)
        name.setStyleSheet("font-weight: 600;")
        box.addWidget(name)
        box.addWidget(label(when, "muted", wrap=True))
        if due.converse:  # how you converse, read before you get in touch
            box.addWidget(label("How we converse: " + " · ".join(due.converse), "muted", wrap=True))
        row.addLayout(box, 1)
        button = QPushButton("Open")
        button.setToolTip(plain_tooltip(f"Open {due.name} on the Mentorship page"))
        button.setAccessibleName(f"Open {due.name}")
        button.clicked.connect(lambda: self.mentor_requested.emit(due.mentor_id))
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        card.body.addLayout(row)

    def _follow_ups_card(self, overview: TodayOverview) -> Card | None:
        """Messages to prospective mentors and coaches without a reply for long enough,
        each one click from the Outreach page; None when there are none."""
        if not overview.follow_ups:
            return None
        card = Card("Outreach to follow up")
        self.follow_ups_card = card
        for due in overview.follow_ups[:TOUCHPOINTS_SHOWN]:
            row = QHBoxLayout()
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(label(due.line, wrap=True))
            box.addWidget(
                label(f"follow-up {due_phrase(due.due_on, overview.today)}", "muted", wrap=True)
            )
            row.addLayout(box, 1)
            button = QPushButton("Follow up")
            button.setToolTip(plain_tooltip(f"Open the outreach to {due.name}"))
            button.setAccessibleName(f"Follow up with {due.name}")
            button.clicked.connect(
                lambda _=False, ident=due.outreach_id: self.outreach_requested.emit(ident)
            )
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            card.body.addLayout(row)
        more = len(overview.follow_ups) - TOUCHPOINTS_SHOWN
        if more > 0:
            card.add_label(f"and {more:,} more on the Outreach page", "muted")
        return card

    def _feedback_card(self, overview: TodayOverview) -> Card | None:
        """Feedback not weighed yet (no impact or no "heard before"), the newest few, each
        one click from the Feedback page; None when all of it is weighed."""
        if not overview.unweighed:
            return None
        card = Card("Feedback to weigh")
        self.feedback_card = card
        count = overview.unweighed_count
        card.add_label(
            f"{plural(count, 'piece')} of feedback not weighed yet: how much it matters and "
            "whether you heard it before give it a priority.",
            "muted",
        )
        for item in overview.unweighed:
            row = QHBoxLayout()
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(label(item.title, wrap=True))
            day = item.occurred_at.astimezone().date()
            box.addWidget(label(f"heard {day_text(day)}", "muted", wrap=True))
            row.addLayout(box, 1)
            button = QPushButton("Weigh it")
            button.setToolTip(plain_tooltip(f"Open “{item.title}” on the Feedback page"))
            button.setAccessibleName(f"Weigh {item.title}")
            button.clicked.connect(
                lambda _=False, ident=item.entry_id: self.feedback_requested.emit(ident)
            )
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            card.body.addLayout(row)
        more = count - len(overview.unweighed)
        if more > 0:
            card.add_label(f"and {more:,} more on the Feedback page", "muted")
        return card

    def _advice_card(self, overview: TodayOverview) -> Card | None:
        """Advice tried for a few weeks, each with "Worked", "Didn't work" and "Still
        trying"; None when there is none."""
        if not overview.tried_advice:
            return None
        card = Card("Did it work?")
        self.advice_card = card
        card.add_label(
            f"Advice you have been trying for more than {time_span(TRYING_FOR_DAYS)}:", "muted"
        )
        for advice in overview.tried_advice:
            self._add_advice(card, advice, overview)
        more = overview.tried_advice_count - len(overview.tried_advice)
        if more > 0:
            card.add_label(f"and {plural(more, 'more piece')} of advice", "muted")
        return card

    def _add_advice(self, card: Card, advice: TriedAdvice, overview: TodayOverview) -> None:
        days = (overview.today - advice.since.astimezone().date()).days
        meta = [f"trying it for {time_span(days)}"]
        if advice.mentor_name:
            meta.insert(0, f"from {advice.mentor_name}")
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(label(advice.title, wrap=True))
        box.addWidget(label(" · ".join(meta), "muted", wrap=True))
        card.body.addSpacing(4)
        card.body.addLayout(box)
        buttons = QHBoxLayout()
        for text, status in (
            ("Worked", AdviceStatus.WORKED),
            ("Didn't work", AdviceStatus.DIDNT_WORK),
            ("Still trying", AdviceStatus.TRYING),
        ):
            button = QPushButton(text)
            button.setAccessibleName(f"{text}: {advice.title}")
            button.clicked.connect(
                lambda _=False, s=status: self.mark_advice(advice.id, advice.title, s)
            )
            buttons.addWidget(button)
        buttons.addStretch(1)
        card.body.addLayout(buttons)

    def mark_advice(self, entry_id: int, title: str, status: AdviceStatus) -> None:
        """Say what became of a piece of advice ("Still trying" asks again in a few
        weeks), with Undo."""
        mentorship = self._mentorship
        if mentorship is None:  # the services load within a second of the first paint
            self._say("Still opening the journal; try again in a moment.")
            return
        before: list[LogEntry] = []

        def mark() -> Outcome[LogEntry]:
            before.append(mentorship.entry(entry_id))
            return mentorship.mark_advice(entry_id, status)

        if self._ops.write(self, mark) is None:
            return
        self._say(
            ADVICE_NOTICES[status].format(title=title),
            lambda: self._ops.write(self, lambda: mentorship.unmark_advice(before[0])),
        )

    def _say(self, text: str, undo: Callable[[], object] | None = None) -> None:
        if self._notices is not None:
            self._notices.say(text, "Undo", undo, undo=undo is not None)
