"""Coach or mentor? The guided self-assessment (pure: the questions, and what the answers
recommend, with its reasons in plain words).

A coach works with you for weeks or months on something you can name and measure: a
skill, a number in your current role, the first steps of leading people, making sense of
feedback. A mentor stays for years and shares what they learnt on a road you want to
take: the long-term direction, the unwritten rules of a level, a network. The questions
ask what the user needs now, how clear the goal and the road to it are, how far ahead
they look and whether there is feedback to make sense of; :func:`recommend` weighs the
answers and says which guide fits (a coach, a mentor, or both), which kind, and why.

Every answer adds weight to the coach or the mentor side and one reason; the side with
clearly more weight is recommended, and "both" when neither is clearly ahead (then the
coach works on the near goal while the mentor keeps the long view).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from devjournal.domain.enums import (
    GoalClarity,
    Horizon,
    LearnFrom,
    Need,
    PathClarity,
    Relationship,
    SprintKind,
)
from devjournal.domain.models import AssessmentDraft, MentorDraft, SprintDraft


class Guide(StrEnum):
    """What the assessment recommends."""

    COACH = "coach"
    MENTOR = "mentor"
    BOTH = "both"


@dataclass(frozen=True)
class Choice:
    """One answer to a question: what it adds to each side and the reason it gives."""

    key: StrEnum
    label: str
    coach: int = 0
    mentor: int = 0
    reason: str = ""
    sprint_kind: SprintKind | None = None
    relationship: Relationship | None = None


@dataclass(frozen=True)
class Question:
    """One question of the assessment, with its choices in the order they are offered."""

    key: str
    """The field of :class:`AssessmentDraft` the answer goes in."""
    text: str
    hint: str
    choices: tuple[Choice, ...]

    def choice(self, key: StrEnum) -> Choice:
        """The choice ``key``."""
        return next(choice for choice in self.choices if choice.key == key)


QUESTIONS: tuple[Question, ...] = (
    Question(
        "need",
        "What do you most need help with right now?",
        "Pick the one that would make the biggest difference this quarter.",
        (
            Choice(
                Need.SKILL,
                "Getting good at a specific skill or technology",
                coach=3,
                reason="You want to build a specific skill: a coach gives that work a "
                "structure, practice and feedback over a few weeks.",
                sprint_kind=SprintKind.SKILLS,
            ),
            Choice(
                Need.METRIC,
                "Doing better at a number my role is judged by",
                coach=3,
                reason="You want to move a number you are judged by: a coach sets it as a "
                "measurable goal and holds you to it.",
                sprint_kind=SprintKind.PERFORMANCE,
            ),
            Choice(
                Need.PRESENTING,
                "A talk, a demo or a hard conversation coming up",
                coach=3,
                reason="You have a specific performance ahead: a coach helps you rehearse "
                "and prepare for it.",
                sprint_kind=SprintKind.SKILLS,
            ),
            Choice(
                Need.LEADING,
                "Leading people for the first time",
                coach=2,
                mentor=1,
                reason="You are starting to lead: a leadership coach builds the habits, "
                "and someone who has led before can tell you what they learnt.",
                sprint_kind=SprintKind.LEADERSHIP,
                relationship=Relationship.TRADITIONAL,
            ),
            Choice(
                Need.DIRECTION,
                "Knowing where my career should go in the long run",
                mentor=3,
                reason="You are looking for a long-term direction: a mentor who has walked "
                "a few roads can show you where they lead.",
                relationship=Relationship.TRADITIONAL,
            ),
            Choice(
                Need.RULES,
                "Learning the unwritten rules of the level I am aiming for",
                mentor=3,
                reason="The rules of the next level are not written down: someone who "
                "reached it can tell you what really counts.",
                relationship=Relationship.TRADITIONAL,
            ),
            Choice(
                Need.NETWORK,
                "Meeting people and being known in my field",
                mentor=3,
                reason="A network grows through people: a mentor opens doors, and peers "
                "grow theirs alongside yours.",
                relationship=Relationship.PEER,
            ),
            Choice(
                Need.FEEDBACK,
                "Making sense of feedback I have been given",
                coach=3,
                reason="You have feedback to make sense of: a coach helps you read it, "
                "pick what matters most and act on it.",
                sprint_kind=SprintKind.PERFORMANCE,
            ),
        ),
    ),
    Question(
        "goal",
        "How clear is what you want to reach?",
        "A goal is clear when you could say how you would know you got there.",
        (
            Choice(
                GoalClarity.CLEAR,
                "Clear: I could write it down and measure it",
                coach=2,
                reason="Your goal is clear and measurable: that is what coaching works on.",
            ),
            Choice(
                GoalClarity.ROUGH,
                "Roughly: I know the area, not the finish line",
                coach=1,
                reason="Your goal is rough: the first sessions with a coach can sharpen it "
                "into something you can measure.",
            ),
            Choice(
                GoalClarity.UNCLEAR,
                "Not yet: I am still working out what I want",
                mentor=2,
                reason="You are still finding what you want: conversations with someone "
                "further along help more than a plan would yet.",
            ),
        ),
    ),
    Question(
        "path",
        "Do you know the road to it?",
        "The steps between where you are and where you want to be.",
        (
            Choice(
                PathClarity.KNOWN,
                "Yes: I know the steps, I need to take them",
                coach=2,
                reason="You know the steps: a coach keeps you to them.",
            ),
            Choice(PathClarity.PARTLY, "Partly: I know the first steps"),
            Choice(
                PathClarity.UNKNOWN,
                "No: few people I know have taken it",
                mentor=2,
                reason="Few people around you have taken this road: a mentor who has is "
                "hard to replace.",
            ),
        ),
    ),
    Question(
        "horizon",
        "How far ahead are you looking?",
        "When would you like to see a difference?",
        (
            Choice(
                Horizon.MONTHS,
                "Weeks to a few months",
                coach=2,
                reason="You want results within months: coaching is built as a short, "
                "time-bound sprint.",
            ),
            Choice(Horizon.YEAR, "About a year", coach=1, mentor=1),
            Choice(
                Horizon.YEARS,
                "Years",
                mentor=2,
                reason="You are looking years ahead: mentoring is a relationship that "
                "grows over that time.",
            ),
        ),
    ),
    Question(
        "learn_from",
        "Who could you learn from?",
        "Whoever comes to mind first.",
        (
            Choice(
                LearnFrom.SENIOR,
                "Someone more senior who has done it",
                relationship=Relationship.TRADITIONAL,
            ),
            Choice(
                LearnFrom.PEER,
                "A peer facing the same things",
                relationship=Relationship.PEER,
            ),
            Choice(
                LearnFrom.NEWER,
                "Someone newer who knows what I do not (a tool, a generation)",
                relationship=Relationship.REVERSE,
            ),
            Choice(
                LearnFrom.AFAR,
                "Someone I follow but do not know",
                relationship=Relationship.FROM_AFAR,
            ),
            Choice(LearnFrom.NOBODY, "No one comes to mind yet"),
        ),
    ),
)
"""The assessment's questions, in the order they are asked."""

QUESTION = {q.key: q for q in QUESTIONS}
LEAD = 3
"""How much more weight one side needs to be recommended alone."""
SPRINT_WEEKS = {Horizon.MONTHS: 8, Horizon.YEAR: 12, Horizon.YEARS: 12}
"""How long the draft sprint runs, by the horizon answered."""


@dataclass(frozen=True)
class Recommendation:
    """What the answers recommend, and why (each reason one plain sentence)."""

    guide: Guide
    sprint_kind: SprintKind | None
    relationship: Relationship | None
    reasons: tuple[str, ...]
    coach_weight: int
    mentor_weight: int

    @property
    def wants_coach(self) -> bool:
        return self.guide in (Guide.COACH, Guide.BOTH)

    @property
    def wants_mentor(self) -> bool:
        return self.guide in (Guide.MENTOR, Guide.BOTH)

    def headline(self) -> str:
        """The recommendation in one line: ``A skills coach``, ``A peer mentor``, ``Both:
        a leadership coach now, and a traditional mentor for the long view``."""
        coach = f"a {_sprint_kind_word(self.sprint_kind)} coach"
        mentor = f"a {_relationship_word(self.relationship)} mentor"
        if self.guide is Guide.COACH:
            return _capital(coach)
        if self.guide is Guide.MENTOR:
            return _capital(mentor)
        return f"Both: {coach} now, and {mentor} for the long view"


def answered(draft: AssessmentDraft) -> list[Choice]:
    """The choices ``draft`` made, in the order of the questions (unanswered left out)."""
    chosen = []
    for question in QUESTIONS:
        key = getattr(draft, question.key)
        if key is not None:
            chosen.append(question.choice(key))
    return chosen


def unanswered(draft: AssessmentDraft) -> list[str]:
    """The questions ``draft`` leaves unanswered (their field names)."""
    return [q.key for q in QUESTIONS if getattr(draft, q.key) is None]


def recommend(draft: AssessmentDraft) -> Recommendation:
    """What the answers of ``draft`` recommend: the side with clearly more weight
    (``LEAD``), or both."""
    choices = answered(draft)
    coach = sum(c.coach for c in choices)
    mentor = sum(c.mentor for c in choices)
    if coach - mentor >= LEAD:
        guide = Guide.COACH
    elif mentor - coach >= LEAD:
        guide = Guide.MENTOR
    else:
        guide = Guide.BOTH
    need = QUESTION["need"].choice(draft.need)
    learn_from = draft.learn_from and QUESTION["learn_from"].choice(draft.learn_from)
    relationship = (
        (learn_from and learn_from.relationship) or need.relationship or Relationship.TRADITIONAL
    )
    reasons = tuple(c.reason for c in choices if c.reason and _speaks_for(c, guide))
    if guide is Guide.BOTH:
        reasons += (
            "Your answers point both ways: a coach for the goal in front of you, and a "
            "mentor for where it leads.",
        )
    return Recommendation(
        guide=guide,
        sprint_kind=(need.sprint_kind or SprintKind.PERFORMANCE)
        if guide is not Guide.MENTOR
        else None,
        relationship=relationship if guide is not Guide.COACH else None,
        reasons=reasons,
        coach_weight=coach,
        mentor_weight=mentor,
    )


def draft_sprint(
    draft: AssessmentDraft, recommendation: Recommendation, today: date
) -> SprintDraft:
    """A sprint of the recommended kind to start from: starting today, as long as the
    horizon answered, aiming for what the user wrote (or their most pressing need)."""
    aim = draft.in_own_words.strip() or QUESTION["need"].choice(draft.need).label
    weeks = SPRINT_WEEKS.get(draft.horizon, 12) if draft.horizon else 12
    return SprintDraft(
        title=_title_from(aim),
        kind=recommendation.sprint_kind or SprintKind.PERFORMANCE,
        start_date=today,
        end_date=today + timedelta(weeks=weeks),
        focus=aim,
    )


def draft_mentor(draft: AssessmentDraft, recommendation: Recommendation) -> MentorDraft:
    """A prospective mentor to look for: the recommended relationship, with what the user
    is looking for filled in (the name is theirs to write)."""
    return MentorDraft(
        name="",
        relationship=recommendation.relationship or Relationship.TRADITIONAL,
        seeking=draft.in_own_words.strip() or QUESTION["need"].choice(draft.need).label,
    )


def _speaks_for(choice: Choice, guide: Guide) -> bool:
    """Whether ``choice``'s reason supports ``guide`` (both sides support "both")."""
    if guide is Guide.COACH:
        return choice.coach > choice.mentor
    if guide is Guide.MENTOR:
        return choice.mentor > choice.coach
    return True


def _title_from(aim: str, limit: int = 60) -> str:
    """A sprint title from the aim: its first line, cut at a word near ``limit``."""
    first = aim.strip().splitlines()[0] if aim.strip() else "My next sprint"
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return f"{cut}…"


def _sprint_kind_word(kind: SprintKind | None) -> str:
    return (kind or SprintKind.PERFORMANCE).value


def _relationship_word(relationship: Relationship | None) -> str:
    words = {Relationship.FROM_AFAR: "from-afar"}
    chosen = relationship or Relationship.TRADITIONAL
    return words.get(chosen, chosen.value)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Difference:
    """One way coaching and mentoring differ."""

    aspect: str
    coaching: str
    mentoring: str


DIFFERENCES: tuple[Difference, ...] = (
    Difference(
        "Focus",
        "One thing you can name: a skill, a number in your role, a talk, the first months "
        "of leading.",
        "Where you are going: the long-term direction, how a level really works, the "
        "people worth knowing.",
    ),
    Difference(
        "How long",
        "A sprint of weeks to a few months, with a start and an end date. When the goal is "
        "met, it is over.",
        "Years, often without an end date. It changes as your career does.",
    ),
    Difference(
        "What they bring",
        "A method: good questions, structure and feedback. They need not know your field.",
        "Experience: they have walked a road you want to take and tell you what they saw.",
    ),
    Difference(
        "How it works",
        "Partners on one task. Planned sessions with an agenda, and commitments you are held to.",
        "An apprentice and someone further along. Conversations when they are needed, "
        "built on trust.",
    ),
    Difference(
        "What you get",
        "A measurable change: the KPI moved, the skill learnt, the talk given.",
        "Confidence, a wider network and a clearer picture of the long term.",
    ),
)
"""How coaching and mentoring differ, in the app's words (the Guide page shows them)."""
