"""Backups made with SQLite's online backup API (or SQLCipher's export for encrypted files).

A live database file is never copied byte for byte: a copy taken while another connection
writes can be torn. Each backup is written under a temporary name and renamed into place.
Rolling backups go to `<project>.backups/`, newest last; the oldest beyond the project's
`backups_keep` setting (default 5) are removed.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

from schema.encryption import export_copy, passphrase_for
from schema.errors import ProjectError
from schema.project import is_encrypted, open_project, read_meta
from schema.transactions import transaction

DEFAULT_KEEP = 5


def backup_dir(project: Path) -> Path:
    return project.with_name(project.name + ".backups")


def list_backups(project: str | Path) -> list[Path]:
    """The project's rolling backups, oldest first."""
    folder = backup_dir(Path(project))
    return sorted(folder.glob("*.casecoder")) if folder.is_dir() else []


def write_backup(conn, project: Path, out: Path) -> Path:
    """Copy an open project into a new file `out` (refusing to overwrite one)."""
    if out.exists():
        raise ProjectError(f"{out} already exists; choose another name for the backup")
    partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        if is_encrypted(project):
            export_copy(conn, partial, passphrase_for(project) or "")
        else:
            target = sqlite3.connect(partial)
            with target:
                conn.backup(target)
            target.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return out


def backups_to_keep(db) -> int:
    value = read_meta(db).get("backups_keep", "")
    return int(value) if value.isdigit() else DEFAULT_KEEP


def set_backups_to_keep(db, keep: int) -> None:
    if keep < 1:
        raise ProjectError("keep at least one backup")
    with transaction(db):
        db.execute("INSERT INTO meta (key, value) VALUES ('backups_keep', ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [str(keep)])


def rolling_backup(db, project: str | Path) -> Path | None:
    """Back up a project on opening, unless nothing changed since the newest backup.

    Returns the new backup, or None when the newest one is still current."""
    project = Path(project)
    existing = list_backups(project)
    signature = _signature(db.conn)
    if existing and existing[-1].stem.endswith(f"-{signature}"):
        return None
    folder = backup_dir(project)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    made = write_backup(db.conn, project,
                        folder / f"{project.stem}-{stamp}-{signature}.casecoder")
    for old in list_backups(project)[:-backups_to_keep(db)]:
        old.unlink(missing_ok=True)
    return made


def _signature(conn) -> str:
    """A short fingerprint of the data, kept in each rolling backup's name. Every change the
    store makes appends to the audit log, so the log's length and last time, with the schema
    version, tell whether the project changed since the newest backup."""
    count, last = conn.execute("SELECT count(*), max(at) FROM audit_log").fetchone()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return hashlib.sha256(f"{count}|{last}|{version}".encode()).hexdigest()[:10]


def restore_backup(backup: str | Path, project: str | Path) -> Path:
    """Put a backup in place of the project; the current file is first backed up itself.

    Returns the safety backup of what was there. The project must not be open for writing.
    """
    backup, project = Path(backup), Path(project)
    source = open_project(backup, readonly=True)
    current = open_project(project, readonly=True)
    try:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        backup_dir(project).mkdir(exist_ok=True)
        safety = write_backup(current.conn, project,
                              backup_dir(project) / f"{project.stem}-before-restore-{stamp}"
                                                    ".casecoder")
        current.conn.close()
        replacement = project.with_name(f".{project.name}.restoring")
        replacement.unlink(missing_ok=True)
        write_backup(source.conn, backup, replacement)
        os.replace(replacement, project)
        for suffix in ("-wal", "-shm"):
            Path(f"{project}{suffix}").unlink(missing_ok=True)
    finally:
        source.conn.close()
    return safety
