"""Where devjournal keeps things. The only user of platformdirs.

``--home DIR`` or ``DEVJOURNAL_HOME`` puts everything (journal, backups, logs, settings,
the single-instance lock and socket) in DIR; tests always use that.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from devjournal.domain.errors import JournalError
from devjournal.files import private_dir

ENV_HOME = "DEVJOURNAL_HOME"
APP_DIR_NAME = "devjournal"
_SOCKET_PATH_MAX = 100  # sun_path is 108 bytes on Linux, 104 on macOS


@dataclass(frozen=True)
class AppPaths:
    """Every folder and file devjournal uses."""

    data_dir: Path
    log_dir: Path
    config_dir: Path
    custom_home: bool
    backups_dir: Path | None = None
    """The backups folder the user chose (Preferences), or None for ``backups/`` beside
    the journal."""

    @property
    def journal(self) -> Path:
        """The SQLite journal."""
        return self.data_dir / "journal.sqlite"

    @property
    def backups(self) -> Path:
        """The backup folder: the one the user chose, else ``backups/`` beside the journal."""
        return self.backups_dir or self.default_backups

    @property
    def default_backups(self) -> Path:
        """The backup folder beside the journal."""
        return self.data_dir / "backups"

    def with_backups(self, folder: Path | None) -> AppPaths:
        """These paths with backups kept in ``folder`` (None: beside the journal)."""
        return replace(self, backups_dir=folder)

    @property
    def log_file(self) -> Path:
        """The rotating log."""
        return self.log_dir / "devjournal.log"

    @property
    def drafts(self) -> Path:
        """What the user typed and has not saved yet (beside the journal it belongs to)."""
        return self.data_dir / "drafts.json"

    @property
    def settings(self) -> Path:
        """Window and view settings (JSON)."""
        return self.config_dir / "settings.json"

    @property
    def lock_file(self) -> Path:
        """Held by the running window, so a second copy knows to hand over."""
        return self.data_dir / "devjournal.lock"

    @property
    def instance_socket(self) -> str:
        """The local socket the running window listens on: in the data folder if it fits."""
        path = str(self.data_dir / "devjournal.sock")
        if len(path.encode()) <= _SOCKET_PATH_MAX:
            return path
        digest = hashlib.sha256(str(self.data_dir).encode()).hexdigest()[:16]
        return f"devjournal-{digest}"

    def ensure(self) -> None:
        """Create the folders, owner-only.

        Raises:
            JournalError: a folder cannot be created or is not a folder.
        """
        for folder in dict.fromkeys((self.data_dir, self.log_dir, self.config_dir)):
            if folder.exists() and not folder.is_dir():
                raise JournalError(f"{folder} is a file, not a folder.")
            try:
                private_dir(folder)
            except OSError as exc:
                raise JournalError(
                    f"Cannot create the folder {folder}: {exc.strerror or exc}."
                ) from exc


def resolve_paths(home: str | None = None, environ: Mapping[str, str] | None = None) -> AppPaths:
    """The paths for ``--home`` (or ``DEVJOURNAL_HOME``), else the platform's user folders.

    Raises:
        JournalError: ``home`` is empty or names a file.
    """
    env = os.environ if environ is None else environ
    raw = home if home is not None else env.get(ENV_HOME)
    if raw is not None:
        if not raw.strip():
            raise JournalError("The journal folder (--home) is empty; name a folder.")
        base = Path(raw).expanduser().resolve()  # one journal, one lock and socket name
        _refuse_undecodable(base)
        if base.exists() and not base.is_dir():
            raise JournalError(f"{base} is a file, not a folder; --home needs a folder.")
        return AppPaths(data_dir=base, log_dir=base / "logs", config_dir=base, custom_home=True)
    from platformdirs import (  # noqa: PLC0415 - only needed without --home
        user_config_path,
        user_data_path,
        user_log_path,
    )

    paths = AppPaths(
        data_dir=user_data_path(APP_DIR_NAME, appauthor=False),
        log_dir=user_log_path(APP_DIR_NAME, appauthor=False),
        config_dir=user_config_path(APP_DIR_NAME, appauthor=False),
        custom_home=False,
    )
    for folder in (paths.data_dir, paths.log_dir, paths.config_dir):
        _refuse_undecodable(folder)
    return paths


def _refuse_undecodable(folder: Path) -> None:
    """Refuse a folder whose name is not valid UTF-8 (bytes the file system decoding turned
    into surrogates): SQLite, the log, the window and every message need its name as text,
    and a journal made there could not be opened again. Nothing is created.

    Raises:
        JournalError: the name is not text; it is shown with its odd bytes escaped.
    """
    name = str(folder)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        raise JournalError(
            f"The journal folder {shown} has a name that is not valid UTF-8 text, which "
            "devjournal cannot use. Rename the folder, or choose another with --home. "
            "Nothing was created."
        ) from None


def sample_home_for(paths: AppPaths) -> Path:
    """A separate folder for a sample journal, beside the user's own journal folder."""
    name = paths.data_dir.name or "devjournal"  # "/" has no name
    return paths.data_dir.parent / f"{name}-sample"


def desktop_data_home(environ: Mapping[str, str] | None = None) -> Path:
    """Where a freedesktop menu, icon theme, man and shell completion look for a user's own
    files: ``$XDG_DATA_HOME``, else ``~/.local/share`` (``devjournal desktop install``)."""
    env = os.environ if environ is None else environ
    raw = env.get("XDG_DATA_HOME", "")
    if raw and Path(raw).is_absolute():  # the spec: a relative value is ignored
        return Path(raw)
    return Path.home() / ".local" / "share"
