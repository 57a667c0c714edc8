"""PDF output (reportlab): landscape A4, header rows repeated on every page, wrapping cells,
a bar chart per table, and footnotes stating N, the codebook version, the date and filters."""

from __future__ import annotations

from html import escape
from pathlib import Path

from reportlab.graphics.shapes import Drawing, PolyLine, Rect, String
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
        footer = _footer(tables.footer)
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return write_atomically(path, build)


def _footer(text: str):
    """Draws N, codebook, filters and date on every page, so a single page keeps them."""
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN, 6 * mm, text)
        canvas.drawRightString(PAGE[0] - MARGIN, 6 * mm, f"Page {doc.page}")
        canvas.restoreState()
    return draw


def _markup(cell: Cell) -> str:
    lines = []
    for line in cell.lines():
        runs = []
        for text, bold in line:
            text = escape(text)
            runs.append(f"<b>{text}</b>" if bold else text)
        lines.append("".join(runs))
    return ("<br/>" if cell.listed else "; ").join(lines)


def _cell_flowable(cell: Cell) -> Paragraph | Drawing:
    """A tick is drawn as lines: the standard fonts have no check mark, and a symbol font
    is not installed everywhere the PDF will be opened."""
    return tick() if cell.text == MARK else Paragraph(_markup(cell), CELL)


def tick(size: float = 9) -> Drawing:
    drawing = Drawing(size, size)
    drawing.add(PolyLine([0.1 * size, 0.5 * size, 0.4 * size, 0.15 * size, 0.95 * size,
                          0.9 * size], strokeWidth=1.4, strokeColor=colors.black))
    return drawing


def _note(text: str) -> Paragraph:
    """A note; a leading "✓:" (what the tick means) becomes the drawn tick's name."""
    return Paragraph(escape(text.replace(f"{MARK}:", "Tick:", 1)), NOTE)


def _table_story(table: Table) -> list:
    first = WIDTH * (0.24 if table.corner else 0.17)
    other = (WIDTH - first) / max(1, len(table.columns))
    header = [Paragraph(escape(table.corner), HEAD)]
    header += [Paragraph(f"{escape(c.label)}<br/><font size=7>{c.cases} review"
                         f"{'s' if c.cases != 1 else ''}</font>", HEAD) for c in table.columns]
    body = [[Paragraph(escape(row.label), HEAD),
             *(_cell_flowable(row.cells[c.key]) for c in table.columns)]
            for row in table.rows]
    grid = PdfTable([header, *body], colWidths=[first] + [other] * len(table.columns),
                    repeatRows=1, hAlign="LEFT")
    grid.setStyle(GRID)
    grid.setStyle([("ALIGN", (x, y), (x, y), "CENTER") for y, line in enumerate(body, 1)
                   for x, cell in enumerate(line) if isinstance(cell, Drawing)])
    story = [Paragraph(escape(table.title), TITLE), grid, Spacer(1, 2 * mm)]
    story += [_note(note) for note in table.notes]
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
