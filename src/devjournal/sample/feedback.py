"""The details of sample feedback (``domain/feedback.py``): every Feedback entry gets one
or two themes that recur over the years, and most get their details: who gave it, where,
the user's reading, its impact, how often it was heard (counted from the themes before it),
what was done about it and the session it was discussed in (a theme heard before may be
heard again or be a pattern). Recent feedback is often not
weighed yet. Made last, with a generator of its own, so every earlier draw stays as it was.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta

from devjournal.domain.enums import EntryKind, Heard, Impact
from devjournal.domain.models import FeedbackDetails, LogEntryDraft
from devjournal.sample.corpus.feedback import CONTEXTS, DONE, GIVEN_BY, READINGS, THEMES
from devjournal.sample.state import Workbench

RECENT_DAYS = 21
ACTED_AFTER_DAYS = 45


def build_feedback(wb: Workbench) -> None:
    """Themes and details for every Feedback entry, oldest first."""
    rng = random.Random(f"devjournal-sample-feedback:{wb.profile.entries}")
    names, weights = zip(*THEMES, strict=True)
    heard: Counter[str] = Counter()
    sessions = _sessions_by_sprint(wb)
    for index, (eid, written) in enumerate(wb.entries):
        if written.kind is not EntryKind.FEEDBACK:
            continue
        themes = tuple(dict.fromkeys(rng.choices(names, weights, k=rng.choice((1, 1, 2)))))
        sprint_id = written.sprint_id or _running(wb, written, rng)
        draft = replace(written, tags=themes, sprint_id=sprint_id)
        wb.entries[index] = (eid, draft)
        lead = themes[0]
        times = heard[lead]
        for theme in themes:
            heard[theme] += 1
        age = (wb.today - draft.occurred_at.astimezone(wb.tz).date()).days
        if rng.random() < (0.6 if age <= RECENT_DAYS else 0.08):
            continue  # not read and weighed yet
        session_id = _next_session(sessions, draft) if rng.random() < 0.8 else None
        wb.feedback.append(
            (eid, replace(_details(rng, draft, lead, times, age), session_id=session_id))
        )


def _details(
    rng: random.Random,
    draft: LogEntryDraft,
    theme: str,
    times: int,
    age: int,
) -> FeedbackDetails:
    acted = age > ACTED_AFTER_DAYS and rng.random() < 0.55
    return FeedbackDetails(
        given_by="" if draft.mentor_id else rng.choice(GIVEN_BY),
        context=rng.choice(CONTEXTS),
        reading=READINGS[theme],
        impact=rng.choices(list(Impact), (30, 45, 25))[0],
        heard=Heard.FIRST if times == 0 else rng.choices(list(Heard), (45, 35, 20))[0],
        done=DONE[theme] if acted else "",
    )


def _running(wb: Workbench, draft: LogEntryDraft, rng: random.Random) -> int | None:
    """Half the time, feedback heard while a sprint ran is taken to that sprint's coach."""
    day = draft.occurred_at.astimezone(wb.tz).date()
    running = wb.sprints_by_day.get(day.toordinal())
    return rng.choice(running).sid if running and rng.random() < 0.5 else None


def _sessions_by_sprint(wb: Workbench) -> dict[int, list[tuple[int, datetime]]]:
    out: dict[int, list[tuple[int, datetime]]] = {}
    for sid, session in wb.sessions:
        out.setdefault(session.sprint_id, []).append((sid, session.starts_at))
    return out


def _next_session(
    sessions: dict[int, list[tuple[int, datetime]]], draft: LogEntryDraft
) -> int | None:
    """The sprint's first session in the three weeks after the feedback, if any."""
    if draft.sprint_id is None:
        return None
    until = draft.occurred_at + timedelta(days=21)
    return next(
        (sid for sid, at in sessions.get(draft.sprint_id, ()) if draft.occurred_at < at <= until),
        None,
    )
