"""What every file export checks before it writes, and how it writes.

An export never overwrites a file unless told to (`force`), and never writes the contents of
an encrypted project out in the clear unless the person said yes (`allow_plaintext`). A
refusal raises ExportRefused before anything is written. The file is built under a hidden
name beside the target and moved into place whole, so a failure leaves no half-written file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from exports.tables.files import write_atomically
from schema.errors import CasecoderError
from schema.project import is_encrypted


class ExportRefused(CasecoderError):
    """An export was not started: the output exists, or the project is encrypted."""


def check_output(out: str | Path, *, force: bool, option: str = "--force") -> Path:
    """The output path, refused when it exists (unless `force`) or its folder does not."""
    out = Path(out)
    if out.exists() and not force:
        raise ExportRefused(f"{out} already exists; nothing was written. Choose another name, "
                            f"or add {option} to replace it.")
    if out.is_dir():
        raise ExportRefused(f"{out} is a folder; nothing was written. Give a file name.")
    if not out.parent.is_dir():
        raise ExportRefused(f"the folder {out.parent} does not exist; nothing was written.")
    return out


def check_plaintext(project: str | Path, *, allow_plaintext: bool, what: str,
                    option: str = "--yes") -> None:
    """Refuse to export an encrypted project unless the person accepted a plain copy."""
    if not allow_plaintext and is_encrypted(project):
        raise ExportRefused(f"{project} is encrypted, and {what} would be written unencrypted; "
                            f"nothing was written. Add {option} to write it anyway, and keep "
                            f"the file as safe as the project.")


def write_whole(out: Path, write: Callable[[Path], None]) -> None:
    """Call `write(partial)` on a hidden file beside `out`, then move it to `out`."""
    write_atomically(out, write)
