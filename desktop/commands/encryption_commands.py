"""`encrypt` and `decrypt`: convert an existing project, swapping the new file in atomically."""

from __future__ import annotations

from pathlib import Path

from desktop.commands.common import add_project_argument, ask_passphrase
from schema.encryption import convert, forget_passphrase
from schema.errors import ProjectError
from schema.project import is_encrypted, open_project


def register(subparsers) -> None:
    encrypt = subparsers.add_parser(
        "encrypt", help="encrypt a project with a passphrase (SQLCipher)",
        description="Encrypt a project. The passphrase is asked for, or read from "
                    "CASECODER_PASSPHRASE. Keep it safe: it cannot be recovered.")
    add_project_argument(encrypt)
    encrypt.set_defaults(handler=_encrypt)
    decrypt = subparsers.add_parser("decrypt", help="remove a project's encryption",
                                    description="Write the project back as a plain file.")
    add_project_argument(decrypt)
    decrypt.set_defaults(handler=_decrypt)


def _encrypt(args) -> int:
    path = Path(args.project)
    if is_encrypted(path):
        raise ProjectError(f"{path} is already encrypted; nothing was changed")
    passphrase = ask_passphrase(f"New passphrase for {path}: ", confirm=True)
    convert(path, to_encrypted=True, passphrase="", new_passphrase=passphrase)
    print(f"Encrypted {path}. Without the passphrase it cannot be opened.")
    return 0


def _decrypt(args) -> int:
    path = Path(args.project)
    if not is_encrypted(path):
        raise ProjectError(f"{path} is not encrypted; nothing was changed")
    passphrase = ask_passphrase(f"Passphrase for {path}: ")
    open_project(path, readonly=True, passphrase=passphrase).conn.close()
    convert(path, to_encrypted=False, passphrase=passphrase)
    forget_passphrase(path)
    print(f"Decrypted {path}: it is now a plain, unencrypted file.")
    return 0
