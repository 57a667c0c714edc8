"""A new merge target is built under a hidden temporary name beside it and moved into place
only when whole.

While it is being built the target's name holds nothing, so a merge that is killed (SIGKILL,
power cut) or fails leaves either no target or the finished one: never an empty project or a
project with a hot journal. The temporary file is named like `create_project` names its own,
`.{name}.{8 hex}.partial`. What a killed merge leaves behind (that file, its journal, the one
`create_project` was making) is removed by a later merge into the same target, under the
target's writer lock.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from pathlib import Path

from schema.merge.sources import MergeError

# A partial this recent may belong to a `new` or `demo` still running (they hold no lock on a
# name that does not exist yet); older ones are litter. Merges hold the lock, so the litter of
# a merge is never live while another merge runs.
STALE_SECONDS = 60
SIDE_FILES = ("-journal", "-wal", "-shm")


def partial_path(target: Path) -> Path:
    """A fresh hidden name beside `target` to build the new project under."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")


def remove(partial: Path) -> None:
    """Remove a partial and its journal files (after a failure, or as litter)."""
    for suffix in ("", *SIDE_FILES):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def remove_stale(target: Path) -> list[Path]:
    """Remove what killed builds of `target` left beside it; returns what was removed.

    Matches only this target's partials (and the partials `create_project` makes of them),
    with their journals and lock files; anything touched in the last STALE_SECONDS is left
    alone. Call only while holding the target's writer lock."""
    name = re.escape(target.name)
    pattern = re.compile(rf"\.{{1,2}}{name}\.[0-9a-f]{{8}}\.partial"
                         rf"(\.[0-9a-f]{{8}}\.partial)?(-journal|-wal|-shm|\.lock)?")
    removed = []
    cutoff = time.time() - STALE_SECONDS
    for path in target.parent.iterdir():
        if pattern.fullmatch(path.name) and path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def publish(partial: Path, target: Path) -> None:
    """Make the finished partial durable, then move it to `target` in one atomic step.

    The partial's connection must be closed: it is then one self-contained file, and reading
    it with plain file I/O cannot drop any SQLite lock of this process."""
    leftovers = [s for s in SIDE_FILES if Path(f"{partial}{s}").exists()]
    if leftovers:
        raise MergeError(f"the new target was not closed cleanly ({', '.join(leftovers)} "
                         f"left beside it); nothing was written to {target}. Run the merge "
                         f"again.")
    _fsync(partial, os.O_RDWR | getattr(os, "O_BINARY", 0))
    if target.exists():
        raise MergeError(f"{target} was created by another program while the merge ran; it "
                         f"was left untouched and nothing was merged. Choose another name, "
                         f"or merge into it.")
    os.replace(partial, target)
    if os.name == "posix":  # a directory cannot be opened for fsync on Windows
        _fsync(target.parent, os.O_RDONLY)


def _fsync(path: Path, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
