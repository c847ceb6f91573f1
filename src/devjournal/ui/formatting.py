"""Dates, times and numbers in the user's locale, and between Qt and Python types (a figure
for reading is ``domain/wording.number_text``)."""

from __future__ import annotations

import math
import re
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDateEdit, QWidget

from devjournal.ui.wheel_guard import guard_wheel


def local_date(day: date, fmt: str) -> str:
    """``day`` in the user's locale with a Qt date format such as ``"d MMM yyyy"``."""
    return QLocale().toString(to_qdate(day), fmt)


def to_qdate(day: date) -> QDate:
    """A QDate for ``day``."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """A date for ``day``."""
    return date(day.year(), day.month(), day.day())


def edit_number_text(value: float | None) -> str:
    """For a field the user edits: every digit the value has, so saving it unchanged
    writes back the same number (``3.456``, not ``3.46``)."""
    if value is None:
        return ""
    if value == round(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)  # the shortest text that reads back as exactly this number


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[,.]\d{3})+")


def parse_number(text: str) -> float | None:
    """A number typed by the user, None when empty.

    Accepts ``1250``, ``12.5``, ``12,5`` (a decimal comma), ``0,125``, ``1,250`` and
    ``1.250.000`` (thousands in groups of three), ``1,250.5`` and ``1.250,5`` (the last
    mark is the decimal one). Anything else is refused rather than guessed.

    Raises:
        ValueError: not a number.
    """
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if not cleaned:
        return None
    commas, dots = cleaned.count(","), cleaned.count(".")
    if commas and dots:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        grouping = "." if decimal == "," else ","
        whole, _, fraction = cleaned.rpartition(decimal)
        if not _GROUPED.fullmatch(whole.replace(grouping, ",")) or grouping in fraction:
            raise ValueError(text)
        cleaned = whole.replace(grouping, "") + "." + fraction
    elif (commas == 1 and not _GROUPED.fullmatch(cleaned)) or cleaned.startswith(("0,", "-0,")):
        if commas != 1:
            raise ValueError(text)
        cleaned = cleaned.replace(",", ".")  # a decimal comma: 12,5 or 0,125
    elif commas or dots > 1:
        if not _GROUPED.fullmatch(cleaned):
            raise ValueError(text)
        cleaned = cleaned.replace(",", "").replace(".", "")
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        raise ValueError(text)
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


WEEK_DAYS = {
    "monday": Qt.DayOfWeek.Monday,
    "sunday": Qt.DayOfWeek.Sunday,
    "saturday": Qt.DayOfWeek.Saturday,
}
_first_day: list[Qt.DayOfWeek | None] = [None]
"""The first day of the week the user chose (Preferences), or None for the locale's."""


def first_day_of_week() -> Qt.DayOfWeek:
    """The first day of the week calendars show: the user's choice, else the locale's."""
    return _first_day[0] or QLocale().firstDayOfWeek()


def set_week_start(name: str) -> None:
    """Calendars start their weeks on ``name`` (``monday``, ``sunday``, ``saturday``; any
    other: the locale's day), those open now included."""
    _first_day[0] = WEEK_DAYS.get(name)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        for widget in app.allWidgets():
            if isinstance(widget, QCalendarWidget):
                widget.setFirstDayOfWeek(first_day_of_week())


class DateEdit(QDateEdit):
    """A date field that is one Tab stop: Tab leaves it (Qt's moves from the day to the
    month to the year first); Left and Right move between them, Up and Down change one,
    and Alt+Down or F4 opens the calendar."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start_weeks()  # a click may open the calendar
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if event.key() == Qt.Key.Key_F4 or alt_down:
            self._start_weeks()  # the keys that open the calendar
        super().keyPressEvent(event)

    def _start_weeks(self) -> None:
        """The calendar (made now, not for every date field at its start: each is a
        table of its own) starts its weeks on :func:`first_day_of_week`."""
        self.calendarWidget().setFirstDayOfWeek(first_day_of_week())


def date_edit() -> QDateEdit:
    """A date field with a calendar pop-up, in the locale's short format, its weeks
    starting on :func:`first_day_of_week`; one Tab stop."""
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")  # unambiguous in every locale
    guard_wheel(edit)  # scrolling a page over it does not change the date
    return edit
