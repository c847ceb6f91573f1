"""Sample outreach (``domain/outreach.py``): prospective mentors and coaches in every
status, the closed ones spread over the years, the open ones recent, some sent ones past
their follow-up day; agreed outreach to mentors is linked to the sample mentors it became.
Also how we converse with some sample mentors. Made last, with a generator of its own, so
every earlier draw stays as it was."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from devjournal.domain import outreach as reach
from devjournal.domain.enums import ConverseFormat, Guide, OutreachStatus, Relationship
from devjournal.domain.models import OutreachDraft
from devjournal.sample.corpus import outreach as words
from devjournal.sample.corpus.people import FIRST_NAMES, LAST_NAMES
from devjournal.sample.state import Workbench

S = OutreachStatus
COUNTS = {150: 9, 10_000: 36, 100_000: 60}
"""How many outreach each size holds (by its number of entries)."""
OPEN = (S.IDEA, S.DRAFTED, S.SENT, S.SENT, S.REPLIED)
CLOSED = (S.AGREED, S.DECLINED, S.NO_REPLY, S.NO_REPLY)


def build_outreach(wb: Workbench) -> None:
    """How we converse with some mentors, then the outreach."""
    rng = random.Random(f"devjournal-sample-outreach:{wb.profile.entries}")
    _converse(wb, rng)
    count = COUNTS.get(wb.profile.entries, 12)
    names = _names(wb, rng, count)
    agreed = _agreed_with_mentors(wb, rng, max(1, count // 6))
    made: list[OutreachDraft] = list(agreed)
    statuses = [*OPEN, *CLOSED]  # every status at least once
    while len(statuses) < count - len(agreed):
        statuses.append(rng.choice(OPEN if rng.random() < 0.35 else CLOSED))
    follow_ups, due = 0, 1 if count < 12 else 2
    for index, status in enumerate(statuses):
        overdue = status is S.SENT and follow_ups < due
        follow_ups += overdue
        made.append(_outreach(wb, rng, names[index], status, overdue=overdue))
    made.sort(key=lambda o: (o.idea_on, o.name))
    wb.outreach = [(i, o) for i, o in enumerate(made, start=1)]


def _names(wb: Workbench, rng: random.Random, count: int) -> list[str]:
    taken = {m.name for _, m in wb.mentors} | set(wb.coach_names)
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def _converse(wb: Workbench, rng: random.Random) -> None:
    """Most mentors one talks with get a format, a length, a channel, topics and perhaps
    boundaries."""
    for index, (mid, mentor) in enumerate(wb.mentors):
        if mentor.relationship is Relationship.FROM_AFAR or rng.random() < 0.3:
            continue
        form = rng.choice(list(ConverseFormat))
        wb.mentors[index] = (
            mid,
            replace(
                mentor,
                converse_format=form,
                converse_minutes=None
                if form is ConverseFormat.WRITTEN
                else rng.choice((30, 45, 60)),
                channel=rng.choice(words.CHANNELS),
                topics=rng.choice(words.TOPICS),
                boundaries=rng.choice(words.BOUNDARIES),
            ),
        )


def _agreed_with_mentors(wb: Workbench, rng: random.Random, count: int) -> list[OutreachDraft]:
    """Outreach that became sample mentors: agreed on the day they started."""
    candidates = [
        (mid, m)
        for mid, m in wb.mentors
        if m.relationship is not Relationship.FROM_AFAR
        and m.started_on is not None
        and m.started_on >= wb.horizon + timedelta(days=30)
    ]
    made = []
    for mid, mentor in rng.sample(candidates, min(count, len(candidates))):
        assert mentor.started_on is not None
        agreed_on = mentor.started_on
        sent_on = agreed_on - timedelta(days=rng.randint(3, 14))
        idea_on = sent_on - timedelta(days=rng.randint(2, 20))
        made.append(
            OutreachDraft(
                name=mentor.name,
                guide=Guide.MENTOR,
                relationship=mentor.relationship,
                why_them=rng.choice(words.WHY_MENTOR),
                purpose=f"I would value your advice on {mentor.seeking[:1].lower()}"
                f"{mentor.seeking[1:]}.",
                ask=rng.choice(words.ASK),
                converse_format=mentor.converse_format,
                converse_minutes=mentor.converse_minutes,
                every_days=mentor.contact_every_days,
                channel=mentor.channel,
                status=S.AGREED,
                idea_on=idea_on,
                drafted_on=idea_on + timedelta(days=1),
                sent_on=sent_on,
                replied_on=sent_on + timedelta(days=rng.randint(1, 3)),
                closed_on=agreed_on,
                notes=rng.choice(words.NOTES),
                mentor_id=mid,
            )
        )
    return made


def _outreach(
    wb: Workbench, rng: random.Random, name: str, status: OutreachStatus, *, overdue: bool
) -> OutreachDraft:
    """One outreach at ``status``: open ones within the last weeks, closed ones over the
    years; ``overdue``: sent long enough ago that its follow-up is due."""
    guide = Guide.MENTOR if rng.random() < 0.65 else Guide.COACH
    if status is S.AGREED:
        guide = Guide.COACH  # an agreed mentor is one of the sample's mentors
    mentor = guide is Guide.MENTOR
    follow = rng.choice((5, 7, 7, 10, 14))
    form = rng.choice((*ConverseFormat, None))
    base = OutreachDraft(
        name=name,
        guide=guide,
        relationship=rng.choice((Relationship.TRADITIONAL, Relationship.PEER, None))
        if mentor
        else None,
        why_them=rng.choice(words.WHY_MENTOR if mentor else words.WHY_COACH),
        purpose=rng.choice(words.PURPOSE_MENTOR if mentor else words.PURPOSE_COACH),
        ask=rng.choice(words.ASK),
        converse_format=form,
        converse_minutes=rng.choice((30, 45, 60)) if form is not ConverseFormat.WRITTEN else None,
        every_days=rng.choice((None, 14, 30, 30, 91)),
        channel=rng.choice(words.CHANNELS),
        idea_on=wb.today,
        follow_up_days=follow,
        notes=rng.choice(words.NOTES),
    )
    if status.is_closed:
        span = max(60, (wb.today - wb.horizon).days - 30)
        start = wb.today - timedelta(days=rng.randint(45, span))
    elif overdue:
        start = wb.today - timedelta(days=follow + rng.randint(10, 16))
    else:
        start = wb.today - timedelta(days=rng.randint(5, 40))
    return _walk(
        rng, replace(base, idea_on=start), status, wb.today, overdue=overdue, follow=follow
    )


def _walk(
    rng: random.Random,
    draft: OutreachDraft,
    status: OutreachStatus,
    today: date,
    *,
    overdue: bool,
    follow: int,
) -> OutreachDraft:
    """``draft`` moved step by step to ``status``, each step a few days after the last,
    never after today (a sent one not overdue waits less than its follow-up)."""
    day = draft.idea_on
    path = {
        S.IDEA: (),
        S.DRAFTED: (S.DRAFTED,),
        S.SENT: (S.DRAFTED, S.SENT),
        S.REPLIED: (S.DRAFTED, S.SENT, S.REPLIED),
        S.AGREED: (S.DRAFTED, S.SENT, S.REPLIED, S.AGREED),
        S.DECLINED: (S.DRAFTED, S.SENT, S.DECLINED),
        S.NO_REPLY: (S.DRAFTED, S.SENT, S.NO_REPLY),
    }[status]
    for step in path:
        gap = rng.randint(1, 4)
        if step is S.NO_REPLY:
            gap = follow + rng.randint(7, 21)
        day = min(day + timedelta(days=gap), today)
        if step is S.SENT and status is S.SENT and not overdue:  # still waiting for a reply
            day = max(day, today - timedelta(days=rng.randint(0, follow - 1)))
        draft = reach.with_status(draft, step, day)
    return draft
