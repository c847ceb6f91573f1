"""The files that make devjournal a desktop citizen, and ``devjournal desktop install``.

``share/`` (package data, laid out as ``$XDG_DATA_HOME`` is) holds the menu entry, the
AppStream metainfo, the icon in SVG and PNG sizes, the man page and the bash and zsh
completions. The bundle and the Flatpak install the same tree; after a ``pip``/``pipx``
install, ``devjournal desktop install`` copies it into the user's data folder, with the
menu entry's ``Exec`` naming the command that ran it.
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from devjournal import APP_ID
from devjournal.files import atomic_write_bytes

SHARE = Path(__file__).resolve().parent / "share"
ICON_SVG = SHARE / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
DESKTOP_FILE = Path("applications") / f"{APP_ID}.desktop"
SUPPORTED = sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly"))
"""The desktops that read freedesktop.org menu entries (not Windows or macOS)."""


@dataclass(frozen=True)
class Change:
    """What ``install`` or ``uninstall`` did: the files, and where."""

    target: Path
    files: tuple[Path, ...]


def shipped_files(share: Path = SHARE) -> tuple[Path, ...]:
    """Every file of ``share`` as a path relative to it, sorted."""
    return tuple(sorted(p.relative_to(share) for p in share.rglob("*") if p.is_file()))


def launch_command() -> list[str]:
    """The command that starts this devjournal: the bundle's binary, the ``devjournal``
    script that is running, or this Python with ``-m devjournal``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "devjournal" and script.exists():
        return [str(script.resolve())]
    return [sys.executable, "-m", "devjournal"]


def exec_value(command: list[str]) -> str:
    """``command`` as the Desktop Entry spec's Exec key reads it: an argument with a space
    or a reserved character in double quotes, ``"`` ``\\`` `` ` `` ``$`` escaped inside,
    and ``%`` doubled (a field code otherwise)."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    parts = []
    for arg in command:
        text = arg.replace("%", "%%")
        if any(ch in reserved for ch in arg):
            quoted = "".join("\\" + ch if ch in '"`$\\' else ch for ch in text)
            text = f'"{quoted}"'
        parts.append(text)
    # the key's own escapes: a backslash in a string value is written twice
    return " ".join(parts).replace("\\", "\\\\")


def desktop_entry(command: list[str], share: Path = SHARE) -> bytes:
    """The shipped menu entry with its Exec (and TryExec) naming ``command``."""
    lines = []
    for shipped in (share / DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        if shipped.startswith("Exec="):
            lines.append(f"Exec={exec_value(command)}")
            if Path(command[0]).is_absolute():
                lines.append("TryExec=" + command[0].replace("\\", "\\\\"))
        elif not shipped.startswith("TryExec="):
            lines.append(shipped)
    return ("\n".join(lines) + "\n").encode("utf-8")


def install(target: Path, command: list[str], share: Path = SHARE) -> Change:
    """Copy the shipped tree into ``target`` (each file written atomically), the menu
    entry starting ``command``. Desktops watch these folders, so nothing needs refreshing
    (no user icon cache is made: a stale one would hide later icons). Raises OSError when
    a file cannot be written (those before it stay)."""
    files = shipped_files(share)
    for rel in files:
        data = desktop_entry(command, share) if rel == DESKTOP_FILE else (share / rel).read_bytes()
        atomic_write_bytes(target / rel, data)
    return Change(target, files)


def uninstall(target: Path, share: Path = SHARE) -> Change:
    """Remove from ``target`` the files ``install`` put there (and the folders it leaves
    empty); a file that is not there is skipped. Returns the files removed."""
    removed = []
    for rel in shipped_files(share):
        path = target / rel
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(rel)
            _remove_empty_parents(path.parent, target)
    return Change(target, tuple(removed))


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return  # not empty: someone else's files are there too
        folder = folder.parent


def describe(command: list[str]) -> str:
    """``command`` as a shell would take it, for messages."""
    return shlex.join(command)
