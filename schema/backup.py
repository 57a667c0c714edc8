"""Backups made with SQLite's online backup API (or SQLCipher's export for encrypted files).

A live database file is never copied byte for byte: a copy taken while another connection
writes can be torn. Each backup is written under a temporary name and renamed into place.
Rolling backups go to `<project>.backups/`, newest last; the oldest beyond the project's
`backups_keep` setting (default 5) are removed. A rolling backup is only made of a project
that passes `PRAGMA quick_check`, so a damaged file never pushes the last good copy out.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from schema.durable import move_into_place, partial_name
from schema.encryption import DRIVER_ERRORS, export_copy, passphrase_for
from schema.errors import ProjectDamaged, ProjectError
from schema.project import is_encrypted, open_project, read_meta
from schema.transactions import transaction

DEFAULT_KEEP = 5
_claimed: set[str] = set()
_claim_guard = threading.Lock()
_running: dict[str, threading.Thread] = {}  # project -> its backup thread, while it runs


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
    partial = partial_name(out)
    try:
        if is_encrypted(project):
            export_copy(conn, partial, passphrase_for(project) or "")
        else:
            target = sqlite3.connect(partial)
            with target:
                conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # opening a copy leaves no -wal
            target.close()
        move_into_place(partial, out)
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


def claim_rolling_backup(project: str | Path) -> bool:
    """True the first time a process asks for a project: one rolling backup per process."""
    key = str(Path(project).resolve())
    with _claim_guard:
        if key in _claimed:
            return False
        _claimed.add(key)
        return True


def rolling_backup(project: str | Path) -> Path | None:
    """Back up a project through a read-only connection of its own, unless nothing changed
    since the newest backup. Returns the new backup, or None when the newest is current.

    Raises ProjectDamaged, making no backup and removing none, when the project fails its
    quick check."""
    project = Path(project)
    db = open_project(project, readonly=True)
    try:
        existing = list_backups(project)
        try:
            signature = _signature(db.conn)
        except DRIVER_ERRORS as exc:
            raise _no_backup_of_damaged(project, str(exc)) from None
        if existing and existing[-1].stem.endswith(f"-{signature}"):
            return None
        problem = quick_check(db.conn)
        if problem:
            raise _no_backup_of_damaged(project, problem)
        folder = backup_dir(project)
        folder.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        made = write_backup(db.conn, project,
                            folder / f"{project.stem}-{stamp}-{signature}.casecoder")
        for old in list_backups(project)[:-backups_to_keep(db)]:
            old.unlink(missing_ok=True)
        return made
    finally:
        db.conn.close()


def start_rolling_backup(project: str | Path,
                         report: Callable[[str, bool], None]) -> threading.Thread:
    """Make the rolling backup on a thread of its own, so opening never waits for it.
    `report(message, ok)` is called from that thread when it ends."""
    def work() -> None:
        try:
            made = rolling_backup(project)
        except (ProjectError, OSError, *DRIVER_ERRORS) as exc:
            report(f"No backup was made on opening: {exc}", False)
            return
        report(f"Backed up on opening to {made.name}." if made else
               "The newest backup is already up to date.", True)

    thread = threading.Thread(target=work, name="casecoder-backup", daemon=True)
    _running[str(Path(project).resolve())] = thread
    thread.start()
    return thread


def backup_running(project: str | Path) -> bool:
    thread = _running.get(str(Path(project).resolve()))
    return thread is not None and thread.is_alive()


def wait_for_backup(project: str | Path, timeout: float = 120.0) -> None:
    """Let a backup running in this process finish (before its project is replaced)."""
    thread = _running.pop(str(Path(project).resolve()), None)
    if thread is not None:
        thread.join(timeout)


def quick_check(conn) -> str:
    """'' when the database passes SQLite's quick check, else its first complaint."""
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except DRIVER_ERRORS as exc:
        return str(exc)
    return "" if rows == ["ok"] else rows[0]


def newest_good_backup(project: str | Path) -> Path | None:
    """The newest rolling backup that opens and passes the quick check."""
    for candidate in reversed(list_backups(project)):
        try:
            db = open_project(candidate, readonly=True)
        except (ProjectError, *DRIVER_ERRORS):
            continue
        try:
            if not quick_check(db.conn):
                return candidate
        finally:
            db.conn.close()
    return None


def _no_backup_of_damaged(project: Path, problem: str) -> ProjectDamaged:
    """`problem` goes to the exception's detail; the message stays one short line."""
    good = newest_good_backup(project)
    keep = (f"{good.name} kept. Restore it: casecoder restore {project} --newest" if good
            else "run 'check' to see what is wrong")
    error = ProjectDamaged(f"{project} fails its integrity check: no backup made, {keep}",
                           project, good)
    error.detail = problem
    return error


def _signature(conn) -> str:
    """A short fingerprint of the data, kept in each rolling backup's name. Every change the
    store makes appends to the audit log, so the log's length and last time, with the schema
    version, tell whether the project changed since the newest backup."""
    count, last = conn.execute("SELECT count(*), max(at) FROM audit_log").fetchone()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return hashlib.sha256(f"{count}|{last}|{version}".encode()).hexdigest()[:10]
