"""Every check-in as CSV, one row per check-in, for a spreadsheet.

Columns: sprint_id, sprint, goal_id, goal, metric, unit, date, value, note. Sprints by
start date, goals in their order, check-ins by date. Text a spreadsheet would run as a
formula (a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a line break) is kept as
text with a leading apostrophe, and control characters become spaces
(``domain.text.for_csv``). A private goal's check-ins (and their notes) are left out unless
``sharing`` includes them (``domain.sharing``).
"""

from __future__ import annotations

import csv
import io

from devjournal.domain.enums import MetricKind
from devjournal.domain.sharing import NOTHING_PRIVATE, Sharing
from devjournal.domain.text import for_csv
from devjournal.services.container import Services

HEADER = ("sprint_id", "sprint", "goal_id", "goal", "metric", "unit", "date", "value", "note")


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def checkins_csv(
    services: Services, sprint_id: int | None = None, sharing: Sharing = NOTHING_PRIVATE
) -> tuple[bytes, int, int]:
    """The CSV's bytes (UTF-8, CRLF rows as RFC 4180 says), how many check-ins it has and
    how many private ones it left out."""
    c = services.coaching
    sprints = [s for s in c.sprints() if sprint_id is None or s.id == sprint_id]
    if sprint_id is not None and not sprints:
        c.sprint(sprint_id)  # raises NotFoundError with the usual message
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    count = left_out = 0
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
            for checkin in sorted(view.checkins, key=lambda x: (x.on_date, x.id)):
                writer.writerow(
                    (
                        sprint.id,
                        for_csv(sprint.title),
                        goal.id,
                        for_csv(goal.title),
                        for_csv(goal.metric_name),
                        for_csv(unit),
                        checkin.on_date.isoformat(),
                        _number(checkin.value),
                        for_csv(checkin.note),
                    )
                )
                count += 1
    return out.getvalue().encode("utf-8"), count, left_out
