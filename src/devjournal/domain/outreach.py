"""Outreach with a purpose: reaching out to a prospective mentor or coach.

Pure functions over domain values: which day each status is dated by, when a sent message
calls for a follow-up, how a status change stamps its day, how the first message is drafted
from the user's template, and what an agreed outreach becomes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from devjournal.domain.enums import (
    ConverseFormat,
    Guide,
    OutreachStatus,
    Relationship,
    SprintKind,
)
from devjournal.domain.models import CoachDraft, MentorDraft, Outreach, OutreachDraft, SprintDraft
from devjournal.domain.wording import day_text

S = OutreachStatus

DATE_FIELD: Mapping[OutreachStatus, str] = {
    S.IDEA: "idea_on",
    S.DRAFTED: "drafted_on",
    S.SENT: "sent_on",
    S.REPLIED: "replied_on",
    S.AGREED: "closed_on",
    S.DECLINED: "closed_on",
    S.NO_REPLY: "closed_on",
}
"""The day each status is dated by."""

STEPS: tuple[OutreachStatus, ...] = (S.IDEA, S.DRAFTED, S.SENT, S.REPLIED)
"""The open statuses, in the order an outreach moves through them."""

FOLLOW_UP_DAYS = 7
"""The follow-up a new outreach gets: a week without a reply."""

DEFAULT_TEMPLATE = """Hi {name},

{why_them}

I'm reaching out because {purpose}

{ask}

{converse}

Thank you for considering it.
"""
"""The first-message template a new journal starts with (Preferences edits it)."""

PLACEHOLDERS: Mapping[str, str] = {
    "name": "their name",
    "why_them": "why them",
    "purpose": "the purpose",
    "ask": "the ask",
    "converse": "how you would like to converse, in a sentence",
    "format": "call, meeting or in writing",
    "length": "how long, as “30 minutes”",
    "frequency": "how often, as “every month”",
    "channel": "where",
}
"""What a template may say in braces, and what each stands for."""

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def status_day(draft: OutreachDraft) -> date:
    """The day the outreach reached its status (its idea day when that day is missing)."""
    day: date | None = getattr(draft, DATE_FIELD[draft.status])
    return day or draft.idea_on


def dated(draft: OutreachDraft, status: OutreachStatus, day: date) -> OutreachDraft:
    """``draft`` with the day of ``status`` set to ``day``."""
    return dataclasses.replace(draft, **{DATE_FIELD[status]: day})  # type: ignore[arg-type]


def with_status(draft: OutreachDraft, status: OutreachStatus, on: date) -> OutreachDraft:
    """``draft`` moved to ``status`` on ``on``: the status's day is stamped (kept when the
    step was dated already: a user may date it in the form, or step back to it), and the
    days of the steps after it are cleared so the history never says more than happened. A message
    sent without a drafted day is taken to be drafted the day it was sent."""
    field = DATE_FIELD[status]
    changes: dict[str, object] = {"status": status}
    if status is not S.IDEA and (
        getattr(draft, field) is None or (status.is_closed and draft.status is not status)
    ):
        changes[field] = on
    if status in STEPS:
        for later in STEPS[STEPS.index(status) + 1 :]:
            changes[DATE_FIELD[later]] = None
        changes["closed_on"] = None
    if status in (S.SENT, S.REPLIED) and draft.drafted_on is None:
        changes["drafted_on"] = changes.get("sent_on") or draft.sent_on or on
    return dataclasses.replace(draft, **changes)  # type: ignore[arg-type]


def follow_up_on(draft: OutreachDraft) -> date | None:
    """The day to follow up on a sent message that had no reply, or None: an outreach
    sent on day D with a follow-up of N days is due on D + N (a reply, a close or no
    follow-up chosen: none)."""
    if draft.status is not S.SENT or draft.sent_on is None or not draft.follow_up_days:
        return None
    return draft.sent_on + timedelta(days=draft.follow_up_days)


def follow_up_due(draft: OutreachDraft, today: date) -> bool:
    """True when the follow-up day is today or past."""
    due = follow_up_on(draft)
    return due is not None and due <= today


def next_step(draft: OutreachDraft) -> str:
    """What to do next, in a few words."""
    return {
        S.IDEA: "Draft the first message",
        S.DRAFTED: "Send it",
        S.SENT: "Wait for a reply",
        S.REPLIED: "Agree on how to work together",
        S.AGREED: "",
        S.DECLINED: "",
        S.NO_REPLY: "",
    }[draft.status]


def history(draft: OutreachDraft) -> list[tuple[date, str]]:
    """Each step taken, with its day, in order."""
    steps = [(draft.idea_on, "Idea")]
    for status, label in ((S.DRAFTED, "Drafted"), (S.SENT, "Sent"), (S.REPLIED, "Replied")):
        day = getattr(draft, DATE_FIELD[status])
        if day is not None:
            steps.append((day, label))
    if draft.status.is_closed and draft.closed_on is not None:
        steps.append((draft.closed_on, draft.status.label))
    return steps


def every_text(days: int | None) -> str:
    """A cadence in words: "every week", "every 2 weeks", "every month", "once"."""
    if not days:
        return "once"
    named = {
        1: "every day", 7: "every week", 14: "every two weeks", 30: "every month",
        31: "every month", 90: "every quarter", 91: "every quarter", 365: "every year",
    }  # fmt: skip
    if days in named:
        return named[days]
    if days % 7 == 0:
        return f"every {days // 7} weeks"
    return f"every {days} days"


def converse_text(
    converse_format: ConverseFormat | None,
    minutes: int | None,
    every_days: int | None,
    channel: str,
) -> str:
    """How the user wants to converse, as one plain sentence (empty when nothing is said):
    "A 30-minute call every month, on Zoom."."""
    if converse_format is None and not minutes and not every_days and not channel.strip():
        return ""
    noun = {
        ConverseFormat.CALL: "call",
        ConverseFormat.MEETING: "meeting",
        ConverseFormat.WRITTEN: "written exchange",
        None: "conversation",
    }[converse_format]
    length = (
        f"{minutes}-minute " if minutes and converse_format is not ConverseFormat.WRITTEN else ""
    )
    sentence = f"{length}{noun} {every_text(every_days)}"
    article = "An" if sentence[0] in "aeiou8" else "A"
    if channel.strip():
        sentence += f", on {channel.strip()}"
    return f"{article} {sentence}."


def converse_line(draft: OutreachDraft) -> str:
    """:func:`converse_text` for an outreach."""
    return converse_text(
        draft.converse_format, draft.converse_minutes, draft.every_days, draft.channel
    )


def draft_message(draft: OutreachDraft, template: str) -> str:
    """The first message, from ``template`` with its placeholders filled from ``draft``.

    A placeholder the template names but the outreach leaves empty drops the whole line it
    is on when that line holds nothing else, so the message never says "I'm reaching out
    because " with nothing after it. Unknown placeholders stay as they are typed."""
    values = {
        "name": draft.name.strip(),
        "why_them": draft.why_them.strip(),
        "purpose": draft.purpose.strip(),
        "ask": draft.ask.strip(),
        "converse": _converse_sentence(draft),
        "format": draft.converse_format.label.lower() if draft.converse_format else "",
        "length": f"{draft.converse_minutes} minutes" if draft.converse_minutes else "",
        "frequency": every_text(draft.every_days) if draft.every_days else "",
        "channel": draft.channel.strip(),
    }
    lines: list[str] = []
    for line in template.splitlines():
        names = _PLACEHOLDER.findall(line)
        known = [n for n in names if n in values]
        if known and all(not values[n] for n in known):
            continue
        lines.append(_PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), line))
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text + "\n"


def _converse_sentence(draft: OutreachDraft) -> str:
    line = converse_line(draft)
    if not line:
        return ""
    aside = "," if draft.channel.strip() else ""  # "…, on Zoom, work for you?"
    return "Would " + line[0].lower() + line[1:-1] + aside + " work for you?"


def unknown_placeholders(template: str) -> list[str]:
    """The placeholders in ``template`` that the message cannot fill (a typo, say)."""
    return sorted({n for n in _PLACEHOLDER.findall(template) if n not in PLACEHOLDERS})


def prospect(mentor: MentorDraft, on: date) -> OutreachDraft:
    """A new outreach to the mentor the self-assessment suggests looking for: the
    relationship it recommends, and what the user is looking for as its purpose."""
    return OutreachDraft(
        name=mentor.name,
        guide=Guide.MENTOR,
        relationship=mentor.relationship,
        purpose=mentor.seeking,
        idea_on=on,
    )


def as_mentor(outreach: Outreach, on: date) -> MentorDraft:
    """The mentor an agreed outreach becomes: their name, the relationship hoped for, what
    the user is looking for (the purpose), how they converse, and the outreach's story in
    the notes, starting on the day it was agreed."""
    notes = "\n\n".join(
        part
        for part in (
            f"Why them: {outreach.why_them.strip()}" if outreach.why_them.strip() else "",
            f"The ask: {outreach.ask.strip()}" if outreach.ask.strip() else "",
            outreach.notes.strip(),
        )
        if part
    )
    return MentorDraft(
        name=outreach.name.strip(),
        relationship=outreach.relationship or Relationship.TRADITIONAL,
        seeking=outreach.purpose.strip(),
        contact_every_days=outreach.every_days,
        started_on=outreach.closed_on or on,
        notes=notes,
        converse_format=outreach.converse_format,
        converse_minutes=outreach.converse_minutes,
        channel=outreach.channel.strip(),
        serves_id=outreach.serves_id,
    )


def as_coach(outreach: Outreach) -> CoachDraft:
    """The coach an agreed outreach becomes: their name, what they coach (the purpose),
    where to reach them, and the outreach's story in the notes."""
    notes = "\n\n".join(
        part
        for part in (
            f"Why them: {outreach.why_them.strip()}" if outreach.why_them.strip() else "",
            f"The ask: {outreach.ask.strip()}" if outreach.ask.strip() else "",
            outreach.notes.strip(),
        )
        if part
    )
    return CoachDraft(
        name=outreach.name.strip(),
        coaches=outreach.purpose.strip()[:200],
        contact=outreach.channel.strip(),
        notes=notes,
        serves_id=outreach.serves_id,
    )


@dataclass(frozen=True)
class FollowUp:
    """A sent message that calls for a follow-up (Today and ``devjournal mentors``)."""

    outreach: Outreach
    due_on: date

    @property
    def line(self) -> str:
        """One plain line: "Ada Lovelace (mentor): sent 3 Nov, no reply yet"."""
        o = self.outreach
        sent = day_text(o.sent_on) if o.sent_on else "?"
        return f"{o.name} ({o.guide.label.lower()}): sent {sent}, no reply yet"


def follow_ups(outreach: list[Outreach], today: date) -> list[FollowUp]:
    """The outreach whose follow-up is due, longest waiting first."""
    due = [
        FollowUp(o, day) for o in outreach if (day := follow_up_on(o)) is not None and day <= today
    ]
    return sorted(due, key=lambda f: (f.due_on, f.outreach.id))


GUIDE_WORD: Mapping[Guide, str] = {Guide.MENTOR: "mentor", Guide.COACH: "coach"}


def short_day(day: date, today: date) -> str:
    """``3 Nov`` in ``today``'s year, ``3 Nov 2025`` in any other."""
    text = f"{day.day} {day.strftime('%b')}"
    return text if day.year == today.year else f"{text} {day.year}"


def status_line(draft: OutreachDraft, today: date) -> str:
    """Where it stands, with its day: "Sent 3 Nov · follow up 10 Nov" (a follow-up that is
    due says so: "Sent 3 Nov · follow-up due since 10 Nov")."""
    line = f"{draft.status.label} {short_day(status_day(draft), today)}"
    due = follow_up_on(draft)
    if due is not None:
        if due <= today:
            line += f" · follow-up due since {short_day(due, today)}"
        else:
            line += f" · follow up {short_day(due, today)}"
    return line


FOLLOW_UP_GROUP = "Follow up now"
CLOSED_GROUP = "Closed"
GROUP_ORDER: tuple[str, ...] = (
    FOLLOW_UP_GROUP,
    "Ideas",
    "Drafted",
    "Sent",
    "Replied",
    CLOSED_GROUP,
)
"""The Outreach page's groups, in order: what to do now first, what is over last."""

_OPEN_GROUP = {S.IDEA: "Ideas", S.DRAFTED: "Drafted", S.SENT: "Sent", S.REPLIED: "Replied"}


def group_of(draft: OutreachDraft, today: date) -> str:
    """The group an outreach is listed in (one of :data:`GROUP_ORDER`)."""
    if draft.status.is_closed:
        return CLOSED_GROUP
    if follow_up_due(draft, today):
        return FOLLOW_UP_GROUP
    return _OPEN_GROUP[draft.status]


def in_groups(outreach: list[Outreach], today: date) -> list[tuple[str, list[Outreach]]]:
    """The outreach in their groups, in :data:`GROUP_ORDER` (empty groups left out): a
    follow-up longest due first, then the newest step first within each group."""
    groups: dict[str, list[Outreach]] = {name: [] for name in GROUP_ORDER}
    for o in outreach:
        groups[group_of(o, today)].append(o)
    groups[FOLLOW_UP_GROUP].sort(key=lambda o: (follow_up_on(o) or today, o.id))
    for name in GROUP_ORDER[1:]:
        groups[name].sort(key=lambda o: (status_day(o), o.id), reverse=True)
    return [(name, items) for name, items in groups.items() if items]


def converse_lines(
    converse_format: ConverseFormat | None,
    minutes: int | None,
    every_days: int | None,
    channel: str,
    *,
    topics: str = "",
    boundaries: str = "",
) -> list[str]:
    """How you converse with a mentor, as short lines: the sentence of
    :func:`converse_text`, then the topics and the boundaries when there are some."""
    lines = [converse_text(converse_format, minutes, every_days, channel)]
    if topics.strip():
        lines.append(f"Topics: {topics.strip()}")
    if boundaries.strip():
        lines.append(f"Boundaries: {boundaries.strip()}")
    return [line for line in lines if line]


SPRINT_WEEKS = 12
"""How long the first sprint with a newly agreed coach runs, to start with."""


def sprint_with(outreach: OutreachDraft, today: date) -> SprintDraft:
    """The first sprint with the coach an outreach was agreed with: their name as the
    coach, the purpose as its focus, starting today."""
    name = outreach.name.strip()
    return SprintDraft(
        title=f"Coaching with {name}"[:200],
        kind=SprintKind.PERFORMANCE,
        start_date=today,
        end_date=today + timedelta(weeks=SPRINT_WEEKS),
        coach_name=name[:200],
        focus=outreach.purpose.strip(),
        session_every_days=outreach.every_days or 14,
        serves_id=outreach.serves_id,
    )
