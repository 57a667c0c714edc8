"""Writing output files whole or not at all: each is built under a hidden name beside it, made
durable and moved into place (schema.durable, the same mechanism as backups and merges)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from schema.durable import move_into_place, partial_name


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temp_path)`, then move the finished file to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = partial_name(path)
    try:
        write(temp)
        move_into_place(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path
