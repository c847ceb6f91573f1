"""The mentorship log: when entries were written, what kind, about whom, titled how.

One entry is made in named steps, in this order (the order of the random draws): a context,
who it is about (:func:`_about`), the sprint and goal it belongs to (:func:`_in_sprint`),
its title (one function per kind, :data:`_TITLES`), then body, scope and tags.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from devjournal.domain.enums import AdviceStatus, EntryKind, GoalStatus, Relationship, Scope
from devjournal.domain.models import LogEntryDraft
from devjournal.sample.corpus.bodies import FOLLOWUP_OPENERS, GOAL_WIN_OPENERS
from devjournal.sample.corpus.people import ANON_NAMES
from devjournal.sample.corpus.titles import (
    ADVICE_TITLES,
    CONVERSATION_TITLES,
    FEEDBACK_TITLES,
    FEEDBACK_TITLES_ANON,
    FOLLOWUP_TITLES,
    LESSON_TITLES,
    REFLECTION_TITLES,
    TAUGHT_PAIRS,
    WIN_PAIRS,
)
from devjournal.sample.corpus.work import TAGS
from devjournal.sample.mentors import mentor_on
from devjournal.sample.state import MentorPlan, SprintPlan, Workbench
from devjournal.sample.text import body, slug

_TR, _PE, _RV, _FA = (
    Relationship.TRADITIONAL,
    Relationship.PEER,
    Relationship.REVERSE,
    Relationship.FROM_AFAR,
)
# How often each kind of entry is written; reflections take the rest.
_KIND_SHARE: tuple[tuple[EntryKind, float], ...] = (
    (EntryKind.ADVICE, 0.17),
    (EntryKind.CONVERSATION, 0.17),
    (EntryKind.LESSON, 0.12),
    (EntryKind.TAUGHT, 0.07),
    (EntryKind.FEEDBACK, 0.10),
    (EntryKind.WIN, 0.14),
    (EntryKind.REFLECTION, 0.23),
)
# Who an entry is about: one roll in [0, 1) against these upper bounds, first match wins.
_ABOUT: dict[EntryKind, tuple[tuple[float, Relationship | None], ...]] = {
    EntryKind.ADVICE: ((0.55, _TR), (1.0, _PE)),
    EntryKind.CONVERSATION: ((0.4, _TR), (0.85, _PE), (1.0, _RV)),
    EntryKind.LESSON: ((1.0, _FA),),
    EntryKind.TAUGHT: ((1.0, _RV),),
    EntryKind.FEEDBACK: ((0.3, _TR), (0.7, _PE), (1.0, None)),
}
_ABOUT_OTHERWISE: tuple[tuple[float, Relationship | None], ...] = (
    (0.08, _TR),
    (0.15, _PE),
    (1.0, None),
)
# How often an entry written during a sprint belongs to it, by kind.
_IN_SPRINT = {EntryKind.WIN: 0.75, EntryKind.REFLECTION: 0.25, EntryKind.FEEDBACK: 0.25}
_HOURS = (7, 8, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16, 17, 17, 18, 19, 20, 20, 21, 21, 22)
_SCOPES = (Scope.PRIVATE,) * 15 + (Scope.COACH,) * 3 + (Scope.MENTOR,) * 2
_TAG_COUNTS = (0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4)
TRIED_FOR_DAYS = 120
"""Sample advice older than this has an outcome, not "trying it"."""
_ADVICE_CODES: dict[str, AdviceStatus] = {
    "n": AdviceStatus.NEW,
    "t": AdviceStatus.TRYING,
    "w": AdviceStatus.WORKED,
    "d": AdviceStatus.DIDNT_WORK,
    "p": AdviceStatus.PARKED,
}

Advice = tuple[int, str, MentorPlan | None]  # an advice entry: (id, title, who gave it)


@dataclass(slots=True)
class _Entry:
    """One entry while it is being made."""

    eid: int
    kind: EntryKind
    when: datetime
    ctx: dict[str, str]
    mentor: MentorPlan | None = None
    sprint: SprintPlan | None = None
    goal_id: int | None = None
    title: str = ""
    opener: str = ""  # the body's first sentence, when the title calls for one
    source_url: str = ""
    advice_status: AdviceStatus | None = None
    responds_to: int | None = None
    day: date = field(init=False)

    def __post_init__(self) -> None:
        self.day = self.when.date()


def build_entries(wb: Workbench) -> None:
    """The profile's number of entries, oldest first."""
    count = wb.profile.entries
    times = _entry_times(wb, count)
    kinds = _entry_kinds(wb, count)
    advice: list[Advice] = []
    for eid, (when, kind) in enumerate(zip(times, kinds, strict=True), start=1):
        entry = _Entry(eid, kind, when, wb.context())
        _about(wb, entry)
        _in_sprint(wb, entry)
        _TITLES[kind](wb, entry, advice)
        wb.entries.append((eid, _draft(wb, entry)))


def _entry_times(wb: Workbench, count: int) -> list[datetime]:
    rng = wb.rng
    span = (wb.today - wb.horizon).days  # up to yesterday
    stamps: list[int] = []
    base = wb.horizon.toordinal()
    for _ in range(count):
        # Denser towards the present: people write more once the habit sticks.
        day = base + int(span * rng.random() ** 0.85)
        stamps.append(day * 1440 + rng.choice(_HOURS) * 60 + rng.randrange(60))
    stamps.sort()
    out = []
    for stamp in stamps:
        d = date.fromordinal(stamp // 1440)
        minute = stamp % 1440
        out.append(wb.at(d, minute // 60, minute % 60))
    # Wall-clock order can differ from real order around a DST change.
    out.sort(key=datetime.timestamp)
    return out


def _entry_kinds(wb: Workbench, count: int) -> list[EntryKind]:
    kinds: list[EntryKind] = []
    for kind, share in _KIND_SHARE[:-1]:
        kinds += [kind] * max(1, round(count * share))
    kinds += [_KIND_SHARE[-1][0]] * max(1, count - len(kinds))
    kinds = kinds[:count]
    wb.rng.shuffle(kinds)
    return kinds


def _about(wb: Workbench, e: _Entry) -> None:
    """Who the entry is about: a mentor around at the time, or someone unnamed."""
    roll = wb.rng.random()
    rel = next(rel for bound, rel in _ABOUT.get(e.kind, _ABOUT_OTHERWISE) if roll < bound)
    if rel is not None:
        e.mentor = mentor_on(wb, rel, e.day)
    name = e.mentor.first_name if e.mentor is not None else wb.rng.choice(ANON_NAMES)
    e.ctx["name"] = name
    e.ctx["Name"] = name[0].upper() + name[1:]


def _in_sprint(wb: Workbench, e: _Entry) -> None:
    """Now and then a win, reflection or feedback belongs to a sprint running that day, and
    to one of its goals."""
    running = wb.sprints_by_day.get(e.day.toordinal())
    share = _IN_SPRINT.get(e.kind)
    if not running or share is None or wb.rng.random() >= share:
        return
    e.sprint = wb.rng.choice(running)
    live = [gid for gid, g in e.sprint.goals if g.status is not GoalStatus.DRAFT]
    if live and wb.rng.random() < 0.55:
        e.goal_id = wb.rng.choice(live)


def _draft(wb: Workbench, e: _Entry) -> LogEntryDraft:
    rng = wb.rng
    return LogEntryDraft(
        kind=e.kind,
        occurred_at=e.when,
        title=e.title[:300],
        body=body(rng, e.kind, e.ctx, e.opener),
        mentor_id=e.mentor.mid if e.mentor is not None else None,
        sprint_id=e.sprint.sid if e.sprint is not None else None,
        goal_id=e.goal_id,
        source_url=e.source_url,
        advice_status=e.advice_status,
        responds_to_id=e.responds_to,
        scope=rng.choice(_SCOPES),
        tags=tuple(rng.sample(TAGS, rng.choice(_TAG_COUNTS))),
    )


# -- titles, one function per kind ----------------------------------------------------------


def _advice(wb: Workbench, e: _Entry, advice: list[Advice]) -> None:
    rng = wb.rng
    title = rng.choice(ADVICE_TITLES).format_map(e.ctx)
    if rng.random() < 0.2:
        title = f"From {e.ctx['name']}: {title[0].lower()}{title[1:]}"
    age = (wb.today - e.day).days
    # Recent advice is still new or being tried; older advice has an outcome.
    pool = "nnnnnttttp" if age < 45 else "wwwwwwwddddppppttn"
    e.title = title
    e.advice_status = _ADVICE_CODES[rng.choice(pool)]
    if e.advice_status is AdviceStatus.TRYING and age > TRIED_FOR_DAYS:
        # Nobody tries a piece of advice for years: by now it worked or it did not (no
        # draw, so every later one stays as it was).
        e.advice_status = AdviceStatus.WORKED if e.eid % 3 else AdviceStatus.DIDNT_WORK
    advice.append((e.eid, title, e.mentor))


def _conversation(wb: Workbench, e: _Entry, advice: list[Advice]) -> None:
    e.title = wb.rng.choice(CONVERSATION_TITLES).format_map(e.ctx)


def _lesson(wb: Workbench, e: _Entry, advice: list[Advice]) -> None:
    e.title = wb.rng.choice(LESSON_TITLES).format_map(e.ctx)
    e.source_url = _source_url(wb, e)


def _taught(wb: Workbench, e: _Entry, advice: list[Advice]) -> None:
    title, e.opener = wb.rng.choice(TAUGHT_PAIRS)
    e.title = title.format_map(e.ctx)


def _feedback(wb: Workbench, e: _Entry, advice: list[Advice]) -> None:
    bank = FEEDBACK_TITLES if e.mentor is not None else FEEDBACK_TITLES_ANON
    e.title = wb.rng.choice(bank).format_map(e.ctx)


def _win(wb: Workbench, e: _Entry, advice: list[Advice]) -> None:
    rng = wb.rng
    if e.goal_id is not None and rng.random() < 0.5:
        e.title = f"Progress on “{wb.goals[e.goal_id - 1][1].title}”"
        e.opener = rng.choice(GOAL_WIN_OPENERS)
    else:
        title, e.opener = rng.choice(WIN_PAIRS)
        e.title = title.format_map(e.ctx)


def _reflection(wb: Workbench, e: _Entry, advice: list[Advice]) -> None:
    """Now and then, how an earlier piece of advice worked out."""
    rng = wb.rng
    answered = _advice_to_answer(wb, advice, e.day)
    if answered is None:
        e.title = rng.choice(REFLECTION_TITLES).format_map(e.ctx)
        return
    e.responds_to, advice_title, e.mentor = answered
    e.ctx["name"] = e.ctx["Name"] = e.mentor.first_name
    e.title = rng.choice(FOLLOWUP_TITLES).format(advice=advice_title)
    e.opener = rng.choice(FOLLOWUP_OPENERS)


_TITLES: dict[EntryKind, Callable[[Workbench, _Entry, list[Advice]], None]] = {
    EntryKind.ADVICE: _advice,
    EntryKind.CONVERSATION: _conversation,
    EntryKind.LESSON: _lesson,
    EntryKind.TAUGHT: _taught,
    EntryKind.FEEDBACK: _feedback,
    EntryKind.WIN: _win,
    EntryKind.REFLECTION: _reflection,
}


def _advice_to_answer(
    wb: Workbench, advice: list[Advice], d: date
) -> tuple[int, str, MentorPlan] | None:
    """Now and then, a recent piece of advice whose giver is still around on ``d``."""
    if not advice or wb.rng.random() >= 0.4:
        return None
    eid, title, adviser = wb.rng.choice(advice[-40:])
    if adviser is None or (adviser.ended_on is not None and adviser.ended_on < d):
        return None
    return eid, title, adviser


def _source_url(wb: Workbench, e: _Entry) -> str:
    """Where a lesson was learnt: a blog post, a podcast episode or a talk."""
    who = slug(e.mentor.name) if e.mentor is not None else "someone"
    topic = slug(e.ctx["topic"])
    pick = wb.rng.randrange(3)
    if pick == 0:
        return f"https://blog.example.org/{who}/{e.day.year}/{topic}"
    if pick == 1:
        return f"https://podcast.example.net/shows/{who}/episodes/{wb.rng.randint(1, 300)}"
    return f"https://talks.example.com/{e.day.year}/{who}-{topic}"
