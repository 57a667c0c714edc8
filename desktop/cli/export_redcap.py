"""`export-redcap`: a REDCap data dictionary and records file of a project's coded cases."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import add_project_argument, open_store
from exports.redcap import export_redcap
from exports.redcap.spec import missing_codes_setting
from schema.counting import describe_statuses


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export-redcap", help="write a REDCap data dictionary and records file",
        description="Write redcap_data_dictionary.csv, redcap_records.csv and README.txt "
                    "into a folder. Cases marked coded or checked count (and in-progress ones "
                    "with --include-in-progress), each through its consensus coding where "
                    "there is one. 'Not reported' and 'not applicable' become REDCap's "
                    "missing-data codes UNK and NA, which the REDCap project must enable.")
    add_project_argument(parser)
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder to write into (created if missing)")
    parser.add_argument("--include-in-progress", action="store_true",
                        help="export cases marked in progress as well")
    parser.add_argument("--force", action="store_true",
                        help="replace REDCap files already in the folder")
    parser.add_argument("--yes", action="store_true",
                        help="export an encrypted project although the files are plain text")
    parser.set_defaults(handler=_export)


def _export(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        done = export_redcap(store, Path(args.out), include_in_progress=args.include_in_progress,
                             force=args.force, allow_plaintext=args.yes)
    finally:
        store.close()
    print(f"Wrote {done.cases} case(s) marked {describe_statuses(done.statuses)} "
          f"({done.rows} record rows) to {args.out}:")
    for path in done.paths:
        print(f"  {path}")
    repeating = ", ".join(i.name for i in done.layout.repeating()) or "none"
    codes = "; ".join(missing_codes_setting().splitlines())
    print(f"In REDCap, before importing the records: make these instruments repeat: "
          f"{repeating}; and enable the missing data codes {codes}.")
    return 0
