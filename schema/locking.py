"""Who may touch a project: one writer at a time, and no file swap under anyone's feet.

Each project has a lock file beside it, `<project>.lock`. Its first bytes are locks:

- byte 0, the *writer* lock, held for as long as a connection may write to the project;
- byte 1, the *gate*, held briefly by a process arriving (while it takes a slot) and for the
  whole of a file replacement (`encrypt`, `decrypt`, `restore`), so nobody arrives meanwhile;
- bytes 2 to 65, *presence* slots: every Casecoder process with a connection open to the
  project (read-only ones too) holds one. A replacement needs every other slot free, so the
  whole file, with its `-wal` and `-shm`, is only ever replaced when no other Casecoder has
  the project open.

All are exclusive locks held by the operating system (see `_os_locks`), so they vanish when
the holder exits, even after a crash or SIGKILL: a lock can never go stale. A process holds
one descriptor per lock file and counts its uses, because closing any descriptor of a file
drops all of a process's POSIX locks on it. The holder's name is written at byte 4096, clear
of the locked bytes (Windows forbids reading those). The lock file is removed by the last
user, when no one else holds any of its bytes.
"""

from __future__ import annotations

import contextlib
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

WRITER, GATE, FIRST_SLOT, SLOTS = 0, 1, 2, 64  # byte offsets and slot count in the lock file
HOLDER_AT = 4096  # where the writer's name is kept
ARRIVAL_WAIT = 10.0  # seconds a newcomer waits at the gate while a replacement runs


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
    slot: int
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
            entry = _enter(Path(path))
        except OSError as exc:
            raise ProjectError(_unwritable(Path(path), exc)) from None
        if entry.writers == 0:
            if not _os_locks.try_lock(entry.fd, WRITER):
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
            _enter(Path(path))
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
    """Hold the writer lock, the gate and every presence slot, so the project file may be
    replaced. Refuses with ProjectLocked or ProjectInUse, changing nothing, when another
    Casecoder has the project open, or this process has more than `open_here` uses of it."""
    path = Path(path)
    acquire(path)
    try:
        with _guard:
            entry = _held[_key(path)]
            if entry.users - 1 > open_here or not _take_all(entry):
                raise ProjectInUse(f"{path} is open in another Casecoder window or command "
                                   f"(perhaps read-only). Close it there, then try again.")
            entry.replacing = True
        try:
            yield
        finally:
            with _guard:
                entry.replacing = False
                _give_all_back(entry)
    finally:
        release(path)


def _other_slots(entry: _LockFile) -> list[int]:
    return [FIRST_SLOT + i for i in range(SLOTS) if FIRST_SLOT + i != entry.slot]


def _take_all(entry: _LockFile) -> bool:
    """The gate and every other slot, or none of them."""
    if not _os_locks.wait_lock(entry.fd, GATE, seconds=ARRIVAL_WAIT):
        return False
    taken: list[int] = []
    for byte in _other_slots(entry):
        if not _os_locks.try_lock(entry.fd, byte):
            for held in taken:
                _os_locks.unlock(entry.fd, held)
            _os_locks.unlock(entry.fd, GATE)
            return False
        taken.append(byte)
    return True


def _give_all_back(entry: _LockFile) -> None:
    for byte in _other_slots(entry):
        _os_locks.unlock(entry.fd, byte)
    _os_locks.unlock(entry.fd, GATE)


def _enter(path: Path) -> _LockFile:
    key = _key(path)
    entry = _held.get(key)
    if entry is None:
        fd, slot = _open_lock_file(lock_path(Path(key)))
        entry = _held[key] = _LockFile(fd, slot)
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
    path = lock_path(Path(key))
    alone = (_os_locks.try_lock(entry.fd, WRITER) and _os_locks.try_lock(entry.fd, GATE)
             and _take_all_slots(entry))
    if alone and not _os_locks.WINDOWS and _still_linked(entry.fd, path):
        path.unlink(missing_ok=True)  # while every byte is ours, so nobody is mid-arrival
    os.close(entry.fd)
    if alone and _os_locks.WINDOWS:  # pragma: no cover - Windows cannot remove an open file
        with contextlib.suppress(OSError):
            path.unlink()


def _take_all_slots(entry: _LockFile) -> bool:
    return all(_os_locks.try_lock(entry.fd, byte) for byte in _other_slots(entry))


def _open_lock_file(path: Path) -> tuple[int, int]:
    """A descriptor of the lock file at `path`, made if need be, and the presence slot taken
    on it. The last user removes the file only while holding every byte, so a file that is
    still at `path` once a slot is ours stays there until we leave."""
    while True:
        fd = _open_or_make(path)
        if not _os_locks.wait_lock(fd, GATE, seconds=ARRIVAL_WAIT):
            os.close(fd)
            raise ProjectInUse(f"{path.with_suffix('')} is being replaced by another "
                               f"Casecoder (encrypt, decrypt or restore). Try again when it "
                               f"has finished.")
        slot = next((FIRST_SLOT + i for i in range(SLOTS)
                     if _os_locks.try_lock(fd, FIRST_SLOT + i)), None)
        _os_locks.unlock(fd, GATE)
        if slot is None:
            os.close(fd)
            raise ProjectInUse(f"{path.with_suffix('')} is open in {SLOTS} Casecoder "
                               f"processes already; close some of them.")
        if _still_linked(fd, path):
            return fd, slot
        os.close(fd)


def _unwritable(path: Path, exc: OSError) -> str:
    return (f"cannot write beside {path}: its folder is read-only ({exc.strerror}). Copy the "
            f"project to a folder you can write to, or open it read-only.")


def _open_or_make(path: Path) -> int:
    """Locks need a descriptor open for writing; a reader that cannot have one goes without
    (enter returns False), which is safe: nobody can replace a file in a read-only folder."""
    return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)


def _still_linked(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == path.stat().st_ino
    except FileNotFoundError:
        return False


def _write_holder(fd: int) -> None:
    info = {"user": login_name(), "host": platform.node(), "pid": os.getpid(),
            "since": datetime.now(UTC).isoformat(timespec="seconds")}
    data = json.dumps(info).encode()
    os.ftruncate(fd, HOLDER_AT)
    _os_locks.write_at(fd, data, HOLDER_AT)


def login_name() -> str:
    """The login name, from the environment (Windows sets USERNAME) or the user database."""
    try:
        return getpass.getuser()
    except (ImportError, KeyError, OSError):  # no pwd module, or no entry for this user
        return "unknown"


def _read_holder(fd: int) -> dict:
    try:
        return json.loads(_os_locks.read_at(fd, 4096, HOLDER_AT) or b"{}")
    except (ValueError, OSError):
        return {}
