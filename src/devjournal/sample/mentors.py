"""Mentors, their links, and who was around on a given day."""

from __future__ import annotations

from datetime import date, timedelta

from devjournal.domain.enums import Affiliation, Formality, Relationship
from devjournal.domain.models import MentorDraft, MentorLinkDraft
from devjournal.sample.corpus.people import (
    EXTERNAL_ORGS,
    FIRST_NAMES,
    LAST_NAMES,
    MENTOR_NOTES,
    PROGRAMMES,
    SEEKING,
)
from devjournal.sample.days import months_between
from devjournal.sample.state import MentorPlan, Workbench
from devjournal.sample.text import slug

# The first four mentors: one of each relationship. The rest are drawn from this pool.
_FIRST_FOUR = (
    Relationship.TRADITIONAL,
    Relationship.PEER,
    Relationship.REVERSE,
    Relationship.FROM_AFAR,
)
_POOL = (
    (Relationship.TRADITIONAL,) * 5
    + (Relationship.PEER,) * 6
    + (Relationship.REVERSE,) * 3
    + (Relationship.FROM_AFAR,) * 6
)
# Per relationship: how likely a formal programme is, and a mentor from the same employer.
_FORMAL_SHARE = {
    Relationship.TRADITIONAL: 0.55,
    Relationship.PEER: 0.15,
    Relationship.REVERSE: 0.4,
    Relationship.FROM_AFAR: 0.0,
}
_INTERNAL_SHARE = {
    Relationship.TRADITIONAL: 0.5,
    Relationship.PEER: 0.6,
    Relationship.REVERSE: 0.85,
    Relationship.FROM_AFAR: 0.0,
}


def pick_names(wb: Workbench, count: int) -> list[str]:
    """``count`` different full names."""
    total = len(FIRST_NAMES) * len(LAST_NAMES)
    picks = wb.rng.sample(range(total), count)
    return [
        f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {LAST_NAMES[i // len(FIRST_NAMES)]}" for i in picks
    ]


def build_mentors(wb: Workbench, names: list[str]) -> None:
    """One mentor per name, with links, numbered in the order they were met."""
    plans = _plan_mentors(wb, names)
    plans.sort(key=lambda p: p.started_on)
    for mid, plan in enumerate(plans, start=1):
        plan.mid = mid
        wb.mentors.append((mid, _mentor_draft(wb, plan)))
        _mentor_links(wb, plan)
    for plan in plans:
        if plan.ended_on is None and plan.started_on <= wb.horizon:
            wb.anchor.setdefault(plan.relationship, plan)
    # Which mentors are around in a month, per relationship: a quick first guess.
    for plan in plans:
        for month in months_between(plan.started_on, plan.ended_on or wb.today):
            wb.mentors_by_month.setdefault((plan.relationship, month), []).append(plan)


def mentor_on(wb: Workbench, rel: Relationship, d: date) -> MentorPlan:
    """A mentor of ``rel`` who was around on ``d``."""
    candidates = wb.mentors_by_month.get((rel, d.year * 12 + d.month - 1))
    if candidates:
        for _ in range(4):
            plan = wb.rng.choice(candidates)
            if plan.started_on <= d and (plan.ended_on is None or d <= plan.ended_on):
                return plan
    return wb.anchor[rel]


def _plan_mentors(wb: Workbench, names: list[str]) -> list[MentorPlan]:
    rng = wb.rng
    rels = list(_FIRST_FOUR)
    rels += [rng.choice(_POOL) for _ in range(len(names) - len(rels))]
    earliest = wb.horizon - timedelta(days=180)
    latest = wb.today - timedelta(days=30)
    plans: list[MentorPlan] = []
    for i, (name, rel) in enumerate(zip(names, rels, strict=True)):
        ended: date | None = None
        if i < len(_FIRST_FOUR):
            # One of each relationship spans the whole history, so every kind of entry
            # always has someone to be about.
            started = wb.horizon - timedelta(days=rng.randint(30, 400))
        else:
            started = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
            known = (wb.today - started).days
            if known > 240 and rng.random() < 0.55:
                ended = started + timedelta(days=rng.randint(120, min(1100, known - 1)))
        plans.append(MentorPlan(name, rel, started, ended))
    return plans


def _mentor_draft(wb: Workbench, plan: MentorPlan) -> MentorDraft:
    rng = wb.rng
    rel = plan.relationship
    ctx = wb.context()
    formal = rng.random() < _FORMAL_SHARE[rel]
    internal = rng.random() < _INTERNAL_SHARE[rel]
    if internal:
        organisation = wb.employer_at(plan.started_on)
    elif rel is Relationship.FROM_AFAR and rng.random() < 0.4:
        organisation = ""  # independent writer or speaker
    else:
        organisation = rng.choice(EXTERNAL_ORGS)
    contact = (
        None
        if rel is Relationship.FROM_AFAR
        else rng.choice((14, 21, 30, 30, 45) if rel is not Relationship.REVERSE else (14, 21))
    )
    return MentorDraft(
        name=plan.name,
        relationship=rel,
        formality=Formality.FORMAL if formal else Formality.INFORMAL,
        programme=rng.choice(PROGRAMMES[rel]) if formal else "",
        affiliation=Affiliation.INTERNAL if internal else Affiliation.EXTERNAL,
        organisation=organisation,
        seeking=rng.choice(SEEKING[rel]).format_map(ctx),
        contact_every_days=contact,
        started_on=plan.started_on,
        ended_on=plan.ended_on,
        notes=rng.choice(MENTOR_NOTES[rel]),
    )


def _mentor_links(wb: Workbench, plan: MentorPlan) -> None:
    rng = wb.rng
    name = slug(plan.name)
    dotted = name.replace("-", ".")
    if plan.relationship is Relationship.FROM_AFAR:
        options = [
            ("Blog", f"https://blog.example.org/{name}"),
            ("Podcast", f"https://podcast.example.net/shows/{name}"),
            ("Talk", f"https://talks.example.com/{name}/{wb.today.year - rng.randint(1, 9)}"),
            ("Newsletter", f"https://news.example.com/{name}"),
        ]
    else:
        options = [
            ("Profile", f"https://example.com/people/{name}"),
            ("Email", f"mailto:{dotted}@example.com"),
            ("Blog", f"https://blog.example.org/{name}"),
            ("Calendar", f"https://cal.example.net/{name}/30min"),
        ]
    for position, (label, url) in enumerate(rng.sample(options, rng.randint(1, 3))):
        wb.links.append(
            (
                len(wb.links) + 1,
                MentorLinkDraft(mentor_id=plan.mid, label=label, url=url, position=position),
            )
        )
