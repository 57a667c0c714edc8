"""`candidates`, `decide` and `combine-cases`: the same review held as two cases.

A merge combines cases only when it is sure; the look-alike pairs it could not decide are
listed by `candidates` (and in the merge report). A person decides them by filling in the
`decision` column of `candidates --out FILE.csv` and running `decide`, or combines two cases
directly with `combine-cases`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli.common import add_project_argument, open_store
from schema.errors import NotFoundError
from schema.merge.decisions import read_decisions, write_candidates
from schema.merge.report import candidate_lines
from schema.store import Store


def register(subparsers) -> None:
    candidates = subparsers.add_parser(
        "candidates", help="list pairs of cases that may be the same review",
        description="List pairs of cases whose documents have similar text, or that share a "
                    "reference, or the same type and title where there is no text to compare. "
                    "Pairs recorded as different reviews are left out. Exits 1 when there "
                    "are any.")
    add_project_argument(candidates)
    candidates.add_argument("--out", metavar="FILE.csv",
                            help="write them as a decisions file to fill in for 'decide'")
    candidates.set_defaults(handler=_candidates)

    decide = subparsers.add_parser(
        "decide", help="combine or keep apart the pairs named in a decisions file",
        description="Carry out a decisions file (columns case_id, other_case_id, decision: "
                    "same, different or empty). 'same' combines the two cases; 'different' "
                    "records that they are different reviews, so no merge combines them.")
    add_project_argument(decide)
    decide.add_argument("decisions", metavar="FILE.csv", help="the filled-in decisions file")
    decide.set_defaults(handler=_decide)

    combine = subparsers.add_parser(
        "combine-cases", help="make two cases that are one review into one case",
        description="Combine two cases (by id or reference): the codings, documents, evidence "
                    "and pseudonyms of both end in one case, which keeps the smaller id; the "
                    "other id becomes an alias, so later merges of either land on it.")
    add_project_argument(combine)
    combine.add_argument("first", metavar="CASE", help="a case id or reference")
    combine.add_argument("second", metavar="OTHER", help="the other case's id or reference")
    combine.add_argument("--details-from", metavar="CASE",
                         help="whose reference, title, type and notes the combined case "
                              "keeps (default: the case changed last)")
    combine.add_argument("--coder", default=None, help="your name, recorded in the audit log")
    combine.set_defaults(handler=_combine)


def _candidates(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        found = store.same_review_candidates()
    finally:
        store.close()
    for line in candidate_lines(found, limit=len(found))[1:]:
        print(line.strip())
    print(f"{len(found)} pair(s) may be the same review.", file=sys.stderr)
    if args.out:
        write_candidates(Path(args.out), found)
        print(f"Wrote {args.out}: fill in 'decision' (same or different), then run "
              f"'decide {args.project} {args.out}'.", file=sys.stderr)
    return 1 if found else 0


def _decide(args) -> int:
    decisions = read_decisions(Path(args.decisions))
    store = open_store(args.project)
    try:
        combined, apart = store.apply_decisions(decisions, source=args.decisions)
    finally:
        store.close()
    print(f"{combined} pair(s) combined into one case, {apart} kept apart as different "
          f"reviews.")
    return 0


def _combine(args) -> int:
    store = open_store(args.project, coder=args.coder)
    try:
        first, second = _case_id(store, args.first), _case_id(store, args.second)
        details = _case_id(store, args.details_from) if args.details_from else None
        record = store.combine_cases(first, second, details_from=details)
        kept = store.get_case(record.survivor)
    finally:
        store.close()
    print(f"Combined into case {kept.reference} ({record.survivor}); {record.folded} is now "
          f"an alias of it.")
    return 0


def _case_id(store: Store, given: str) -> str:
    """A case id, alias or reference, as the one case id it names."""
    if store.resolve_case(given):
        return given
    matches = store.find_cases(given)
    if len(matches) == 1:
        return matches[0].id
    if not matches:
        raise NotFoundError(f"no case has the id or reference {given!r}; list them with "
                            f"'cases PROJECT --ids'.")
    ids = ", ".join(c.id for c in matches)
    raise NotFoundError(f"{len(matches)} cases have the reference {given!r} ({ids}); give "
                        f"the id instead.")
