"""One window per journal: a second launch hands over to the first and exits."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QSysInfo, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)


class SingleInstance(QObject):
    """A lock file decides who owns the journal; a local socket carries "activate".

    The lock (not the socket) is the arbiter, so two launches at once can never both win,
    and a loser never removes the winner's socket: it only removes a socket after taking
    the lock itself.
    """

    activation_requested = Signal()

    def __init__(self, lock_path: Path, server_name: str) -> None:
        super().__init__()
        self._lock = QLockFile(str(lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server_name = server_name
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Become the running instance; False if another process holds the journal."""
        if not self._lock.tryLock(0) and not self._take_over_from_elsewhere():
            return False
        QLocalServer.removeServer(self._server_name)  # a crashed owner's leftover socket
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._server_name):
            log.warning("single-instance socket not available: %s", server.errorString())
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        return True

    def _elsewhere(self) -> tuple[int, str] | None:
        """The process id and host in a lock file written on another computer (or under
        this computer's former name); None for a lock of this one."""
        info = self._lock.getLockInfo()  # (pid, hostname, appname), or empty if unreadable
        if not info:
            return None
        pid, host = int(info[0]), str(info[1])
        return (pid, host) if host and host != QSysInfo.machineHostName() else None

    def _take_over_from_elsewhere(self) -> bool:
        """Take a lock written on another computer once nothing holds it.

        QLockFile judges a lock stale by its process id only on the computer that wrote
        it, so a lock left by another computer (a home on a shared disk, a restored or
        copied home, a renamed computer) would stand for ever. But a running devjournal
        also holds a native lock (flock and fcntl) on the file, which a network file
        system shares: ``removeStaleLockFile`` removes the file only when nobody holds
        that, so a devjournal really open elsewhere keeps its lock.
        """
        elsewhere = self._elsewhere()
        if elsewhere is None or self._lock.error() != QLockFile.LockError.LockFailedError:
            return False
        if not self._lock.removeStaleLockFile() or not self._lock.tryLock(0):
            return False
        pid, host = elsewhere
        log.warning(
            "took over the lock devjournal left on %s (process %d): nothing held it", host, pid
        )
        return True

    def lock_problem(self) -> str:
        """Why :meth:`acquire` failed when it was not another window holding the lock."""
        error = self._lock.error()
        elsewhere = self._elsewhere() if error == QLockFile.LockError.LockFailedError else None
        if elsewhere is not None:
            pid, host = elsewhere
            return (
                f"devjournal is open on this journal on another computer ({host}, process "
                f"{pid}). Close it there first: two computers must not write one journal "
                "at once."
            )
        if error == QLockFile.LockError.LockFailedError and self.holder_pid() > 0:
            return ""  # held by a running devjournal: hand over to it
        if error == QLockFile.LockError.PermissionError:
            return f"devjournal cannot create its lock file {self._lock.fileName()}."
        return (
            f"devjournal cannot use its lock file {self._lock.fileName()}; "
            "remove it if no devjournal is running."
        )

    def holder_pid(self) -> int:
        """The process id holding the lock (0 if unknown)."""
        info = self._lock.getLockInfo()  # (pid, hostname, appname), or empty if unreadable
        return int(info[0]) if info else 0

    def notify_running(self, timeout_s: float = 3.0) -> bool:
        """Ask the running instance to show its window. Retries while it is starting.

        A connection is the request; the running instance confirms by closing it.
        """
        deadline = time.monotonic() + timeout_s
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self._server_name)
            if socket.waitForConnected(250):
                confirmed = (
                    socket.state() == QLocalSocket.LocalSocketState.UnconnectedState
                    or socket.waitForDisconnected(2000)
                )
                socket.abort()
                return confirmed
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    def release(self) -> None:
        """Stop listening and give up the lock."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.disconnectFromServer()
            connection.deleteLater()
            log.info("another launch asked for this window")
            self.activation_requested.emit()
