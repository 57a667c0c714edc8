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

from pathlib import Path

from schema import durable
from schema.merge.sources import MergeError

# A partial this recent may belong to a `new` or `demo` still running (they hold no lock on a
# name that does not exist yet); older ones are litter. Merges hold the lock, so the litter of
# a merge is never live while another merge runs.
STALE_SECONDS = 60
SIDE_FILES = durable.SIDE_FILES
partial_path = durable.partial_name


def remove(partial: Path) -> None:
    """Remove a partial and its journal files (after a failure, or as litter)."""
    for suffix in ("", *SIDE_FILES):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def remove_stale(target: Path) -> list[Path]:
    """What killed builds of `target` left beside it, untouched for STALE_SECONDS."""
    return durable.clean_litter(target, min_age=STALE_SECONDS)


def publish(partial: Path, target: Path) -> None:
    """Make the finished partial durable, then move it to `target` in one atomic step.

    The partial's connection must be closed: it is then one self-contained file, and reading
    it with plain file I/O cannot drop any SQLite lock of this process."""
    leftovers = [s for s in SIDE_FILES if Path(f"{partial}{s}").exists()]
    if leftovers:
        raise MergeError(f"the new target was not closed cleanly ({', '.join(leftovers)} "
                         f"left beside it); nothing was written to {target}. Run the merge "
                         f"again.")
    durable.fsync_file(partial)
    if target.exists():
        raise MergeError(f"{target} was created by another program while the merge ran; it "
                         f"was left untouched and nothing was merged. Choose another name, "
                         f"or merge into it.")
    durable.move_into_place(partial, target)
