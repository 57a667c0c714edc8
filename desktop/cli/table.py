"""`tables`: the per-category summary tables as CSV, XLSX, HTML and PDF files."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import add_project_argument, open_store
from exports.tables import TableFilter, build_tables, parse_years
from exports.tables.writers import FORMATS, parse_formats, write_tables
from schema.counting import describe_statuses


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "tables", help="write the per-category summary tables (CSV, XLSX, HTML, PDF)",
        description="Compute the summary tables declared beside the codebook (victims, "
                    "perpetrators, relationship, escalation, data completeness) and write "
                    "them into a folder. Only cases marked coded or checked count (add "
                    "--include-in-progress for cases still being coded; cases not started "
                    "never count). Each case counts through its consensus coding where "
                    "one exists, otherwise its primary coding.")
    add_project_argument(parser)
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder to write into (created if missing)")
    parser.add_argument("--format", default=",".join(FORMATS), metavar="LIST",
                        help=f"comma-separated formats (default: {','.join(FORMATS)})")
    parser.add_argument("--site", help="only cases of this site (borough)")
    parser.add_argument("--review-type", help="only cases of this review type key, e.g. DHR")
    parser.add_argument("--years", metavar="YYYY-YYYY",
                        help="only cases published in these years, e.g. 2016-2019 or 2018")
    parser.add_argument("--suppress-below", type=int, metavar="N",
                        help="show counts from 1 to N-1 as <N, for published tables")
    parser.add_argument("--include-in-progress", action="store_true",
                        help="count cases marked in progress as well as coded and checked "
                             "ones (cases not started never count)")
    parser.set_defaults(handler=_tables)


def _tables(args) -> int:
    formats = parse_formats(args.format)
    table_filter = TableFilter(site=args.site, review_type=args.review_type,
                               years=parse_years(args.years) if args.years else None,
                               include_in_progress=args.include_in_progress)
    store = open_store(args.project, readonly=True)
    try:
        tables = build_tables(store, table_filter, suppress_below=args.suppress_below)
    finally:
        store.close()
    written = write_tables(tables, Path(args.out), formats)
    print(f"{len(tables.tables)} tables from {tables.cases} cases marked "
          f"{describe_statuses(table_filter.statuses)} written to {args.out}:")
    for path in written:
        print(f"  {path}")
    return 0
