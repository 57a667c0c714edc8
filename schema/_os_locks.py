"""Byte-range locks on an open file descriptor, shared or exclusive, never blocking for long.

POSIX record locks (`fcntl.lockf`) on Linux and macOS; `LockFileEx` on Windows. Both are
released by the operating system when the process ends. On POSIX a process's locks on a file
are dropped when it closes *any* descriptor of that file, which is why `schema.locking` keeps
exactly one descriptor per lock file.
"""

from __future__ import annotations

import os
import sys
import time

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    _LOCKFILE_FAIL_IMMEDIATELY, _LOCKFILE_EXCLUSIVE_LOCK = 0x1, 0x2

    class _Overlapped(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                    ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD),
                    ("hEvent", wintypes.HANDLE)]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

    def _windows_lock(fd: int, start: int, length: int, exclusive: bool) -> bool:
        flags = _LOCKFILE_FAIL_IMMEDIATELY | (_LOCKFILE_EXCLUSIVE_LOCK if exclusive else 0)
        overlapped = _Overlapped(Offset=start)
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        return bool(_kernel32.LockFileEx(handle, flags, 0, length, 0,
                                         ctypes.byref(overlapped)))

    def _windows_unlock(fd: int, start: int, length: int) -> None:
        overlapped = _Overlapped(Offset=start)
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        _kernel32.UnlockFileEx(handle, 0, length, 0, ctypes.byref(overlapped))
    def _windows_convert(fd: int, start: int, length: int, exclusive: bool) -> bool:
        """Windows stacks locks rather than converting them: to turn our shared lock into an
        exclusive one, drop it and try; if that fails, take the shared one back."""
        if _windows_lock(fd, start, length, exclusive):
            return True
        if not exclusive:
            return False
        _windows_unlock(fd, start, length)
        if _windows_lock(fd, start, length, True):
            return True
        _windows_lock(fd, start, length, False)
        return False
else:
    import fcntl


def try_lock(fd: int, start: int, *, exclusive: bool, length: int = 1) -> bool:
    """Take (or convert) a lock on `length` bytes from `start`; False if someone else holds
    a conflicting one."""
    if sys.platform == "win32":  # pragma: no cover
        return _windows_convert(fd, start, length, exclusive)
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    try:
        fcntl.lockf(fd, mode | fcntl.LOCK_NB, length, start, os.SEEK_SET)
    except OSError:  # EAGAIN or EACCES: held elsewhere
        return False
    return True


def wait_lock(fd: int, start: int, *, exclusive: bool, seconds: float) -> bool:
    """Like `try_lock`, retrying for up to `seconds` (a file replacement is brief)."""
    deadline = time.monotonic() + seconds
    while not try_lock(fd, start, exclusive=exclusive):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True


def unlock(fd: int, start: int, length: int = 1) -> None:
    if sys.platform == "win32":  # pragma: no cover
        _windows_unlock(fd, start, length)
        return
    fcntl.lockf(fd, fcntl.LOCK_UN, length, start, os.SEEK_SET)


def write_at(fd: int, data: bytes, offset: int) -> None:
    os.lseek(fd, offset, os.SEEK_SET)
    os.write(fd, data)


def read_at(fd: int, size: int, offset: int) -> bytes:
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)
