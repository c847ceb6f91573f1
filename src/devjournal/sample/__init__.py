"""Deterministic sample journals: a demo career, a decade of history, or a stress load.

:func:`build_sample` returns drafts with the primary keys they should get in an *empty*
journal. Every foreign key in a draft names one of those keys, so a loader can insert the
rows verbatim, table by table, in the order of the :class:`SampleJournal` fields
(``JournalService.fill_sample`` does, through ``storage/bulk.py``).

The output depends only on the size and on ``today`` (and the time zone): the random
generator is seeded from the size's name, and every date is placed relative to ``today``,
so the journal always looks current.

The package is pure (the domain and the standard library): ``corpus/`` holds the words it
writes with, the other modules the steps that draw from them, run in this order by
``builder.py``: ``mentors``, ``sprints`` (which adds each sprint's ``goals``, ``checkins``,
``sessions`` and ``actions``), then ``entries``. Every step draws from one random
generator (``state.Workbench.rng``), so the order of the draws *is* the sample: a step
that draws one number more or less changes everything after it.
"""

from __future__ import annotations

from devjournal.sample.builder import build_sample
from devjournal.sample.journal import SampleJournal, SampleSize

__all__ = ["SampleJournal", "SampleSize", "build_sample"]
