"""The generator's entry point: the steps, in the order their random draws are made."""

from __future__ import annotations

from datetime import UTC, date, tzinfo

from devjournal.sample.assessments import build_assessments
from devjournal.sample.coaches import build_coaches
from devjournal.sample.direction import build_direction
from devjournal.sample.entries import build_entries
from devjournal.sample.feedback import build_feedback
from devjournal.sample.journal import SampleJournal, SampleSize
from devjournal.sample.mentors import build_mentors, pick_names
from devjournal.sample.outreach import build_outreach
from devjournal.sample.sprints import build_sprints, plan_sprints
from devjournal.sample.state import Workbench


def build_sample(size: SampleSize, today: date, tz: tzinfo = UTC) -> SampleJournal:
    """Generate the sample journal of ``size`` as it would look on ``today`` in ``tz``."""
    wb = Workbench(SampleSize(size), today, tz)
    names = pick_names(wb, wb.profile.mentors + wb.profile.coaches)
    wb.coach_names = names[wb.profile.mentors :]
    build_mentors(wb, names[: wb.profile.mentors])
    plan_sprints(wb)
    build_sprints(wb)  # with their goals, check-ins, sessions and action items
    build_entries(wb)
    build_assessments(wb)  # after the rest: the draws before it stay as they were
    build_feedback(wb)  # a generator of its own
    build_coaches(wb)  # a generator of its own too
    build_direction(wb)  # a generator of its own
    build_outreach(wb)  # a generator of its own; how we converse with some mentors too
    return wb.journal()
