"""`audit`: read the append-only audit log, filtered, as CSV."""

from __future__ import annotations

import sys

from desktop.cli.common import add_project_argument, open_store
from schema.audit_export import save_audit_csv, write_audit_csv
from schema.errors import NotFoundError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "audit", help="export the audit log (who changed what, when) as CSV",
        description="Write the audit log as CSV to --out, or to standard output.")
    add_project_argument(parser)
    parser.add_argument("--case", metavar="REF", help="only this case's entries")
    parser.add_argument("--actor", metavar="NAME", help="only changes made by NAME")
    parser.add_argument("--action", help="only this action (create, update, delete, ...)")
    parser.add_argument("--text", default="", help="only entries mentioning TEXT")
    parser.add_argument("--out", metavar="FILE.csv", help="the CSV file to write")
    parser.set_defaults(handler=_audit)


def _audit(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        case_id = None
        if args.case:
            found = store.find_cases(args.case)
            if not found:
                raise NotFoundError(f"no case with reference {args.case}")
            case_id = found[0].id
        entries = store.audit_entries(case_id=case_id, actor=args.actor,
                                action=args.action, text=args.text)
    finally:
        store.close()
    if args.out:
        count = save_audit_csv(entries, args.out)
        print(f"Wrote {count} audit entries to {args.out}.")
    else:
        write_audit_csv(entries, sys.stdout)
    return 0
