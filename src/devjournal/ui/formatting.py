"""Dates, times and numbers in the user's locale, and between Qt and Python types."""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit


def local_date(day: date, fmt: str) -> str:
    """``day`` in the user's locale with a Qt date format such as ``"d MMM yyyy"``."""
    return QLocale().toString(to_qdate(day), fmt)


def to_qdate(day: date) -> QDate:
    """A QDate for ``day``."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """A date for ``day``."""
    return date(day.year(), day.month(), day.day())


def number_text(value: float | None) -> str:
    """``12``, ``12.5``, ``1,250`` (empty for None)."""
    if value is None:
        return ""
    return f"{value:,.0f}" if value == round(value) else f"{value:,.2f}".rstrip("0")


def parse_number(text: str) -> float | None:
    """A number typed by the user ("1,250", "12.5", "12,5"), None when empty.

    Raises:
        ValueError: not a number.
    """
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return None
    if (
        "," in cleaned
        and "." not in cleaned
        and cleaned.count(",") == 1
        and len(cleaned.split(",")[1]) != 3
    ):
        cleaned = cleaned.replace(",", ".")  # a decimal comma: 12,5
    value = float(cleaned.replace(",", ""))
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def date_edit() -> QDateEdit:
    """A date field with a calendar pop-up, in the locale's short format."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")  # unambiguous in every locale
    return edit
