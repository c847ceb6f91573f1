"""The mentorship log: mentors, their links, log entries and tags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import date, datetime, time, timedelta

from devjournal.domain import models as m
from devjournal.domain import rules
from devjournal.domain.clock import Clock, local_today
from devjournal.domain.enums import AdviceStatus, EntryKind
from devjournal.domain.errors import ValidationError
from devjournal.domain.feedback import FeedbackFilter, FeedbackItem, FeedbackView, prioritised
from devjournal.domain.history import HistoryFilter, HistoryRow
from devjournal.domain.mentors import MentorHistory, MentorLine, mentor_lines, touchpoint_due
from devjournal.domain.search import SearchResults
from devjournal.services.changes import Changes, Outcome
from devjournal.storage.database import Database, Tx
from devjournal.storage.feedback_query import read_feedback, read_view
from devjournal.storage.history_query import history_page
from devjournal.storage.search import search_entries

MENTORS = Changes.MENTORS
ENTRIES = Changes.ENTRIES | Changes.TAGS


class MentorshipService:
    """Use cases of the mentorship half of the journal."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # -- mentors --------------------------------------------------------------------------
    def add_mentor(self, draft: m.MentorDraft) -> Outcome[m.Mentor]:
        """Add a mentor."""
        rules.validate_mentor(draft)
        with self._db.transaction() as tx:
            return Outcome(tx.mentors.add(draft), MENTORS)

    def update_mentor(self, mentor_id: int, draft: m.MentorDraft) -> Outcome[m.Mentor]:
        """Change a mentor."""
        rules.validate_mentor(draft)
        with self._db.transaction() as tx:
            return Outcome(tx.mentors.update(mentor_id, draft), MENTORS)

    def delete_mentor(self, mentor_id: int) -> Outcome[None]:
        """Delete a mentor (undoable; their entries stay)."""
        with self._db.transaction() as tx:
            tx.mentors.soft_delete(mentor_id)
        return Outcome(None, MENTORS | ENTRIES)

    def restore_mentor(self, mentor_id: int) -> Outcome[m.Mentor]:
        """Undo a mentor's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.mentors.restore(mentor_id), MENTORS | ENTRIES)

    def mentor(self, mentor_id: int) -> m.Mentor:
        """One mentor."""
        with self._db.reading() as tx:
            return tx.mentors.get(mentor_id)

    def mentors(self) -> list[m.Mentor]:
        """Every mentor by name."""
        with self._db.reading() as tx:
            return tx.mentors.find()

    def last_contact(self) -> dict[int, datetime]:
        """The newest log entry per mentor."""
        with self._db.reading() as tx:
            return tx.entries.last_contact()

    def mentor_lines(self) -> list[MentorLine]:
        """Every mentor with their last contact and whether a touchpoint is due."""
        with self._db.reading() as tx:
            mentors = tx.mentors.find()
            last = tx.entries.last_contact()
        return mentor_lines(mentors, last, local_today(self._clock))

    def mentor_history(self, mentor_id: int) -> MentorHistory:
        """One mentor with their links and every entry with them, for their page."""
        with self._db.reading() as tx:
            mentor = tx.mentors.get(mentor_id)
            links = tuple(tx.links.of_mentor(mentor_id))
            entries = tuple(tx.entries.of_mentor(mentor_id))
        last = entries[-1].occurred_at if entries else None
        return MentorHistory(
            mentor, links, entries, touchpoint_due(mentor, last, local_today(self._clock))
        )

    def save_mentor(
        self, mentor_id: int | None, draft: m.MentorDraft, links: Sequence[tuple[str, str]]
    ) -> Outcome[m.Mentor]:
        """Add or change a mentor and make ``links`` (label, address) their links, all in
        one unit of work: a bad address leaves the mentor as they were."""
        rules.validate_mentor(draft)
        rules.validate_mentor_links(links)
        with self._db.transaction() as tx:
            if mentor_id is None:
                saved = tx.mentors.add(draft)
            else:
                saved = tx.mentors.update(mentor_id, draft)
            existing = tx.links.of_mentor(saved.id)
            for position, (label, url) in enumerate(links):  # by position, changed in place
                wanted = m.MentorLinkDraft(
                    mentor_id=saved.id, label=label.strip(), url=url.strip(), position=position
                )
                if position < len(existing):
                    old = existing[position]
                    if (old.label, old.url, old.position) != (wanted.label, wanted.url, position):
                        tx.links.update(old.id, wanted)
                else:
                    tx.links.add(wanted)
            for extra in existing[len(links) :]:
                tx.links.soft_delete(extra.id)
        return Outcome(saved, MENTORS)

    # -- links ----------------------------------------------------------------------------
    def add_link(self, draft: m.MentorLinkDraft) -> Outcome[m.MentorLink]:
        """Add a place to follow a mentor."""
        rules.validate_mentor_link(draft)
        with self._db.transaction() as tx:
            tx.mentors.get(draft.mentor_id)
            return Outcome(tx.links.add(draft), MENTORS)

    def update_link(self, link_id: int, draft: m.MentorLinkDraft) -> Outcome[m.MentorLink]:
        """Change a link."""
        rules.validate_mentor_link(draft)
        with self._db.transaction() as tx:
            tx.mentors.get(draft.mentor_id)
            return Outcome(tx.links.update(link_id, draft), MENTORS)

    def delete_link(self, link_id: int) -> Outcome[None]:
        """Delete a link (undoable)."""
        with self._db.transaction() as tx:
            tx.links.soft_delete(link_id)
        return Outcome(None, MENTORS)

    def restore_link(self, link_id: int) -> Outcome[m.MentorLink]:
        """Undo a link's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.links.restore(link_id), MENTORS)

    def links_of(self, mentor_id: int) -> list[m.MentorLink]:
        """A mentor's links in order."""
        with self._db.reading() as tx:
            return tx.links.of_mentor(mentor_id)

    # -- log entries ----------------------------------------------------------------------
    def add_entry(
        self, draft: m.LogEntryDraft, feedback: m.FeedbackDetails | None = None
    ) -> Outcome[m.LogEntry]:
        """Write a log entry. Advice starts as "new" unless a status is given; a Feedback
        entry keeps ``feedback``, its details, if given."""
        draft = self._prepare(draft)
        rules.validate_log_entry(draft)
        if feedback is not None:
            rules.validate_feedback(feedback)
        with self._db.transaction() as tx:
            self._check_entry_links(tx, draft)
            entry = tx.entries.add(draft)
            self._keep_feedback(tx, entry, feedback, m.FeedbackDetails())
            return Outcome(entry, ENTRIES)

    def update_entry(
        self, entry_id: int, draft: m.LogEntryDraft, feedback: m.FeedbackDetails | None = None
    ) -> Outcome[m.LogEntry]:
        """Edit a log entry. For a Feedback entry, ``feedback`` replaces its details (None
        leaves them as they are); an entry that is no longer Feedback loses them."""
        draft = self._prepare(draft)
        rules.validate_log_entry(draft, entry_id)
        if feedback is not None:
            rules.validate_feedback(feedback)
        with self._db.transaction() as tx:
            self._check_entry_links(tx, draft, tx.entries.get(entry_id))
            entry = tx.entries.update(entry_id, draft)
            self._keep_feedback(tx, entry, feedback, tx.feedback.get(entry_id))
            return Outcome(entry, ENTRIES)

    def mark_advice(self, entry_id: int, status: AdviceStatus) -> Outcome[m.LogEntry]:
        """Say what became of a piece of advice (Today's "did it work?"): its status
        changes as an edit would change it (:meth:`update_entry`); marking it with the
        status it has ("still trying") only touches it, which starts its clock again
        (``domain/mentors.trying_since``)."""
        with self._db.transaction() as tx:
            entry = tx.entries.get(entry_id)
            if entry.kind is not EntryKind.ADVICE:
                raise ValidationError({"advice_status": "Only advice has a status."})
            if entry.advice_status is status:
                return Outcome(tx.entries.stamp(entry_id), ENTRIES)
            draft = self._prepare(replace(_draft_of(entry), advice_status=status))
            rules.validate_log_entry(draft, entry_id)
            self._check_entry_links(tx, draft, entry)
            return Outcome(tx.entries.update(entry_id, draft), ENTRIES)

    def unmark_advice(self, before: m.LogEntry) -> Outcome[m.LogEntry]:
        """Undo :meth:`mark_advice`: the advice's status and its last change back as they
        were in ``before`` (so advice marked by mistake is asked about again)."""
        draft = self._prepare(_draft_of(before))
        rules.validate_log_entry(draft, before.id)
        with self._db.transaction() as tx:
            self._check_entry_links(tx, draft, tx.entries.get(before.id))
            tx.entries.update(before.id, draft)
            return Outcome(tx.entries.stamp(before.id, before.updated_at), ENTRIES)

    def delete_entry(self, entry_id: int) -> Outcome[None]:
        """Delete an entry (undoable)."""
        with self._db.transaction() as tx:
            tx.entries.soft_delete(entry_id)
        return Outcome(None, ENTRIES)

    def restore_entry(self, entry_id: int) -> Outcome[m.LogEntry]:
        """Undo an entry's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.entries.restore(entry_id), ENTRIES)

    def entry(self, entry_id: int) -> m.LogEntry:
        """One entry with its tags."""
        with self._db.reading() as tx:
            return tx.entries.get(entry_id)

    def latest_entries(self, limit: int = 10) -> list[m.LogEntry]:
        """The newest entries."""
        with self._db.reading() as tx:
            return tx.entries.latest(limit)

    def entries_of_mentor(self, mentor_id: int) -> list[m.LogEntry]:
        """A mentor's entries, oldest first."""
        with self._db.reading() as tx:
            return tx.entries.of_mentor(mentor_id)

    def entries_of_sprint(self, sprint_id: int) -> list[m.LogEntry]:
        """The log entries linked to a sprint (wins, reflections, …), oldest first."""
        with self._db.reading() as tx:
            return tx.entries.of_sprint(sprint_id)

    def answers_to(self, entry_id: int) -> list[m.LogEntry]:
        """What answers a piece of advice (reflections on it), oldest first."""
        with self._db.reading() as tx:
            return tx.entries.answers_to(entry_id)

    def entries_by_id(self, entry_ids: Sequence[int]) -> list[m.LogEntry]:
        """The live entries among ``entry_ids``, with their tags (for exports: one read for
        many entries)."""
        with self._db.reading() as tx:
            return tx.entries.of_ids(entry_ids)

    def answers_to_any(self, entry_ids: Sequence[int]) -> list[m.LogEntry]:
        """What answers any of ``entry_ids`` (reflections on advice)."""
        with self._db.reading() as tx:
            return tx.entries.answering(entry_ids)

    def entries_between(self, first: date, last: date) -> list[m.LogEntry]:
        """The entries from day ``first`` to day ``last`` (both included, local days),
        oldest first."""
        with self._db.reading() as tx:
            return tx.entries.between(_day_start(first), _day_start(last + timedelta(days=1)))

    def worked_advice(self, first: date, last: date) -> list[m.LogEntry]:
        """The advice marked "worked" that was given, or changed after it was written (as
        when it is marked worked), from day ``first`` to day ``last`` (both included, local
        days), oldest first."""
        since, until = _day_start(first), _day_start(last + timedelta(days=1))
        with self._db.reading() as tx:
            advice = tx.entries.worked_advice(until)
        return [e for e in advice if e.occurred_at >= since or _changed_in(e, since, until)]

    def recent_advice(self, limit: int = 200) -> list[m.LogEntry]:
        """The newest advice, to answer with a reflection."""
        with self._db.reading() as tx:
            return tx.entries.advice(limit)

    def search(self, typed: str, *, limit: int = 50, offset: int = 0) -> SearchResults:
        """Log entries matching what the user typed, newest first.

        Raises:
            SearchQueryError: the query cannot be run; the message says how to fix it.
        """
        with self._db.raw_connection() as conn:
            return search_entries(conn, typed, limit=limit, offset=offset)

    def history_page(
        self,
        where: HistoryFilter,
        after: tuple[datetime, int] | None = None,
        limit: int = 200,
    ) -> list[HistoryRow]:
        """A page of the history, newest first, starting after ``after``."""
        with self._db.raw_connection() as conn:
            return history_page(conn, where, after, limit)

    def tag_names(self) -> list[str]:
        """Every tag's name, alphabetically."""
        with self._db.reading() as tx:
            return tx.tags.names()

    def tags(self) -> list[m.Tag]:
        """Every tag with how many entries carry it."""
        with self._db.reading() as tx:
            return tx.tags.all()

    # -- feedback you can act on ---------------------------------------------------------
    def feedback_items(self) -> list[FeedbackItem]:
        """Every live Feedback entry with its details, in the prioritised view's order (one
        read: a stress journal holds ten thousand)."""
        with self._db.raw_connection() as conn:
            return prioritised(read_feedback(conn))

    def feedback_view(self, where: FeedbackFilter, limit: int) -> FeedbackView:
        """What the Feedback page shows: the first ``limit`` pieces of feedback ``where``
        lets through, most pressing first, with the counts and the themes."""
        with self._db.raw_connection() as conn:
            return read_view(conn, where, limit, local_today(self._clock))

    def feedback_details_of(self, entry_ids: Sequence[int]) -> dict[int, m.FeedbackDetails]:
        """The details kept for each of ``entry_ids`` that has any (one read for many)."""
        with self._db.reading() as tx:
            return tx.feedback.of(entry_ids)

    def feedback_details(self, entry_id: int) -> m.FeedbackDetails:
        """The details of one Feedback entry (empty ones if none were kept)."""
        with self._db.reading() as tx:
            return tx.feedback.get(entry_id)

    @staticmethod
    def _keep_feedback(
        tx: Tx, entry: m.LogEntry, given: m.FeedbackDetails | None, current: m.FeedbackDetails
    ) -> None:
        if entry.kind is not EntryKind.FEEDBACK:
            tx.feedback.drop(entry.id)
            return
        if given is None:
            return
        problems: dict[str, str] = {}
        for name, repo, what in (
            ("session_id", tx.sessions, "session"),
            ("goal_id", tx.goals, "goal"),
            ("action_id", tx.actions, "action item"),
        ):
            ident = getattr(given, name)
            if ident is not None and ident != getattr(current, name) and not repo.exists(ident):
                problems[name] = f"That {what} no longer exists."
        if problems:
            raise ValidationError(problems)
        tx.feedback.put(entry.id, given)

    @staticmethod
    def _prepare(draft: m.LogEntryDraft) -> m.LogEntryDraft:
        status = draft.advice_status
        if draft.kind is EntryKind.ADVICE and status is None:
            status = AdviceStatus.NEW
        return replace(draft, tags=rules.normalise_tags(draft.tags), advice_status=status)

    @staticmethod
    def _check_entry_links(
        tx: Tx, draft: m.LogEntryDraft, current: m.LogEntry | None = None
    ) -> None:
        """Links must point at something live, unless they are the entry's own links left
        as they were (its mentor or advice may since have been deleted: the link stays)."""

        def kept(name: str) -> bool:
            return current is not None and getattr(current, name) == getattr(draft, name)

        problems: dict[str, str] = {}
        if (
            draft.mentor_id is not None
            and not kept("mentor_id")
            and not tx.mentors.exists(draft.mentor_id)
        ):
            problems["mentor_id"] = "That mentor no longer exists."
        if (
            draft.sprint_id is not None
            and not kept("sprint_id")
            and not tx.sprints.exists(draft.sprint_id)
        ):
            problems["sprint_id"] = "That sprint no longer exists."
        if draft.goal_id is not None and not kept("goal_id"):
            if not tx.goals.exists(draft.goal_id):
                problems["goal_id"] = "That goal no longer exists."
            elif (
                draft.sprint_id is not None
                and tx.goals.get(draft.goal_id).sprint_id != draft.sprint_id
            ):
                problems["goal_id"] = "That goal belongs to another sprint."
        if (
            draft.responds_to_id is not None
            and not kept("responds_to_id")
            and not tx.entries.exists(draft.responds_to_id)
        ):
            problems["responds_to_id"] = "The entry it answers no longer exists."
        if problems:
            raise ValidationError(problems)


def _draft_of(entry: m.LogEntry) -> m.LogEntryDraft:
    """The editable part of a stored entry."""
    return m.LogEntryDraft(**{f.name: getattr(entry, f.name) for f in fields(m.LogEntryDraft)})


def _day_start(day: date) -> datetime:
    """The local midnight that starts ``day``."""
    return datetime.combine(day, time()).astimezone()


def _changed_in(entry: m.LogEntry, since: datetime, until: datetime) -> bool:
    """Whether ``entry`` was changed after it was written, last from ``since`` up to
    ``until`` (an entry brought in by an import or a sample was never changed)."""
    return entry.updated_at > entry.created_at and since <= entry.updated_at < until
