"""`suggest`: the passages of a case's documents that match its codebook's option keywords."""

from __future__ import annotations

import sys

from desktop.cli.common import add_project_argument, open_store
from schema.errors import NotFoundError, ValidationError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "suggest", help="passages that suggest an option, for one case",
        description="List, one per line, the passages of the case's documents in which an "
                    "option's keywords occur: field, option, page (and numbered paragraph) "
                    "and a snippet with the keyword [marked]. Passages dismissed for the "
                    "case in the app are left out. Nothing is answered.")
    add_project_argument(parser)
    parser.add_argument("--case", metavar="REF", required=True, help="the case's reference")
    parser.set_defaults(handler=_suggest)


def _suggest(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        case_id = _case_id(store, args.case)
        found = store.case_suggestions(case_id)
        book = store.codebook
    finally:
        store.close()
    if not found:
        print(f"No suggestions for {args.case}: no option keyword occurs in its documents.",
              file=sys.stderr)
    for item in found:
        where = f"p. {item.page}" + (f", para {item.paragraph}" if item.paragraph else "")
        label = book.field(item.field).option_label(item.option)
        print(f"{item.field}\t{label}\t{where}\t{item.snippet()}")
    return 0


def _case_id(store, reference: str) -> str:
    found = store.find_cases(reference)
    if not found:
        raise NotFoundError(f"no case {reference!r} in this project; list them with 'cases'")
    if len(found) > 1:
        raise ValidationError(f"{len(found)} cases have the reference {reference!r}; give "
                              f"each its own reference first")
    return found[0].id
