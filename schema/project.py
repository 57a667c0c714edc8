"""Opening and creating project files. Every path into a project goes through here.

`connect` is the single place a connection is made, so encryption can wrap it later without
touching callers. Opening checks, in order, that the file exists, is an SQLite database, is a
Casecoder project, and is not from a newer version, and says which of these failed.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from schema.codebook_model import Codebook
from schema.encryption import (
    DRIVER_ERRORS,
    PassphraseRequired,
    connect_encrypted,
    looks_encrypted,
    passphrase_for,
    remember_passphrase,
)
from schema.errors import ProjectError
from schema.migrations import latest_version, migrate

APPLICATION_ID = 0x43434431  # "CCD1": marks a file as a Casecoder project
SQLITE_MAGIC = b"SQLite format 3\x00"
PROJECT_SUFFIX = ".casecoder"


def now() -> str:
    """Timestamps are UTC ISO 8601 with microseconds, so they sort and merge across sites."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    return str(uuid.uuid4())


def connect(path: Path, *, readonly: bool = False,
            passphrase: str | None = None) -> sqlite3.Connection:
    """Open a connection in autocommit mode (transactions are always explicit), through
    SQLCipher when a passphrase is given."""
    if passphrase:
        conn = connect_encrypted(path, passphrase, readonly=readonly)
    else:
        uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _damaged(path: Path, exc: Exception) -> ProjectError:
    return ProjectError(f"{path} is damaged ({exc}). Restore it from a backup, or run "
                        f"'check' to list what is wrong.")


def _check_header(path: Path) -> bool:
    """Check the file before opening it; return True when it looks encrypted."""
    if not path.exists():
        raise ProjectError(f"{path} does not exist. Create it with 'new', or check the path.")
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a Casecoder project file.")
    size = path.stat().st_size
    if size == 0:
        raise ProjectError(f"{path} is empty: it is not a Casecoder project.")
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_MAGIC):
        if looks_encrypted(size):
            return True
        raise ProjectError(f"{path} is not a Casecoder project (it is not an SQLite database).")
    if len(header) < 100:
        raise ProjectError(f"{path} is truncated: only {size} bytes remain. Restore it from a "
                           f"backup.")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise ProjectError(f"{path} is an SQLite database but not a Casecoder project.")
    return False


def is_encrypted(path: str | Path) -> bool:
    """True for an existing file that looks like an encrypted project (raises if unusable)."""
    return _check_header(Path(path))


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


def open_project(path: str | Path, *, readonly: bool = False,
                 passphrase: str | None = None) -> sqlite_utils.Database:
    """Open an existing project, bringing its schema up to date unless read-only.

    Read-only opening never writes to the file, so `info` and `check` change nothing. An
    encrypted project needs its passphrase: given here, remembered earlier in this process, or
    in CASECODER_PASSPHRASE.
    """
    path = Path(path)
    encrypted = _check_header(path)
    if encrypted:
        passphrase = passphrase or passphrase_for(path)
        if not passphrase:
            raise PassphraseRequired(f"{path} is encrypted (or is not a Casecoder project): "
                                     f"give its passphrase.")
    try:
        conn = connect(path, readonly=readonly, passphrase=passphrase if encrypted else None)
    except DRIVER_ERRORS as exc:
        raise ProjectError(f"cannot open {path}: {exc}") from None
    try:
        if encrypted:
            _check_application_id(conn, path)
            remember_passphrase(path, passphrase)
        _check_version(conn, path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not readonly:
            migrate(conn)
        conn.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()
    except ProjectError:
        conn.close()
        raise
    except DRIVER_ERRORS as exc:
        conn.close()
        raise _damaged(path, exc) from None
    return sqlite_utils.Database(conn)


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
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        conn = (connect_encrypted(partial, passphrase, create=True) if passphrase
                else sqlite3.connect(partial, isolation_level=None))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate(conn)
        _write_initial_rows(conn, site=site, coder=coder, codebook=codebook)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
        partial.rename(path)
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
