"""Opening a journal: back up, migrate, and hand out transactions.

Nothing here writes to a file before :func:`inspect_journal` has said it is a devjournal
journal that this version can handle.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError
from sqlalchemy.orm import Session, configure_mappers, sessionmaker

from devjournal.domain.clock import Clock
from devjournal.domain.errors import DamagedJournalError, JournalError
from devjournal.files import private_dir
from devjournal.storage import repositories as r
from devjournal.storage.backup import backup_into
from devjournal.storage.engine import WRITE, make_engine, run_outside_transaction
from devjournal.storage.journal_file import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    FileState,
    Inspection,
    ReadOnly,
    check_writable,
    damage_reason,
    inspect_journal,
    read_only_error,
    read_only_reason,
    read_uri,
)
from devjournal.storage.schema import Base

log = logging.getLogger(__name__)


def prepare_orm() -> None:
    """Do SQLAlchemy's one-time set-up now: configure the mappers and compile a select of
    each row class once. Touches no journal and no engine, so the start-up loader runs it
    on its worker after the imports; the window's first queries (the pages being built
    on the GUI thread) then take 15-20 ms less."""
    configure_mappers()
    dialect = sqlite.dialect()
    for mapper in Base.registry.mappers:
        select(mapper.class_).compile(dialect=dialect)


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
        self.reviews = r.ReviewRepository(session)
        self.mentors = r.MentorRepository(session)
        self.links = r.MentorLinkRepository(session)
        self.entries = r.LogEntryRepository(session)
        self.tags = r.TagRepository(session)
        self.stats = r.StatsRepository(session)
        self.assessments = r.AssessmentRepository(session)
        self.feedback = r.FeedbackRepository(session)
        self.coaches = r.CoachRepository(session)
        self.aims = r.AimRepository(session)
        self.outreach = r.OutreachRepository(session)


class Database:
    """An open journal. Hands out transactions; never shares a session across threads."""

    def __init__(
        self, engine: Engine, path: Path, clock: Clock, *, read_only: ReadOnly | None = None
    ) -> None:
        self.engine = engine
        self.path = path
        self.clock = clock
        """The one clock: every row's stamps come from it (see ``engine.CLOCK``)."""
        self.read_only = read_only
        """Why the journal must not be written (``journal_file.read_only_reason``), or None:
        then every write is refused with that reason and the engine's connections are
        SQLite's read-only ones."""
        # A connection of its own that never writes, asked for SQLite's data_version: it
        # changes when any other connection (another process, or ours) commits.
        uri = read_uri(path) if read_only else f"file:{quote(str(path))}"
        self._watch = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        self._watch_lock = threading.Lock()
        self._seen = self._data_version()
        self._outside = False
        self._closed = False
        self._wrote = False
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(**WRITE), expire_on_commit=False
        )

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """A write transaction: committed on success, rolled back on any error.

        Raises:
            JournalError: the journal is read-only, or SQLite could not write (locked by
                another program past the busy timeout, disk full, I/O error); the journal
                is as it was. A broken constraint is not turned into a message: that is a
                bug, and it is reported as one.
        """
        self.ensure_writable("the change was not saved")
        try:
            with self._write_sessions.begin() as session:
                session.connection()  # BEGIN IMMEDIATE: nobody else commits until we do
                self._note_outside_commits()
                yield Tx(session)
            self._absorb_own_commit()
        except IntegrityError:
            raise
        except DatabaseError as exc:
            log.info("a write was rolled back: %s", exc.orig)  # the message says it
            raise JournalError(
                f"The change was not saved: {_reason(exc)}. The journal is as it was."
            ) from exc

    def ensure_writable(self, what: str = "nothing was changed") -> None:
        """Raise the read-only message (ending in ``what``) if the journal is read-only.

        Raises:
            JournalError: the journal is read-only.
        """
        if self.read_only is not None:
            raise read_only_error(self.read_only, what)

    @contextmanager
    def reading(self) -> Iterator[Tx]:
        """A read-only look; whatever happens inside is rolled back."""
        with self._sessions() as session:
            try:
                yield Tx(session)
            finally:
                session.rollback()

    @contextmanager
    def raw_connection(self) -> Iterator[sqlite3.Connection]:
        """The driver's own connection, for the few queries written in plain SQL."""
        raw = self.engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            yield driver
        finally:
            raw.close()

    # -- commits made elsewhere -----------------------------------------------------------
    def _data_version(self) -> int:
        with self._watch_lock:
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    def _note_outside_commits(self) -> None:
        """Inside a write transaction, before writing: whatever changed since the last look
        was committed by someone else (we hold the write lock, so not by us)."""
        if self._data_version() != self._seen:
            self._outside = True

    def _absorb_own_commit(self) -> None:
        self._wrote = True
        self._seen = self._data_version()

    def changed_elsewhere(self) -> bool:
        """Has another connection (a command line beside the window, another program)
        committed since the last call? Our own transactions do not count: their callers
        already know what they changed.

        A commit that lands in the microseconds between one of our commits and the look
        that follows it is taken for ours; the next outside commit is seen as usual.
        """
        if self._closed:
            return False  # the window's last tick after the journal was closed
        version = self._data_version()
        outside = self._outside or version != self._seen
        self._seen, self._outside = version, False
        return outside

    def revision(self) -> str | None:
        """The schema revision stored in the journal."""
        with self.engine.connect() as conn:
            value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if value is None else str(value)

    def close(self, *, checkpoint: bool | None = None) -> None:
        """Checkpoint the WAL into the main file and close every connection.

        ``checkpoint``: True always (the window closing: the journal it leaves behind is
        one whole file); False never (a damaged journal: only the connections close, and
        the caller keeps a read-only connection open meanwhile so SQLite's own
        checkpoint-on-close is skipped too, see ``storage/recovery.py``, ``untouched``);
        None (a command) only when this connection wrote: a checkpoint changes
        ``data_version`` for every other connection, so a window beside a read-only
        command would take it for news and rebuild its pages."""
        if self.read_only is None and (checkpoint or (checkpoint is None and self._wrote)):
            try:
                run_outside_transaction(self.engine, "PRAGMA wal_checkpoint(TRUNCATE)")
            except (DBAPIError, sqlite3.Error):
                log.warning("could not checkpoint the journal on close", exc_info=True)
        self.engine.dispose()
        with self._watch_lock:
            self._closed = True
            self._watch.close()


def open_journal(path: Path, backups_dir: Path, clock: Clock, *, create: bool = True) -> Database:
    """Open the journal at ``path``, migrating it after a backup if needed; every stamp
    it writes comes from ``clock``.

    ``create``: a missing or empty (0-byte, or an SQLite file holding nothing) journal is
    made a new journal; without it (the commands that only read) it is refused and left
    as it is, so an emptied journal is never passed off as a healthy new one, and the
    window still finds it missing and offers the backups.

    A read-only journal (``journal_file.read_only_reason``: its permissions, a read-only
    folder or file system) is opened with SQLite's read-only connections and never
    written, chmodded or migrated: the database refuses every write with a message.

    Raises:
        JournalError: with a message for the user; the file is left as it was.
    """
    inspection = inspect_journal(path)
    if inspection.state is FileState.NEW and not create:
        raise _nothing_to_read(path)
    read_only = read_only_reason(path) if path.exists() else None
    if read_only is not None:
        return _opened_read_only(path, clock, read_only, inspection)
    _owner_only(path, new=inspection.state is FileState.NEW)
    return _migrated(path, backups_dir, clock, inspection)


def _nothing_to_read(path: Path) -> JournalError:
    """The error for a command that only reads, when the journal at ``path`` is not
    there, is empty, or holds no journal yet."""
    if not path.exists():
        state = "is not there"
    elif path.stat().st_size == 0:
        state = "is empty (0 bytes)"
    else:
        state = "holds no journal yet (an empty database)"
    return JournalError(
        f"The journal {path} {state}: there is nothing to read. Nothing was created or changed."
    )


def _opened_read_only(
    path: Path, clock: Clock, read_only: ReadOnly, inspection: Inspection
) -> Database:
    """The journal at ``path``, which must not be written, opened read-only; refused
    when it would have to be written first (migrated, or made a journal)."""
    if inspection.state is FileState.OUTDATED:
        raise read_only_error(
            read_only,
            f"it is at schema {inspection.revision} and must be upgraded to "
            f"{HEAD_REVISION} before this devjournal can use it, which writes it",
        )
    if inspection.state is FileState.NEW:
        raise read_only_error(read_only, "it holds no journal yet, and none was made")
    return _opened(path, clock, read_only)


def _owner_only(path: Path, *, new: bool) -> None:
    """Make the journal's folder and file the owner's alone, after checking the folder can
    be written; a ``new`` journal's file is created (empty) when it is not there.

    Raises:
        JournalError: the folder or the file cannot be used; the file is left as it was.
    """
    folder = path.parent
    try:
        private_dir(folder)
    except OSError as exc:
        raise JournalError(f"Cannot use {folder} for the journal: {exc.strerror or exc}.") from exc
    check_writable(folder)
    try:
        if new and not path.exists():
            # Created by us, owner-only: SQLite gives its -wal and -shm files the same mode.
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        if path.stat().st_mode & 0o777 != 0o600:
            path.chmod(0o600)  # owner-only; a read-only journal never gets here
    except OSError as exc:
        raise JournalError(
            f"Cannot use the journal {path}: {exc.strerror or exc}. It was left unchanged."
        ) from exc


def _migrated(path: Path, backups_dir: Path, clock: Clock, inspection: Inspection) -> Database:
    """The journal at ``path`` opened for writing, made a journal or migrated to the
    current schema first (an outdated one after a backup into ``backups_dir``).

    Raises:
        JournalError: the backup could not be written, or SQLite could not open it
            (DamagedJournalError when the file is damaged).
    """
    engine = make_engine(path, clock)
    try:
        if inspection.state is not FileState.CURRENT:
            if inspection.state is FileState.OUTDATED:
                saved = backup_into(engine, backups_dir, f"before-{HEAD_REVISION}", clock())
                log.info("backed up %s to %s before migrating", path, saved)
            run_migrations(engine)
            log.info("journal %s is at schema %s", path, HEAD_REVISION)
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return Database(engine, path, clock)
    except JournalError:  # the backup before a migration could not be written
        engine.dispose()
        raise
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        message = f"Cannot open the journal {path}: {getattr(exc, 'orig', exc)}."
        reason = damage_reason(exc)
        if reason is not None:
            raise DamagedJournalError(message, reason) from exc
        raise JournalError(message) from exc


def _opened(path: Path, clock: Clock, read_only: ReadOnly) -> Database:
    """The current journal at ``path``, which must not be written, opened read-only."""
    engine = make_engine(path, clock, read_uri=read_uri(path))
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1 FROM alembic_version")
        return Database(engine, path, clock, read_only=read_only)
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        orig = getattr(exc, "orig", exc)
        reason = damage_reason(exc)
        if reason is not None:
            raise DamagedJournalError(f"Cannot open the journal {path}: {orig}.", reason) from exc
        raise JournalError(
            f"The journal is read-only ({read_only.reason}) and SQLite cannot read it so "
            f"({orig}). "
            "It was left unchanged."
        ) from exc


__all__ = [
    "HEAD_REVISION",
    "KNOWN_REVISIONS",
    "Database",
    "FileState",
    "Inspection",
    "Tx",
    "inspect_journal",
    "open_journal",
    "run_migrations",
]


def _reason(exc: DatabaseError) -> str:
    """SQLite's reason in words a user can act on."""
    text = str(exc.orig).strip().rstrip(".")
    if "locked" in text or "busy" in text:
        return "another program is using the journal; try again in a moment"
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text:
        return "the journal cannot be written (it is read-only)"
    return text or "the database refused the write"
