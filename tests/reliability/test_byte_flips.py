"""``check`` sees every flipped byte that changed what a user sees.

A small sample journal (with a trash, and reviews) is read into memory once; then, page by
page, for every page that holds rows of a table with user text or of the search index, a
few bytes at fixed random places of its cell area are flipped, one at a time, each in a
fresh in-memory copy of the file (``deserialize``: the file itself is read once, with no
connection open, and never written).

For each flip the test looks for itself what changed, as the app would see it:

- SQLite's own ``integrity_check`` complains: the page's structure is damaged; ``check``
  must say so too (it runs the same check);
- otherwise every row of every table is read raw and compared with the original: a value
  that changed (or no longer reads: invalid UTF-8, a date that does not parse) is a change
  a user sees, and ``check`` must report it. The stamps devjournal keeps for itself
  (``created_at``, ``updated_at``, ``deleted_at``) only count when they no longer parse: a
  stamp moved by a digit is outside the checksums (see docs/data-safety.md);
- for the search index, its copy of the text, the entries a few searches find, and FTS5's
  own ``integrity-check`` are compared: any difference is a change ``check`` must report,
  and ``check --repair``'s rebuild must then leave a journal ``check`` passes.
"""

from __future__ import annotations

import random
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from devjournal.domain.enums import SessionStatus
from devjournal.paths import resolve_paths
from devjournal.services.container import open_services
from devjournal.storage.check import check_journal
from tests.clocks import run, stopped

USER_TABLES = (
    "sprint",
    "goal",
    "milestone",
    "checkin",
    "coaching_session",
    "session_review",
    "action_item",
    "mentor",
    "mentor_link",
    "log_entry",
    "tag",
    "log_entry_tag",
    "assessment",
)
SEARCH_INDEX = (
    "log_entry_fts_data",
    "log_entry_fts_idx",
    "log_entry_fts_content",
    "log_entry_fts_docsize",
    "log_entry_fts_config",
)
STAMPS = ("created_at", "updated_at", "deleted_at")
FLIPS_PER_PAGE = 3
SEED = 15


def _small_journal(home: Path) -> bytes:
    """The small sample, plus what it lacks (reviews, things in the trash), as bytes."""
    assert run(["--home", str(home), "sample", "--size", "small"]) == 0
    paths = resolve_paths(str(home))
    db, services = open_services(paths.journal, paths.backups, stopped())
    try:
        for sprint in services.coaching.sprints()[-2:]:
            for session in services.coaching.sessions_of(sprint.id):
                if session.status is SessionStatus.PLANNED:
                    services.coaching.prepare_session(session.id)
        services.mentorship.delete_entry(services.mentorship.latest_entries(3)[0].id)
        sprint = services.coaching.sprints()[0]
        services.coaching.delete_goal(services.coaching.goals_of(sprint.id)[0].id)
    finally:
        db.close()
    return paths.journal.read_bytes()  # no connection of this process holds it now


@contextmanager
def _in_memory(image: bytes) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        # Bytes 18-19 say "WAL", which an in-memory database cannot be: the same file in
        # rollback-journal mode, every page as it was.
        conn.deserialize(image[:18] + b"\x01\x01" + image[20:])
        yield conn
    finally:
        conn.close()


def _integrity(conn: sqlite3.Connection) -> bool:
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
    except sqlite3.DatabaseError:
        return False


def _parses(value: Any) -> bool:
    if value is None:
        return True
    try:
        datetime.fromisoformat(value.decode("utf-8"))
    except (AttributeError, UnicodeDecodeError, ValueError):
        return False
    return True


@dataclass
class Seen:
    """What a user could see of a journal: every table's rows, the search index."""

    rows: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)
    index: list[Any] = field(default_factory=list)


def _look(conn: sqlite3.Connection, words: list[str]) -> Seen:
    conn.text_factory = bytes
    try:
        seen = Seen()
        for table in USER_TABLES:
            names = [str(r[1], "utf-8") for r in conn.execute(f"PRAGMA table_info({table})")]
            found = {}
            for row in conn.execute(f"SELECT rowid, * FROM {table}"):
                found[row[0]] = dict(zip(names, row[1:], strict=True))
            seen.rows[table] = found
        seen.index.append(
            conn.execute(
                "SELECT rowid, title, body, tags FROM log_entry_fts ORDER BY rowid"
            ).fetchall()
        )
        for word in words:
            seen.index.append(
                conn.execute(
                    "SELECT rowid FROM log_entry_fts WHERE log_entry_fts MATCH ? ORDER BY rowid",
                    (word,),
                ).fetchall()
            )
        conn.execute("SAVEPOINT look")
        try:
            conn.execute("INSERT INTO log_entry_fts(log_entry_fts) VALUES('integrity-check')")
            seen.index.append("whole")
        except sqlite3.DatabaseError:
            seen.index.append("damaged")
        finally:
            conn.execute("ROLLBACK TO look")
            conn.execute("RELEASE look")
        return seen
    finally:
        conn.text_factory = str


def _changed(before: Seen, after: Seen) -> str | None:
    """How a user would see the flip: "table" (a row changed), "stamp" (only a stamp
    moved, still readable), or None."""
    verdict = None
    if before.index != after.index:
        verdict = "index"
    for table, rows in before.rows.items():
        now = after.rows[table]
        if rows.keys() != now.keys():
            return "table"
        for rowid, values in rows.items():
            for name, value in values.items():
                if now[rowid][name] == value:
                    continue
                if name in STAMPS and _parses(now[rowid][name]):
                    verdict = verdict or "stamp"
                    continue
                return "table"
    return verdict


def _cell_area(image: bytes, page: int, size: int, kind: str) -> range:
    start = (page - 1) * size
    if kind == "overflow":
        return range(start + 4, start + size)
    header = start + (100 if page == 1 else 0)
    content = int.from_bytes(image[header + 5 : header + 7], "big") or 65536
    return range(start + content, start + size)


@dataclass
class Tally:
    flips: Counter[str] = field(default_factory=Counter)
    sqlite: Counter[str] = field(default_factory=Counter)
    visible: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    stamp_only: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)
    unrepaired: list[str] = field(default_factory=list)

    def table(self) -> str:
        lines = ["owner of the page: flips / integrity_check / visible changes / found"]
        for owner in sorted(self.flips):
            lines.append(
                f"  {owner}: {self.flips[owner]} / {self.sqlite[owner]} / "
                f"{self.visible[owner]} / {self.found[owner]}"
                + (f" ({self.stamp_only[owner]} stamp-only)" if self.stamp_only[owner] else "")
            )
        return "\n".join(lines)


def _pages(image: bytes) -> list[tuple[int, str, str]]:
    """Each page that holds rows of a table with user text or of the search index, with
    its table and kind (SQLite's ``dbstat``, which reads a file, not a deserialized copy)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "pages.sqlite"
        copy.write_bytes(image)
        conn = sqlite3.connect(copy)
        try:
            rows = conn.execute("SELECT name, pageno, pagetype FROM dbstat ORDER BY pageno")
            return [
                (int(page), str(name), str(kind))
                for name, page, kind in rows
                if name in USER_TABLES + SEARCH_INDEX
                and (kind != "internal" or name in SEARCH_INDEX)
            ]
        finally:
            conn.close()


def flip_every_page(image: bytes, *, repair: bool = True) -> Tally:
    """Flip bytes page by page in ``image``; what was flipped, seen and found."""
    rng = random.Random(SEED)
    pages = _pages(image)
    with _in_memory(image) as conn:
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        titles = [str(r[0]) for r in conn.execute("SELECT title FROM log_entry LIMIT 40")]
        words = sorted({w.strip(".,:;!?“”\"'()").lower() for t in titles for w in t.split()} - {""})
        words = [w for w in words if w.isalpha()][:12]
        original = _look(conn, words)
    tally = Tally()
    for page, name, kind in pages:
        owner = "search index" if name in SEARCH_INDEX else name
        for at in rng.sample(list(_cell_area(image, page, size, kind)), FLIPS_PER_PAGE):
            flipped = bytearray(image)
            flipped[at] ^= 1 << rng.randrange(8)
            tally.flips[owner] += 1
            with _in_memory(bytes(flipped)) as conn:
                try:
                    report = check_journal(conn)
                except sqlite3.DatabaseError as exc:  # check itself must never fail
                    tally.crashed.append(f"{owner} page {page} byte {at}: {exc}")
                    continue
                if not _integrity(conn):
                    tally.sqlite[owner] += 1
                    if report.healthy:
                        tally.missed.append(f"{owner} page {page} byte {at}: integrity")
                    continue
                try:
                    change = _changed(original, _look(conn, words))
                except sqlite3.DatabaseError:
                    change = "table"
                if change == "stamp":
                    tally.stamp_only[owner] += 1
                if change not in ("table", "index"):
                    continue
                tally.visible[owner] += 1
                if report.healthy:
                    tally.missed.append(f"{owner} page {page} byte {at}: {change}")
                    continue
                tally.found[owner] += 1
                if repair and report.only_index:
                    from devjournal.storage.check import rebuild_search_index

                    rebuild_search_index(conn)
                    if not check_journal(conn).healthy:
                        tally.unrepaired.append(f"{owner} page {page} byte {at}")
    return tally


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return _small_journal(tmp_path_factory.mktemp("flips") / "home")


TARGETS = [
    ("sprint", "focus", "Sprint {id} (“"),
    ("goal", "specific", "Goal {id} (“"),
    ("milestone", "title", "Milestone {id}"),
    ("checkin", "note", "Check-in {id}:"),
    ("coaching_session", "agenda", "Coaching session {id}:"),
    ("coaching_session", "notes", "Coaching session {id}:"),
    ("coaching_session", "questions", "Coaching session {id}:"),
    ("action_item", "title", "Action item {id}"),
    ("mentor", "seeking", "Mentor {id} (“"),
    ("mentor_link", "url", "Mentor link {id} (“"),
    ("log_entry", "body", "Log entry {id} (“"),
    ("assessment", "in_own_words", "Self-assessment {id}:"),
    # A letter's case: its NOCASE unique index still matches, so only the checksum sees it.
    ("tag", "name", "Tag {id}"),
    ("log_entry_fts_content", "c1", "Search index: its copy of entry {id} differs"),
]


def _inside_a_value(image: bytes, table: str, column: str) -> tuple[int, int]:
    """A row of ``table`` and the place of a byte in the middle of its ``column``, found by
    searching the file for the value (where it is stored once in the table's pages)."""
    owners = {page: name for page, name, _ in _pages(image)}
    with _in_memory(image) as conn:
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        rows = conn.execute(
            f"SELECT rowid, {column} FROM {table} WHERE length({column}) >= 12 ORDER BY rowid"
        ).fetchall()
    for rowid, value in rows:
        data = str(value).encode("utf-8")
        found = [m.start() for m in re.finditer(re.escape(data), image)]
        mine = [at for at in found if owners.get(at // size + 1) == table]
        if len(mine) == 1:
            middle = mine[0] + len(data) // 2
            letters = [
                i
                for i in range(mine[0], mine[0] + len(data))
                if chr(image[i]).isascii() and chr(image[i]).isalpha()
            ]
            return int(rowid), min(letters, key=lambda i: abs(i - middle))
    raise AssertionError(f"no value of {table}.{column} to flip")


@pytest.mark.parametrize(
    ("table", "column", "named"), TARGETS, ids=[f"{t}.{c}" for t, c, _ in TARGETS]
)
def test_a_flip_inside_a_value_of_any_table_is_named(
    image: bytes, table: str, column: str, named: str
) -> None:
    rowid, at = _inside_a_value(image, table, column)
    flipped = bytearray(image)
    flipped[at] ^= 0x20  # an ASCII letter's case
    with _in_memory(bytes(flipped)) as conn:
        assert _integrity(conn)  # SQLite's own check sees nothing
        report = check_journal(conn)
    assert any(named.format(id=rowid) in line for line in report.problems), report.problems


def test_check_finds_every_flip_that_changed_what_a_user_sees(image: bytes) -> None:
    tally = flip_every_page(image)
    assert not tally.crashed, "\n".join(tally.crashed)
    assert not tally.missed, tally.table() + "\nmissed:\n" + "\n".join(tally.missed)
    # Every table with user text, and the index, had flips that changed what is seen.
    for owner in ("coaching_session", "mentor_link", "log_entry", "goal", "search index"):
        assert tally.visible[owner] > 0, tally.table()
    assert not tally.unrepaired, "\n".join(tally.unrepaired)
