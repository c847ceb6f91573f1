"""Time the goal summary PDF of a 10-goal sprint, in its own process (one QGuiApplication).

``python -m bench.summary_pdf HOME RUNS`` fills HOME with one sprint of ten goals, each with
twelve check-ins, sessions and commitments, and prints one JSON line: the timings in ms of
building the summary from the journal and writing the PDF bytes (charts painted as
vectors), after one untimed warm-up.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import UTC, date, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from devjournal.domain.enums import Direction, GoalStatus, Scope, SessionStatus, SprintKind
from devjournal.domain.models import (
    ActionItemDraft,
    CheckinDraft,
    GoalDraft,
    SessionDraft,
    SprintDraft,
)
from devjournal.exporting.summary import sprint_summary
from devjournal.exporting.summary_pdf import summary_pdf
from devjournal.paths import resolve_paths
from devjournal.services.container import Services, open_services

NOW = datetime(2026, 11, 18, 9, 30, tzinfo=UTC)


def fill(services: Services) -> int:
    """One sprint of ten measured goals with twelve check-ins each."""
    c = services.coaching
    start = date(2026, 9, 1)
    sprint = c.create_sprint(
        SprintDraft(
            title="Ten goals",
            kind=SprintKind.PERFORMANCE,
            coach_name="Ines",
            start_date=start,
            end_date=date(2026, 12, 20),
        )
    ).value
    for n in range(10):
        goal = c.add_goal(
            GoalDraft(
                sprint_id=sprint.id,
                title=f"Goal {n + 1}: ship the thing that matters most this quarter",
                specific="A measurable statement of what done looks like, in one sentence.",
                metric_name="count",
                unit="items",
                baseline=10,
                target=40 + n,
                direction=Direction.UP,
                achievable="The team is staffed and the scope is agreed.",
                relevant="It is what the quarter is judged on.",
                deadline=date(2026, 12, 15),
                status=GoalStatus.ACTIVE,
                scope=Scope.COACH,
            )
        ).value
        for week in range(12):
            c.add_checkin(
                CheckinDraft(
                    goal_id=goal.id,
                    on_date=start + timedelta(days=7 * week + 2),
                    value=10 + week * 2 + n % 3,
                    note="steady progress" if week % 3 else "",
                )
            )
        c.add_action(
            ActionItemDraft(
                sprint_id=sprint.id, title=f"Commitment {n + 1}", due_date=date(2026, 11, 1 + n)
            )
        )
    c.add_session(
        SessionDraft(
            sprint_id=sprint.id,
            starts_at=datetime(2026, 11, 1, 10, tzinfo=UTC),
            status=SessionStatus.HELD,
        )
    )
    return sprint.id


def main() -> int:
    home, runs = sys.argv[1], int(sys.argv[2])
    app = QGuiApplication([])
    paths = resolve_paths(home)
    paths.ensure()
    db, services = open_services(paths.journal, paths.backups, lambda: NOW)
    sprint_id = fill(services)
    timings, pages, size = [], 0, 0
    for run in range(runs + 1):
        started = time.perf_counter()
        summary = sprint_summary(
            services,
            sprint_id,
            NOW,
        )
        data = summary_pdf(summary)
        if run:
            timings.append((time.perf_counter() - started) * 1000)
        size = len(data)
        pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page ")
    db.close()
    del app
    print(
        json.dumps({"timings": timings, "goals": len(summary.goals), "bytes": size, "pages": pages})
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
