"""Every connection to a project file is made, counted and closed here.

SQLite keeps a database safe across processes with POSIX advisory locks, and those locks
belong to a process and a file: closing *any* descriptor of the file drops them all, and two
SQLite libraries in one process each think they are the only one. So, per project file and
per process, this module makes sure that:

- the file's header is read with plain file I/O only while no connection to it is open here;
  later connections reuse what was read (is it encrypted, and its salt);
- one SQLite library serves it: the standard `sqlite3` for plain files, `sqlcipher3` for
  encrypted ones, and never both at once;
- a read-write connection holds the project's writer lock from before it opens until after
  it closes, and every connection holds the project's presence lock (`schema.locking`).
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from schema import locking
from schema.encryption import cipher_module, connect_encrypted, looks_encrypted
from schema.errors import ProjectDamaged, ProjectError

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass
class FileFacts:
    """What was learnt about a project file from its first bytes, before any connection."""

    encrypted: bool
    salt: bytes = b""
    connections: int = 0
    library: str = field(default="")


_live: dict[str, FileFacts] = {}
_guard = threading.RLock()


def _key(path: Path) -> str:
    return str(path.resolve())


def file_facts(path: Path, *, application_id: int) -> FileFacts:
    """The header facts of a project, read from the file only when no connection to it is
    open in this process (reading would drop the locks SQLite holds for those)."""
    with _guard:
        live = _live.get(_key(path))
        if live is not None:
            return live
        return _read_facts(path, application_id)


def open_connections(path: Path) -> int:
    """How many connections this process has open to the project."""
    live = _live.get(_key(path))
    return live.connections if live else 0


def connect(path: Path, *, readonly: bool, passphrase: str | None,
            application_id: int):
    """A tracked connection (autocommit; transactions are always explicit)."""
    with _guard:
        facts = file_facts(path, application_id=application_id)
        _take_locks(path, readonly)
        try:
            conn = _open(path, facts, readonly=readonly, passphrase=passphrase)
        except BaseException:
            _drop_locks(path, readonly)
            raise
        conn.bind(_key(path), readonly)
        registered = _live.setdefault(_key(path), facts)
        registered.connections += 1
        registered.library = type(conn).__module__
        return conn


def _open(path: Path, facts: FileFacts, *, readonly: bool, passphrase: str | None):
    if facts.encrypted:
        if not passphrase:
            raise ProjectError(f"{path} is encrypted: give its passphrase.")
        return connect_encrypted(path, passphrase, readonly=readonly, salt=facts.salt,
                                 factory=_cipher_factory())
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                           factory=TrackedConnection)


def _take_locks(path: Path, readonly: bool) -> None:
    if readonly:
        locking.enter(path)
    else:
        locking.acquire(path)


def _drop_locks(path: Path, readonly: bool) -> None:
    if readonly:
        locking.leave(path)
    else:
        locking.release(path)


def _closed(key: str, readonly: bool) -> None:
    with _guard:
        facts = _live.get(key)
        if facts is not None:
            facts.connections -= 1
            if facts.connections <= 0:
                del _live[key]
        _drop_locks(Path(key), readonly)


class _Tracking:
    """Mixed into both libraries' connection classes: closing releases the locks once."""

    _tracked_key: str | None = None
    _tracked_readonly = True

    def bind(self, key: str, readonly: bool) -> None:
        self._tracked_key, self._tracked_readonly = key, readonly

    def close(self) -> None:
        super().close()
        key, self._tracked_key = self._tracked_key, None
        if key is not None:
            _closed(key, self._tracked_readonly)


class TrackedConnection(_Tracking, sqlite3.Connection):
    """A standard-library connection to a plain project."""


_cipher_class = None


def _cipher_factory():
    global _cipher_class
    if _cipher_class is None:
        _cipher_class = type("TrackedCipherConnection", (_Tracking, cipher_module().Connection),
                             {"__doc__": "An SQLCipher connection to an encrypted project."})
    return _cipher_class


def _read_facts(path: Path, application_id: int) -> FileFacts:
    """Check the file before any connection to it, saying plainly what is wrong with it."""
    header = _read_header(path)
    size = path.stat().st_size
    if not header.startswith(SQLITE_MAGIC):
        if looks_encrypted(size) and not _looks_like_text(header):
            return FileFacts(encrypted=True, salt=header[:16])
        raise ProjectError(f"{path} is not a Casecoder project (it is not an SQLite "
                           f"database). Check the path, or create a project with 'new'.")
    if len(header) < HEADER_SIZE:
        raise ProjectDamaged(f"{path} is truncated: only {size} bytes remain.", path)
    if int.from_bytes(header[68:72], "big") != application_id:
        raise ProjectError(f"{path} is an SQLite database but not a Casecoder project.")
    return FileFacts(encrypted=False)


def _read_header(path: Path) -> bytes:
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a Casecoder project file. Choose the "
                           f".casecoder file inside it.")
    if not path.exists():
        raise ProjectError(f"{path} does not exist. Create it with 'new', or check the path.")
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except PermissionError:
        raise ProjectError(f"{path} cannot be read: you do not have permission. Ask whoever "
                           f"manages the folder for access.") from None
    if not header:
        raise ProjectError(f"{path} is empty: it is not a Casecoder project.")
    return header


def _looks_like_text(header: bytes) -> bool:
    """Encrypted pages are uniformly random; junk that is mostly one byte or printable text
    (zeros, a log, a CSV) is not an encrypted project."""
    distinct = len(set(header))
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in header)
    return distinct < 40 or printable > 0.9 * len(header)
