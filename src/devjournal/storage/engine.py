"""The engine and its pragmas, set in one place for every connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool, QueuePool

from devjournal.domain.clock import Clock

BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Pragmas for durability and integrity.

    WAL lets a reader (a search on the worker) run beside a writer; ``synchronous=FULL``
    costs a fraction of a millisecond a commit and means the last entry survives a power cut.
    """
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _set_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """A read-only journal's connection (``mode=ro``: SQLite refuses it any write to the
    journal; ``VACUUM INTO`` a backup elsewhere still works)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


WRITE = {"devjournal_write": True}
"""Execution options of a connection that will write: it takes the write lock at BEGIN."""


def _begin(conn: Any) -> None:
    # pysqlite's own transaction handling is turned off (isolation_level=None) so that
    # SQLAlchemy's BEGIN is the real one; see the SQLAlchemy docs on "Serializable isolation".
    # A write transaction begins IMMEDIATE: a deferred one that reads first would fail at
    # once with "database is locked" if another connection committed meanwhile (WAL), where
    # IMMEDIATE waits for the lock under busy_timeout instead.
    immediate = conn.get_execution_options().get("devjournal_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


CLOCK = "devjournal_clock"
"""The execution option that carries the composition root's clock to every statement: the
``created_at``/``updated_at``/``deleted_at`` stamps come from it, never from the wall."""


def _now(options: Mapping[str, Any]) -> datetime:
    clock = options.get(CLOCK)
    if clock is None:
        raise RuntimeError("a journal connection without a clock: build it with make_engine")
    return clock().astimezone(UTC)  # type: ignore[no-any-return]


def statement_now(context: Any) -> datetime:
    """Now, for a column default or ``onupdate`` (SQLAlchemy passes its execution context)."""
    return _now(context.execution_options)


def session_now(session: Session) -> datetime:
    """Now, by the clock of the engine ``session`` is bound to."""
    return _now(session.connection().get_execution_options())


def make_engine(
    path: Path, clock: Clock, *, pool_size: int = 2, read_uri: str | None = None
) -> Engine:
    """An engine on ``path`` with the journal's pragmas on every connection, stamping
    rows by ``clock``. With ``read_uri`` (see ``journal_file.read_uri``) every connection
    is SQLite's read-only one on that URI: it writes nothing, not even a -wal or -shm."""
    pool = {"pool_size": pool_size, "max_overflow": 2} if pool_size > 0 else {}
    poolclass = QueuePool if pool_size > 0 else NullPool
    if read_uri is None:
        engine = create_engine(
            f"sqlite:///{path}",
            poolclass=poolclass,
            connect_args={"check_same_thread": False, "isolation_level": None},
            **pool,
        )
        event.listen(engine, "connect", _set_pragmas)
    else:
        uri = read_uri

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)

        engine = create_engine("sqlite://", creator=connect, poolclass=poolclass, **pool)
        event.listen(engine, "connect", _set_read_only_pragmas)
    event.listen(engine, "begin", _begin)
    return engine.execution_options(**{CLOCK: clock})


def run_outside_transaction(engine: Engine, sql: str, params: tuple[Any, ...] = ()) -> None:
    """Run a statement SQLite refuses inside a transaction (VACUUM, a WAL checkpoint).

    The engine's connections begin a transaction for every SQLAlchemy use; a raw DBAPI
    connection (autocommit at the driver level) does not.
    """
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        driver.execute(sql, params)
    finally:
        raw.close()
