"""`encrypt` and `decrypt`: convert an existing project, swapping the new file in atomically."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import add_project_argument, ask_passphrase
from schema.encryption import forget_passphrase
from schema.errors import ProjectError
from schema.file_swap import decrypt_project, encrypt_project
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
    backups = encrypt_project(path, passphrase)
    print(f"Encrypted {path}. Without the passphrase it cannot be opened.")
    if backups:
        print(f"Its {len(backups)} plain rolling backup(s) were encrypted with the same "
              f"passphrase: {', '.join(b.name for b in backups)}.")
    print("Copies made elsewhere with 'backup --out' or 'export' are not encrypted; delete "
          "any you no longer need.")
    return 0


def _decrypt(args) -> int:
    path = Path(args.project)
    if not is_encrypted(path):
        raise ProjectError(f"{path} is not encrypted; nothing was changed")
    passphrase = ask_passphrase(f"Passphrase for {path}: ")
    open_project(path, readonly=True, passphrase=passphrase).conn.close()
    decrypt_project(path, passphrase)
    forget_passphrase(path)
    print(f"Decrypted {path}: it is now a plain, unencrypted file. Its rolling backups stay "
          f"encrypted with the old passphrase.")
    return 0
