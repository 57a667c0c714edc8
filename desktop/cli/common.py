"""What several commands share: opening a store for a named person, asking for passphrases."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from schema.backup import claim_rolling_backup, rolling_backup
from schema.encryption import PASSPHRASE_ENV, PassphraseRequired, remember_passphrase
from schema.errors import ProjectError
from schema.file_swap import clean_litter
from schema.project import open_project
from schema.store import Store


def default_coder() -> str:
    return os.environ.get("CASECODER_CODER") or getpass.getuser() or "unknown"


def ask_passphrase(prompt: str, *, confirm: bool = False) -> str:
    """The passphrase from CASECODER_PASSPHRASE, or typed at the terminal (never echoed)."""
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise ProjectError(f"a passphrase is needed: set {PASSPHRASE_ENV} or run in a terminal")
    passphrase = getpass.getpass(prompt)
    if not passphrase:
        raise ProjectError("an empty passphrase is not allowed")
    if confirm and getpass.getpass("Type it again: ") != passphrase:
        raise ProjectError("the two passphrases differ; nothing was changed")
    return passphrase


def open_store(path: str | Path, *, readonly: bool = False, coder: str | None = None,
               backup: bool = True) -> Store:
    """Open a project for a command or the app, asking for its passphrase if it is encrypted.

    Opening for writing takes the project's writer lock before the file is opened
    (ProjectLocked if another Casecoder holds it) and, once per process and unless `backup`
    is False, makes a rolling backup first. The app passes False and backs up off the
    opening path (schema.backup.start_rolling_backup)."""
    try:
        db = open_project(path, readonly=readonly)
    except PassphraseRequired:
        passphrase = ask_passphrase(f"Passphrase for {path}: ")
        db = open_project(path, readonly=readonly, passphrase=passphrase)
        remember_passphrase(path, passphrase)
    store = Store(db, coder or default_coder())
    if not readonly:
        clean_litter(Path(path))  # we hold the writer lock, which every maker of them holds
    if not readonly and backup and claim_rolling_backup(path):
        try:
            rolling_backup(path)
        except BaseException:
            store.close()
            raise
    return store


def unlock(path: str | Path) -> None:
    """Make sure an encrypted project's passphrase is known to this process, asking if not.

    For commands that open the project through schema functions rather than open_store."""
    try:
        open_project(path, readonly=True).conn.close()
    except PassphraseRequired:
        passphrase = ask_passphrase(f"Passphrase for {path}: ")
        open_project(path, readonly=True, passphrase=passphrase).conn.close()
        remember_passphrase(path, passphrase)


def add_project_argument(parser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="a .casecoder project file")
