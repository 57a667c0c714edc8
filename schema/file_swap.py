"""Replacing a project file as a whole: `restore`, `encrypt` and `decrypt`.

Each builds the new file under a hidden temporary name and swaps it in, all while holding
`locking.replacing`: the writer lock and the only presence, so no other Casecoder has the
project open and no connection here is live. Before the swap the old file's write-ahead log
is checkpointed into it, so removing `-wal` and `-shm` (which must not outlive the file they
belong to) loses nothing even if the process dies between two steps. Hidden `.partial` files
left by a killed run are removed on the next one.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from schema import durable, locking
from schema.backup import (
    backup_dir,
    backup_running,
    list_backups,
    quick_check,
    wait_for_backup,
    write_backup,
)
from schema.durable import partial_name
from schema.encryption import (
    DRIVER_ERRORS,
    cipher_module,
    connect_encrypted,
    export_copy,
    passphrase_for,
)
from schema.errors import ProjectError
from schema.project import is_encrypted, open_project


def clean_litter(project: Path) -> list[Path]:
    """Remove temporary files a killed Casecoder left beside a project and in its backups
    folder. Only call while holding the project's writer lock: every writer of them holds it
    (a rolling backup running here is left to finish)."""
    found = durable.clean_litter(project)
    if backup_dir(project).is_dir() and not backup_running(project):
        for litter in backup_dir(project).glob(".*.partial"):
            litter.unlink(missing_ok=True)
            found.append(litter)
    return found


def restore_backup(backup: str | Path, project: str | Path) -> Path:
    """Put a backup in place of the project; what the project held is kept first.

    Returns that safety copy. Refuses, changing nothing, when the backup is damaged or the
    project is open anywhere (in this process too)."""
    backup, project = Path(backup), Path(project)
    wait_for_backup(project)
    with locking.replacing(project):
        source = _checked_backup(backup)
        try:
            clean_litter(project)
            safety = _keep_current(project)
            replacement = partial_name(project)
            try:
                write_backup(source.conn, backup, replacement)
                _set_wal(replacement, passphrase_for(backup) if is_encrypted(backup) else "")
                _swap_in(replacement, project)
            finally:
                replacement.unlink(missing_ok=True)
        finally:
            source.conn.close()
    return safety


def _checked_backup(backup: Path):
    source = open_project(backup, readonly=True)
    problem = quick_check(source.conn)
    if problem:
        source.conn.close()
        raise ProjectError(f"{backup} is damaged ({problem[:80]}); nothing was changed. "
                           f"Choose another backup.")
    return source


def _keep_current(project: Path) -> Path:
    """Back up what the project holds before it is replaced. A project too damaged to open
    is kept byte for byte, with its log (safe: no one else has it open)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    backup_dir(project).mkdir(exist_ok=True)
    safety = backup_dir(project) / f"{project.stem}-before-restore-{stamp}.casecoder"
    try:
        _checkpoint(project)
        current = open_project(project, readonly=True)
    except (ProjectError, *DRIVER_ERRORS):
        return _copy_damaged(project, safety.with_suffix(".damaged"))
    try:
        return write_backup(current.conn, project, safety)
    finally:
        current.conn.close()


def _copy_damaged(project: Path, out: Path) -> Path:
    for suffix in ("", "-wal"):
        source = Path(f"{project}{suffix}")
        if source.exists():
            shutil.copyfile(source, Path(f"{out}{suffix}"))
    return out


def _checkpoint(project: Path) -> None:
    """Move everything in the project's write-ahead log into the file itself."""
    db = open_project(project)
    try:
        busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        db.conn.close()
    if busy:
        raise ProjectError(f"{project} is busy and could not be checkpointed; nothing was "
                           f"changed. Try again.")


def _swap_in(partial: Path, project: Path) -> None:
    """Move a finished file into place. The old log was checkpointed, so dropping it first
    loses nothing, and the new file never meets a log that is not its own."""
    for suffix in ("-wal", "-shm"):
        Path(f"{project}{suffix}").unlink(missing_ok=True)
    durable.move_into_place(partial, project)


def encrypt_project(project: Path, passphrase: str) -> list[Path]:
    """Encrypt a plain project, and every plain rolling backup beside it, with `passphrase`.
    Returns the backups that were re-encrypted."""
    if is_encrypted(project):
        raise ProjectError(f"{project} is already encrypted; nothing was changed")
    with locking.replacing(project):
        clean_litter(project)
        _checkpoint(project)
        plain = partial_name(project)
        encrypted = partial_name(project)
        try:
            _plain_snapshot(project, plain)
            _encrypt_copy(plain, encrypted, passphrase)
            _swap_in(encrypted, project)
        finally:
            plain.unlink(missing_ok=True)
            encrypted.unlink(missing_ok=True)
    return [item for item in list_backups(project) if _encrypt_in_place(item, passphrase)]


def _plain_snapshot(project: Path, out: Path) -> None:
    """A plain copy through the standard library, so SQLCipher only ever reads the copy."""
    db = open_project(project, readonly=True)
    try:
        write_backup(db.conn, project, out)
    finally:
        db.conn.close()


def _encrypt_copy(plain: Path, out: Path, passphrase: str) -> None:
    conn = cipher_module().connect(str(plain), isolation_level=None)
    try:
        export_copy(conn, out, passphrase)
    finally:
        conn.close()
    _set_wal(out, passphrase)


def _set_wal(path: Path, passphrase: str) -> None:
    conn = (connect_encrypted(path, passphrase) if passphrase
            else sqlite3.connect(path, isolation_level=None))
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


def _encrypt_in_place(backup: Path, passphrase: str) -> bool:
    """Re-encrypt one plain backup (no one has backups open for writing)."""
    if is_encrypted(backup):
        return False
    encrypted = partial_name(backup)
    try:
        _encrypt_copy(backup, encrypted, passphrase)
        durable.move_into_place(encrypted, backup)
    finally:
        encrypted.unlink(missing_ok=True)
    return True


def decrypt_project(project: Path, passphrase: str) -> None:
    """Write an encrypted project back as a plain file. Its backups stay encrypted."""
    if not is_encrypted(project):
        raise ProjectError(f"{project} is not encrypted; nothing was changed")
    with locking.replacing(project):
        clean_litter(project)
        _checkpoint(project)
        plain = partial_name(project)
        try:
            conn = connect_encrypted(project, passphrase)
            try:
                export_copy(conn, plain, "")
            finally:
                conn.close()
            _set_wal(plain, "")
            _swap_in(plain, project)
        finally:
            plain.unlink(missing_ok=True)
