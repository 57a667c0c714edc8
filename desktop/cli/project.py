"""`new`, `info`, `cases`, `check` and `settings`: creating, inspecting and setting up project
files."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli.common import (
    add_project_argument,
    ask_passphrase,
    coder_name,
    open_store,
    unlock,
)
from schema.codebook_loader import load_codebook
from schema.encryption import PassphraseRequired
from schema.errors import ProjectError
from schema.integrity import check_project
from schema.migrations import latest_version
from schema.project import create_project
from schema.resources import default_codebook_path

COUNTED_TABLES = ("cases", "codings", "entities", "answers", "evidence", "documents",
                  "audit_log")


def register(subparsers) -> None:
    new = subparsers.add_parser("new", help="create a new project file",
                                description="Create a new, empty .casecoder project.")
    new.add_argument("project", metavar="PROJECT", help="path of the new file (.casecoder)")
    new.add_argument("--site", default="", help="the site (borough) that codes in it")
    new.add_argument("--coder", default=None, help="your name, recorded in the audit log")
    new.add_argument("--codebook", metavar="FILE", help="a YAML codebook (default: built-in)")
    new.add_argument("--encrypt", action="store_true",
                     help="encrypt the file; the passphrase is asked for, or read from "
                          "CASECODER_PASSPHRASE")
    new.set_defaults(handler=_new)

    info = subparsers.add_parser("info", help="show a project's site, ids, codebook and counts")
    add_project_argument(info)
    info.set_defaults(handler=_info)

    cases = subparsers.add_parser("cases", help="list the cases in a project, one per line")
    add_project_argument(cases)
    cases.set_defaults(handler=_cases)

    check = subparsers.add_parser(
        "check", help="check integrity, foreign keys and schema version",
        description="Check a project. Exits 1 and lists the problems if any are found.")
    add_project_argument(check)
    check.set_defaults(handler=_check)

    settings = subparsers.add_parser(
        "settings", help="show or change a project's settings (blind coding)",
        description="Show the project's settings, or change them. With blind coding on, a "
                    "coder sees only their own coding of a case until two coders or more "
                    "have coded it and every coding is marked coded or checked; "
                    "reconciliation waits until then too. Changes are in the audit log.")
    add_project_argument(settings)
    settings.add_argument("--blind", choices=("on", "off"),
                          help="turn blind second coding on or off")
    settings.add_argument("--coder", default=None,
                          help="your name, recorded in the audit log (default: the app's)")
    settings.set_defaults(handler=_settings)


def _new(args) -> int:
    codebook = load_codebook(args.codebook or default_codebook_path())
    if Path(args.project).exists():
        raise ProjectError(f"{args.project} already exists; it was left untouched. "
                           f"Choose a new name.")
    passphrase = ask_passphrase("New passphrase: ", confirm=True) if args.encrypt else None
    db = create_project(args.project, site=args.site, coder=coder_name(args.coder),
                        codebook=codebook, passphrase=passphrase)
    db.conn.close()
    sealed = ", encrypted" if passphrase else ""
    print(f"Created {args.project} (site: {args.site or '-'}, codebook {codebook.key}{sealed}).")
    return 0


def _info(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        version = store.schema_version()
        book = store.codebook
        lines = [
            ("Project", str(Path(args.project))),
            ("Site", store.site or "-"),
            ("Database id", store.meta.get("database_id", "?")),
            ("Created", f"{store.meta.get('created_at', '?')} by "
                        f"{store.meta.get('created_by', '?')}"),
            ("Codebook", f"{book.id} version {book.version} ({book.title})"),
            ("Schema version", f"{version} (this app: {latest_version()})"),
            ("Blind coding", "on" if store.blind_coding else "off"),
        ]
        lines += [(table.replace("_", " ").capitalize(), str(store.count(table)))
                  for table in COUNTED_TABLES]
    finally:
        store.close()
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label + ':':<{width + 1}} {value}")
    return 0


def _cases(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        cases = store.list_cases()
        book = store.codebook
    finally:
        store.close()
    if not cases:
        print("No cases yet.", file=sys.stderr)
    for case in cases:
        category = book.category_label(case.category) if case.category else "-"
        print(f"{case.reference}\t{case.review_type}\t{category}\t{case.status}")
    return 0


def _settings(args) -> int:
    store = open_store(args.project, readonly=args.blind is None, coder=args.coder)
    try:
        if args.blind is not None:
            changed = store.set_blind_coding(args.blind == "on")
            print(f"Blind coding is now {args.blind}." if changed else
                  f"Blind coding was already {args.blind}; nothing changed.")
        else:
            print(f"Blind coding: {'on' if store.blind_coding else 'off'}")
    finally:
        store.close()
    return 0


def _check(args) -> int:
    if Path(args.project).exists():
        _unlock_if_project(args.project)
    problems = check_project(args.project)
    if problems:
        print(f"{args.project}: {len(problems)} problem(s) found:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"{args.project}: OK (integrity, foreign keys, schema version {latest_version()}).")
    return 0


def _unlock_if_project(path: str) -> None:
    """Ask for the passphrase of an encrypted project; leave other failures to `check`."""
    try:
        unlock(path)
    except PassphraseRequired:
        raise
    except ProjectError:
        return
