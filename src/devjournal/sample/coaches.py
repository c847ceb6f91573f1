"""The sample's coaches as people (``Coach``): one per coach name the sprints use, with what
they coach (from the kinds of sprint they had with the author), where they work, how to
reach them and a few notes; and each sprint linked to its coach (``coach_id``). Made last,
with a generator of its own, so every earlier draw stays as it was.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

from devjournal.domain.enums import SprintKind
from devjournal.domain.models import CoachDraft
from devjournal.sample.corpus.people import EXTERNAL_ORGS
from devjournal.sample.state import Workbench
from devjournal.sample.text import slug

COACHES: dict[SprintKind, tuple[str, ...]] = {
    SprintKind.PERFORMANCE: (
        "Performance and delivery for senior engineers",
        "Getting from mid-level to senior",
        "Reviews, estimates and focus",
    ),
    SprintKind.SKILLS: (
        "Technical skills: design, testing and new languages",
        "System design and architecture",
        "Technical writing and talks",
    ),
    SprintKind.LEADERSHIP: (
        "Engineering leadership",
        "Tech leads and new managers",
        "Influence without authority",
    ),
}
INDEPENDENT = ("Independent coach", "Independent, ICF certified")
NOTES = (
    "Asks one question and waits. Best when I bring one concrete situation, not a list.",
    "Sends a short recap after every session; I keep them in the sprint's notes.",
    "Pushes for a number on every goal. Good at spotting when a goal is really two.",
    "Prefers video calls in the morning. Cancels rarely, and reschedules early when needed.",
    "Role-plays the hard conversation before I have it. Uncomfortable, and it works.",
    "Knows the staff-engineer path well; less useful on management questions.",
    "Checks in on last session's commitments first, every time.",
)
PROGRAMME_NOTE = "Through the company's coaching programme: it covers 12 sessions a year."
DOMAINS = ("coaching.example", "mail.example", "example.org")


def build_coaches(wb: Workbench) -> None:
    """A coach per name the sprints use, in the order first met; each sprint linked."""
    rng = random.Random(f"devjournal-sample-coaches:{wb.profile.coaches}")
    kinds: dict[str, Counter[SprintKind]] = {}
    for _sid, sprint in sorted(wb.sprints, key=lambda p: (p[1].start_date, p[0])):
        kinds.setdefault(sprint.coach_name, Counter())[sprint.kind] += 1
    ids = {name: cid for cid, name in enumerate(kinds, start=1) if name}
    for name, cid in ids.items():
        wb.coaches.append((cid, _coach(rng, name, kinds[name])))
    wb.sprints[:] = [
        (sid, replace(sprint, coach_id=ids.get(sprint.coach_name))) for sid, sprint in wb.sprints
    ]


def _coach(rng: random.Random, name: str, kinds: Counter[SprintKind]) -> CoachDraft:
    kind = kinds.most_common(1)[0][0]
    inside = rng.random() < 0.3
    first, last = (slug(part) for part in [*name.split(" ", 1), ""][:2])
    return CoachDraft(
        name=name,
        coaches=rng.choice(COACHES[kind]),
        organisation=(
            "My employer's coaching programme"
            if inside
            else rng.choice((*EXTERNAL_ORGS[:6], *INDEPENDENT))
        ),
        contact=f"{first}.{last}@{rng.choice(DOMAINS)}".replace(".@", "@"),
        notes="\n".join(
            rng.sample(NOTES, rng.choice((1, 2, 2))) + ([PROGRAMME_NOTE] if inside else [])
        ),
    )
