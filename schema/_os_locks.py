"""Exclusive byte-range locks on an open file descriptor, from the standard library only.

`os.lockf` (POSIX record locks) on Linux and macOS, `msvcrt.locking` on Windows: both are
held by the operating system and released when the process ends, however it ends. Neither
needs `fcntl`. Only exclusive locks are used, so both behave alike; `schema.locking` builds
its shared "presence" out of one exclusive byte per process.

On POSIX a process's record locks on a file are dropped when it closes *any* descriptor of
that file, and locks never conflict within one process; `schema.locking` keeps exactly one
descriptor per lock file and counts uses itself.
"""

from __future__ import annotations

import os
import sys
import time

WINDOWS = sys.platform == "win32"

if WINDOWS:  # pragma: no cover - exercised on Windows only
    import msvcrt


def try_lock(fd: int, start: int, length: int = 1) -> bool:
    """Lock `length` bytes from `start` exclusively; False at once if someone else holds any
    of them."""
    os.lseek(fd, start, os.SEEK_SET)
    try:
        if WINDOWS:  # pragma: no cover
            msvcrt.locking(fd, msvcrt.LK_NBLCK, length)
        else:
            os.lockf(fd, os.F_TLOCK, length)
    except OSError:  # EAGAIN, EACCES, or Windows' "permission denied": held elsewhere
        return False
    return True


def wait_lock(fd: int, start: int, *, seconds: float) -> bool:
    """Like `try_lock` on one byte, retrying for up to `seconds`."""
    deadline = time.monotonic() + seconds
    while not try_lock(fd, start):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True


def unlock(fd: int, start: int, length: int = 1) -> None:
    os.lseek(fd, start, os.SEEK_SET)
    if WINDOWS:  # pragma: no cover
        msvcrt.locking(fd, msvcrt.LK_UNLCK, length)
    else:
        os.lockf(fd, os.F_ULOCK, length)


def write_at(fd: int, data: bytes, offset: int) -> None:
    os.lseek(fd, offset, os.SEEK_SET)
    os.write(fd, data)


def read_at(fd: int, size: int, offset: int) -> bytes:
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)
