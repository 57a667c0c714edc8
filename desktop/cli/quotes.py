"""`quotes`: the quote bank, every quote cited for a field across the cases, as CSV or PDF."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import add_project_argument, open_store
from exports.quotes import (
    QuoteFilter,
    build_quote_bank,
    check_output,
    pseudonymised,
    write_quotes,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "quotes", help="write the quote bank for a field (CSV or printable PDF)",
        description="List every quote coders cited for a field, across all cases, with its "
                    "case, document, page and paragraph, for gathering evidence on a theme. "
                    "With --option, only answers holding that option; with no --field, "
                    "every piece of evidence in the project. Every coding counts, each "
                    "row naming its coder. Registered real names are replaced by their "
                    "pseudonyms unless --real-names is given. The file type follows the "
                    "name: .csv or .pdf.")
    add_project_argument(parser)
    parser.add_argument("--field", metavar="SECTION.FIELD",
                        help="e.g. relationship.characteristics")
    parser.add_argument("--option", metavar="KEY",
                        help="only answers holding this option (yes or no for a yes/no field)")
    parser.add_argument("--category", metavar="KEY", help="only cases of this category")
    parser.add_argument("--review-type", metavar="KEY", help="only cases of this review type")
    parser.add_argument("--site", help="only cases of this site")
    parser.add_argument("--coder", metavar="NAME", help="only this coder's codings")
    parser.add_argument("--out", required=True, metavar="FILE.csv|FILE.pdf",
                        help="the file to write")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument("--marking", default="", metavar="TEXT",
                        help="a protective marking on every PDF page, e.g. OFFICIAL-SENSITIVE")
    parser.add_argument("--real-names", action="store_true",
                        help="keep the quotes as stored, with real names (for use inside "
                             "the team only)")
    parser.set_defaults(handler=_quotes)


def _quotes(args) -> int:
    out = Path(args.out)
    check_output(out, force=args.force)
    query = QuoteFilter(field=args.field, option=args.option, category=args.category,
                        review_type=args.review_type, site=args.site, coder=args.coder)
    store = open_store(args.project, readonly=True)
    try:
        bank = build_quote_bank(store, query)
        if not args.real_names:
            bank = pseudonymised(store, bank)
        book = store.codebook
    finally:
        store.close()
    write_quotes(bank, book, out, force=args.force, marking=args.marking)
    print(f"Wrote {out}: {len(bank.rows)} quote(s) from {bank.cases} case(s) "
          f"({bank.title.removeprefix('Quote bank: ')}; {bank.scope}).")
    if bank.unquoted_answers:
        print(f"  {bank.unquoted_answers} matching answer(s) cite no quote and are not listed.")
    return 0
