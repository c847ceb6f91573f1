"""The action items agreed in a held session: due dates, and whether they got done."""

from __future__ import annotations

from datetime import date, timedelta

from devjournal.domain.enums import ActionStatus, GoalStatus
from devjournal.domain.models import ActionItemDraft
from devjournal.sample.corpus.sessions import ACTIONS
from devjournal.sample.state import SprintPlan, Workbench


def build_actions(
    wb: Workbench,
    plan: SprintPlan,
    session_id: int,
    held_on: date,
    *,
    first_held: bool,
    last_held: bool,
) -> None:
    """Zero to three action items. The running sprint's first held session leaves two
    overdue ones and its latest two due in the future, so the Today page has both."""
    rng = wb.rng
    active = plan.phase == "active"
    count = rng.choice((0, 1, 1, 1, 2, 2, 2, 3, 3))
    overdue = 2 if active and first_held else 0
    future = 2 if active and last_held and not first_held else 0
    count = max(count, overdue + future)
    titles = rng.sample(ACTIONS, count)
    for n in range(count):
        ctx = dict(plan.ctx)
        goal_id = _goal_for(wb, plan, ctx)
        due = held_on + timedelta(days=rng.randint(7, 21))
        if n < overdue:
            due, status = _overdue(wb, held_on), ActionStatus.OPEN
        elif n < overdue + future:
            due, status = _due_later(wb, held_on), ActionStatus.OPEN
        else:
            status = _outcome(wb, due, active=active)
        done_on = _done_on(wb, held_on, due) if status is ActionStatus.DONE else None
        wb.actions.append(
            (
                len(wb.actions) + 1,
                ActionItemDraft(
                    sprint_id=plan.sid,
                    title=titles[n].format_map(ctx),
                    due_date=due,
                    goal_id=goal_id,
                    session_id=session_id,
                    status=status,
                    done_on=done_on,
                ),
            )
        )


def _goal_for(wb: Workbench, plan: SprintPlan, ctx: dict[str, str]) -> int | None:
    """Most action items serve one of the sprint's goals; ``ctx``'s ``{metric}`` names it."""
    ctx["metric"] = "the goal metric"
    live = [(gid, g) for gid, g in plan.goals if g.status is not GoalStatus.DRAFT]
    if not live or wb.rng.random() >= 0.6:
        return None
    goal_id, goal = wb.rng.choice(live)
    ctx["metric"] = goal.metric_name or goal.title.lower()
    return goal_id


def _done_on(wb: Workbench, held_on: date, due: date) -> date:
    """Around the due date, after the session, and not after today."""
    done_on = due + timedelta(days=wb.rng.randint(-5, 3))
    return min(wb.today, max(held_on + timedelta(days=1), done_on))


def _overdue(wb: Workbench, held_on: date) -> date:
    """A due date a week to three after ``held_on``, before today."""
    latest = min(21, (wb.today - held_on).days - 1)
    return held_on + timedelta(days=wb.rng.randint(min(7, latest), latest))


def _due_later(wb: Workbench, held_on: date) -> date:
    """A due date a week to three after ``held_on``, after today."""
    lo = max(7, (wb.today - held_on).days + 1)
    return held_on + timedelta(days=wb.rng.randint(lo, max(lo, 21)))


def _outcome(wb: Workbench, due: date, *, active: bool) -> ActionStatus:
    """In the running sprint: mostly done once due, mostly open before; else mostly done."""
    if not active:
        return ActionStatus.DONE if wb.rng.random() < 0.82 else ActionStatus.DROPPED
    roll = wb.rng.random()
    if due >= wb.today:
        return ActionStatus.OPEN if roll < 0.85 else ActionStatus.DONE
    if roll < 0.65:
        return ActionStatus.DONE
    return ActionStatus.OPEN if roll < 0.85 else ActionStatus.DROPPED
