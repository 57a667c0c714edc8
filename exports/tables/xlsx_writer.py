"""XLSX output: one formatted sheet per table (openpyxl), ready to print landscape."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exports.tables.files import write_atomically
from exports.tables.model import Cell, Table, TableSet

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
FIRST_WIDTH, OTHER_WIDTH = 30, 28


def write_xlsx(tables: TableSet, path: Path) -> Path:
    book = Workbook()
    book.remove(book.active)
    for table in tables.tables:
        _sheet(book.create_sheet(_sheet_name(table)), table, tables.footnotes)
    return write_atomically(path, lambda temp: book.save(temp))


def _sheet_name(table: Table) -> str:
    """The table's title, or where Excel's 31-character limit would cut it, its key in
    words ("completeness_by_category" -> "Completeness by category")."""
    name = table.title
    if len(name) > 31:
        name = table.key.replace("_", " ").capitalize()
    for bad in "[]:*?/\\":
        name = name.replace(bad, " ")
    return name[:31]


def _rich(cell: Cell) -> CellRichText | str:
    lines = cell.lines()
    if not any(bold for line in lines for _, bold in line):
        return cell.text
    blocks: list = []
    separator = "\n" if cell.listed else "; "
    for i, line in enumerate(lines):
        if i:
            blocks.append(separator)
        for text, bold in line:
            blocks.append(TextBlock(InlineFont(b=True), text) if bold else text)
    return CellRichText(*blocks)


def _sheet(sheet: Worksheet, table: Table, footnotes: list[str]) -> None:
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([table.corner, *(c.heading for c in table.columns)])
    for cell in sheet[2]:
        cell.font, cell.fill, cell.alignment, cell.border = Font(bold=True), HEADER_FILL, \
            WRAP, BORDER
    for row in table.rows:
        sheet.append([row.label, *(_rich(row.cells[c.key]) for c in table.columns)])
        for cell in sheet[sheet.max_row]:
            cell.alignment, cell.border = WRAP, BORDER
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.append([])
    for note in [*table.notes, *footnotes]:
        sheet.append([note])
    sheet.column_dimensions["A"].width = FIRST_WIDTH
    for index in range(2, len(table.columns) + 2):
        sheet.column_dimensions[get_column_letter(index)].width = OTHER_WIDTH
    sheet.freeze_panes = "B3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
