"""What the export commands share about their output file: an existing one is kept unless
--force, and the folder must exist (a refusal writes nothing)."""

from __future__ import annotations

from pathlib import Path

from schema.errors import CasecoderError


def add_output_arguments(parser, metavar: str) -> None:
    parser.add_argument("--out", required=True, metavar=metavar, help="the file to write")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


def checked_output(out: str, force: bool, suffixes: tuple[str, ...]) -> Path:
    """The output path, once it is known to be writable without losing anything unasked."""
    path = Path(out)
    if path.suffix.lower() not in suffixes:
        raise CasecoderError(f"{path.name}: the file name must end in {' or '.join(suffixes)}")
    if path.exists() and not force:
        raise CasecoderError(f"{path} already exists; it was left untouched. Add --force to "
                             f"replace it.")
    if not path.parent.is_dir():
        raise CasecoderError(f"cannot write {path}: the folder {path.parent} does not exist")
    return path
