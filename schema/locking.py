"""One writer per project: a lock file beside the project, held while it is open for writing.

The lock is an flock on `<project>.lock`, so the operating system releases it when the holder
exits, even after a crash or SIGKILL: a lock can never go stale. Within one process the lock
is shared by every connection (the app opens several) and counted.
"""

from __future__ import annotations

import fcntl
import getpass
import json
import os
import platform
from pathlib import Path

from schema.errors import ProjectError
from schema.project import now

_held: dict[str, list] = {}  # resolved project path -> [file descriptor, count]


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


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def acquire(path: str | Path) -> None:
    """Take the writer lock for a project, or raise ProjectLocked saying who holds it."""
    path = Path(path).resolve()
    key = str(path)
    if key in _held:
        _held[key][1] += 1
        return
    while True:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise ProjectLocked(path, holder) from None
        if _still_linked(fd, lock_path(path)):
            break
        os.close(fd)  # the holder removed the file as we opened it: try again
    _write_holder(fd)
    _held[key] = [fd, 1]


def release(path: str | Path) -> None:
    """Give back one use of the lock; the last one removes the lock file and unlocks."""
    key = str(Path(path).resolve())
    entry = _held.get(key)
    if entry is None:
        return
    entry[1] -= 1
    if entry[1] > 0:
        return
    del _held[key]
    lock_path(Path(key)).unlink(missing_ok=True)
    os.close(entry[0])


def is_held_here(path: str | Path) -> bool:
    return str(Path(path).resolve()) in _held


def _still_linked(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == path.stat().st_ino
    except FileNotFoundError:
        return False


def _write_holder(fd: int) -> None:
    info = {"user": getpass.getuser(), "host": platform.node(), "pid": os.getpid(),
            "since": now()}
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(info).encode(), 0)


def _read_holder(fd: int) -> dict:
    try:
        return json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (ValueError, OSError):
        return {}
