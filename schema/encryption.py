"""Encryption at rest with SQLCipher 4 (the sqlcipher3 package).

A passphrase is never written anywhere: it lives only in this process's memory (so the
several connections the app opens do not each ask for it), or comes from the
CASECODER_PASSPHRASE environment variable for scripts. Converting a project between plain and
encrypted is schema.file_swap's job.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from schema.errors import ProjectError

PASSPHRASE_ENV = "CASECODER_PASSPHRASE"
WRONG_PASSPHRASE = "wrong passphrase or not a Casecoder project"
_remembered: dict[str, str] = {}
_derived_keys: dict[tuple[str, bytes], str] = {}  # (passphrase, file salt) -> raw key, memory only
KDF_ITERATIONS = 256_000  # SQLCipher 4's default: PBKDF2-HMAC-SHA512

# What reading a damaged database can raise: the drivers' errors, and UnicodeDecodeError when
# corrupted bytes land in text SQLite hands back (the schema itself, for instance).
try:
    import sqlcipher3 as _sqlcipher
    DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, _sqlcipher.Error,
                                                  UnicodeDecodeError)
except ImportError:  # pragma: no cover - the dependency is declared; this guards odd installs
    _sqlcipher = None
    DRIVER_ERRORS = (sqlite3.Error, UnicodeDecodeError)


class PassphraseRequired(ProjectError):
    """The project is encrypted and no passphrase was given."""


def _key(path: Path) -> str:
    return str(path.resolve())


def remember_passphrase(path: str | Path, passphrase: str) -> None:
    """Keep a passphrase in memory for this process, for later connections to the project."""
    _remembered[_key(Path(path))] = passphrase


def forget_passphrase(path: str | Path) -> None:
    _remembered.pop(_key(Path(path)), None)


def passphrase_for(path: str | Path) -> str | None:
    return _remembered.get(_key(Path(path))) or os.environ.get(PASSPHRASE_ENV) or None


MIN_ENCRYPTED_SIZE = 16 * 1024  # the smallest encrypted project has well over 16 pages


def looks_encrypted(size: int) -> bool:
    """SQLCipher files are whole pages of random bytes, and a project's schema alone fills
    many pages; a short or oddly sized file is not one."""
    return size >= MIN_ENCRYPTED_SIZE and size % 1024 == 0


def cipher_module():
    """The sqlcipher3 module (for its Connection class), or a clear error if missing."""
    require_driver()
    return _sqlcipher


def require_driver() -> None:
    if _sqlcipher is None:
        raise ProjectError("encryption needs the sqlcipher3 package; reinstall Casecoder "
                           "with its dependencies (make run does this)")


def connect_encrypted(path: Path, passphrase: str, *, readonly: bool = False,
                      create: bool = False, salt: bytes | None = None, factory=None):
    """Open (or create) an encrypted database; raise ProjectError on a wrong passphrase.

    `salt` is the file's first 16 bytes when the caller has them (schema.connections reads
    them once); otherwise they are read here, which is only safe for a file this process
    has no connection to."""
    require_driver()
    mode = "rwc" if create else ("ro" if readonly else "rw")
    extra = {"factory": factory} if factory is not None else {}
    conn = _sqlcipher.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True,
                              isolation_level=None, check_same_thread=False, **extra)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {_key_literal(path, passphrase, create, salt)}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _sqlcipher.DatabaseError:
        conn.close()
        raise ProjectError(f"{path}: {WRONG_PASSPHRASE}. Nothing was changed.") from None
    return conn


def _key_literal(path: Path, passphrase: str, create: bool, salt: bytes | None) -> str:
    """The PRAGMA key argument. For an existing file, the key SQLCipher would derive from the
    passphrase and the file's salt is derived once per process and then given raw, so the
    app's several connections do not each pay the deliberately slow derivation."""
    if create:
        return _quote(passphrase)
    if salt is None:
        with path.open("rb") as handle:
            salt = handle.read(16)
    cache_key = (passphrase, salt)
    if cache_key not in _derived_keys:
        raw = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS,
                                  32)
        _derived_keys[cache_key] = raw.hex()
    return f"\"x'{_derived_keys[cache_key]}'\""


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def export_copy(conn, target: Path, passphrase: str) -> None:
    """Write the whole database behind `conn` into the new file `target` with SQLCipher's
    export, encrypted with `passphrase` ("" writes a plain file), keeping the application id
    and schema version that mark it as a Casecoder project."""
    header = [conn.execute(f"PRAGMA {p}").fetchone()[0]
              for p in ("application_id", "user_version")]
    conn.execute(f"ATTACH DATABASE ? AS exported KEY {_quote(passphrase)}", [str(target)])
    try:
        conn.execute("SELECT sqlcipher_export('exported')")
        conn.execute(f"PRAGMA exported.application_id = {int(header[0])}")
        conn.execute(f"PRAGMA exported.user_version = {int(header[1])}")
    finally:
        conn.execute("DETACH DATABASE exported")
