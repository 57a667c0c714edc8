"""Writing a DataTable as CSV (with its dictionary beside it), XLSX or SPSS .sav.

Each file is written whole or not at all (exports.tables.files.write_atomically).
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from exports.data.columns import MISSING_LABELS
from exports.data.options import DataExportError, dictionary_path
from exports.data.table import DataTable
from exports.tables.files import write_atomically

SPSS_NAME_LIMIT = 64


def write_csv(table: DataTable, out: Path) -> list[Path]:
    """The data, and `<name>.dictionary.csv` beside it (UTF-8 with BOM, for spreadsheets)."""
    def writer(rows: list[list[object]]):
        def write(temp: Path) -> None:
            with temp.open("w", encoding="utf-8-sig", newline="") as handle:
                csv.writer(handle).writerows(rows)
        return write

    extra = dictionary_path(out)
    had_dictionary = extra.exists()
    write_atomically(extra, writer(table.dictionary()))
    try:
        write_atomically(out, writer([table.header, *table.rows]))
    except BaseException:
        if not had_dictionary:
            extra.unlink(missing_ok=True)
        raise
    return [out, extra]


def write_xlsx(table: DataTable, out: Path) -> list[Path]:
    """A `data` sheet and a `dictionary` sheet."""
    book = Workbook()
    data = book.active
    data.title = "data"
    _fill(data, [table.header, *table.rows])
    _fill(book.create_sheet("dictionary"), table.dictionary())
    widths = {"A": 34, "B": 28, "C": 48, "D": 10, "E": 60, "F": 44}
    for letter, width in widths.items():
        book["dictionary"].column_dimensions[letter].width = width
    write_atomically(out, lambda temp: book.save(temp))
    return [out]


def _fill(sheet, rows: list[list[object]]) -> None:
    for values in rows:
        sheet.append([_xlsx_value(v) for v in values])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text


def _xlsx_value(value: object) -> object:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def write_sav(table: DataTable, out: Path) -> list[Path]:
    """An SPSS file with variable labels, value labels and the missing codes user-missing."""
    import pandas as pd  # pyreadstat writes from a data frame; both load only when used
    import pyreadstat

    _check_spss_names(table)
    frame = pd.DataFrame({c.name: _sav_values(table, i, c.text)
                          for i, c in enumerate(table.columns)})
    labels = {c.name: dict(c.values) | {m: MISSING_LABELS[m] for m in c.missing}
              for c in table.columns if not c.text and (c.values or c.missing)}
    missing = {c.name: [str(m) if c.text else m for m in c.missing]
               for c in table.columns if c.missing}
    measure = {c.name: "nominal" if c.values or c.text else "scale" for c in table.columns}
    write_atomically(out, lambda temp: pyreadstat.write_sav(
        frame, temp, column_labels={c.name: c.label[:250] for c in table.columns},
        variable_value_labels=labels, missing_ranges=missing, variable_measure=measure))
    return [out]


def _sav_values(table: DataTable, index: int, text: bool) -> list:
    values = [row[index] for row in table.rows]
    if text:
        return ["" if v is None else str(v) for v in values]
    return [float("nan") if v is None else float(v) for v in values]


def _check_spss_names(table: DataTable) -> None:
    seen: set[str] = set()
    for name in table.header:
        if len(name.encode()) > SPSS_NAME_LIMIT:
            raise DataExportError(f"the column {name} is longer than SPSS allows "
                                  f"({SPSS_NAME_LIMIT} bytes); shorten its key in the "
                                  f"codebook, or export CSV or XLSX")
        if name.lower() in seen:
            raise DataExportError(f"SPSS does not tell {name} from another column that "
                                  f"differs only in case; export CSV or XLSX")
        seen.add(name.lower())


WRITERS = {".csv": write_csv, ".xlsx": write_xlsx, ".sav": write_sav}
