"""`codebook validate`: check a codebook file before using it."""

from __future__ import annotations

from schema.codebook_loader import load_codebook


def register(subparsers) -> None:
    parser = subparsers.add_parser("codebook", help="work with codebook files")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    validate = actions.add_parser("validate", help="check a YAML codebook",
                                  description="Check a codebook; errors name line and field.")
    validate.add_argument("file", metavar="FILE", help="the YAML codebook")
    validate.set_defaults(handler=_validate)


def _validate(args) -> int:
    book = load_codebook(args.file)
    fields = book.all_fields()
    repeats = [s.key for s in book.sections if s.repeat]
    print(f"{args.file}: valid codebook {book.id} version {book.version}: "
          f"{len(book.sections)} sections, {len(fields)} fields; repeating groups: "
          f"{', '.join(repeats) or 'none'}.")
    return 0
