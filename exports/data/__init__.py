"""Analysis-ready data: the coded answers as one table for R, SPSS, Stata users and Excel.

    result = export_data(store, Path("cases.sav"), DataOptions(shape="wide"))

Wide: one row per case (per coding with `all_codings`), columns named `section.field`, one
0/1 column per option of a multi-choice field, repeating sections numbered (`victims_1.age`).
Long: one row per case, item, field and option, with the answer's state. Missing codes (-9 not
reported, -8 not applicable) keep every answer's state; the dictionary lists them per column.
No Qt: the command line and the window both call this.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exports.data.options import (
    FORMATS,
    SHAPES,
    DataExportError,
    DataFilter,
    DataOptions,
    Progress,
    check_output,
    files_written,
)
from exports.data.rows import load_rows
from exports.data.table import long_table, wide_table
from exports.data.writers import WRITERS
from schema.counting import describe_statuses
from schema.store import Store

__all__ = ["FORMATS", "SHAPES", "DataExportError", "DataFilter", "DataOptions", "DataResult",
           "check_output", "export_data", "files_written"]


@dataclass(frozen=True)
class DataResult:
    """What was written, for the message that says so."""

    paths: list[Path]
    rows: int
    columns: int
    codings: int
    uncoded: int
    statuses: tuple[str, ...]

    def message(self) -> str:
        files = " and its dictionary ".join(str(p) for p in self.paths)
        text = (f"Wrote {self.rows} row{'s' if self.rows != 1 else ''} × {self.columns} "
                f"columns from {self.codings} "
                f"coding{'s' if self.codings != 1 else ''} of cases marked "
                f"{describe_statuses(self.statuses)} to {files}.")
        if self.uncoded:
            text += (f" {self.uncoded} counted case{'s have' if self.uncoded != 1 else ' has'}"
                     f" no coding yet and {'are' if self.uncoded != 1 else 'is'} left out.")
        return text


def export_data(store: Store, out: Path, options: DataOptions | None = None,
                progress: Progress | None = None) -> DataResult:
    """Write the chosen codings of the counted cases to `out` (.csv, .xlsx or .sav).

    Refuses, writing nothing, a file that exists (unless `options.force`), an unknown suffix
    or shape, and a filter no counted case matches."""
    options = options or DataOptions()
    out = Path(out)
    suffix = check_output(out, options)
    loaded = load_rows(store, options.filter, all_codings=options.all_codings,
                       progress=progress)
    build = wide_table if options.shape == "wide" else long_table
    table = build(store.codebook, loaded.rows, options.all_codings)
    if progress is not None:
        progress.check()
        progress.update(len(loaded.rows), len(loaded.rows), f"Writing {out.name}")
    paths = WRITERS[suffix](table, out)
    return DataResult(paths, len(table.rows), len(table.columns), len(loaded.rows),
                      loaded.uncoded, options.filter.statuses)
