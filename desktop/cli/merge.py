"""`merge`, `agreement` and `conflicts`: combining borough projects and comparing codings."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli.common import add_project_argument, coder_name, open_store, unlock
from schema.agreement import write_csv
from schema.errors import NotFoundError, ProjectError
from schema.merge import merge_projects
from schema.merge.decisions import read_decisions, write_candidates
from schema.merge.report import conflict_lines
from schema.merge.run import Choices
from schema.project import is_encrypted


def register(subparsers) -> None:
    merge = subparsers.add_parser(
        "merge", help="merge projects from several sites into one",
        description="Merge SOURCE projects into TARGET (created if it does not exist). "
                    "Records are matched by UUID; the same review coded in two places "
                    "becomes one case with both codings. All or nothing: on any failure "
                    "TARGET is left as it was. Merging the same sources again changes nothing.")
    merge.add_argument("target", metavar="TARGET", help="the project to merge into")
    merge.add_argument("sources", metavar="SOURCE", nargs="+", help="projects to merge in")
    merge.add_argument("--no-documents", action="store_true",
                       help="codings only: no PDF bytes, page text or real-name registers "
                            "(for sharing outside the borough)")
    merge.add_argument("--site", default="", help="site name of a new TARGET")
    merge.add_argument("--coder", default=None,
                       help="your name, recorded in the audit log (default: the app's)")
    merge.add_argument("--dry-run", action="store_true",
                       help="report what the merge would do, with the look-alike cases and "
                            "their differing pages, and change nothing")
    merge.add_argument("--candidates-out", metavar="FILE.csv",
                       help="write the look-alike pairs left undecided as a decisions file")
    merge.add_argument("--decisions", metavar="FILE.csv",
                       help="a filled-in decisions file: 'same' pairs are combined, "
                            "'different' pairs are kept apart on this and later merges")
    merge.add_argument("--accept-candidates", action="store_true",
                       help="combine every look-alike pair found (check them first with "
                            "--dry-run)")
    merge.set_defaults(handler=_merge)

    agreement = subparsers.add_parser(
        "agreement", help="inter-coder agreement per categorical field",
        description="Percent agreement, Cohen's kappa (two coders) and Krippendorff's alpha "
                    "(nominal) for each categorical field, over the cases coded more than "
                    "once, with the number of units behind each figure. A multi-choice "
                    "field also gets the figures of each option, ticked or not (a coder who "
                    "gave 'not reported' is left out of them).")
    add_project_argument(agreement)
    agreement.add_argument("--out", metavar="FILE.csv", help="also write the table as CSV")
    agreement.add_argument("--details", action="store_true",
                           help="also list, per field and option, the cases and items on "
                                "which the codings differ, with each coder's value")
    agreement.set_defaults(handler=_agreement)

    conflicts = subparsers.add_parser(
        "conflicts", help="list fields on which the codings of a case differ",
        description="List, per case coded more than once, the fields whose codings differ. "
                    "Exits 1 when there are any.")
    add_project_argument(conflicts)
    conflicts.add_argument("--case", metavar="REF", help="only the case with this reference")
    conflicts.set_defaults(handler=_conflicts)


def _merge(args) -> int:
    for path in [args.target, *args.sources]:
        try:
            encrypted = is_encrypted(path)
        except ProjectError:
            continue  # the merge itself says what is wrong with this file
        if encrypted:
            unlock(path)
    choices = Choices(accept_candidates=args.accept_candidates, dry_run=args.dry_run)
    if args.decisions:
        choices.decisions = read_decisions(Path(args.decisions))
        choices.decisions_from = args.decisions
    report = merge_projects(args.target, args.sources, actor=coder_name(args.coder),
                            include_documents=not args.no_documents, site=args.site,
                            choices=choices)
    print(report.text())
    if args.candidates_out:
        write_candidates(Path(args.candidates_out), report.candidates)
        print(f"Wrote {len(report.candidates)} pair(s) to {args.candidates_out}: fill in "
              f"'decision', then merge again with --decisions {args.candidates_out}.")
    return 0


def _agreement(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        results = store.agreement()
        details = store.agreement_details() if args.details else []
    finally:
        store.close()
    if args.out:
        write_csv(results, args.out)
    measured = [r for r in results if r.units]
    if not measured:
        print("No case is coded more than once, so there is no agreement to measure.",
              file=sys.stderr)
    print(f"{'field':<40} {'N':>5} {'coders':>6} {'agree':>6} {'kappa':>6} {'alpha':>6}")
    for r in measured:
        print(_figures_line(r.path, r))
        for o in (o for o in r.options if o.units):
            print(_figures_line(f"  = {o.option}", o))
    if args.details and measured:
        _print_details(details)
    if args.out:
        print(f"Wrote {len(results)} fields to {args.out}.")
    return 0


def _figures_line(name: str, r) -> str:
    return (f"{name:<40} {r.units:>5} {r.coders:>6} {_num(r.percent, pct=True):>6} "
            f"{_num(r.kappa):>6} {_num(r.alpha):>6}")


def _print_details(details: list) -> None:
    """Each field (or option) with disagreements, then one line per unit."""
    print()
    if not details:
        print("The codings agree on every unit.")
        return
    heading = None
    for d in details:
        name = f"{d.path} = {d.option}" if d.option else d.path
        if name != heading:
            heading = name
            print(f"{name}: the codings differ on")
        said = " | ".join(f"{v.coder}: {v.value}" for v in d.values)
        print(f"  {d.reference} · {d.item} · {said}")


def _num(value: float | None, pct: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:.0%}" if pct else f"{value:.2f}"


def _conflicts(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        if args.case:
            cases = store.find_cases(args.case)
            if not cases:
                raise NotFoundError(f"no case with reference {args.case!r} in {args.project}")
            case_ids = [c.id for c in cases]
        else:
            case_ids = store.cases_with_several_codings()
        blind = [case_id for case_id in case_ids if store.is_blind(case_id)]
        if args.case and blind:
            store.check_comparable(blind[0])  # refuses, saying what is still to be coded
        found = [c.as_dict() for case_id in case_ids if case_id not in blind
                 for c in store.case_conflicts(case_id)]
    finally:
        store.close()
    for line in conflict_lines(found, limit=len(found)):
        print(line)
    cases = len({c["case_id"] for c in found})
    print(f"{len(found)} differing field(s) in {cases} case(s).", file=sys.stderr)
    if blind:
        print(f"{len(blind)} blind-coded case(s) left out until every coding of them is "
              f"marked coded or checked.", file=sys.stderr)
    return 1 if found else 0
