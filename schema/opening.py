"""Opening a project for a named person: the one way the app and the commands get a Store.

It takes the writer lock before the file is opened for writing (schema.connections), asks the
caller's `ask_passphrase` when the project is encrypted and its passphrase is not known yet,
removes litter a killed Casecoder left, and makes the rolling backup unless told not to (the
app backs up on a thread of its own, see schema.backup.start_rolling_backup). How to ask for
a passphrase is the caller's: a dialog in the window, the terminal on the command line.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from schema.backup import claim_rolling_backup, rolling_backup
from schema.encryption import PassphraseRequired, remember_passphrase
from schema.file_swap import clean_litter
from schema.locking import login_name
from schema.project import open_project
from schema.store import Store

AskPassphrase = Callable[[str], str]


def default_coder() -> str:
    """Who is recorded in the audit log when nobody said: CASECODER_CODER, else the login."""
    return os.environ.get("CASECODER_CODER") or login_name()


def open_store(path: str | Path, *, readonly: bool = False, coder: str | None = None,
               backup: bool = True, ask_passphrase: AskPassphrase | None = None) -> Store:
    """Open a project (ProjectLocked if another Casecoder writes to it, PassphraseRequired if
    it is encrypted and no passphrase is known or can be asked for)."""
    try:
        db = open_project(path, readonly=readonly)
    except PassphraseRequired:
        if ask_passphrase is None:
            raise
        passphrase = ask_passphrase(f"Passphrase for {path}: ")
        db = open_project(path, readonly=readonly, passphrase=passphrase)
        remember_passphrase(path, passphrase)
    store = Store(db, coder or default_coder())
    if readonly:
        return store
    clean_litter(Path(path))  # we hold the writer lock, which every maker of them holds
    if backup and claim_rolling_backup(path):
        try:
            rolling_backup(path)
        except BaseException:
            store.close()
            raise
    return store
