"""The SMART check of a goal: one line per letter, each with the reason."""

from __future__ import annotations

from dataclasses import dataclass

from devjournal.domain.enums import Direction, MetricKind
from devjournal.domain.models import GoalDraft, SprintDraft
from devjournal.domain.wording import day_text

MIN_WORDS = 4


@dataclass(frozen=True)
class SmartLine:
    """One letter of SMART: met or not, and why."""

    letter: str
    name: str
    ok: bool
    reason: str


def _words(text: str) -> int:
    return len(text.split())


def smart_check(
    goal: GoalDraft, sprint: SprintDraft, milestone_count: int = 0
) -> tuple[SmartLine, ...]:
    """Check ``goal`` letter by letter; the reasons say what is missing or what is there."""
    specific = _words(goal.specific) >= MIN_WORDS
    if goal.metric_kind is MetricKind.MILESTONES:
        measurable = milestone_count >= 2
        measure_reason = (
            f"{milestone_count} milestones mark the way."
            if measurable
            else "List at least two milestones."
        )
    else:
        missing = [
            name
            for name, present in (
                ("what is measured", bool(goal.metric_name.strip())),
                ("a baseline", goal.baseline is not None),
                ("a target", goal.target is not None),
            )
            if not present
        ]
        if goal.metric_kind is MetricKind.NUMBER and not goal.unit.strip():
            missing.append("a unit")
        if missing:
            measurable, measure_reason = False, "Add " + ", ".join(missing) + "."
        elif goal.baseline == goal.target:
            measurable, measure_reason = False, "The target must differ from the baseline."
        elif (goal.target or 0) < (goal.baseline or 0) and goal.direction is Direction.UP:
            measurable, measure_reason = (
                False,
                "The target is below the baseline but the goal goes up.",
            )
        elif (goal.target or 0) > (goal.baseline or 0) and goal.direction is Direction.DOWN:
            measurable, measure_reason = (
                False,
                "The target is above the baseline but the goal goes down.",
            )
        else:
            measurable = True
            measure_reason = (
                f"{goal.metric_name.strip()}: {_fmt(goal.baseline)} → {_fmt(goal.target)}"
                f"{(' ' + goal.unit.strip()) if goal.unit.strip() else ''}."
            )
    achievable = _words(goal.achievable) >= MIN_WORDS
    relevant = _words(goal.relevant) >= MIN_WORDS
    if goal.deadline is None:
        timed, time_reason = False, "Set a deadline inside the sprint."
    elif not sprint.start_date <= goal.deadline <= sprint.end_date:
        timed, time_reason = False, "The deadline falls outside the sprint."
    else:
        timed, time_reason = True, f"Due {day_text(goal.deadline)}, inside the sprint."
    return (
        SmartLine(
            "S",
            "Specific",
            specific,
            "States exactly what will be different."
            if specific
            else "Say in a sentence what exactly will be different.",
        ),
        SmartLine("M", "Measurable", measurable, measure_reason),
        SmartLine(
            "A",
            "Achievable",
            achievable,
            "Says what makes it reachable."
            if achievable
            else "Say what makes it reachable (time, help, what you already have).",
        ),
        SmartLine(
            "R",
            "Relevant",
            relevant,
            "Says why it matters for your career."
            if relevant
            else "Say why it matters for your career now.",
        ),
        SmartLine("T", "Time-bound", timed, time_reason),
    )


def smart_gaps(goal: GoalDraft, sprint: SprintDraft, milestone_count: int = 0) -> str:
    """The letters not yet met, e.g. ``"M, T"`` (empty when the goal is SMART)."""
    return ", ".join(
        line.letter for line in smart_check(goal, sprint, milestone_count) if not line.ok
    )


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:g}"
