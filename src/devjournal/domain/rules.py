"""Validation rules. Each ``validate_*`` raises :class:`ValidationError` naming the fields.

Each ``warn_*`` returns what is allowed but probably a slip, ``{field: message}`` (empty
when nothing is): the forms show it before saving, and never refuse because of it."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from datetime import date, datetime

from devjournal.domain.enums import (
    ActionStatus,
    ClosedState,
    EntryKind,
    GoalStatus,
    Guide,
    MetricKind,
    OutreachStatus,
    SessionStatus,
)
from devjournal.domain.errors import ValidationError
from devjournal.domain.models import (
    ActionItemDraft,
    AimDraft,
    AssessmentDraft,
    CheckinDraft,
    CoachDraft,
    FeedbackDetails,
    GoalDraft,
    LogEntryDraft,
    MentorDraft,
    MentorLinkDraft,
    MilestoneDraft,
    OutreachDraft,
    SessionDraft,
    SprintDraft,
)
from devjournal.domain.smart import smart_gaps
from devjournal.domain.wording import day_text

TITLE_MAX = 200
TAG_MAX = 60
TEXT_MAX = 200_000
RATING_SCALES = (5, 10)
SAFE_URL_SCHEMES = ("http", "https", "mailto")
_WEB_SCHEMES = ("http", "https")
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


class _Problems:
    """Collects problems and raises them together."""

    def __init__(self) -> None:
        self.items: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.items.setdefault(field, message)

    def title(self, field: str, value: str, what: str, limit: int = TITLE_MAX) -> None:
        if not value.strip():
            self.add(field, f"The {what} cannot be empty.")
        elif len(value) > limit:
            self.add(field, f"The {what} is longer than {limit} characters.")

    def text(self, field: str, value: str) -> None:
        if len(value) > TEXT_MAX:
            self.add(field, f"This text is longer than {TEXT_MAX:,} characters.")

    def every_days(self, field: str, value: int | None, limit: int = 3650) -> None:
        if value is not None and not 1 <= value <= limit:
            self.add(field, f"Enter a number of days from 1 to {limit}.")

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)


def url_scheme(url: str) -> str | None:
    """The lower-cased scheme of ``url``, or None if it has none."""
    match = _SCHEME_RE.match(url.strip())
    return match.group(1).lower() if match else None


def is_safe_url(url: str) -> bool:
    """True for the only links the app will open: http, https and mailto."""
    scheme = url_scheme(url)
    if scheme in _WEB_SCHEMES:
        return "//" in url and len(url.split("//", 1)[1].strip("/")) > 0
    return scheme == "mailto" and len(url.strip()) > len("mailto:")


def normalise_tag(name: str) -> str:
    """Trim a tag and fold runs of white space into one space (spaces are allowed)."""
    return " ".join(name.split())


def normalise_tags(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Normalised, non-empty tags without case-insensitive duplicates, in given order."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in names:
        tag = normalise_tag(raw)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return tuple(out)


def validate_sprint(draft: SprintDraft) -> None:
    """Check a sprint: a title, an end not before its start, a sane cadence."""
    p = _Problems()
    p.title("title", draft.title, "sprint title")
    if draft.end_date < draft.start_date:
        p.add("end_date", "The sprint cannot end before it starts.")
    elif (draft.end_date - draft.start_date).days > 3 * 366:
        p.add("end_date", "A sprint is short and time-bound: keep it under three years.")
    p.every_days("session_every_days", draft.session_every_days, 365)
    if draft.closed_state is None and draft.closed_on is not None:
        p.add("closed_on", "Only a closed sprint has a closing date.")
    if (
        draft.closed_on is not None
        and draft.closed_on < draft.start_date
        and draft.closed_state is not ClosedState.ABANDONED  # dropped before it began
    ):
        p.add("closed_on", "A sprint cannot be completed before it starts.")
    for name in ("coach_name", "focus"):
        value = getattr(draft, name)
        if len(value) > TITLE_MAX * 5:
            p.add(name, "This text is too long.")
    p.text("retrospective", draft.retrospective)
    p.raise_if_any()


def _check_kpi_value(p: _Problems, field: str, value: float | None, draft: GoalDraft) -> None:
    if value is None:
        return
    if not math.isfinite(value):
        p.add(field, "Enter a number.")
    elif draft.metric_kind is MetricKind.RATING and draft.scale_max is not None:
        if not 1 <= value <= draft.scale_max:
            p.add(field, f"A rating is from 1 to {draft.scale_max}.")
    elif draft.metric_kind is MetricKind.PERCENT and not 0 <= value <= 100:
        p.add(field, "A percentage is from 0 to 100.")


def validate_goal(draft: GoalDraft, sprint: SprintDraft) -> None:
    """Check a goal's structure. Gaps in SMART are allowed (a draft); broken values are not."""
    p = _Problems()
    p.title("title", draft.title, "goal title")
    if draft.metric_kind is MetricKind.RATING:
        if draft.scale_max not in RATING_SCALES:
            p.add("scale_max", "A rating goal uses a 1-5 or a 1-10 scale.")
    elif draft.scale_max is not None:
        p.add("scale_max", "Only a rating goal has a scale.")
    if draft.metric_kind is MetricKind.MILESTONES and (
        draft.baseline is not None or draft.target is not None
    ):
        p.add("target", "A milestone goal is measured by its milestones, not by a number.")
    for name in ("baseline", "target", "final_value"):
        _check_kpi_value(p, name, getattr(draft, name), draft)
    if draft.deadline is not None and not (sprint.start_date <= draft.deadline <= sprint.end_date):
        p.add(
            "deadline",
            f"The deadline must fall inside the sprint "
            f"({sprint.start_date.isoformat()} to {sprint.end_date.isoformat()}).",
        )
    p.every_days("checkin_every_days", draft.checkin_every_days, 365)
    if draft.checkin_every_days is None:
        p.add("checkin_every_days", "Say how often you will check in.")
    for name in ("specific", "achievable", "relevant", "lessons"):
        p.text(name, getattr(draft, name))
    p.raise_if_any()


def active_smart_gaps(draft: GoalDraft, sprint: SprintDraft, milestone_count: int) -> str:
    """The SMART letters an active goal misses (``"S, A"``); empty for a SMART goal and for
    a goal that is not active (a draft may have gaps)."""
    if draft.status is not GoalStatus.ACTIVE:
        return ""
    return smart_gaps(draft, sprint, milestone_count)


def smart_refusal(draft: GoalDraft, sprint: SprintDraft, milestone_count: int) -> str | None:
    """Why ``draft`` cannot be saved as it is, or None: an active goal passes the SMART check
    (the one the goal form shows beside its fields)."""
    gaps = active_smart_gaps(draft, sprint, milestone_count)
    if not gaps:
        return None
    return f"Fill the SMART gaps ({gaps}) to make the goal active, or keep it as a draft."


def validate_active_goal(draft: GoalDraft, sprint: SprintDraft, milestone_count: int) -> None:
    """Check what a goal the user makes or changes must also be: SMART when active
    (:func:`smart_refusal`). An import brings a goal in as it was written (see
    ``storage/journal_dump.py``)."""
    refusal = smart_refusal(draft, sprint, milestone_count)
    if refusal is not None:
        raise ValidationError({"status": refusal})


def validate_milestone(draft: MilestoneDraft) -> None:
    """Check a milestone: it needs a title."""
    p = _Problems()
    p.title("title", draft.title, "milestone")
    p.raise_if_any()


def validate_checkin(draft: CheckinDraft, goal: GoalDraft) -> None:
    """Check a KPI check-in against its goal's scale."""
    p = _Problems()
    _check_kpi_value(p, "value", draft.value, goal)
    p.text("note", draft.note)
    p.raise_if_any()


def validate_session(draft: SessionDraft) -> None:
    """Check a coaching session: a time with a zone and a sane length."""
    p = _Problems()
    if draft.starts_at.tzinfo is None:
        p.add("starts_at", "The session time needs a time zone.")
    if not 5 <= draft.duration_min <= 600:
        p.add("duration_min", "A session lasts from 5 to 600 minutes.")
    for name in ("agenda", "notes", "insights"):
        p.text(name, getattr(draft, name))
    if any(q.answer.strip() and not q.question.strip() for q in draft.questions):
        p.add("questions", "Write the question each answer belongs to.")
    p.raise_if_any()


def validate_action_item(draft: ActionItemDraft) -> None:
    """Check an action item: a title, and a done date only when done."""
    p = _Problems()
    p.title("title", draft.title, "action item")
    if draft.status is ActionStatus.DONE and draft.done_on is None:
        p.add("done_on", "Say when it was done.")
    if draft.status is not ActionStatus.DONE and draft.done_on is not None:
        p.add("done_on", "Only a done item has a done date.")
    p.raise_if_any()


def validate_mentor(draft: MentorDraft) -> None:
    """Check a mentor: a name and an end not before the start."""
    p = _Problems()
    p.title("name", draft.name, "mentor's name")
    if (
        draft.started_on is not None
        and draft.ended_on is not None
        and draft.ended_on < draft.started_on
    ):
        p.add("ended_on", "The relationship cannot end before it started.")
    p.every_days("contact_every_days", draft.contact_every_days)
    for name in ("seeking", "notes"):
        p.text(name, getattr(draft, name))
    validate_mentor_converse(draft, p)
    p.raise_if_any()


def _converse(p: _Problems, minutes: int | None) -> None:
    if minutes is not None and not 1 <= minutes <= 600:
        p.add("converse_minutes", "Enter a length from 1 to 600 minutes.")


def validate_mentor_converse(draft: MentorDraft, p: _Problems) -> None:
    """How we converse with a mentor: a sane length and texts that fit."""
    _converse(p, draft.converse_minutes)
    if len(draft.channel) > TITLE_MAX:
        p.add("channel", f"A channel is at most {TITLE_MAX} characters.")
    for name in ("topics", "boundaries"):
        p.text(name, getattr(draft, name))


def validate_coach(draft: CoachDraft) -> None:
    """Check a coach: a name, and texts that fit."""
    p = _Problems()
    p.title("name", draft.name, "coach's name")
    for name in ("coaches", "organisation", "contact"):
        if len(getattr(draft, name)) > TITLE_MAX:
            p.add(name, f"This is at most {TITLE_MAX} characters.")
    p.text("notes", draft.notes)
    p.raise_if_any()


def validate_aim(draft: AimDraft) -> None:
    """Check a part of the direction: a title and a detail that fits."""
    p = _Problems()
    p.title("title", draft.title, "aim")
    p.text("detail", draft.detail)
    p.raise_if_any()


_OUTREACH_DAYS = ("idea_on", "drafted_on", "sent_on", "replied_on", "closed_on")
_OUTREACH_NEEDS = {
    OutreachStatus.DRAFTED: "drafted_on",
    OutreachStatus.SENT: "sent_on",
    OutreachStatus.REPLIED: "replied_on",
    OutreachStatus.AGREED: "closed_on",
    OutreachStatus.DECLINED: "closed_on",
    OutreachStatus.NO_REPLY: "closed_on",
}
_OUTREACH_LATER = {
    OutreachStatus.IDEA: ("drafted_on", "sent_on", "replied_on", "closed_on"),
    OutreachStatus.DRAFTED: ("sent_on", "replied_on", "closed_on"),
    OutreachStatus.SENT: ("replied_on", "closed_on"),
    OutreachStatus.REPLIED: ("closed_on",),
}


def validate_outreach(draft: OutreachDraft) -> None:
    """Check an outreach: a name, texts that fit, a day for its status, the days of its
    steps in order and none for a step not taken, and sane numbers."""
    p = _Problems()
    p.title("name", draft.name, "name")
    for name in ("why_them", "purpose", "ask", "message", "notes"):
        p.text(name, getattr(draft, name))
    if len(draft.channel) > TITLE_MAX:
        p.add("channel", f"A channel is at most {TITLE_MAX} characters.")
    _converse(p, draft.converse_minutes)
    p.every_days("every_days", draft.every_days, 365)
    p.every_days("follow_up_days", draft.follow_up_days, 365)
    if draft.relationship is not None and draft.guide is not Guide.MENTOR:
        p.add("relationship", "Only a mentor has a relationship.")
    needed = _OUTREACH_NEEDS.get(draft.status)
    if needed is not None and getattr(draft, needed) is None:
        p.add(needed, f"Enter the day it was {draft.status.label.lower()}.")
    for name in _OUTREACH_LATER.get(draft.status, ()):
        if getattr(draft, name) is not None:
            p.add(name, f"It is not that far yet: it is {draft.status.label.lower()}.")
    days = [(n, getattr(draft, n)) for n in _OUTREACH_DAYS if getattr(draft, n) is not None]
    for (_, earlier), (name, later) in itertools.pairwise(days):
        if later < earlier:
            p.add(name, f"This step cannot come before {day_text(earlier)}.")
    p.raise_if_any()


def validate_assessment(draft: AssessmentDraft) -> None:
    """Check a self-assessment: a time with its zone, and words that fit."""
    p = _Problems()
    if draft.taken_at.tzinfo is None:
        p.add("taken_at", "The time it was taken needs a time zone.")
    p.text("in_own_words", draft.in_own_words)
    p.raise_if_any()


def validate_mentor_link(draft: MentorLinkDraft) -> None:
    """Check a link: a label and an http, https or mailto address."""
    p = _Problems()
    p.title("label", draft.label, "link label")
    if not is_safe_url(draft.url):
        p.add("url", "Enter an http, https or mailto address.")
    p.raise_if_any()


def validate_mentor_links(links: Sequence[tuple[str, str]]) -> None:
    """Check a mentor's links, (label, address) in order; the problem names the link."""
    for position, (label, url) in enumerate(links):
        try:
            validate_mentor_link(
                MentorLinkDraft(mentor_id=0, label=label, url=url, position=position)
            )
        except ValidationError as exc:
            raise ValidationError({"links": f"Link {position + 1}: {exc.message}"}) from exc


def validate_log_entry(draft: LogEntryDraft, entry_id: int | None = None) -> None:
    """Check a log entry: title, advice status only on advice, a safe source link, tags."""
    p = _Problems()
    p.title("title", draft.title, "entry title", 300)
    p.text("body", draft.body)
    if draft.occurred_at.tzinfo is None:
        p.add("occurred_at", "The entry time needs a time zone.")
    if draft.kind is not EntryKind.ADVICE and draft.advice_status is not None:
        p.add("advice_status", "Only advice has an advice status.")
    if draft.source_url and not (
        url_scheme(draft.source_url) in _WEB_SCHEMES and is_safe_url(draft.source_url)
    ):
        p.add("source_url", "Enter an http or https address.")
    if entry_id is not None and draft.responds_to_id == entry_id:
        p.add("responds_to_id", "An entry cannot answer itself.")
    for tag in draft.tags:
        if len(normalise_tag(tag)) > TAG_MAX:
            p.add("tags", f"A tag is at most {TAG_MAX} characters.")
    p.raise_if_any()


def validate_feedback(details: FeedbackDetails) -> None:
    """Check a Feedback entry's details: who gave it (a name, at most 200 characters) and
    the texts within the length every text has."""
    p = _Problems()
    if len(details.given_by) > TITLE_MAX:
        p.add("given_by", f"A name is at most {TITLE_MAX} characters.")
    for name in ("context", "reading", "done"):
        p.text(name, getattr(details, name))
    p.raise_if_any()


def days_between(start: date, end: date) -> int:
    """Whole days from ``start`` to ``end`` (negative if ``end`` is earlier)."""
    return (end - start).days


def warn_checkin(on_date: date, today: date) -> dict[str, str]:
    """A check-in dated after today records a measurement not taken yet."""
    if on_date > today:
        return {
            "on_date": f"{day_text(on_date)} is in the future: a check-in records what "
            "was measured. Is the date right?"
        }
    return {}


def warn_session(draft: SessionDraft, now: datetime) -> dict[str, str]:
    """A session marked held that has not started yet."""
    if draft.status is SessionStatus.HELD and draft.starts_at > now:
        return {"status": "Marked held, but the session has not started yet. Is the date right?"}
    return {}


def warn_action_item(draft: ActionItemDraft, session_day: date | None) -> dict[str, str]:
    """A commitment due before the session it was made in."""
    if session_day is not None and draft.due_date is not None and draft.due_date < session_day:
        return {
            "due_date": f"Due before the session it was made in ({day_text(session_day)}). "
            "Is the date right?"
        }
    return {}
