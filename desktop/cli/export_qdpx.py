"""`export-qdpx` and `export-qdc`: REFI-QDA exchange with other QDA tools."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import add_project_argument, unlock
from exports.qdpx import export_qdc, export_qdpx
from schema.project import is_encrypted


def register(subparsers) -> None:
    project = subparsers.add_parser(
        "export-qdpx", help="write the project as a REFI-QDA package (.qdpx)",
        description="Write a REFI-QDA project (.qdpx) that NVivo, ATLAS.ti, MAXQDA and "
                    "QualCoder can open: the codebook as codes, cases with their case-level "
                    "answers as variables, the review PDFs, and every evidence quote as a "
                    "coded selection on its page.")
    add_project_argument(project)
    _add_output_options(project, "FILE.qdpx")
    project.set_defaults(handler=_export_qdpx)

    codebook = subparsers.add_parser(
        "export-qdc", help="write a codebook as a REFI-QDA codebook (.qdc)",
        description="Write the codebook of a project, or a codebook YAML file, as a REFI-QDA "
                    "codebook (.qdc) for QDA tools.")
    codebook.add_argument("source", metavar="PROJECT|CODEBOOK.yaml",
                          help="a .casecoder project or a codebook YAML file")
    _add_output_options(codebook, "FILE.qdc")
    codebook.set_defaults(handler=_export_qdc)


def _add_output_options(parser, metavar: str) -> None:
    parser.add_argument("--out", required=True, metavar=metavar, help="the file to write")
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")
    parser.add_argument("--yes", action="store_true",
                        help="accept writing an encrypted project's contents unencrypted")


def _export_qdpx(args) -> int:
    _unlock_if_accepted(args.project, args.yes)
    result = export_qdpx(args.project, args.out, force=args.force, allow_plaintext=args.yes)
    print(f"Wrote {args.out}: {result.cases} case(s), {result.sources} PDF source(s), "
          f"{result.codings} coded selection(s) from {result.quotes} evidence quote(s).")
    for reason, count in sorted(result.left_out.items()):
        print(f"  Left out {count} {reason}.")
    return 0


def _export_qdc(args) -> int:
    if Path(args.source).suffix.lower() not in (".yaml", ".yml"):
        _unlock_if_accepted(args.source, args.yes)
    codebook = export_qdc(args.source, args.out, force=args.force, allow_plaintext=args.yes)
    fields = len(codebook.all_fields())
    print(f"Wrote {args.out}: codebook {codebook.key}, {len(codebook.sections)} section(s), "
          f"{fields} field(s).")
    return 0


def _unlock_if_accepted(path: str, accepted: bool) -> None:
    """Ask for an encrypted project's passphrase only once its plain export is accepted."""
    if accepted and Path(path).is_file() and is_encrypted(path):
        unlock(path)
