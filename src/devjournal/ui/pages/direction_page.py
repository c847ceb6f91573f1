"""Direction: where you want to be in one, three and five years, each part with what
serves it (sprints, goals, mentors, coaches), a click from where it is handled.

The direction outlives sprints: a sprint, a goal or a mentor says which part of it they
serve (their forms' "Serves:" field), and the page gathers them under it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from devjournal.domain.clock import Clock
from devjournal.domain.enums import AimHorizon
from devjournal.domain.errors import DomainError
from devjournal.domain.models import Aim
from devjournal.domain.wording import plural
from devjournal.drafts import DraftKey, DraftStore
from devjournal.services.changes import Changes, Outcome
from devjournal.services.container import Services
from devjournal.services.people_service import AimView
from devjournal.ui.dialogs.aim_dialog import AimDialog
from devjournal.ui.formatting import local_date
from devjournal.ui.ops import Ops
from devjournal.ui.plain_text import for_mnemonic, plain_label, plain_tooltip
from devjournal.ui.widgets.card import Card
from devjournal.ui.widgets.empty_state import EmptyState, NotReadYet
from devjournal.ui.widgets.flow_layout import FlowLayout
from devjournal.ui.widgets.notice_bar import NoticeBar

_T = TypeVar("_T")

REACHED = ("Reached", "Not reached")
"""The reached button's text: before, and once reached."""
LINK_CHARS = 60
"""A link longer than this is cut (its tooltip says it whole)."""
SHOWN_OF_EACH = 3
"""How many sprints, goals and mentors an aim names (the latest sprints and goals); the
rest are counted."""
NOTHING_YET = {
    AimHorizon.ONE_YEAR: "Nothing yet for a year from now.",
    AimHorizon.THREE_YEARS: "Nothing yet for three years from now.",
    AimHorizon.FIVE_YEARS: "Nothing yet for five years from now.",
}
ADD_TEXT = {
    AimHorizon.ONE_YEAR: "Add where you want to be in a year",
    AimHorizon.THREE_YEARS: "Add where you want to be in three years",
    AimHorizon.FIVE_YEARS: "Add where you want to be in five years",
}


class AimRow(QFrame):
    """One part of the direction: its title (✓ once reached), its words, when it was
    reached, what serves it (links), and its buttons."""

    def __init__(self, view: AimView, *, first: bool, last: bool) -> None:
        super().__init__()
        self.view = view
        aim = view.aim
        self.setObjectName("aimRow")
        self.setAccessibleName(f"{aim.horizon.label}: {aim.title}")
        text = QVBoxLayout(self)
        text.setContentsMargins(0, 8, 0, 8)
        text.setSpacing(3)
        mark = "✓  " if aim.reached_on else ""
        self.title_label = plain_label(mark + aim.title, "cardTitle", wrap=True)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addLayout(self._buttons(aim, first=first, last=last), 0)
        text.addLayout(top)
        if aim.detail:
            self.detail_label = plain_label(aim.detail, "", wrap=True)
            text.addWidget(self.detail_label)
        self.reached_label: QLabel | None = None
        if aim.reached_on is not None:
            self.reached_label = plain_label(
                f"Reached {local_date(aim.reached_on, 'd MMM yyyy')}", "success"
            )
            text.addWidget(self.reached_label)
        text.addLayout(self._served())

    def _served(self) -> QHBoxLayout:
        """``Served by:`` and a link per sprint, goal and mentor (coaches named)."""
        view = self.view
        line = QHBoxLayout()
        line.setSpacing(4)
        self.links: list[QPushButton] = []
        self.link_targets: list[tuple[str, int]] = []
        if not view.served_by:
            self.served_label = plain_label(
                "Nothing serves it yet: choose it under “Serves” in a sprint, goal or mentor.",
                "muted",
                wrap=True,
            )
            line.addWidget(self.served_label, 1)
            return line
        self.served_label = plain_label("Served by:", "muted")
        self.served_label.setContentsMargins(0, 3, 0, 0)  # level with the links' text
        line.addWidget(self.served_label, 0, Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        flow = FlowLayout(holder)
        flow.setContentsMargins(0, 0, 0, 0)
        sprints = sorted(view.sprints, key=lambda s: (s.start_date, s.id), reverse=True)
        goals = sorted(view.goals, key=lambda g: g.id, reverse=True)
        for kind, ident, shown in (
            *(("sprint", s.id, f"Sprint: {s.title}") for s in sprints[:SHOWN_OF_EACH]),
            *(("goal", g.id, f"Goal: {g.title}") for g in goals[:SHOWN_OF_EACH]),
            *(("mentor", x.id, f"Mentor: {x.name}") for x in view.mentors[:SHOWN_OF_EACH]),
        ):
            button = QPushButton(for_mnemonic(_short(shown)))
            button.setObjectName("link")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            page = "Mentorship" if kind == "mentor" else "Coaching"
            button.setToolTip(plain_tooltip(f"{shown}\nOpen it on the {page} page"))
            flow.addWidget(button)
            self.links.append(button)
            self.link_targets.append((kind, ident))
        rest = [
            *(f"Sprint: {x.title}" for x in sprints[SHOWN_OF_EACH:]),
            *(f"Goal: {x.title}" for x in goals[SHOWN_OF_EACH:]),
            *(f"Mentor: {x.name}" for x in view.mentors[SHOWN_OF_EACH:]),
        ]
        for coach in view.coaches:
            flow.addWidget(plain_label(f"Coach: {coach.name}", "muted"))
        if rest:
            self.more_label = plain_label(f"and {len(rest):,} more", "muted")
            self.more_label.setToolTip(plain_tooltip("\n".join(rest)))
            flow.addWidget(self.more_label)
        line.addWidget(holder, 1)
        return line

    def _buttons(self, aim: Aim, *, first: bool, last: bool) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.edit_button = QPushButton("Edit…")
        self.up_button = QPushButton("↑")
        self.down_button = QPushButton("↓")
        self.reached_button = QPushButton(REACHED[bool(aim.reached_on)])
        self.delete_button = QPushButton("Delete")
        for button, said in (
            (self.edit_button, f"Edit “{aim.title}”"),
            (self.up_button, f"Move “{aim.title}” up"),
            (self.down_button, f"Move “{aim.title}” down"),
            (
                self.reached_button,
                f"Mark “{aim.title}” as not reached yet"
                if aim.reached_on
                else f"Mark “{aim.title}” as reached today",
            ),
            (self.delete_button, f"Delete “{aim.title}” (Undo brings it back)"),
        ):
            button.setToolTip(plain_tooltip(said))
            button.setAccessibleName(said)
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("↑") + 28)
        widest = max(self.reached_button.fontMetrics().horizontalAdvance(t) for t in REACHED)
        self.reached_button.setMinimumWidth(widest + 28)  # the buttons line up, row to row
        self.up_button.setEnabled(not first)
        self.down_button.setEnabled(not last)
        return buttons


class DirectionPage(QWidget):
    """The three horizons, each a card of its aims in order."""

    shows: ClassVar[Changes] = (
        Changes.AIMS | Changes.SPRINTS | Changes.GOALS | Changes.MENTORS | Changes.COACHES
    )

    sprint_shown = Signal(int)  # a sprint's id: open it on the Coaching page
    goal_shown = Signal(int)  # a goal's id: open it on the Coaching page
    mentor_shown = Signal(int)  # a mentor's id: open them on the Mentorship page

    def __init__(
        self,
        services: Services,
        ops: Ops,
        drafts: DraftStore,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        notices: NoticeBar,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._ops = ops
        self._drafts = drafts
        self._clock = clock
        self._notices = notices
        self.dialog: AimDialog | None = None
        self.views: list[AimView] = []
        self.rows: dict[int, AimRow] = {}
        self.add_buttons: dict[AimHorizon, QPushButton] = {}
        self._asked = 0
        self._answered = 0
        self._focus: tuple[int, str] | None = None

        self.pages = QStackedWidget()
        self.empty = EmptyState(
            "Where you want to be",
            "Sprints end and mentors come and go; a direction stays. Write down where you "
            "want to be in a year, in three and in five, so each sprint, goal and mentor "
            "can say which part of it they serve, and you can see what is moving you there.",
            ADD_TEXT[AimHorizon.ONE_YEAR],
        )
        self.empty.button.clicked.connect(lambda: self.new_aim(AimHorizon.ONE_YEAR))
        self.pages.addWidget(NotReadYet())
        self.pages.addWidget(self.empty)
        self.aim_scroll = QScrollArea()
        self.aim_scroll.setWidgetResizable(True)
        self.aim_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.aim_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        self._holder = QVBoxLayout(holder)
        self._holder.setContentsMargins(0, 0, 0, 0)
        self.aim_scroll.setWidget(holder)
        self._content: QWidget | None = None
        self.pages.addWidget(self.aim_scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    def showEvent(self, event: QShowEvent) -> None:
        """Read the direction the first time the page is shown (not at start-up)."""
        super().showEvent(event)
        if self._asked == 0:
            self.refresh()

    # -- the Page protocol ----------------------------------------------------------------
    def apply_changes(self, _changes: Changes, _origin: object) -> None:
        """Read the direction again."""
        self.refresh()

    def refresh(self) -> None:
        """Read the direction and what serves it, off the GUI thread."""
        self._asked += 1
        ticket = self._asked
        people = self._services.people
        self._ops.query(self, people.direction, lambda views: self._on_read(ticket, views))

    @property
    def reading(self) -> bool:
        """Whether a read is under way (the page shows the last one)."""
        return self._answered != self._asked

    def flush_drafts(self) -> None:
        """The window is closing: an open form keeps what was typed as a draft."""
        if self.dialog is not None:
            self.dialog.keep_draft()
            self.dialog.hide()

    def open_draft(self, key: DraftKey) -> bool:
        """Open the form an ``aim`` draft was typed in (it restores the draft)."""
        if key.kind != "aim":
            return False
        if key.id is None:
            years = key.where.get("horizon", 1)
            horizon = next((h for h in AimHorizon if h.years == years), AimHorizon.ONE_YEAR)
            self.new_aim(horizon)
            return True
        self.edit_aim(key.id)
        return True

    # -- showing --------------------------------------------------------------------------
    def _on_read(self, ticket: int, views: Sequence[AimView]) -> None:
        if ticket != self._asked:
            return
        self._answered = ticket
        self.views = list(views)
        if not self.views:
            self.rows = {}
            self.pages.setCurrentWidget(self.empty)
            return
        scroll = self.aim_scroll.verticalScrollBar().value()
        self._show_content(self._build(self.views))
        self.pages.setCurrentWidget(self.aim_scroll)
        self.aim_scroll.verticalScrollBar().setValue(scroll)
        self._restore_focus()

    def _build(self, views: Sequence[AimView]) -> QWidget:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 20, 24, 24)
        column.setSpacing(12)
        column.addLayout(self._heading(views))
        self.rows = {}
        self.add_buttons = {}
        for horizon in AimHorizon:
            column.addWidget(
                self._horizon_card(horizon, [v for v in views if v.aim.horizon is horizon])
            )
        column.addStretch(1)
        return content

    def _heading(self, views: Sequence[AimView]) -> QHBoxLayout:
        text = QVBoxLayout()
        text.addWidget(plain_label("Direction", "pageTitle"))
        reached = sum(1 for v in views if v.aim.reached_on is not None)
        served = sum(1 for v in views if v.served_by)
        said = f"{plural(len(views), 'part')} of where you want to be"
        said += f", {reached:,} reached" if reached else ""
        said += f"; {served:,} served by a sprint, goal or mentor. " if served else ". "
        said += "Choose what each sprint, goal and mentor serves in its form."
        self.summary_label = plain_label(said, "muted", wrap=True)
        text.addWidget(self.summary_label)
        self.new_button = QPushButton("Add…")
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip("Add where you want to be in one, three or five years")
        self.new_button.clicked.connect(lambda: self.new_aim(AimHorizon.ONE_YEAR))
        row = QHBoxLayout()
        row.addLayout(text, 1)
        row.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _horizon_card(self, horizon: AimHorizon, views: Sequence[AimView]) -> Card:
        card = Card()
        card.setAccessibleName(horizon.label)
        top = QHBoxLayout()
        title = plain_label(horizon.label, "headline")
        top.addWidget(title)
        if views:
            top.addWidget(plain_label(f"· {len(views):,}", "muted"))
        top.addStretch(1)
        add = QPushButton("Add…")
        add.setToolTip(ADD_TEXT[horizon])
        add.setAccessibleName(ADD_TEXT[horizon])
        add.clicked.connect(lambda: self.new_aim(horizon))
        self.add_buttons[horizon] = add
        top.addWidget(add)
        card.body.addLayout(top)
        if not views:
            card.add_label(NOTHING_YET[horizon], "muted")
        for index, view in enumerate(views):
            row = AimRow(view, first=index == 0, last=index == len(views) - 1)
            self._connect(row)
            self.rows[view.aim.id] = row
            card.body.addWidget(row)
        return card

    def _connect(self, row: AimRow) -> None:
        aim_id = row.view.aim.id
        row.edit_button.clicked.connect(lambda: self.edit_aim(aim_id))
        row.up_button.clicked.connect(lambda: self.move_aim(aim_id, -1))
        row.down_button.clicked.connect(lambda: self.move_aim(aim_id, +1))
        row.reached_button.clicked.connect(lambda: self.toggle_reached(aim_id))
        row.delete_button.clicked.connect(lambda: self.delete_aim(aim_id))
        for button, (kind, ident) in zip(row.links, row.link_targets, strict=True):
            button.clicked.connect(lambda _=False, k=kind, i=ident: self.open_link(k, i))

    def _show_content(self, content: QWidget) -> None:
        if self._content is not None:
            self._content.hide()
            self._holder.removeWidget(self._content)
            self._content.deleteLater()
        self._content = content
        self._holder.addWidget(content)
        content.show()

    def _restore_focus(self) -> None:
        """After a move (or a tick) from the keyboard, the same button of the same aim
        has the focus again (the page was rebuilt under it)."""
        focus, self._focus = self._focus, None
        if focus is None:
            return
        aim_id, which = focus
        row = self.rows.get(aim_id)
        if row is None:
            return
        button: QPushButton = getattr(row, which)
        if not button.isEnabled():
            button = row.edit_button
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def listed(self) -> dict[AimHorizon, list[str]]:
        """The aims' titles, by horizon, in the order shown."""
        return {h: [v.aim.title for v in self.views if v.aim.horizon is h] for h in AimHorizon}

    def open_link(self, kind: str, ident: int) -> None:
        """Open what serves an aim where it is handled."""
        signal = {"sprint": self.sprint_shown, "goal": self.goal_shown}.get(kind)
        (signal or self.mentor_shown).emit(ident)

    # -- acting ---------------------------------------------------------------------------
    def new_aim(self, horizon: AimHorizon = AimHorizon.ONE_YEAR) -> None:
        """Add where you want to be, ``horizon`` out."""
        self._open(
            AimDialog(
                self._ops,
                self._services.people,
                self._drafts,
                self._clock,
                horizon=horizon,
                parent=self.window(),
            )
        )

    def edit_aim(self, aim_id: int) -> None:
        """Edit an aim (one deleted meanwhile: the page is read again)."""
        try:
            aim = self._services.people.aim(aim_id)
        except DomainError:
            self.refresh()
            return
        self._open(
            AimDialog(
                self._ops, self._services.people, self._drafts, self._clock, aim=aim, parent=self
            )
        )

    def _open(self, dialog: AimDialog) -> None:
        self.dialog = dialog
        dialog.show_modal(lambda: None, self._on_dialog_finished)

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def move_aim(self, aim_id: int, step: int) -> None:
        """Move an aim up (-1) or down (+1) within its horizon."""
        self._focus = (aim_id, "up_button" if step < 0 else "down_button")
        self._write(lambda: self._services.people.move_aim(aim_id, step))

    def toggle_reached(self, aim_id: int) -> None:
        """Mark an aim reached today, or not reached after all."""
        self._focus = (aim_id, "reached_button")
        self._write(lambda: self._services.people.reach_aim(aim_id, None))

    def delete_aim(self, aim_id: int) -> None:
        """Delete an aim; what served it keeps its link, and Undo brings both back."""
        view = next((v for v in self.views if v.aim.id == aim_id), None)
        if self._write(lambda: self._services.people.delete_aim(aim_id)) is None:
            return
        title = view.aim.title if view else "it"
        self._notices.say(f"Deleted “{title}”.", "Undo", lambda: self._restore(aim_id), undo=True)

    def _restore(self, aim_id: int) -> None:
        self._write(lambda: self._services.people.restore_aim(aim_id))

    def _write(self, call: Callable[[], Outcome[_T]]) -> Outcome[_T] | None:
        return self._ops.write(self, call)


def _short(text: str, limit: int = LINK_CHARS) -> str:
    """``text``, cut at ``limit`` characters with "…" (a link's full text is its tooltip)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
