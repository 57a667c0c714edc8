"""`timeline`: one case's escalation timeline, or a category's cases by stage, as PDF, PNG
or SVG."""

from __future__ import annotations

from desktop.cli.common import add_project_argument, open_store
from desktop.cli.outputs import add_output_arguments, checked_output
from exports.brief.scope import find_case
from exports.timeline import (
    layout_case,
    layout_category,
    read_case_timeline,
    read_category_timelines,
    write_picture,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "timeline", help="draw a case's escalation timeline (PDF, PNG or SVG)",
        description="Draw the coded escalation events of a case on a time axis, with a lane "
                    "for each stage of the homicide timeline; events without a date are "
                    "listed in the order coded. With --category, draw every case of the "
                    "category side by side by stage. The format follows the file name.")
    add_project_argument(parser)
    scope = parser.add_mutually_exclusive_group(required=True)
    scope.add_argument("--case", metavar="REF", help="the case's reference")
    scope.add_argument("--category", metavar="KEY",
                       help="a category key, e.g. intimate_partner")
    add_output_arguments(parser, "FILE.pdf|.png|.svg")
    parser.set_defaults(handler=_timeline)


def _timeline(args) -> int:
    out = checked_output(args.out, args.force, (".pdf", ".png", ".svg"))
    store = open_store(args.project, readonly=True)
    try:
        if args.case:
            timeline = read_case_timeline(store, find_case(store, args.case))
            picture, count = layout_case(timeline), len(timeline.events)
        else:
            timelines = read_category_timelines(store, args.category)
            label = store.codebook.category_label(args.category)
            picture = layout_category(timelines, label)
            count = sum(len(t.events) for t in timelines)
    finally:
        store.close()
    write_picture(picture, out)
    print(f"Wrote {out}: {count} escalation event{'s' if count != 1 else ''}.")
    return 0
