"""The --out/--force arguments the export commands share, and the check of the file named."""

from __future__ import annotations

from pathlib import Path

from exports.output_guard import check_output
from schema.errors import CasecoderError


def add_output_arguments(parser, metavar: str) -> None:
    parser.add_argument("--out", required=True, metavar=metavar, help="the file to write")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


def checked_output(out: str, force: bool, suffixes: tuple[str, ...]) -> Path:
    """The output path, once it is known to be writable without losing anything unasked
    (exports.output_guard, the check every export shares), with one of `suffixes`."""
    path = Path(out)
    if path.suffix.lower() not in suffixes:
        raise CasecoderError(f"{path.name}: the file name must end in {' or '.join(suffixes)}")
    return check_output(path, force=force)
