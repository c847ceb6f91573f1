"""Every check-in as CSV, one row per check-in, for a spreadsheet.

Columns: sprint_id, sprint, goal_id, goal, metric, unit, date, value, note. Sprints by
start date, goals in their order, check-ins by date. Text a spreadsheet would run as a
formula (a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a line break) is kept as
text with a leading apostrophe, and control characters become spaces
(``domain.text.for_csv``). A private goal's check-ins (and their notes) are left out unless
``sharing`` includes them (``domain.sharing``): :func:`read_checkins` applies the rule as it
reads, and :func:`checkins_csv` writes only what it was given.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from devjournal.domain.enums import MetricKind
from devjournal.domain.sharing import NOTHING_PRIVATE, Sharing
from devjournal.domain.text import for_csv

if TYPE_CHECKING:
    from devjournal.services.container import Services

HEADER = ("sprint_id", "sprint", "goal_id", "goal", "metric", "unit", "date", "value", "note")


@dataclass(frozen=True)
class CheckinRow:
    """One check-in as the CSV has it."""

    sprint_id: int
    sprint: str
    goal_id: int
    goal: str
    metric: str
    unit: str
    on: date
    value: float
    note: str


@dataclass(frozen=True)
class CheckinsTable:
    """The check-ins to write, and how many private ones were left out (for the window and
    the terminal; the file never says)."""

    rows: tuple[CheckinRow, ...]
    left_out: int


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def read_checkins(
    services: Services, sprint_id: int | None = None, sharing: Sharing = NOTHING_PRIVATE
) -> CheckinsTable:
    """Every check-in (of sprint ``sprint_id`` only, when given) that ``sharing`` shares."""
    c = services.coaching
    sprints = [s for s in c.sprints() if sprint_id is None or s.id == sprint_id]
    if sprint_id is not None and not sprints:
        c.sprint(sprint_id)  # raises NotFoundError with the usual message
    rows: list[CheckinRow] = []
    left_out = 0
    for sprint in sprints:
        goals = c.sprint_view(sprint.id).goals
        rule = sharing.rule(goals=[view.goal for view in goals])
        for view in goals:
            goal = view.goal
            if not rule.goal(goal.id):
                left_out += len(view.checkins)
                continue
            unit = {MetricKind.PERCENT: "%"}.get(goal.metric_kind, goal.unit)
            if goal.metric_kind is MetricKind.RATING and goal.scale_max:
                unit = f"of {goal.scale_max}"
            rows += [
                CheckinRow(
                    sprint.id,
                    sprint.title,
                    goal.id,
                    goal.title,
                    goal.metric_name,
                    unit,
                    checkin.on_date,
                    checkin.value,
                    checkin.note,
                )
                for checkin in sorted(view.checkins, key=lambda x: (x.on_date, x.id))
            ]
    return CheckinsTable(tuple(rows), left_out)


def checkins_csv(table: CheckinsTable) -> bytes:
    """The CSV's bytes (UTF-8, CRLF rows as RFC 4180 says). Pure."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in table.rows:
        writer.writerow(
            (
                row.sprint_id,
                for_csv(row.sprint),
                row.goal_id,
                for_csv(row.goal),
                for_csv(row.metric),
                for_csv(row.unit),
                row.on.isoformat(),
                _number(row.value),
                for_csv(row.note),
            )
        )
    return out.getvalue().encode("utf-8")
