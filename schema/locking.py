"""Who may touch a project: one writer at a time, and no file swap under anyone's feet.

Each project has a lock file beside it, `<project>.lock`, holding two one-byte locks:

- the *writer* byte, held exclusively for as long as a connection may write to the project;
- the *presence* byte, held shared by every Casecoder process with a connection open to the
  project (read-only ones too), and exclusively by a command that replaces the whole file
  (`encrypt`, `decrypt`, `restore`). Replacing the file, and removing its `-wal` and `-shm`,
  is therefore only ever done when no other Casecoder has the project open.

The locks are the operating system's, so they vanish when the holder exits, even after a
crash or SIGKILL: a lock can never go stale. A process holds one descriptor per lock file and
counts its uses, because closing any descriptor of a file drops all of a process's POSIX
locks on it. The lock file is removed by the last user, when no one else holds either byte.

The platform part (POSIX record locks, or Windows byte-range locks) lives in `_os_locks`.
"""

from __future__ import annotations

import getpass
import json
import os
import platform
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from schema import _os_locks
from schema.errors import ProjectError

WRITER, PRESENCE = 0, 1  # byte offsets in the lock file


class ProjectLocked(ProjectError):
    """Another Casecoder is writing to the project."""

    def __init__(self, path: Path, holder: dict) -> None:
        self.holder = holder
        who = holder.get("user", "someone")
        where = holder.get("host", "another computer")
        since = holder.get("since", "")[:16].replace("T", " ")
        super().__init__(
            f"{path} is already open in another Casecoder ({who} on {where}, since {since} "
            f"UTC). Close it there first, or open it read-only.")


class ProjectInUse(ProjectError):
    """The project is open somewhere, so its file cannot be replaced now (or, while another
    Casecoder is replacing it, it cannot be opened)."""


@dataclass
class _LockFile:
    fd: int
    writers: int = 0
    users: int = 0
    replacing: bool = False


_held: dict[str, _LockFile] = {}  # resolved project path -> this process's lock state
_guard = threading.RLock()


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _key(path: str | Path) -> str:
    return str(Path(path).resolve())


def acquire(path: str | Path) -> None:
    """Take the writer lock (and presence) for a project, or raise ProjectLocked saying who
    holds it. Uses within one process are counted; each needs a `release`."""
    with _guard:
        try:
            entry = _enter(Path(path), write=True)
        except OSError as exc:
            raise ProjectError(_unwritable(Path(path), exc)) from None
        if entry.writers == 0:
            if not _os_locks.try_lock(entry.fd, WRITER, exclusive=True):
                holder = _read_holder(entry.fd)
                _leave(_key(path))
                raise ProjectLocked(Path(path).resolve(), holder)
            _write_holder(entry.fd)
        entry.writers += 1


def release(path: str | Path) -> None:
    """Give back one use of the writer lock; the last one unlocks it."""
    with _guard:
        entry = _held.get(_key(path))
        if entry is None or entry.writers == 0:
            return
        entry.writers -= 1
        if entry.writers == 0:
            _os_locks.unlock(entry.fd, WRITER)
        _leave(_key(path))


def enter(path: str | Path) -> bool:
    """Mark this process as having the project open (for reading at least). Returns False
    when no lock file can be made (a read-only folder): then nothing can replace the file
    either, since replacing needs to write the folder."""
    with _guard:
        try:
            _enter(Path(path), write=False)
        except OSError:
            return False
        return True


def leave(path: str | Path) -> None:
    with _guard:
        _leave(_key(path))


def is_held_here(path: str | Path) -> bool:
    """True while this process holds the project's writer lock."""
    entry = _held.get(_key(path))
    return entry is not None and entry.writers > 0


@contextmanager
def replacing(path: str | Path, *, open_here: int = 0) -> Iterator[None]:
    """Hold the writer lock and the only presence, so the project file may be replaced.

    Refuses with ProjectLocked or ProjectInUse, changing nothing, when another Casecoder has
    the project open, or when this process has more than `open_here` connections to it."""
    path = Path(path)
    acquire(path)
    try:
        with _guard:
            entry = _held[_key(path)]
            if entry.users - 1 > open_here or not _os_locks.try_lock(
                    entry.fd, PRESENCE, exclusive=True):
                raise ProjectInUse(f"{path} is open in another Casecoder window or command "
                                   f"(perhaps read-only). Close it there, then try again.")
            entry.replacing = True
        try:
            yield
        finally:
            with _guard:
                entry.replacing = False
                _os_locks.try_lock(entry.fd, PRESENCE, exclusive=False)
    finally:
        release(path)


def _enter(path: Path, *, write: bool) -> _LockFile:
    key = _key(path)
    entry = _held.get(key)
    if entry is None:
        entry = _held[key] = _LockFile(_open_lock_file(lock_path(Path(key)), write=write))
    entry.users += 1
    return entry


def _leave(key: str) -> None:
    entry = _held.get(key)
    if entry is None:
        return
    entry.users -= 1
    if entry.users > 0:
        return
    del _held[key]
    alone = _os_locks.try_lock(entry.fd, WRITER, exclusive=True, length=2)
    if alone and _still_linked(entry.fd, lock_path(Path(key))):
        lock_path(Path(key)).unlink(missing_ok=True)
    os.close(entry.fd)


def _open_lock_file(path: Path, *, write: bool) -> int:
    """A descriptor of the lock file at `path`, made if need be, with presence taken on it.

    The last user removes the file only while holding both bytes exclusively, so a file that
    is still at `path` once presence is ours will stay there until we leave."""
    while True:
        fd = _open_or_make(path, write=write)
        if not _os_locks.wait_lock(fd, PRESENCE, exclusive=False, seconds=10.0):
            os.close(fd)
            raise ProjectInUse(f"{path.with_suffix('')} is being replaced by another "
                               f"Casecoder (encrypt, decrypt or restore). Try again when it "
                               f"has finished.")
        if _still_linked(fd, path):
            return fd
        os.close(fd)


def _unwritable(path: Path, exc: OSError) -> str:
    return (f"cannot write beside {path}: its folder is read-only ({exc.strerror}). Copy the "
            f"project to a folder you can write to, or open it read-only.")


def _open_or_make(path: Path, *, write: bool) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        if write or not path.exists():
            raise
        return os.open(path, os.O_RDONLY)


def _still_linked(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == path.stat().st_ino
    except FileNotFoundError:
        return False


def _write_holder(fd: int) -> None:
    info = {"user": getpass.getuser(), "host": platform.node(), "pid": os.getpid(),
            "since": datetime.now(UTC).isoformat(timespec="seconds")}
    data = json.dumps(info).encode()
    os.ftruncate(fd, 0)
    _os_locks.write_at(fd, data, 0)


def _read_holder(fd: int) -> dict:
    try:
        return json.loads(_os_locks.read_at(fd, 4096, 0) or b"{}")
    except (ValueError, OSError):
        return {}
