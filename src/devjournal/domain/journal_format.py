"""What names a whole-journal export file (``docs/journal-format.md``): written by
``exporting/journal_json.py``, read back by ``importing/devjournal_json.py``."""

from __future__ import annotations

FORMAT = "devjournal-journal"
"""The ``format`` of an export file; ``VERSION`` its version."""
VERSION = 1
