"""Sprints: focus lines, titles, retrospectives and reasons to abandon."""

from __future__ import annotations

from devjournal.domain.enums import SprintKind

FOCUS: dict[SprintKind, tuple[str, ...]] = {
    SprintKind.PERFORMANCE: (
        "owns the reliability of {system} end to end",
        "delivers the {project} predictably, without heroics",
        "keeps quality high while shipping every week",
        "is trusted to lead incidents on {system}",
    ),
    SprintKind.SKILLS: (
        "writes idiomatic {lang} that others learn from",
        "can design and operate a service built on {tech}",
        "explains {topic} clearly to any audience",
        "picks the right tool for the problem, not the familiar one",
    ),
    SprintKind.LEADERSHIP: (
        "leads a cross-team project end to end",
        "grows the engineers around them",
        "sets technical direction for the {guild} guild",
        "turns a vague problem into a plan people sign up to",
    ),
}
SPRINT_TITLES: dict[SprintKind, tuple[str, ...]] = {
    SprintKind.PERFORMANCE: (
        "Own the {system} on-call rotation",
        "Cut {system} incidents in half",
        "Ship the {project} on time",
        "Raise the bar on code review in {team}",
        "Make the {system} pipeline boring and reliable",
        "Deliver the {project} without weekend heroics",
        "Reduce toil on the {system} service",
        "Get the {system} latency budget under control",
    ),
    SprintKind.SKILLS: (
        "Get fluent in {lang}",
        "Learn {tech} well enough to teach it",
        "Go deep on {topic}",
        "Build a working knowledge of {tech}",
        "Write {lang} that reviewers enjoy reading",
        "Get good at {topic}",
        "Become dangerous with {tech}",
    ),
    SprintKind.LEADERSHIP: (
        "Lead the {guild} guild",
        "Mentor two new hires through onboarding",
        "Run planning for the {team} team",
        "Drive the {project} RFC to a decision",
        "Become the go-to person for {topic}",
        "Facilitate blameless postmortems for {team}",
        "Build a speaking habit around {topic}",
    ),
}
RETRO_WELL = (
    "Weekly check-ins kept the goals visible.",
    "The coach sessions forced a plan.",
    "Pairing with {team} sped everything up.",
    "Writing things down early saved rework.",
    "Cut scope in week four instead of slipping.",
    "Asked for help sooner than usual.",
)
RETRO_CHANGE = (
    "Set fewer goals: three was one too many.",
    "Protect mornings for the deep work.",
    "Start measuring from day one, not week three.",
    "Involve my manager earlier.",
    "Plan around on-call weeks.",
    "Pick targets from data, not optimism.",
)
ABANDON_REASONS = (
    "A re-org moved me to the {team} team halfway through; the goals no longer fit.",
    "The {project} was cancelled, and with it most of this sprint.",
    "Parental leave came earlier than planned. Parked, not forgotten.",
    "Too much on-call load this quarter to do this properly. Stopping on purpose.",
)
