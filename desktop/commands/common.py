"""What several commands share: opening a store for a named person."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from schema.project import open_project
from schema.store import Store


def default_coder() -> str:
    return os.environ.get("CASECODER_CODER") or getpass.getuser() or "unknown"


def open_store(path: str | Path, *, readonly: bool = False, coder: str | None = None) -> Store:
    return Store(open_project(path, readonly=readonly), coder or default_coder())


def add_project_argument(parser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="a .casecoder project file")
