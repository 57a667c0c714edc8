"""`export-json` and `import-json`: the lossless JSON round trip of a project's coding."""

from __future__ import annotations

from desktop.cli.common import add_project_argument, open_store
from schema.json_export import write_export
from schema.json_import import import_cases, read_json_file


def register(subparsers) -> None:
    export = subparsers.add_parser(
        "export-json", help="write every case and its coding to a JSON file",
        description="Write cases, codings, entities, answers and evidence (documents by "
                    "sha256) as JSON; see schema/casecoder-cases.schema.json.")
    add_project_argument(export)
    export.add_argument("--out", required=True, metavar="FILE", help="the JSON file to write")
    export.set_defaults(handler=_export)

    load = subparsers.add_parser(
        "import-json", help="add or replace cases from a JSON export (all or nothing)",
        description="Import a JSON export. Nothing is written unless the whole file is valid.")
    add_project_argument(load)
    load.add_argument("file", metavar="FILE", help="a JSON file written by export-json")
    load.set_defaults(handler=_import)


def _export(args) -> int:
    store = open_store(args.project, readonly=True)
    try:
        data = write_export(store, args.out)
    finally:
        store.close()
    print(f"Wrote {len(data['cases'])} case(s) to {args.out}.")
    return 0


def _import(args) -> int:
    data = read_json_file(args.file)
    store = open_store(args.project)
    try:
        summary = import_cases(store, data)
    finally:
        store.close()
    print(f"Imported {summary.cases_added} new and {summary.cases_replaced} replaced case(s): "
          f"{summary.codings} coding(s), {summary.answers} answer(s), "
          f"{summary.evidence} evidence quote(s).")
    return 0
