"""`export-data`: the coded answers as one CSV, XLSX or SPSS table for other tools."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import add_project_argument, open_store
from exports.data import DataExportError, DataFilter, DataOptions, check_output, export_data
from exports.data.options import PLAINTEXT_NOTE
from exports.tables import parse_years
from schema.project import is_encrypted


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export-data", help="write the coded answers as a table for R, SPSS or Excel",
        description="Write the coded answers as one analysis-ready table. Wide: one row per "
                    "case, a column per field (section.field), a 0/1 column per option of a "
                    "multi-choice field, repeating sections numbered (victims_1.gender). "
                    "Long: one row per case, item, field and option, with the answer's state. "
                    "-9 means not reported, -8 not applicable, an empty cell not coded; a "
                    "dictionary (beside a CSV, a sheet of an XLSX, built into a .sav) says "
                    "what every column holds. Cases count as for the summary tables: marked "
                    "coded or checked, through their consensus coding, else their primary.")
    add_project_argument(parser)
    parser.add_argument("--out", required=True, metavar="FILE",
                        help="the file to write: .csv, .xlsx or .sav (SPSS)")
    parser.add_argument("--shape", choices=("wide", "long"), default="wide",
                        help="wide (one row per case, the default) or long (tidy)")
    parser.add_argument("--site", help="only cases of this site (borough)")
    parser.add_argument("--review-type", help="only cases of this review type key, e.g. DHR")
    parser.add_argument("--category", help="only cases of this category key, "
                                           "e.g. intimate_partner")
    parser.add_argument("--years", metavar="YYYY-YYYY",
                        help="only cases published in these years, e.g. 2016-2019 or 2018")
    parser.add_argument("--include-in-progress", action="store_true",
                        help="also export cases marked in progress (never cases not started)")
    parser.add_argument("--all-codings", action="store_true",
                        help="one row per coding (primary, second, consensus), with its coder, "
                             "instead of the one coding that counts")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument("--yes", action="store_true",
                        help="write the export even though the project is encrypted (the "
                             "file itself is not)")
    parser.set_defaults(handler=_export_data)


def _options(args) -> DataOptions:
    data_filter = DataFilter(site=args.site, review_type=args.review_type,
                             category=args.category,
                             years=parse_years(args.years) if args.years else None,
                             include_in_progress=args.include_in_progress)
    return DataOptions(shape=args.shape, filter=data_filter, all_codings=args.all_codings,
                       force=args.force)


def _export_data(args) -> int:
    options = _options(args)
    out = Path(args.out)
    check_output(out, options)  # refused before a passphrase is asked for
    if is_encrypted(args.project) and not args.yes:
        raise DataExportError(f"{PLAINTEXT_NOTE}; add --yes to write it anyway "
                              f"(nothing was written)")
    store = open_store(args.project, readonly=True)
    try:
        result = export_data(store, out, options)
    finally:
        store.close()
    print(result.message())
    return 0
