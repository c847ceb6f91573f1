"""Opening a journal: recognise the file, back up, migrate, and hand out transactions.

Nothing here writes to a file before it is known to be a devjournal journal that this
version can handle: the first look is through a read-only SQLite connection.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from devjournal.domain.errors import JournalError
from devjournal.storage import repositories as r
from devjournal.storage.backup import backup_into
from devjournal.storage.engine import make_engine, run_outside_transaction
from devjournal.storage.files import private_dir
from devjournal.storage.schema import APPLICATION_ID

log = logging.getLogger(__name__)

# Every revision this version ships, oldest first. A test checks this against Alembic's
# scripts, so start-up can decide "nothing to migrate" without importing Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001",)
HEAD_REVISION = KNOWN_REVISIONS[-1]
SQLITE_MAGIC = b"SQLite format 3\x00"


class FileState(Enum):
    """What a journal file is, as seen before opening it for writing."""

    NEW = "new"
    CURRENT = "current"
    OUTDATED = "outdated"


@dataclass(frozen=True)
class Inspection:
    """The result of :func:`inspect_journal`."""

    state: FileState
    revision: str | None


def inspect_journal(path: Path) -> Inspection:
    """Look at ``path`` read-only and say whether devjournal can open it.

    Raises:
        JournalError: the file is not a devjournal journal, is damaged, or was written by a
            newer devjournal. The file is not changed.
    """
    if not path.exists() or path.stat().st_size == 0:
        return Inspection(FileState.NEW, None)
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise JournalError(f"Cannot read the journal {path}: {exc.strerror or exc}.") from exc
    if header != SQLITE_MAGIC:
        raise JournalError(
            f"{path} is not a devjournal journal (it is not an SQLite database). "
            "It was left unchanged."
        )
    # With no WAL file beside it, the file alone is the whole database: "immutable" reads it
    # without creating -wal/-shm files. A leftover WAL must be honoured, so then plain ro.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = found[0] if found else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise JournalError(
            f"The journal {path} is damaged or not a database ({exc}). It was left unchanged."
        ) from exc
    if not tables:
        return Inspection(FileState.NEW, None)
    if app_id != APPLICATION_ID or revision is None:
        raise JournalError(
            f"{path} is an SQLite database but not a devjournal journal. It was left unchanged."
        )
    if revision == HEAD_REVISION:
        return Inspection(FileState.CURRENT, revision)
    if revision in KNOWN_REVISIONS:
        return Inspection(FileState.OUTDATED, revision)
    raise JournalError(
        f"This journal was written by a newer devjournal (schema {revision}; this version "
        f"knows up to {HEAD_REVISION}). Update devjournal to open it. The file was left "
        "unchanged."
    )


def run_migrations(engine: Engine) -> None:
    """Bring the schema to the head revision (Alembic, imported only when needed)."""
    from alembic import command  # noqa: PLC0415 - costly import, only when migrating
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()


class Tx:
    """One unit of work: repositories bound to one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.sprints = r.SprintRepository(session)
        self.goals = r.GoalRepository(session)
        self.milestones = r.MilestoneRepository(session)
        self.checkins = r.CheckinRepository(session)
        self.sessions = r.SessionRepository(session)
        self.actions = r.ActionItemRepository(session)
        self.mentors = r.MentorRepository(session)
        self.links = r.MentorLinkRepository(session)
        self.entries = r.LogEntryRepository(session)
        self.tags = r.TagRepository(session)
        self.stats = r.StatsRepository(session)


class Database:
    """An open journal. Hands out transactions; never shares a session across threads."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """A write transaction: committed on success, rolled back on any error."""
        with self._sessions.begin() as session:
            yield Tx(session)

    @contextmanager
    def reading(self) -> Iterator[Tx]:
        """A read-only look; whatever happens inside is rolled back."""
        with self._sessions() as session:
            try:
                yield Tx(session)
            finally:
                session.rollback()

    def revision(self) -> str | None:
        """The schema revision stored in the journal."""
        with self.engine.connect() as conn:
            value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if value is None else str(value)

    def close(self) -> None:
        """Checkpoint the WAL into the main file and close every connection."""
        try:
            run_outside_transaction(self.engine, "PRAGMA wal_checkpoint(TRUNCATE)")
        except (DBAPIError, sqlite3.Error):
            log.warning("could not checkpoint the journal on close", exc_info=True)
        self.engine.dispose()


def open_journal(path: Path, backups_dir: Path) -> Database:
    """Open (or create) the journal at ``path``, migrating it after a backup if needed.

    Raises:
        JournalError: with a message for the user; the file is left as it was.
    """
    folder = path.parent
    try:
        private_dir(folder)
    except OSError as exc:
        raise JournalError(
            f"Cannot use {folder} for the journal: {exc.strerror or exc}."
        ) from exc
    inspection = inspect_journal(path)
    if not os.access(folder, os.W_OK):
        raise JournalError(
            f"The journal folder {folder} is read-only. devjournal needs to write there."
        )
    if inspection.state is FileState.NEW and not path.exists():
        # Create it ourselves, owner-only: SQLite gives its -wal and -shm files the same mode.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    path.chmod(0o600)
    engine = make_engine(path)
    try:
        if inspection.state is not FileState.CURRENT:
            if inspection.state is FileState.OUTDATED:
                saved = backup_into(engine, backups_dir, f"before-{HEAD_REVISION}")
                log.info("backed up %s to %s before migrating", path, saved)
            run_migrations(engine)
            log.info("journal %s is at schema %s", path, HEAD_REVISION)
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        engine.dispose()
        raise JournalError(f"Cannot open the journal {path}: {exc.orig}.") from exc
    return Database(engine, path)
