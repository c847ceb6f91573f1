"""The review of a period: what it gathers (the privacy rule, the range's edges, each
section), its Markdown, and ``devjournal export review``."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from devjournal.domain.clock import Clock
from devjournal.domain.enums import (
    ActionStatus,
    AdviceStatus,
    Direction,
    EntryKind,
    GoalStatus,
    Heard,
    Impact,
    Relationship,
    Scope,
    SprintKind,
)
from devjournal.domain.jobs import no_progress
from devjournal.domain.models import (
    ActionItemDraft,
    CoachDraft,
    FeedbackDetails,
    GoalDraft,
    LogEntryDraft,
    MentorDraft,
    SessionDraft,
    SprintDraft,
)
from devjournal.domain.sharing import Sharing
from devjournal.exporting.reports import REVIEW
from devjournal.exporting.review import (
    Kept,
    PeriodReview,
    ReviewRequest,
    months_back,
    preset_ranges,
    review_markdown,
)
from devjournal.services.container import Services
from tests.clocks import NOW, run
from tests.golden.compare import pdf_text

PERIOD = ReviewRequest(date(2026, 1, 1), date(2026, 10, 31))


@dataclass
class Hands:
    """The clock's hands: a test moves them to stamp rows at another moment."""

    now: datetime = NOW


@pytest.fixture
def hands() -> Hands:
    return Hands()


@pytest.fixture
def clock(hands: Hands) -> Clock:
    """The journal's clock, at :data:`NOW` unless a test moves :class:`Hands`."""
    return lambda: hands.now


MADE = f"{NOW.astimezone():%Y-%m-%d %H:%M}"
"""When the review says it was made: the clock's moment in local time."""


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A moment on ``day`` in the local time zone (the review's days are local days)."""
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def fill(services: Services, hands: Hands) -> None:
    """Two sprints in the period (one coach, written two ways) and one before it; goals
    achieved, running, private and a draft; commitments on time, late, overdue, dropped,
    of a private goal and outside the period; wins on and just outside its edges; feedback
    on two themes with an answer; advice that worked, given or marked in the period."""
    c, ms = services.coaching, services.mentorship
    ada = ms.add_mentor(MentorDraft(name="Ada <Lovelace>", relationship=Relationship.PEER)).value
    bob = ms.add_mentor(MentorDraft(name="Bob", relationship=Relationship.TRADITIONAL)).value
    review = c.create_sprint(
        SprintDraft(
            title="Review faster <fast>",
            kind=SprintKind.PERFORMANCE,
            coach_name="Ines",
            start_date=date(2026, 2, 1),
            end_date=date(2026, 4, 30),
        )
    ).value
    guild = c.create_sprint(
        SprintDraft(
            title="Lead the guild",
            kind=SprintKind.LEADERSHIP,
            coach_name=" ines ",
            start_date=date(2026, 9, 1),
            end_date=date(2026, 12, 20),
        )
    ).value
    c.create_sprint(
        SprintDraft(
            title="Before the period",
            kind=SprintKind.SKILLS,
            coach_name="Zed",
            start_date=date(2025, 1, 1),
            end_date=date(2025, 6, 30),
        )
    )
    goal = GoalDraft(
        sprint_id=review.id,
        title="Review turnaround",
        unit="hours",
        baseline=30,
        target=10,
        direction=Direction.DOWN,
        status=GoalStatus.ACHIEVED,
        final_value=9,
    )
    c.add_goal(goal)
    secret = c.add_goal(
        replace(goal, title="Secret goal", scope=Scope.PRIVATE, status=GoalStatus.MISSED)
    ).value
    c.add_goal(replace(goal, title="Only an idea", status=GoalStatus.DRAFT))
    c.add_goal(
        GoalDraft(
            sprint_id=guild.id,
            title="Guild talks given",
            specific="Give the monthly guild talk.",
            relevant="Leading the guild is the promotion case.",
            achievable="One talk a month fits.",
            metric_name="talks",
            unit="talks",
            baseline=0,
            target=4,
            deadline=date(2026, 12, 20),
            status=GoalStatus.ACTIVE,
        )
    )
    for title, due, status, done, goal_id in (
        ("Block review slots", date(2026, 1, 1), ActionStatus.DONE, date(2026, 1, 1), None),
        ("Pair with Sam", date(2026, 3, 1), ActionStatus.DONE, date(2026, 3, 5), None),
        ("Write the guide", date(2026, 10, 31), ActionStatus.OPEN, None, None),
        ("Learn lifetimes", date(2026, 4, 1), ActionStatus.DROPPED, None, None),
        ("After the period", date(2026, 11, 1), ActionStatus.OPEN, None, None),
        ("Secret step", date(2026, 3, 10), ActionStatus.OPEN, None, secret.id),
    ):
        c.add_action(
            ActionItemDraft(
                sprint_id=review.id,
                title=title,
                due_date=due,
                status=status,
                done_on=done,
                goal_id=goal_id,
            )
        )

    for scope, title in ((Scope.PRIVATE, "Made in a private session"), (Scope.COACH, "Gone")):
        session = c.add_session(
            SessionDraft(sprint_id=review.id, starts_at=at(date(2026, 2, 2)), scope=scope)
        ).value
        c.add_action(
            ActionItemDraft(
                sprint_id=review.id, title=title, due_date=date(2026, 2, 9), session_id=session.id
            )
        )
        if title == "Gone":
            c.delete_session(session.id)  # what was made in it can no longer be vouched for

    def add(when: datetime, kind: EntryKind, title: str, **more: object) -> int:
        draft = LogEntryDraft(
            kind=kind,
            occurred_at=when,
            title=title,
            scope=more.pop("scope", Scope.MENTOR),  # type: ignore[arg-type]
            **more,  # type: ignore[arg-type]
        )
        return ms.add_entry(draft).value.id

    add(at(date(2025, 12, 31), 23, 59), EntryKind.WIN, "Too early")
    add(at(date(2026, 1, 1), 0, 0), EntryKind.WIN, "Shipped <b>it</b>")
    add(at(date(2026, 5, 1)), EntryKind.WIN, "Secret win", scope=Scope.PRIVATE)
    add(at(date(2026, 10, 31), 23, 59), EntryKind.WIN, "Last day", mentor_id=ada.id)
    add(at(date(2026, 11, 1), 0, 0), EntryKind.WIN, "Too late")
    talk = add(
        at(date(2026, 2, 1)),
        EntryKind.FEEDBACK,
        "Talk less in meetings",
        mentor_id=bob.id,
        tags=("communication", "meetings"),
    )
    add(at(date(2026, 6, 1)), EntryKind.FEEDBACK, "Summaries first", tags=("Communication",))
    add(at(date(2026, 7, 1)), EntryKind.FEEDBACK, "Without a tag")
    add(
        at(date(2026, 7, 2)),
        EntryKind.FEEDBACK,
        "Heard in private",
        tags=("secret-theme",),
        scope=Scope.PRIVATE,
    )
    add(at(date(2026, 2, 10)), EntryKind.REFLECTION, "Listened first", responds_to_id=talk)
    add(
        at(date(2026, 3, 3)),
        EntryKind.ADVICE,
        "Delegate the updates",
        mentor_id=ada.id,
        advice_status=AdviceStatus.WORKED,
    )
    add(at(date(2026, 3, 4)), EntryKind.ADVICE, "Still trying", advice_status=AdviceStatus.TRYING)
    hands.now = at(date(2025, 6, 1))
    add(at(date(2025, 6, 1)), EntryKind.ADVICE, "Worked before", advice_status=AdviceStatus.WORKED)
    old = add(
        at(date(2025, 6, 1)),
        EntryKind.ADVICE,
        "Say no kindly",
        mentor_id=bob.id,
        advice_status=AdviceStatus.TRYING,
    )
    hands.now = at(date(2026, 5, 5))
    ms.update_entry(
        old, replace(ms.entry(old), advice_status=AdviceStatus.WORKED)
    )  # marked in the period
    hands.now = NOW


Gather = Callable[..., PeriodReview]


@pytest.fixture
def gather(services: Services, hands: Hands) -> Gather:
    fill(services, hands)

    def review(request: ReviewRequest = PERIOD, include_private: bool = False) -> PeriodReview:
        return REVIEW.gather(services, request, Sharing(include_private), no_progress())

    return review


def test_private_items_are_left_out_unless_asked_for_and_counted(gather: Gather) -> None:
    shared = gather()
    assert "Secret win" not in [w.title for w in shared.wins]
    assert "Secret goal" not in [g.title for g in shared.goals]
    committed = [c.title for c in shared.follow_through.commitments]
    assert "Secret step" not in committed and "Made in a private session" not in committed
    assert "Gone" not in committed
    assert "secret-theme" not in [t.name for t in shared.themes]
    assert shared.left_out == 6 and not shared.include_private
    assert (
        REVIEW.said(shared) == "the review of 1 Jan 2026 – 31 Oct 2026 (6 private items left out)"
    )

    everything = gather(include_private=True)
    assert "Secret win" in [w.title for w in everything.wins]
    assert "Secret goal" in [g.title for g in everything.goals]
    committed = [c.title for c in everything.follow_through.commitments]
    assert {"Secret step", "Made in a private session", "Gone"} <= set(committed)
    assert "secret-theme" in [t.name for t in everything.themes]
    assert everything.left_out == 0
    assert REVIEW.said(everything) == "the review of 1 Jan 2026 – 31 Oct 2026"


def test_the_range_includes_its_first_and_last_day(gather: Gather) -> None:
    review = gather()
    assert [(w.on, w.title) for w in review.wins] == [
        (date(2026, 1, 1), "Shipped <b>it</b>"),
        (date(2026, 10, 31), "Last day"),
    ]
    due = [c.due for c in review.follow_through.commitments]
    assert min(due) == date(2026, 1, 1) and max(due) == date(2026, 10, 31)
    one_day = gather(ReviewRequest(date(2026, 10, 31), date(2026, 10, 31)))
    assert [w.title for w in one_day.wins] == ["Last day"]
    assert one_day.range == "31 Oct 2026"


def test_goal_outcomes_are_of_the_sprints_that_overlap_the_period(gather: Gather) -> None:
    review = gather()
    assert [(g.sprint, g.title, g.outcome) for g in review.goals] == [
        ("Review faster <fast>", "Review turnaround", "Achieved"),
        ("Lead the guild", "Guild talks given", "No data"),
    ]
    achieved, running = review.goals
    assert achieved.figures == "Baseline 30 → final 9 → target 10 hours"
    assert achieved.achieved == "100% achieved · target met"
    assert running.figures == "Baseline 0 → latest — → target 4 talks"


def test_feedback_themes_most_heard_first_and_what_was_done(gather: Gather) -> None:
    review = gather()
    assert review.feedback_count == 3 and review.untagged_feedback == 1
    assert [(t.name, t.heard, t.first, t.last) for t in review.themes] == [
        ("communication", 2, date(2026, 2, 1), date(2026, 6, 1)),
        ("meetings", 1, date(2026, 2, 1), date(2026, 2, 1)),
    ]
    (done,) = review.responses
    assert (done.feedback.title, done.response.title) == ("Talk less in meetings", "Listened first")
    assert done.themes == ("communication", "meetings")


def test_advice_that_worked_given_or_marked_in_the_period(gather: Gather) -> None:
    review = gather()
    assert [(a.entry.title, a.entry.mentor, a.changed_on) for a in review.advice] == [
        ("Say no kindly", "Bob", date(2026, 5, 5)),
        ("Delegate the updates", "Ada <Lovelace>", None),
    ]


def test_follow_through_counts_and_the_missed_ones(gather: Gather) -> None:
    f = gather().follow_through
    assert [(c.title, c.kept) for c in f.commitments] == [
        ("Block review slots", Kept.ON_TIME),
        ("Pair with Sam", Kept.LATE),
        ("Learn lifetimes", Kept.DROPPED),
        ("Write the guide", Kept.OVERDUE),
    ]
    assert f.on_time_percent == 25
    assert [c.title for c in f.missed] == ["Pair with Sam", "Learn lifetimes", "Write the guide"]


def test_mentors_by_entries_and_coaches_by_sprint(gather: Gather) -> None:
    review = gather()
    assert [(m.name, m.relationship, m.entries) for m in review.mentors] == [
        ("Ada <Lovelace>", "peer", 2),
        ("Bob", "traditional", 1),
    ]
    assert [(c.name, c.sprints) for c in review.coaches] == [
        ("Ines", ("Review faster <fast>", "Lead the guild")),
    ]


def test_the_markdown_says_every_section_with_user_text_escaped(gather: Gather) -> None:
    text = review_markdown(gather())
    assert text.startswith(
        f"# Review of the period\n\n1 Jan 2026 – 31 Oct 2026 · made {MADE}\n\n## Wins\n"
    )
    assert "- 1 Jan 2026: Shipped \\<b\\>it\\</b\\>\n" in text
    assert "- 31 Oct 2026: Last day (with Ada \\<Lovelace\\>)\n" in text
    assert "### Review faster \\<fast\\>\n" in text
    assert (
        "- Review turnaround: Achieved. Baseline 30 → final 9 → target 10 hours; "
        "100% achieved · target met\n" in text
    )
    assert "3 pieces of feedback on 2 themes." in text
    assert "- communication: heard twice, from 1 Feb 2026 to 1 Jun 2026\n" in text
    assert "- Without a theme: 1 piece\n" in text
    assert "“Talk less in meetings” (communication, meetings)" in text
    assert "- Say no kindly — from Bob (given 1 Jun 2025, marked by 5 May 2026)\n" in text
    assert (
        "4 commitments due: 1 done on time, 1 done late, 1 still open past due, "
        "1 dropped. 25% of those due by now were done on time." in text
    )
    assert "- Pair with Sam (due 1 Mar 2026): done late on 5 Mar 2026\n" in text
    assert "- Ada \\<Lovelace\\> (peer): 2 entries\n" in text
    assert (
        "## Coaches\n\n### Ines\n\n"
        "- Review faster \\<fast\\>: 1 Feb 2026 – 30 Apr 2026, 1 of 1 goal achieved\n"
        "- Lead the guild: 1 Sep 2026 – 20 Dec 2026, 1 goal\n" in text
    )
    assert "Secret" not in text and "private" not in text
    assert text.endswith(f"*Generated {MADE} by devjournal.*\n")


def test_the_html_escapes_what_the_user_typed(gather: Gather) -> None:
    page = REVIEW.build(gather(), "html").decode("utf-8")
    assert "<li>1 Jan 2026: Shipped &lt;b&gt;it&lt;/b&gt;</li>" in page
    assert "<h3>Review faster &lt;fast&gt;</h3>" in page
    assert "<b>" not in page and "Secret" not in page


def test_an_empty_period_says_so_under_every_heading(gather: Gather) -> None:
    text = review_markdown(gather(ReviewRequest(date(2020, 1, 1), date(2020, 12, 31))))
    for sentence in (
        "No wins were logged in this period.",
        "No sprint of this period had goals to show.",
        "No feedback was logged in this period.",
        "No advice was marked as worked in this period.",
        "No commitment was due in this period.",
        "No entry of this period is with a mentor.",
        "No sprint of this period was with a coach.",
    ):
        assert sentence in text
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("#"):  # never a blank heading: text follows before the next one
            assert lines[i + 1] == "" and lines[i + 2] and not lines[i + 2].startswith("#")


def test_a_range_that_ends_before_it_starts_is_a_problem() -> None:
    assert ReviewRequest(date(2026, 3, 1), date(2026, 2, 1)).problem == (
        "The range starts (1 Mar 2026) after it ends (1 Feb 2026)."
    )
    assert ReviewRequest(date(2026, 3, 1), date(2026, 3, 1)).problem == ""


def test_quick_choices_of_range() -> None:
    presets = dict(preset_ranges(date(2026, 11, 18)))
    assert list(presets) == ["Last 12 months", "This year", "Last year", "Last 6 months"]
    assert presets["Last 12 months"] == ReviewRequest(date(2025, 11, 19), date(2026, 11, 18))
    assert presets["This year"] == ReviewRequest(date(2026, 1, 1), date(2026, 11, 18))
    assert presets["Last year"] == ReviewRequest(date(2025, 1, 1), date(2025, 12, 31))
    assert presets["Last 6 months"] == ReviewRequest(date(2026, 5, 19), date(2026, 11, 18))
    assert months_back(date(2024, 2, 29), 12) == date(2023, 3, 1)
    assert months_back(date(2026, 8, 31), 6) == date(2026, 3, 1)


# -- the command line -----------------------------------------------------------------------
@pytest.fixture
def sample_home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(["--home", str(tmp_path), "sample", "--size", "small"]) == 0
    capsys.readouterr()
    return tmp_path


def test_export_review_in_every_format(
    sample_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--home", str(sample_home), "export", "review", "--from", "2025-11-19"]
    home += ["--to", "2026-11-18"]
    md, html, pdf = tmp_path / "r.md", tmp_path / "r.html", tmp_path / "r.pdf"
    assert run([*home, "-o", str(md)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Wrote the review of 19 Nov 2025 – 18 Nov 2026 (")
    assert "private items left out) to " in said and str(md) in said
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Review of the period\n\n19 Nov 2025 – 18 Nov 2026 · made 2026-11-18")
    for heading in ("Wins", "Goal outcomes", "Feedback themes", "Advice that worked"):
        assert f"\n## {heading}\n" in text
    assert oct(md.stat().st_mode & 0o777) == "0o600"

    assert run([*home, "--format", "html", "-o", str(html), "--include-private"]) == 0
    assert "left out" not in capsys.readouterr().out
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h2>Follow-through on commitments</h2>" in page

    assert run([*home, "--format", "pdf", "-o", str(pdf)]) == 0
    assert capsys.readouterr().out.startswith("Wrote the review of 19 Nov 2025")
    assert len(PdfReader(io.BytesIO(pdf.read_bytes())).pages) >= 1
    assert "Review of the period" in pdf_text(pdf.read_bytes())

    assert run(home) == 0  # Markdown without -o goes to stdout
    assert capsys.readouterr().out.startswith("# Review of the period\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-03-01", "--to", "2026-02-01"], "--from (2026-03-01) is after --to"),
        (["--to", "2026-02-01", "--from", "2026-03-01"], "--from (2026-03-01) is after --to"),
        (["--from", "2026-13-01", "--to", "2026-12-01"], "a day as YYYY-MM-DD, not '2026-13-01'"),
        (["--from", "2026-01-01"], "the following arguments are required: --to"),
    ],
)
def test_a_bad_range_is_a_usage_error_and_nothing_is_written(
    sample_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    target = tmp_path / "review.md"
    with pytest.raises(SystemExit) as done:
        run(["--home", str(sample_home), "export", "review", *args, "-o", str(target)])
    assert done.value.code == 2
    assert message in capsys.readouterr().err
    assert not target.exists()


def test_what_was_done_about_feedback_comes_from_its_details_and_stays_private(
    services: Services, hands: Hands
) -> None:
    fill(services, hands)
    ms = services.mentorship
    by_title = {i.entry.title: ms.entry(i.entry.id) for i in ms.feedback_items()}

    def weigh(title: str, details: FeedbackDetails) -> None:
        entry = by_title[title]
        draft = LogEntryDraft(**{f: getattr(entry, f) for f in LogEntryDraft.__dataclass_fields__})
        ms.update_entry(entry.id, draft, details)

    weigh("Summaries first", FeedbackDetails(done="Lead with the decision"))
    weigh("Without a tag", FeedbackDetails(impact=Impact.HIGH, heard=Heard.PATTERN))
    weigh("Heard in private", FeedbackDetails(done="Kept it to myself"))

    def review(include_private: bool = False) -> PeriodReview:
        return REVIEW.gather(services, PERIOD, Sharing(include_private), no_progress())

    shared = review()
    assert [(x.feedback.title, x.done) for x in shared.acted_on] == [
        ("Summaries first", "Lead with the decision")
    ]
    assert shared.open_high == 1
    text = review_markdown(shared)
    assert "Still open: 1 piece of high-priority feedback." in text
    assert "Lead with the decision" in text and "Kept it to myself" not in text
    assert "Kept it to myself" in review_markdown(review(include_private=True))


def test_the_coaches_section_says_who_they_are_and_the_sprints_together(
    gather: Gather, services: Services
) -> None:
    people = services.people
    (ines,) = [v.coach for v in people.coaches() if v.coach.name == "Ines"]
    people.update_coach(
        ines.id,
        CoachDraft(
            name="Ines Varga",
            coaches="Engineering leadership",
            organisation="Kestrel <Games>",
            contact="ines@example.org",
            notes="Private notes",
        ),
    )
    shared = gather()
    (coach,) = shared.coaches
    assert (coach.name, coach.coaches, coach.organisation) == (
        "Ines Varga",
        "Engineering leadership",
        "Kestrel <Games>",
    )
    # The private goal (missed) is not counted, not even as a number.
    assert coach.together == (
        "Review faster <fast>: 1 Feb 2026 – 30 Apr 2026, 1 of 1 goal achieved",
        "Lead the guild: 1 Sep 2026 – 20 Dec 2026, 1 goal",
    )
    assert gather(include_private=True).coaches[0].together[0] == (
        "Review faster <fast>: 1 Feb 2026 – 30 Apr 2026, 1 of 2 goals achieved"
    )
    text = review_markdown(shared)
    assert (
        "## Coaches\n\n### Ines Varga\n\nEngineering leadership · Kestrel \\<Games\\>\n\n"
        "- Review faster \\<fast\\>: 1 Feb 2026 – 30 Apr 2026, 1 of 1 goal achieved\n"
    ) in text
    assert "ines@example.org" not in text and "Private notes" not in text
    # A coach deleted since is still named by the sprints that show their name.
    people.delete_coach(ines.id)
    assert [c.name for c in gather().coaches] == ["Ines Varga"]
