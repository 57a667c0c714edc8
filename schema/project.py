"""Opening and creating project files. Every path into a project goes through here.

`connect` is the single place a connection is made, so encryption can wrap it later without
touching callers. Opening checks, in order, that the file exists, is an SQLite database, is a
Casecoder project, and is not from a newer version, and says which of these failed.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from schema import connections
from schema.codebook_model import Codebook
from schema.durable import move_into_place, partial_name
from schema.encryption import (
    DRIVER_ERRORS,
    PassphraseRequired,
    connect_encrypted,
    passphrase_for,
    remember_passphrase,
)
from schema.errors import ProjectDamaged, ProjectError
from schema.migrations import latest_version, migrate
from schema.section_views import refresh_if_stale

APPLICATION_ID = 0x43434431  # "CCD1": marks a file as a Casecoder project
PROJECT_SUFFIX = ".casecoder"


def now() -> str:
    """Timestamps are UTC ISO 8601 with microseconds, so they sort and merge across sites."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    return str(uuid.uuid4())


def connect(path: Path, *, readonly: bool = False,
            passphrase: str | None = None) -> sqlite3.Connection:
    """Open a tracked connection (see schema.connections), through SQLCipher when the file is
    encrypted. A read-write connection holds the writer lock until it is closed."""
    conn = connections.connect(path, readonly=readonly, passphrase=passphrase,
                               application_id=APPLICATION_ID)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _damaged(path: Path, exc: Exception) -> ProjectDamaged:
    from schema.backup import newest_good_backup  # backups are opened through this module

    backup = newest_good_backup(path)
    fix = (f"Restore backup {backup.name} with: casecoder restore {path} --newest" if backup
           else "There is no good backup; run 'check' to list what is wrong.")
    return ProjectDamaged(f"{path} is damaged ({_short(exc)}). {fix}", path, backup)


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def is_encrypted(path: str | Path) -> bool:
    """True for an existing file that looks like an encrypted project (raises if unusable)."""
    return connections.file_facts(Path(path), application_id=APPLICATION_ID).encrypted


def _check_application_id(conn: sqlite3.Connection, path: Path) -> None:
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        raise ProjectError(f"{path}: wrong passphrase or not a Casecoder project.")


def _check_version(conn: sqlite3.Connection, path: Path) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > latest_version():
        raise ProjectError(
            f"{path} was made by a newer Casecoder (schema version {version}; this version "
            f"reads up to {latest_version()}). Update Casecoder to open it.")
    return version


def _check_writable(path: Path) -> None:
    if not os.access(path, os.W_OK):
        raise ProjectError(f"{path} cannot be changed: the file is read-only (its permissions "
                           f"or attributes forbid writing). Open it read-only, or make it "
                           f"writable.")


def open_project(path: str | Path, *, readonly: bool = False,
                 passphrase: str | None = None) -> sqlite_utils.Database:
    """Open an existing project, bringing its schema up to date unless read-only.

    Read-only opening never writes to the file, so `info` and `check` change nothing. An
    encrypted project needs its passphrase: given here, remembered earlier in this process, or
    in CASECODER_PASSPHRASE. Opening for writing takes the writer lock first.
    """
    path = Path(path)
    encrypted = is_encrypted(path)
    if encrypted:
        passphrase = passphrase or passphrase_for(path)
        if not passphrase:
            raise PassphraseRequired(f"{path} is encrypted (or is not a Casecoder project): "
                                     f"give its passphrase.")
    if not readonly:
        _check_writable(path)
    try:
        conn = connect(path, readonly=readonly, passphrase=passphrase if encrypted else None)
    except DRIVER_ERRORS as exc:
        raise _cannot_open(path, exc) from None
    try:
        _check_opened(conn, path, encrypted=encrypted, readonly=readonly)
    except BaseException:
        conn.close()
        raise
    if encrypted:
        remember_passphrase(path, passphrase)
    return sqlite_utils.Database(conn)


def _check_opened(conn, path: Path, *, encrypted: bool, readonly: bool) -> None:
    try:
        if encrypted:
            _check_application_id(conn, path)
        _check_version(conn, path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not readonly:
            migrate(conn)
            refresh_if_stale(conn)  # the section views follow the active codebook
        conn.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()
    except DRIVER_ERRORS as exc:
        raise _cannot_open(path, exc) from None


def _cannot_open(path: Path, exc: Exception) -> ProjectError:
    """Tell a file the user cannot write (or whose folder is read-only) from a damaged one."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ProjectError(f"{path} cannot be opened for changes: the file or its folder is "
                            f"read-only ({_short(exc)}). Open it read-only, or copy it to a "
                            f"folder you can write to.")
    return _damaged(path, exc)


def create_project(path: str | Path, *, site: str, coder: str, codebook: Codebook,
                   passphrase: str | None = None) -> sqlite_utils.Database:
    """Create a new project file holding the given codebook. Refuses to touch an existing file.

    With a passphrase the file is encrypted with SQLCipher from its first byte.

    The file is built under a temporary name and moved into place, so a failure part-way
    never leaves a half-made project at `path`.
    """
    path = Path(path)
    if path.exists():
        raise ProjectError(f"{path} already exists; it was left untouched. Choose a new name.")
    if not path.parent.exists():
        raise ProjectError(f"the folder {path.parent} does not exist.")
    partial = partial_name(path)
    try:
        conn = (connect_encrypted(partial, passphrase, create=True) if passphrase
                else sqlite3.connect(partial, isolation_level=None))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate(conn)
        _write_initial_rows(conn, site=site, coder=coder, codebook=codebook)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
        move_into_place(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return open_project(path, passphrase=passphrase)


def _write_initial_rows(conn: sqlite3.Connection, *, site: str, coder: str,
                        codebook: Codebook) -> None:
    stamp = now()
    conn.execute("BEGIN IMMEDIATE")
    meta = {"database_id": new_id(), "site": site, "created_at": stamp, "created_by": coder,
            "codebook_key": codebook.key}
    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
    conn.execute(
        "INSERT INTO codebooks (key, codebook_id, version, sha256, yaml_text, stored_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (codebook.key, codebook.id, codebook.version, codebook.sha256, codebook.source_text,
         stamp))
    conn.execute("COMMIT")


def read_meta(db: sqlite_utils.Database) -> dict[str, str]:
    return {row[0]: row[1] for row in db.execute("SELECT key, value FROM meta")}
