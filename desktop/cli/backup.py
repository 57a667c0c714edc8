"""`backup` and `restore`: copies made with SQLite's backup API, never by copying the file."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import add_project_argument, open_store
from schema.backup import list_backups, newest_good_backup
from schema.errors import ProjectError
from schema.file_swap import restore_backup


def register(subparsers) -> None:
    backup = subparsers.add_parser(
        "backup", help="back up a project, list its backups, or set how many to keep",
        description="Make a backup with SQLite's backup API (safe while the project is open). "
                    "Rolling backups are also made each time the project is opened for "
                    "writing, in PROJECT.backups/.")
    add_project_argument(backup)
    backup.add_argument("--out", metavar="FILE", help="write a backup to FILE")
    backup.add_argument("--keep", type=int, metavar="N",
                        help="keep the newest N rolling backups (default 5)")
    backup.add_argument("--list", action="store_true", help="list the rolling backups")
    backup.set_defaults(handler=_backup)

    restore = subparsers.add_parser(
        "restore", help="replace a project with one of its backups",
        description="Put BACKUP in place of PROJECT. What PROJECT held is backed up first.")
    add_project_argument(restore)
    restore.add_argument("backup", metavar="BACKUP", nargs="?",
                         help="the backup file to restore")
    restore.add_argument("--newest", action="store_true",
                         help="restore the newest rolling backup that passes its check")
    restore.set_defaults(handler=_restore)


def _backup(args) -> int:
    if not (args.out or args.keep or args.list):
        raise ProjectError("say what to do: --out FILE, --keep N or --list")
    store = open_store(args.project, readonly=not args.keep)
    try:
        if args.keep:
            store.set_backups_to_keep(args.keep)
            print(f"The newest {args.keep} rolling backups will be kept.")
        if args.out:
            made = store.backup_to(Path(args.out))
            print(f"Backed up {args.project} to {made}.")
    finally:
        store.close()
    if args.list:
        backups = list_backups(args.project)
        for item in backups:
            print(f"{item}\t{item.stat().st_size} bytes")
        if not backups:
            print("No rolling backups yet.")
    return 0


def _restore(args) -> int:
    project = Path(args.project)
    if bool(args.backup) == bool(args.newest):
        raise ProjectError("say which backup: give BACKUP, or --newest for the newest good one")
    chosen = Path(args.backup) if args.backup else newest_good_backup(project)
    if chosen is None:
        raise ProjectError(f"{project} has no rolling backup that passes its check; nothing "
                           f"was changed")
    safety = restore_backup(chosen, project)
    print(f"Restored {chosen} into {project}. What it held before is kept in {safety}.")
    return 0
