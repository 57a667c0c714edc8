"""The matrix as an XLSX workbook: section headings over field headings, both frozen with the
case columns, an auto-filter, and "not reported" / "not applicable" set apart from empty cells
by italic grey text on their own background, explained on a Legend sheet."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exports.matrix.model import FIXED_HEADINGS, Matrix
from exports.tables.files import write_atomically

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
SECTION_FILL = PatternFill("solid", fgColor="B8CCE4")
MARKED_FILLS = {"not_reported": PatternFill("solid", fgColor="FCE9D9"),
                "not_applicable": PatternFill("solid", fgColor="E4E4E4")}
MARKED_FONT = Font(italic=True, color="595959")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_ROWS = 2
LEGEND = (("not_reported", "Not reported", "The review does not give this."),
          ("not_applicable", "Not applicable", "The field does not apply to this case."),
          ("empty", "", "An empty cell has not been coded yet (or the case has fewer items "
                        "of that section than of another)."))


def write_matrix_xlsx(matrix: Matrix, path: str | Path) -> Path:
    """Write the matrix (whole or not at all) and return the path."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Matrix"
    _headers(sheet, matrix)
    for row in matrix.rows:
        sheet.append([*row.fixed, *(cell.text for cell in row.cells)])
        line = sheet.max_row
        for index, cell in enumerate(row.cells, start=len(FIXED_HEADINGS) + 1):
            target = sheet.cell(line, index)
            target.alignment, target.border = WRAP, BORDER
            if cell.kind in MARKED_FILLS:
                target.font, target.fill = MARKED_FONT, MARKED_FILLS[cell.kind]
        for index in range(1, len(FIXED_HEADINGS) + 1):
            sheet.cell(line, index).border = BORDER
        sheet.cell(line, 1).font = Font(bold=True)
    first_field = get_column_letter(len(FIXED_HEADINGS) + 1)
    sheet.freeze_panes = f"{first_field}{HEADER_ROWS + 1}"
    last = get_column_letter(len(FIXED_HEADINGS) + len(matrix.columns))
    sheet.auto_filter.ref = f"A{HEADER_ROWS}:{last}{max(sheet.max_row, HEADER_ROWS)}"
    _widths(sheet, matrix)
    _legend(book.create_sheet("Legend"))
    return write_atomically(Path(path), lambda temp: book.save(temp))


def _headers(sheet: Worksheet, matrix: Matrix) -> None:
    fixed = len(FIXED_HEADINGS)
    sheet.append([""] * fixed + [c.section_label for c in matrix.columns])
    sheet.append([*FIXED_HEADINGS, *(c.label for c in matrix.columns)])
    start = fixed + 1
    for section in matrix.sections:
        width = sum(1 for c in matrix.columns if c.section == section)
        if width > 1:
            sheet.merge_cells(start_row=1, start_column=start, end_row=1,
                              end_column=start + width - 1)
        start += width
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = Font(bold=True), SECTION_FILL, WRAP
    for cell in sheet[2]:
        cell.font, cell.fill, cell.alignment, cell.border = Font(bold=True), HEADER_FILL, \
            WRAP, BORDER


def _widths(sheet: Worksheet, matrix: Matrix) -> None:
    for index, width in enumerate((16, 18, 22, 12, 8), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for index, column in enumerate(matrix.columns):
        longest = max([len(column.label)] + [len(r.cells[index].text) for r in matrix.rows])
        letter = get_column_letter(index + len(FIXED_HEADINGS) + 1)
        sheet.column_dimensions[letter].width = max(12, min(48, longest + 2))


def _legend(sheet: Worksheet) -> None:
    sheet.append(["Cell", "Meaning"])
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    for kind, text, meaning in LEGEND:
        sheet.append([text, meaning])
        if kind in MARKED_FILLS:
            sheet.cell(sheet.max_row, 1).font = MARKED_FONT
            sheet.cell(sheet.max_row, 1).fill = MARKED_FILLS[kind]
        sheet.cell(sheet.max_row, 1).border = BORDER
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 80
