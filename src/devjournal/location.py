"""Is the journal kept somewhere risky for an SQLite file: a folder a sync service copies
(Dropbox, OneDrive, iCloud, Google Drive, ...) or a network file system? Both can copy or
lock the file half-written, which can damage it or fork it into conflicting copies."""

from __future__ import annotations

import stat
from pathlib import Path

SYNCED = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "icloud drive": "iCloud",
    "mobile documents": "iCloud",
    "icloud": "iCloud",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "box": "Box",
    "box sync": "Box",
    "pcloud drive": "pCloud",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "syncthing": "Syncthing",
    "mega": "MEGA",
    "seafile": "Seafile",
}
NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "fuse.sshfs",
    "9p",
    "afs",
    "ncpfs",
    "fuse.rclone",
    "davfs",
    "fuse.davfs2",
    "glusterfs",
    "ceph",
}


def _mount_type(path: Path, mounts: str) -> str:
    """The file system type of the mount holding ``path`` (from /proc/mounts text)."""
    best, kind = "", ""
    target = str(path.resolve())
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) > len(
            best
        ):
            best, kind = point, parts[2]
    return kind


def risky_location(journal: Path, mounts: str | None = None) -> str | None:
    """A warning when ``journal`` is in a synced folder or on a network file system."""
    folder = journal.resolve().parent
    for part in folder.parts:
        service = SYNCED.get(part.casefold())
        if service is None and part.casefold().startswith("onedrive"):
            service = "OneDrive"  # "OneDrive - Company"
        if service is not None:
            return (
                f"The journal is in a folder {service} syncs ({folder}). A sync service can "
                "copy the journal while devjournal is writing it, which can damage it or "
                "split it into conflicting copies. Keep the journal outside synced folders "
                "(the default place is safe) and use backups to keep copies."
            )
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    kind = _mount_type(folder, mounts)
    if kind in NETWORK_FS:
        return (
            f"The journal is on a network file system ({kind}). File locking there is "
            "unreliable, which can damage an SQLite journal. Keep the journal on a local "
            "disk and use backups to keep copies elsewhere."
        )
    return None


def open_to_others(folder: Path) -> str | None:
    """A warning when every user of the computer may write in the journal's ``folder``.

    Anyone who can write there can delete or replace the journal and its backups, or put a
    file of their own where devjournal will make one. devjournal does not refuse such a
    folder and does not change its permissions (a folder the user chose keeps them); it
    says so (a command on stderr, the window once a run), and never follows a link in the
    journal's place (``storage/journal_file.refuse_links``).
    """
    try:
        mode = folder.stat().st_mode
    except OSError:
        return None
    if not mode & stat.S_IWOTH:
        return None
    return (
        f"The journal's folder {folder} can be written by every user of this computer "
        f"(permissions {stat.S_IMODE(mode):04o}): anyone could delete or replace the journal "
        f"and its backups. Make it yours alone with: chmod 700 {folder}"
    )
