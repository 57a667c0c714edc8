"""`export-datasette-metadata`: titles, column descriptions and facets for Datasette."""

from __future__ import annotations

from desktop.cli.common import add_project_argument
from desktop.cli.export_qdpx import _unlock_if_accepted
from exports.datasette import export_datasette_metadata
from schema.project import is_encrypted


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export-datasette-metadata", help="write a metadata.json for browsing the project "
                                          "in Datasette",
        description="Write the metadata Datasette reads beside a project file: a title per "
                    "table and view, the codebook's labels as column descriptions, facets on "
                    "closed-answer fields and search over page text. Then run: datasette "
                    "PROJECT --metadata FILE.")
    add_project_argument(parser)
    parser.add_argument("--out", required=True, metavar="FILE", help="the JSON file to write")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument("--yes", action="store_true",
                        help="accept writing an encrypted project's codebook unencrypted")
    parser.set_defaults(handler=_export)


def _export(args) -> int:
    _unlock_if_accepted(args.project, args.yes)
    result = export_datasette_metadata(args.project, args.out, force=args.force,
                                       allow_plaintext=args.yes)
    tables = result.metadata["databases"]
    count = sum(len(db["tables"]) for db in tables.values())
    print(f"Wrote Datasette metadata for {count} tables and views to {args.out}. "
          f"Browse with: datasette {args.project} --metadata {args.out}")
    if not result.views_present:
        print("The project was made by an older Casecoder and lacks the section views; open "
              "it once in the Casecoder app to add them.")
    if is_encrypted(args.project):
        print("Datasette cannot read an encrypted project; serve a decrypted copy.")
    return 0
