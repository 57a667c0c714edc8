"""`brief`: the printable learning brief for one case, a category, or chosen cases."""

from __future__ import annotations

from desktop.cli.common import add_project_argument, open_store
from exports.brief import BriefScope, build_brief, write_pdf
from schema.counting import MIN_ANSWERED_FOR_BRIEF


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "brief", help="write a printable learning brief (PDF)",
        description="Build a 2-4 page learning brief for practitioners from the coded data. "
                    "Registered real names are replaced by their pseudonyms everywhere. A "
                    "thematic brief uses the cases marked coded or checked; a case with fewer "
                    f"than {MIN_ANSWERED_FOR_BRIEF} answered fields is refused (exit 1) or, "
                    "in a thematic brief, left out.")
    add_project_argument(parser)
    scope = parser.add_mutually_exclusive_group(required=True)
    scope.add_argument("--case", metavar="REF", help="a brief for one case")
    scope.add_argument("--category", metavar="KEY",
                       help="a thematic brief for every case of a category, e.g. "
                            "intimate_partner")
    scope.add_argument("--review-type", metavar="KEY",
                       help="a thematic brief for every case of a review type, e.g. SAR")
    scope.add_argument("--cases", metavar="REF,REF", help="a thematic brief for chosen cases")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    parser.add_argument("--marking", default="", metavar="TEXT",
                        help="a protective marking on every page, e.g. OFFICIAL-SENSITIVE")
    parser.add_argument("--include-in-progress", action="store_true",
                        help="a thematic brief also uses cases marked in progress (cases not "
                             "started are never used)")
    parser.set_defaults(handler=_brief)


def _scope(args) -> BriefScope:
    if args.case:
        return BriefScope.case(args.case)
    if args.category:
        return BriefScope.category(args.category)
    if args.review_type:
        return BriefScope.review_type(args.review_type)
    return BriefScope.cases([r.strip() for r in args.cases.split(",") if r.strip()])


def _brief(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        result = build_brief(store, _scope(args), marking=args.marking,
                             include_in_progress=args.include_in_progress)
    finally:
        store.close()
    write_pdf(args.out, result.pdf)
    print(f"Wrote {args.out}: \"{result.title}\", {result.pages} page(s), "
          f"{len(result.cases)} case(s).")
    for reason in result.skipped:
        print(f"  left out: {reason}")
    return 0
