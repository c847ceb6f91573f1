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
from devjournal.domain.models import GoalDraft, LogEntryDraft, SprintDraft
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
from devjournal.storage.repositories import CHECKSUMMED, NOT_CHECKSUMMED
from devjournal.storage.schema import (
    FTS_CREATE,
    FTS_TABLE,
    Base,
    EnumText,
    UTCDateTime,
    include_name,
)
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
            if fixture.stem >= "schema-0006":  # feedback details: found by their words
                assert fts(db, "weekly") == fts(db, "estimates") != []
            # Every row got its checksum (a goal's baseline typed as 2 is stored as 2.0).
            report = services.journal.check()
            assert report.healthy, report.problems
            assert report.checked["goal"] == 1 and report.checked["mentor_link"] == 1
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
    assert services.journal.check().healthy  # a renamed tag keeps a checksum that matches


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


def test_every_column_of_a_table_with_user_text_is_under_its_checksum() -> None:
    # A column added later must join a checksum (with a revision that recomputes it) or
    # be named here as one devjournal keeps for itself.
    for table in Base.metadata.sorted_tables:
        columns = {c.name for c in table.columns}
        if table.name in CHECKSUMMED:
            assert columns - NOT_CHECKSUMMED == set(CHECKSUMMED[table.name]), table.name
            assert "checksum" in columns, table.name
        else:  # keys only, each checked against its primary key's index by SQLite
            assert table.name in ("session_review", "log_entry_tag")
            assert columns - {"created_at"} == {c.name for c in table.primary_key}


def test_the_checksums_are_the_ones_revision_0004_computes(services: Services) -> None:
    import importlib

    frozen = importlib.import_module(
        "devjournal.storage.migrations.versions.0004_checksums_everywhere"
    )
    later = importlib.import_module(
        "devjournal.storage.migrations.versions.0007_outreach_coaches_direction"
    )
    # 0007 recomputed three tables' checksums over their new columns, after 0004's
    assert {t: frozen.COVERED[t] for t in later.OLD} == later.OLD
    covered = dict(frozen.COVERED) | {t: later.OLD[t] + later.ADDED[t] for t in later.OLD}
    covered["coach"] = later.COACH
    assert {t: tuple(n for n, _ in cols) for t, cols in covered.items()} == {
        t: CHECKSUMMED[t] for t in covered
    }
    # checksummed since the revisions that made them: 0005, 0006 and 0007
    assert set(CHECKSUMMED) - set(covered) == {"assessment", "feedback", "aim", "outreach"}
    for table, cols in covered.items():
        kinds = dict(cols)
        for column in Base.metadata.tables[table].c:
            if column.name in kinds:
                kind = column.type
                read = (
                    str if isinstance(kind, EnumText)
                    else datetime if isinstance(kind, UTCDateTime)
                    else kind.python_type
                )  # fmt: skip
                expected = {"i": int, "f": float, "d": date, "dt": datetime, "t": str}
                assert read is expected[kinds[column.name]], (table, column.name)


def test_the_search_index_is_remade_as_revision_0001_made_it(db: Database) -> None:
    with db.reading() as tx:
        sql = tx.session.execute(
            text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": FTS_TABLE}
        ).scalar()
    assert sql == FTS_CREATE


def test_a_goal_with_a_whole_number_target_is_not_called_damaged(services: Services) -> None:
    # A number the user gives as 2 is stored as 2.0: the checksum must not tell them apart.
    sprint = services.coaching.create_sprint(
        SprintDraft(
            title="Numbers", kind=SprintKind.SKILLS,
            start_date=date(2026, 11, 1), end_date=date(2026, 12, 1),
        )
    ).value  # fmt: skip
    services.coaching.add_goal(
        GoalDraft(sprint_id=sprint.id, title="Ship", baseline=2, target=4, final_value=None)
    )
    report = services.journal.check()
    assert report.healthy, report.problems


def test_check_writes_nothing(services: Services, db: Database) -> None:
    services.mentorship.add_entry(
        LogEntryDraft(kind=EntryKind.LESSON, occurred_at=WHEN, title="Look, do not touch")
    )
    watch = sqlite3.connect(db.path)
    try:
        before = watch.execute("PRAGMA data_version").fetchone()
        report = services.journal.check()
        # FTS5's integrity-check is an INSERT: nothing of it may reach another connection.
        assert watch.execute("PRAGMA data_version").fetchone() == before
        assert report.healthy and report.rows == 1
    finally:
        watch.close()


def test_a_read_only_connection_checks_a_copy_of_the_search_index(
    services: Services, db: Database
) -> None:
    from devjournal.storage.check import check_journal

    services.mentorship.add_entry(
        LogEntryDraft(kind=EntryKind.LESSON, occurred_at=WHEN, title="Read only", body="words")
    )
    with db.transaction() as tx:  # damage the index's own copy of the text
        tx.session.execute(text("UPDATE log_entry_fts_content SET c1 = 'other' WHERE id = 1"))
    ro = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True, isolation_level=None)
    try:
        report = check_journal(ro)
    finally:
        ro.close()
    assert report.only_index and any("FTS5's own integrity check" in p for p in report.index)


def test_damage_from_before_the_upgrade_to_0004_is_still_found_after_it(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "journal.sqlite"
    shutil.copy(FIXTURES / "schema-0003.sqlite", copy)
    con = sqlite3.connect(copy)
    with con:
        con.execute("UPDATE log_entry SET title = 'Ask your mentor what they would dx'")
        con.execute("UPDATE goal SET lessons = 'Changed on disk'")
        # A value no one can read must not stop the upgrade either.
        con.execute("UPDATE coaching_session SET notes = CAST(x'ff' AS TEXT) WHERE id = 1")
    con.close()
    db = open_journal(copy, tmp_path / "backups", stopped())
    try:
        assert db.revision() == HEAD_REVISION
        problems = build_services(db, tmp_path / "backups").journal.check().problems
    finally:
        db.close()
    assert problems == [
        "Coaching session 1: its notes cannot be read (not valid UTF-8 text)",
        "Goal 1 (“Run a guild meeting people want to attend”): changed on disk since it was saved",
        "Log entry 1 (“Ask your mentor what they would dx”): changed on disk since it was saved",
    ]
