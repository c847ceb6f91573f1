"""The quick check-in rows of the goal cards: what is typed in them survives a refresh of
the page (the cards are rebuilt) and a crash (a draft a moment after each key)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QTimer

from devjournal.domain.errors import ValidationError
from devjournal.domain.models import CheckinDraft
from devjournal.domain.rules import validate_checkin
from devjournal.drafts import DraftStore
from devjournal.ui.formatting import parse_number
from devjournal.ui.widgets.goal_card import GoalCard

DRAFT_DELAY_MS = 400
Typed = tuple[str, str, str]
"""What a quick row holds: the day (ISO), the value and the note, as typed."""


def quick_draft_key(goal_id: int) -> str:
    """The draft of goal ``goal_id``'s quick check-in row."""
    return f"checkin:new:goal={goal_id}"


def quick_checkin_draft(goal_id: int, on: date, value_text: str, note: str) -> CheckinDraft:
    """The check-in typed in a goal card's quick row; ValidationError when the value is
    not a number."""
    try:
        value = parse_number(value_text)
    except ValueError:
        value = None
    if value is None:
        raise ValidationError({"value": "Enter a number, e.g. 12 or 12.5."})
    return CheckinDraft(goal_id=goal_id, on_date=on, value=value, note=note.strip())


class QuickCheckins(QObject):
    """Keeps what is typed in the quick rows, by goal, while the cards come and go."""

    def __init__(self, drafts: DraftStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drafts = drafts
        self._pending: dict[int, Typed] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.keep_drafts)

    def fill(self, goal_id: int, card: GoalCard) -> None:
        """A new card for ``goal_id``: give it back what was typed in its row."""
        typed = self._pending.pop(goal_id, None) or self._draft(goal_id)
        if typed is not None:
            card.set_quick_values(*typed)

    def typed(self, card: GoalCard, day: str, value: str, note: str) -> None:
        """Something was typed in ``card``'s row: kept, and its draft written shortly. A
        message under the row goes as soon as what is typed would be saved."""
        goal_id = card.goal_view.goal.id
        self._pending[goal_id] = (day, value, note)
        self._timer.start()
        if card.checkin_message.isVisible():
            try:
                draft = quick_checkin_draft(goal_id, date.fromisoformat(day), value, note)
                validate_checkin(draft, card.goal_view.goal)
            except (ValidationError, ValueError):
                return
            card.show_checkin_error("")

    def put_back(self, goal_id: int, typed: Typed) -> None:
        """Put ``typed`` in the goal's row when its card is next made (an undone check-in
        gives the typing back, to fix the day)."""
        self._pending[goal_id] = typed

    def keep_rows(self, cards: dict[int, GoalCard]) -> None:
        """Before ``cards`` are rebuilt (or the window closes): what is typed in them goes
        with the new ones, and into drafts now."""
        for goal_id, card in cards.items():
            day, value, note = card.quick_values()
            if value or note:
                self._pending[goal_id] = (day, value, note)
        self.keep_drafts()

    def keep_drafts(self) -> None:
        """Write the rows' drafts (an empty row has none)."""
        self._timer.stop()
        for goal_id, (day, value, note) in self._pending.items():
            key = quick_draft_key(goal_id)
            if value or note:
                self._drafts.put(key, {"day": day, "value": value, "note": note})
            else:
                self._drafts.discard(key)

    def forget(self, goal_id: int) -> None:
        """The row's check-in was saved, or its goal's sprint closed: nothing to keep."""
        self._pending.pop(goal_id, None)
        self._drafts.discard(quick_draft_key(goal_id))

    def _draft(self, goal_id: int) -> Typed | None:
        saved = self._drafts.get(quick_draft_key(goal_id))
        if not saved:
            return None
        return (str(saved.get("day", "")), str(saved.get("value", "")), str(saved.get("note", "")))
