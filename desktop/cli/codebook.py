"""`codebook validate`: check a codebook file before using it. `codebook from-redcap`: make
one from a REDCap data dictionary."""

from __future__ import annotations

from pathlib import Path

from exports.redcap.spec import RedcapError
from exports.redcap.to_codebook import convert_dictionary
from exports.tables.files import write_atomically
from schema.codebook_loader import load_codebook


def register(subparsers) -> None:
    parser = subparsers.add_parser("codebook", help="work with codebook files")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    validate = actions.add_parser("validate", help="check a YAML codebook",
                                  description="Check a codebook; errors name line and field.")
    validate.add_argument("file", metavar="FILE", help="the YAML codebook")
    validate.set_defaults(handler=_validate)
    convert = actions.add_parser(
        "from-redcap", help="make a codebook from a REDCap data dictionary",
        description="Turn a REDCap data dictionary (CSV) into a YAML codebook: one section per "
                    "instrument. Everything the codebook cannot hold is listed, one line each.")
    convert.add_argument("dictionary", metavar="DICTIONARY.csv")
    convert.add_argument("--out", required=True, metavar="CODEBOOK.yaml")
    convert.add_argument("--repeat", action="append", default=[], metavar="INSTRUMENT",
                         help="an instrument that repeats (REDCap keeps this outside the "
                              "dictionary); give it once per instrument")
    convert.add_argument("--id", default="", help="the codebook id (default: from the file name)")
    convert.add_argument("--title", default="", help="the codebook title")
    convert.add_argument("--force", action="store_true", help="replace an existing codebook")
    convert.set_defaults(handler=_from_redcap)


def _validate(args) -> int:
    book = load_codebook(args.file)
    fields = book.all_fields()
    repeats = [s.key for s in book.sections if s.repeat]
    print(f"{args.file}: valid codebook {book.id} version {book.version}: "
          f"{len(book.sections)} sections, {len(fields)} fields; repeating groups: "
          f"{', '.join(repeats) or 'none'}.")
    return 0


def _from_redcap(args) -> int:
    out = Path(args.out)
    if out.exists() and not args.force:
        raise RedcapError(f"{out} already exists; choose another name or add --force to "
                          f"replace it. Nothing was written.")
    done = convert_dictionary(args.dictionary, repeating=args.repeat, book_id=args.id,
                              title=args.title)
    write_atomically(out, lambda path: path.write_text(done.yaml_text, encoding="utf-8"))
    book = done.codebook
    print(f"Wrote {out}: codebook {book.key}, {len(book.sections)} sections, "
          f"{len(book.all_fields())} fields.")
    if done.notes:
        print(f"Simplified ({len(done.notes)}):")
        for note in done.notes:
            print(f"  {note}")
    return 0
