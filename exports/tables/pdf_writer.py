"""PDF output (reportlab): landscape A4, header rows repeated on every page, wrapping cells,
a bar chart per table, and footnotes stating N, the codebook version, the date and filters."""

from __future__ import annotations

from html import escape
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from exports.tables.charts import FONT, layout
from exports.tables.files import write_atomically
from exports.tables.model import MARK, Cell, Chart, Table, TableSet

PAGE = landscape(A4)
MARGIN = 12 * mm
WIDTH = PAGE[0] - 2 * MARGIN
_styles = getSampleStyleSheet()
CELL = ParagraphStyle("cell", parent=_styles["BodyText"], fontSize=8, leading=9.8)
HEAD = ParagraphStyle("head", parent=CELL, fontName=f"{FONT}-Bold")
NOTE = ParagraphStyle("note", parent=CELL, fontSize=7.5, leading=9, textColor="#333333")
TITLE = _styles["Heading2"]
GRID = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dce6f1")),
    ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#f3f3f3")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
])


def write_pdf(tables: TableSet, path: Path) -> Path:
    story: list = [Paragraph(escape(tables.title), _styles["Title"])]
    for index, table in enumerate(tables.tables):
        if index:
            story.append(CondPageBreak(60 * mm))
        story += _table_story(table)
    story.append(Spacer(1, 6 * mm))
    story += [Paragraph(escape(note), NOTE) for note in tables.footnotes]

    def build(temp: Path) -> None:
        doc = SimpleDocTemplate(str(temp), pagesize=PAGE, leftMargin=MARGIN,
                                rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                                title=tables.title, author="Casecoder")
        doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return write_atomically(path, build)


def _page_number(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 7)
    canvas.drawRightString(PAGE[0] - MARGIN, 6 * mm, f"Page {doc.page}")
    canvas.restoreState()


def _markup(cell: Cell) -> str:
    lines = []
    for line in cell.lines():
        runs = []
        for text, bold in line:
            text = escape(text).replace(MARK, '<font name="ZapfDingbats">4</font>')
            runs.append(f"<b>{text}</b>" if bold else text)
        lines.append("".join(runs))
    return ("<br/>" if cell.listed else "; ").join(lines)


def _table_story(table: Table) -> list:
    first = WIDTH * (0.24 if table.corner else 0.17)
    other = (WIDTH - first) / max(1, len(table.columns))
    header = [Paragraph(escape(table.corner), HEAD)]
    header += [Paragraph(f"{escape(c.label)}<br/><font size=7>{c.cases} review"
                         f"{'s' if c.cases != 1 else ''}</font>", HEAD) for c in table.columns]
    body = [[Paragraph(escape(row.label), HEAD),
             *(Paragraph(_markup(row.cells[c.key]), CELL) for c in table.columns)]
            for row in table.rows]
    grid = PdfTable([header, *body], colWidths=[first] + [other] * len(table.columns),
                    repeatRows=1, hAlign="LEFT")
    grid.setStyle(GRID)
    story = [Paragraph(escape(table.title), TITLE), grid, Spacer(1, 2 * mm)]
    story += [Paragraph(escape(note), NOTE) for note in table.notes]
    if table.chart:
        story += [Spacer(1, 4 * mm), KeepTogether([chart_drawing(table.chart)])]
    return story


def chart_drawing(chart: Chart, width: float = WIDTH) -> Drawing:
    """The chart laid out once (charts.layout) and drawn with reportlab.graphics."""
    shapes, height = layout(chart, width)
    drawing = Drawing(width, height)
    for shape in shapes:
        y = height - shape.y
        if shape.kind == "rect":
            drawing.add(Rect(shape.x, y - shape.height, shape.width, shape.height,
                             fillColor=colors.HexColor(shape.fill), strokeColor=None))
        else:
            drawing.add(String(shape.x, y, shape.text, fontSize=shape.size,
                               fontName=f"{FONT}-Bold" if shape.bold else FONT,
                               textAnchor=shape.anchor,
                               fillColor=colors.HexColor(shape.fill)))
    return drawing
