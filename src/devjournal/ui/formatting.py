"""Dates and times in the user's locale."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale


def local_date(day: date, fmt: str) -> str:
    """``day`` in the user's locale with a Qt date format such as ``"d MMM yyyy"``."""
    return QLocale().toString(QDate(day.year, day.month, day.day), fmt)
