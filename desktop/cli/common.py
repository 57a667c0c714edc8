"""What several commands share: opening a store for a named person, asking for passphrases
at the terminal."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from desktop.cli.coder import coder_name
from schema import opening
from schema.encryption import PASSPHRASE_ENV, PassphraseRequired, remember_passphrase
from schema.errors import ProjectError
from schema.project import open_project
from schema.store import Store

__all__ = ["add_project_argument", "ask_passphrase", "coder_name", "open_store", "unlock"]


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
    """schema.opening.open_store for the coder (desktop.cli.coder, unless named), asking for a
    passphrase at the terminal when needed."""
    return opening.open_store(path, readonly=readonly, coder=coder_name(coder), backup=backup,
                              ask_passphrase=ask_passphrase)


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
