"""CSV output: one file per table, the grid as shown (header row, then one row per row),
then a blank row and the notes (which statuses were counted, N, codebook, filters), one per
row in the first column, so a file read on its own still says what it counts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from exports.tables.files import write_atomically
from exports.tables.model import Table, TableSet


def write_csv(tables: TableSet, out_dir: Path) -> list[Path]:
    """Write `<table key>.csv` for each table (UTF-8 with BOM, so spreadsheets read it)."""
    written = []
    for table in tables.tables:
        def write(temp: Path, table=table) -> None:
            with temp.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerows(table.grid())
                writer.writerow([])
                writer.writerows([note] for note in [*table.notes, *tables.footnotes])
        written.append(write_atomically(out_dir / f"{table.key}.csv", write))
    return written


def tab_separated(table: Table) -> str:
    """The grid as tab-separated text for the clipboard; cells with line breaks are quoted,
    which spreadsheets read back as one cell."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\n").writerows(table.grid())
    return buffer.getvalue()
