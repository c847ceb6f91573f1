"""Choosing a guide: the coach-or-mentor self-assessment, kept with its date.

What an assessment recommends is worked out from its answers (``domain/guide.py``), so a
past assessment reads back as the user answered it.
"""

from __future__ import annotations

from dataclasses import replace

from devjournal.domain import models as m
from devjournal.domain import rules
from devjournal.domain.clock import Clock
from devjournal.services.changes import Changes, Outcome
from devjournal.storage.database import Database

ASSESSMENTS = Changes.ASSESSMENTS


class GuideService:
    """Use cases of choosing a guide."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def take_assessment(self, draft: m.AssessmentDraft) -> Outcome[m.Assessment]:
        """Keep a self-assessment as answered now (its ``taken_at`` is the clock's)."""
        draft = replace(draft, taken_at=self._clock())
        rules.validate_assessment(draft)
        with self._db.transaction() as tx:
            return Outcome(tx.assessments.add(draft), ASSESSMENTS)

    def assessments(self) -> list[m.Assessment]:
        """Every self-assessment kept, newest first."""
        with self._db.reading() as tx:
            return list(reversed(tx.assessments.find()))

    def assessment(self, assessment_id: int) -> m.Assessment:
        """One self-assessment.

        Raises:
            NotFoundError: it is gone.
        """
        with self._db.reading() as tx:
            return tx.assessments.get(assessment_id)

    def delete_assessment(self, assessment_id: int) -> Outcome[None]:
        """Delete a self-assessment (undoable)."""
        with self._db.transaction() as tx:
            tx.assessments.soft_delete(assessment_id)
        return Outcome(None, ASSESSMENTS)

    def restore_assessment(self, assessment_id: int) -> Outcome[m.Assessment]:
        """Undo a self-assessment's deletion."""
        with self._db.transaction() as tx:
            return Outcome(tx.assessments.restore(assessment_id), ASSESSMENTS)
