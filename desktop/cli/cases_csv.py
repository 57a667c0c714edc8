"""`import-cases`: create the cases of a project from a CSV list of reviews."""

from __future__ import annotations

from desktop.cli.common import add_project_argument, open_store
from schema.cases_csv import import_cases_csv


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-cases", help="create cases from a CSV list of reviews",
        description="Columns: reference, review_type (required); title, category, site, "
                    "publication_year (optional). All rows are checked before any is created; "
                    "references already in the project are skipped.")
    add_project_argument(parser)
    parser.add_argument("file", metavar="FILE.csv")
    parser.set_defaults(handler=_import_cases)


def _import_cases(args) -> int:
    store = open_store(args.project)
    try:
        created, skipped = import_cases_csv(store, args.file)
    finally:
        store.close()
    print(f"Created {created} case(s); {skipped} already in the project.")
    return 0
