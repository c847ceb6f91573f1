"""Opening journals: new, current, foreign, newer, damaged; migrations; the search index."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from devjournal.domain.enums import EntryKind, SprintKind
from devjournal.domain.errors import JournalError
from devjournal.domain.models import LogEntryDraft, SprintDraft
from devjournal.paths import AppPaths
from devjournal.services.container import Services, build_services
from devjournal.storage import database, journal_file
from devjournal.storage.backup import backup_into
from devjournal.storage.database import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    Database,
    FileState,
    inspect_journal,
    open_journal,
)
from devjournal.storage.journal_file import APPLICATION_ID
from devjournal.storage.schema import Base, include_name
from tests.clocks import NOW, stopped

FIXTURES = Path(__file__).parent.parent / "fixtures" / "journals"
WHEN = datetime(2026, 11, 10, 14, 30, tzinfo=UTC)


def fts(db: Database, query: str) -> list[int]:
    with db.reading() as tx:
        return [
            row[0]
            for row in tx.session.execute(
                text("SELECT rowid FROM log_entry_fts WHERE log_entry_fts MATCH :q ORDER BY rowid"),
                {"q": query},
            )
        ]


def test_new_journal_is_created_at_head_and_private(paths: AppPaths) -> None:
    db = open_journal(paths.journal, paths.backups, stopped())
    try:
        assert db.revision() == HEAD_REVISION
        with db.reading() as tx:
            assert tx.session.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID
            assert tx.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert tx.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert tx.session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    finally:
        db.close()
    assert stat.S_IMODE(paths.journal.stat().st_mode) == 0o600
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    assert inspect_journal(paths.journal).state is FileState.CURRENT


def test_files_stay_private_even_with_umask_000(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        home = tmp_path / "open"
        db = open_journal(home / "journal.sqlite", home / "backups", stopped())
        with db.transaction() as tx:
            tx.sprints.add(
                SprintDraft(
                    title="t",
                    kind=SprintKind.SKILLS,
                    start_date=date(2026, 1, 1),
                    end_date=date(2026, 2, 1),
                )
            )
        wal = home / "journal.sqlite-wal"
        assert wal.exists() and stat.S_IMODE(wal.stat().st_mode) == 0o600
        backup = backup_into(db.engine, home / "backups", "test", NOW)
        db.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "backups").stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "journal.sqlite").stat().st_mode) == 0o600


def test_known_revisions_match_alembic_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(database.__file__).parent / "migrations"))
    scripts = ScriptDirectory.from_config(config)
    ordered = [rev.revision for rev in reversed(list(scripts.walk_revisions()))]
    assert tuple(ordered) == KNOWN_REVISIONS
    assert scripts.get_current_head() == HEAD_REVISION


def test_migrated_schema_matches_the_orm_schema(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == []


def test_every_released_schema_opens(tmp_path: Path) -> None:
    fixtures = sorted(FIXTURES.glob("schema-*.sqlite"))
    assert [f.stem.removeprefix("schema-") for f in fixtures] == list(KNOWN_REVISIONS)
    for fixture in fixtures:
        copy = tmp_path / fixture.stem / "journal.sqlite"
        copy.parent.mkdir()
        shutil.copy(fixture, copy)
        db = open_journal(copy, copy.parent / "backups", stopped())
        try:
            assert db.revision() == HEAD_REVISION
            services = build_services(db, copy.parent / "backups")
            counts = services.journal.info().counts
            assert counts["sprints"] >= 1 and counts["log_entries"] >= 1
            assert fts(db, "mentor") != []
        finally:
            db.close()


def test_outdated_journal_is_backed_up_before_migrating(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_journal(paths.journal, paths.backups, stopped()).close()
    calls: list[str] = []

    def fake_migrate(engine: object) -> None:
        calls.append("migrate")
        assert list(paths.backups.glob("journal-*-before-9000.sqlite")), "backup comes first"

    monkeypatch.setattr(journal_file, "KNOWN_REVISIONS", (*journal_file.KNOWN_REVISIONS, "9000"))
    monkeypatch.setattr(journal_file, "HEAD_REVISION", "9000")
    monkeypatch.setattr(database, "HEAD_REVISION", "9000")
    monkeypatch.setattr(database, "run_migrations", fake_migrate)
    open_journal(paths.journal, paths.backups, stopped()).close()
    assert calls == ["migrate"]
    [backup] = paths.backups.iterdir()
    check = sqlite3.connect(backup)
    assert check.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    check.close()


@pytest.fixture
def newer_journal(paths: AppPaths) -> Iterator[Path]:
    open_journal(paths.journal, paths.backups, stopped()).close()
    conn = sqlite3.connect(paths.journal)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    yield paths.journal


def test_newer_journal_is_refused_and_untouched(newer_journal: Path, paths: AppPaths) -> None:
    before = newer_journal.read_bytes()
    siblings = sorted(p.name for p in newer_journal.parent.iterdir())
    with pytest.raises(JournalError, match="newer devjournal"):
        open_journal(newer_journal, paths.backups, stopped())
    assert newer_journal.read_bytes() == before
    assert sorted(p.name for p in newer_journal.parent.iterdir()) == siblings


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Dear diary, today I learned Rust.\n", "damaged or not a database"),
        (b"SQLite format 3\x00" + b"\xff" * 200, "damaged or not a database"),
    ],
)
def test_non_journal_files_are_refused_and_untouched(
    paths: AppPaths, content: bytes, message: str
) -> None:
    paths.journal.write_bytes(content)
    with pytest.raises(JournalError, match=message):
        open_journal(paths.journal, paths.backups, stopped())
    assert paths.journal.read_bytes() == content


def test_foreign_sqlite_database_is_refused_and_untouched(paths: AppPaths) -> None:
    conn = sqlite3.connect(paths.journal)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    before = paths.journal.read_bytes()
    with pytest.raises(JournalError, match="not a devjournal journal"):
        open_journal(paths.journal, paths.backups, stopped())
    assert paths.journal.read_bytes() == before


def test_empty_file_becomes_a_journal(paths: AppPaths) -> None:
    paths.journal.touch()
    db = open_journal(paths.journal, paths.backups, stopped())
    assert db.revision() == HEAD_REVISION
    db.close()


def _open_as(uid: int, journal: Path) -> str:
    """Open ``journal`` in a child process running as ``uid``; return its error message."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: drop privileges, try, report, and leave without cleanup
        os.close(read_fd)
        message = "opened"
        try:
            os.setgid(uid)
            os.setuid(uid)
            open_journal(journal, journal.parent / "backups", stopped()).close()
        except JournalError as exc:
            message = str(exc)
        except BaseException as exc:
            message = f"unexpected {exc!r}"
        os.write(write_fd, message.encode())
        os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        message = pipe.read().decode()
    os.waitpid(pid, 0)
    return message


def test_read_only_folder_is_refused_with_a_message() -> None:
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)
        folder = base / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        journal = folder / "journal.sqlite"
        if os.geteuid() == 0:
            message = _open_as(65534, journal)  # root writes anywhere; "nobody" does not
        else:
            with pytest.raises(JournalError) as caught:
                open_journal(journal, folder / "backups", stopped())
            message = str(caught.value)
        assert "is read-only" in message
        assert not journal.exists()
    finally:
        (base / "ro").chmod(0o755)
        shutil.rmtree(base)


def test_search_index_follows_entries_and_tags(services: Services, db: Database) -> None:
    ms = services.mentorship
    entry = ms.add_entry(
        LogEntryDraft(
            kind=EntryKind.LESSON,
            occurred_at=WHEN,
            title="Naïve caching",
            body="The café talk on invalidation",
            tags=("system design",),
        )
    ).value
    assert fts(db, "naive") == [entry.id]  # diacritics folded
    assert fts(db, "cafe") == [entry.id]
    assert fts(db, '"system design"') == [entry.id]
    ms.update_entry(entry.id, replace(entry, body="Queues", tags=("queues",)))
    assert fts(db, "cafe") == []
    assert fts(db, "queues") == [entry.id]
    assert fts(db, "design") == []
    ms.delete_entry(entry.id)
    assert fts(db, "queues") == []
    ms.restore_entry(entry.id)
    assert fts(db, "queues") == [entry.id]
    with db.transaction() as tx:
        [tag] = [t for t in tx.tags.all() if t.name == "queues"]
        tx.tags.rename(tag.id, "message queues")
    assert fts(db, "message") == [entry.id]


def test_tags_are_unique_regardless_of_case(db: Database) -> None:
    with db.transaction() as tx:
        first = tx.tags.ensure(["Career"])
        second = tx.tags.ensure(["career", "CAREER"])
        assert set(first.values()) == set(second.values())
        assert [t.name for t in tx.tags.all()] == ["Career"]


def test_a_failed_transaction_leaves_nothing(db: Database) -> None:
    draft = SprintDraft(
        title="ok", kind=SprintKind.SKILLS, start_date=date(2026, 1, 1), end_date=date(2026, 2, 1)
    )
    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.sprints.add(draft)
        raise RuntimeError("boom")
    with db.reading() as tx:
        assert tx.sprints.find() == []


def test_write_transactions_take_the_write_lock_at_begin(db: Database, paths: AppPaths) -> None:
    # A deferred transaction that reads first fails at once with "database is locked" when
    # another connection commits in between; IMMEDIATE makes the other writer wait instead.
    other = sqlite3.connect(paths.journal, timeout=0, isolation_level=None)
    try:
        with db.transaction() as tx:
            tx.stats.counts()  # reads only, so far
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free once the transaction has ended
        other.execute("ROLLBACK")
        with db.reading() as tx:
            tx.stats.counts()
            other.execute("BEGIN IMMEDIATE")  # a read does not block writers
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_foreign_sqlite_file_without_tables_is_refused(paths: AppPaths) -> None:
    conn = sqlite3.connect(paths.journal)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("PRAGMA user_version = 7")
    conn.execute("CREATE VIEW v AS SELECT 1")
    conn.commit()
    conn.close()
    before = paths.journal.read_bytes()
    with pytest.raises(JournalError, match="not a devjournal journal"):
        open_journal(paths.journal, paths.backups, stopped())
    assert paths.journal.read_bytes() == before


def test_existing_folder_keeps_its_permissions(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    open_journal(shared / "journal.sqlite", shared / "backups", stopped()).close()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE((shared / "journal.sqlite").stat().st_mode) == 0o600
