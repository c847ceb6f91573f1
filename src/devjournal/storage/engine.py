"""The engine and its pragmas, set in one place for every connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

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


def make_engine(path: Path, *, pool_size: int = 2) -> Engine:
    """An engine on ``path`` with the journal's pragmas on every connection."""
    engine = create_engine(
        f"sqlite:///{path}",
        poolclass=QueuePool if pool_size > 0 else NullPool,
        connect_args={"check_same_thread": False, "isolation_level": None},
        **({"pool_size": pool_size, "max_overflow": 2} if pool_size > 0 else {}),
    )
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


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
