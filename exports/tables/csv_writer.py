"""CSV output: one file per table, the grid as shown (header row, then one row per row)."""

from __future__ import annotations

import csv
from pathlib import Path

from exports.tables.files import write_atomically
from exports.tables.model import TableSet


def write_csv(tables: TableSet, out_dir: Path) -> list[Path]:
    """Write `<table key>.csv` for each table (UTF-8 with BOM, so spreadsheets read it)."""
    written = []
    for table in tables.tables:
        def write(temp: Path, table=table) -> None:
            with temp.open("w", encoding="utf-8-sig", newline="") as handle:
                csv.writer(handle).writerows(table.grid())
        written.append(write_atomically(out_dir / f"{table.key}.csv", write))
    return written
