"""What the open sprint's detail shows of itself: its heading, its health (day, progress,
how its goals stand) and, once closed, its retrospective. Built from a ``SprintView``;
the buttons and goal cards that act on it are the page's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from devjournal.domain.models import Sprint
from devjournal.domain.sprints import SprintPhase, SprintView
from devjournal.domain.wording import plural
from devjournal.ui.formatting import local_date
from devjournal.ui.plain_text import for_mnemonic
from devjournal.ui.widgets.card import Card, label


def add_heading(
    column: QVBoxLayout,
    sprint: Sprint,
    serves: str = "",
    open_coach: Callable[[int], None] | None = None,
) -> QLabel:
    """The sprint's title, what kind it is, who with, its dates and rhythm, its aim and the
    part of the direction it serves (``serves``, "" when none); returns the title label.
    With ``open_coach``, the coach's name is a link that opens them (on the Coaches page)."""
    title = label(sprint.title, "pageTitle", wrap=True)
    column.addWidget(title)
    when = [
        f"{local_date(sprint.start_date, 'd MMM yyyy')} – "
        f"{local_date(sprint.end_date, 'd MMM yyyy')}"
    ]
    if sprint.session_every_days:
        when.append(f"a session every {plural(sprint.session_every_days, 'day')}")
    if sprint.coach_name and sprint.coach_id is not None and open_coach is not None:
        row = QHBoxLayout()
        row.setSpacing(0)  # the link's own padding spaces it
        row.addWidget(label(f"{sprint.kind.label} ·", "muted"))
        coach_id = sprint.coach_id
        link = QPushButton(for_mnemonic(f"with {sprint.coach_name}"))
        link.setObjectName("link")
        link.setFlat(True)
        link.setCursor(Qt.CursorShape.PointingHandCursor)
        link.setToolTip("Open this coach on the Coaches page: your history together")
        link.setAccessibleName(f"Coach: {sprint.coach_name}")
        link.clicked.connect(lambda: open_coach(coach_id))
        row.addWidget(link)
        row.addWidget(label("· " + " · ".join(when), "muted"))
        row.addStretch(1)
        column.addLayout(row)
    else:
        details = [sprint.kind.label]
        if sprint.coach_name:
            details.append(f"with {sprint.coach_name}")
        column.addWidget(label(" · ".join(details + when), "muted", wrap=True))
    if sprint.focus:
        column.addWidget(label(f"Aiming for: {sprint.focus}", wrap=True))
    if serves:
        shown = label(f"Serves: {serves}", "muted", wrap=True)
        shown.setAccessibleName(f"Serves: {serves}")
        column.addWidget(shown)
    return title


@dataclass(frozen=True)
class Health:
    """The health card and its two lines of text."""

    card: Card
    day_label: QLabel
    summary_label: QLabel


def health(view: SprintView) -> Health:
    """Where the sprint is in its time (a bar), and how its goals stand."""
    card = Card()
    row = QHBoxLayout()
    sprint = view.sprint
    if view.phase is SprintPhase.PLANNED:
        text = f"Starts in {plural((sprint.start_date - view.today).days, 'day')}"
    elif sprint.closed_state is not None and sprint.closed_on is not None:
        text = (
            f"{sprint.closed_state.value.capitalize()} on "
            f"{local_date(sprint.closed_on, 'd MMM yyyy')}"
        )
    elif view.today > sprint.end_date:
        text = f"Ended {local_date(sprint.end_date, 'd MMM yyyy')}: close it to wrap up"
    else:
        text = f"Day {view.day} of {view.total_days}"
    day_label = label(text, "cardTitle")
    row.addWidget(day_label)
    bar = QProgressBar()
    bar.setRange(0, view.total_days)
    bar.setValue(view.day)
    bar.setTextVisible(False)
    bar.setAccessibleName(f"Sprint progress: {text}")
    row.addWidget(bar, 1)
    card.body.addLayout(row)
    return Health(card, day_label, card.add_label(view.health_summary(), "muted"))


def retrospective(sprint: Sprint) -> Card | None:
    """A closed sprint's outcome and retrospective (None while it is open)."""
    if sprint.closed_state is None or sprint.closed_on is None:
        return None
    card = Card("Retrospective")
    card.add_label(
        f"{sprint.closed_state.value.capitalize()} on "
        f"{local_date(sprint.closed_on, 'd MMMM yyyy')}.",
        "muted",
    )
    card.add_label(sprint.retrospective or "No retrospective was written.")
    return card


def no_goals_yet(add_goal: Callable[[], None] | None) -> Card:
    """What a sprint without goals says, with "Add the first goal" while it is open."""
    hint = Card()
    hint.add_label("No goals yet", "cardTitle")
    hint.add_label(
        "Add a SMART goal: what will be different, how you will measure it, why it "
        "matters, and by when. A goal with gaps can be saved as a draft and filled "
        "in later.",
        "muted",
    )
    if add_goal is not None:
        first = QPushButton("Add the first goal")
        first.clicked.connect(add_goal)
        hint.body.addWidget(first, 0, Qt.AlignmentFlag.AlignLeft)
    return hint
