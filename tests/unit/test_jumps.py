"""The quick switcher's matching (domain/jumps.py) and what it finds in a journal."""

from __future__ import annotations

from devjournal.domain.jumps import Jump, JumpKind, best, fold, rank, typed_words
from devjournal.sample import SampleSize
from devjournal.services.container import Services


def test_matching_ignores_case_and_accents_and_takes_words_in_any_order() -> None:
    assert fold("Émile Ñúñez") == "emile nunez"
    words = typed_words("nun EMI")
    assert rank(words, "Émile Núñez") == 1  # each word starts one of the name's
    assert rank(typed_words("emile n"), "Émile Núñez") == 0  # the name starts so
    assert rank(typed_words("mile"), "Émile Núñez") == 2  # inside a word
    assert rank(typed_words("emile x"), "Émile Núñez") is None
    assert rank([], "anything") is None


def test_the_best_come_first_then_by_kind_then_in_the_order_given() -> None:
    jumps = [
        Jump(JumpKind.ENTRY, 1, "Design review notes"),
        Jump(JumpKind.ENTRY, 2, "Review of the design"),
        Jump(JumpKind.MENTOR, 3, "Reva Patel"),
        Jump(JumpKind.PAGE, 4, "Outreach"),
        Jump(JumpKind.SPRINT, 5, "Review culture"),
    ]
    assert [j.id for j in best(jumps, "rev", 10)] == [5, 3, 2, 1]  # Outreach has no "rev"
    assert [j.id for j in best(jumps, "re", 10)] == [5, 3, 2, 1, 4]
    assert [j.id for j in best(jumps, "re", 2)] == [5, 3]


def test_the_journal_answers_names_and_entry_titles(services: Services) -> None:
    services.journal.fill_sample(SampleSize.SMALL)
    mentor = services.mentorship.mentors()[0]
    found = services.journal.jumps(fold(mentor.name.split()[-1]).upper())
    assert any(j.kind is JumpKind.MENTOR and j.id == mentor.id for j in found)
    sprint = services.coaching.sprints()[0]
    found = services.journal.jumps(sprint.title)
    first = found[0]
    assert (first.kind, first.id, first.day) == (JumpKind.SPRINT, sprint.id, sprint.start_date)
    entry = services.mentorship.search("review", limit=1).hits[0]
    found = services.journal.jumps(entry.title)
    assert any(j.kind is JumpKind.ENTRY and j.id == entry.id for j in found)
    assert services.journal.jumps("   ") == ()
    assert services.journal.jumps('"*(') == ()  # punctuation alone finds nothing, safely
