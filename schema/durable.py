"""Writing a whole file safely: build it under a hidden temporary name beside its target,
make it durable, move it into place in one step, and clear what a killed build left.

Used by backups, `restore`/`encrypt`/`decrypt`, merges into a new file and new projects.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from pathlib import Path

SIDE_FILES = ("-journal", "-wal", "-shm")


def partial_name(target: Path) -> Path:
    """The hidden name a file is built under before it is moved to `target`."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows cannot open a folder for fsync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def move_into_place(partial: Path, target: Path) -> None:
    """Make the finished `partial` durable and put it at `target` atomically."""
    fsync_file(partial)
    os.replace(partial, target)
    fsync_folder(target.parent)


def clean_litter(target: Path, *, min_age: float = 0.0) -> list[Path]:
    """Remove the hidden partials killed builds of `target` left beside it (with their
    journals and lock files, and the partials `create_project` makes of them), untouched for
    `min_age` seconds. Call only while holding `target`'s writer lock."""
    name = re.escape(target.name)
    pattern = re.compile(rf"\.{{1,2}}{name}\.[0-9a-f]{{8}}\.partial"
                         rf"(\.[0-9a-f]{{8}}\.partial)?(-journal|-wal|-shm|\.lock)?"
                         rf"|\.{name}\.restoring")
    cutoff = time.time() - min_age
    removed = []
    for path in target.parent.iterdir() if target.parent.is_dir() else []:
        if pattern.fullmatch(path.name) and path.is_file() and path.stat().st_mtime <= cutoff:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
