"""The "Serves:" field of the sprint, goal and mentor forms: which part of the direction
(one, three or five years out) the thing serves, or none.

A record may point to an aim deleted since (deleting an aim keeps what served it linked,
so Undo brings the link back): the field keeps that aim as "(deleted) <title>", chosen,
so saving the form does not silently drop the link.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from devjournal.domain.models import Aim
from devjournal.services.people_service import AimChoices

NONE_TEXT = "—"


def aim_text(aim: Aim) -> str:
    """``In a year: Lead the platform team``."""
    return f"{aim.horizon.label}: {aim.title}"


class AimCombo(QComboBox):
    """ "—" for none, then every aim, one year out first, in order."""

    def __init__(self, choices: AimChoices | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        choices = choices or AimChoices()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(20)
        self.setMaximumWidth(520)
        self.addItem(NONE_TEXT, None)
        for aim in choices.live:
            self.addItem(aim_text(aim), aim.id)
        self._gone = {a.id: a for a in choices.gone}
        self.setToolTip("Which part of where you want to be it serves (the Direction page)")

    def set_value(self, aim_id: int | None) -> None:
        """Choose ``aim_id`` (None: none). A deleted aim is added as "(deleted) <title>"
        and chosen, so the link is kept."""
        if aim_id is None:
            self.setCurrentIndex(0)
            return
        index = self.findData(aim_id)
        if index < 0:
            gone = self._gone.get(aim_id)
            self.addItem(f"(deleted) {gone.title if gone else f'aim {aim_id}'}", aim_id)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def value(self) -> int | None:
        """The chosen aim's id, or None."""
        data = self.currentData()
        return int(data) if data is not None else None
