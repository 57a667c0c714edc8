"""`matrix`: the case-by-field matrix of chosen sections as an XLSX workbook."""

from __future__ import annotations

from desktop.cli.common import add_project_argument, open_store
from desktop.cli.outputs import add_output_arguments, checked_output
from exports.matrix import build_matrix, write_matrix_xlsx


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "matrix", help="write the case-by-field matrix (XLSX)",
        description="Write a spreadsheet with a row per case and a column per field of the "
                    "chosen sections, each cell holding the answer. Repeating sections "
                    "(victims, events...) give a case one row per item. Cells the review "
                    "does not report, or that do not apply, are marked apart from cells not "
                    "yet coded. Each case shows its consensus coding where one exists, "
                    "otherwise its primary coding.")
    add_project_argument(parser)
    parser.add_argument("--sections", metavar="KEY,KEY",
                        help="codebook section keys, e.g. victims,perpetrators (default: all)")
    add_output_arguments(parser, "FILE.xlsx")
    parser.set_defaults(handler=_matrix)


def _matrix(args) -> int:
    out = checked_output(args.out, args.force, (".xlsx",))
    sections = [s.strip() for s in (args.sections or "").split(",") if s.strip()] or None
    store = open_store(args.project, readonly=True)
    try:
        matrix = build_matrix(store, sections)
    finally:
        store.close()
    write_matrix_xlsx(matrix, out)
    print(f"Wrote {out}: {matrix.case_count} cases in {len(matrix.rows)} rows, "
          f"{len(matrix.columns)} fields from {', '.join(matrix.sections)}.")
    return 0
