"""Render the sample review texts in resources/samples/ to PDFs that look like published reviews.

A sample is Markdown-like text with YAML front matter (see resources/samples/README.md): `#`
headings start a new page as in most published reviews, `1.1 ...` lines start numbered
paragraphs, `- ` lines are bullets and `|` lines make a table. Each PDF gets a title page, an
optional contents page, a running header and a "Page X of Y" footer. No Qt here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from schema.errors import CasecoderError

NUMBERED = re.compile(r"^(\d+\.\d+)\s+(.*)$")
MARGIN = 2.4 * cm
ACCENT = colors.HexColor("#1f4e79")


@dataclass
class Block:
    """One piece of body text: a heading, paragraph, bullet or table."""

    kind: str  # h1, h2, numbered, plain, bullet, table
    text: str = ""
    number: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Sample:
    """A sample document: its front matter and its body blocks."""

    meta: dict
    blocks: list[Block]
    source: Path

    @property
    def file_name(self) -> str:
        return self.meta["file"]


def read_sample(path: Path) -> Sample:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise CasecoderError(f"{path}: a sample starts with '---' and YAML front matter")
    front, _, body = text[4:].partition("\n---\n")
    meta = yaml.safe_load(front) or {}
    for key in ("case", "file", "title", "header"):
        if key not in meta:
            raise CasecoderError(f"{path}: the front matter has no '{key}'")
    return Sample(meta=meta, blocks=parse_body(body), source=path)


def parse_body(body: str) -> list[Block]:
    """Split the body into blocks; a line that starts nothing new continues the last block."""
    blocks: list[Block] = []
    previous_blank = True
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            previous_blank = True
            continue
        block = _start_block(line, blocks, previous_blank)
        if block is not None:
            blocks.append(block)
        previous_blank = False
    return blocks


def _start_block(line: str, blocks: list[Block], previous_blank: bool) -> Block | None:
    if line.startswith("## "):
        return Block("h2", line[3:])
    if line.startswith("# "):
        return Block("h1", line[2:])
    if line.startswith("|"):
        cells = [c.strip() for c in line.strip("|").split("|")]
        if all(set(c) <= set("-: ") for c in cells):
            return None
        if blocks and blocks[-1].kind == "table" and not previous_blank:
            blocks[-1].rows.append(cells)
            return None
        return Block("table", rows=[cells])
    if line.startswith("- "):
        return Block("bullet", line[2:])
    match = NUMBERED.match(line)
    if match:
        return Block("numbered", match.group(2), number=match.group(1))
    if blocks and not previous_blank and blocks[-1].kind in ("numbered", "plain", "bullet"):
        blocks[-1].text += " " + line
        return None
    return Block("plain", line)


def inline(text: str) -> str:
    """Escape text for reportlab and turn **bold** and *italic* into its markup."""
    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()["BodyText"]
    body = ParagraphStyle("body", base, fontName="Helvetica", fontSize=11, leading=15.5,
                          spaceAfter=7)
    return {
        "body": body,
        "numbered": ParagraphStyle("numbered", body, leftIndent=1.3 * cm, bulletIndent=0),
        "bullet": ParagraphStyle("bullet", body, leftIndent=1.9 * cm, bulletIndent=1.4 * cm,
                                 spaceAfter=4),
        "h1": ParagraphStyle("h1", body, fontName="Helvetica-Bold", fontSize=16, leading=20,
                             textColor=ACCENT, spaceBefore=10, spaceAfter=12,
                             keepWithNext=1),
        "h2": ParagraphStyle("h2", body, fontName="Helvetica-Bold", fontSize=12, leading=16,
                             textColor=ACCENT, spaceBefore=8, spaceAfter=6, keepWithNext=1),
        "cell": ParagraphStyle("cell", body, fontSize=9, leading=11.5, spaceAfter=0),
        "cell_head": ParagraphStyle("cell_head", body, fontName="Helvetica-Bold", fontSize=9,
                                    leading=11.5, spaceAfter=0, textColor=colors.white),
        "title": ParagraphStyle("title", body, fontName="Helvetica-Bold", fontSize=24,
                                leading=30, textColor=ACCENT, alignment=TA_CENTER),
        "centre": ParagraphStyle("centre", body, fontSize=13, leading=18, alignment=TA_CENTER),
        "small": ParagraphStyle("small", body, fontSize=9, leading=12, alignment=TA_CENTER,
                                textColor=colors.HexColor("#555555")),
    }


class _Heading(Paragraph):
    """A level-1 heading that registers itself in the table of contents."""


class _ReviewDoc(BaseDocTemplate):
    def __init__(self, path: Path, sample: Sample) -> None:
        pagesize = landscape(A4) if sample.meta.get("landscape") else A4
        super().__init__(str(path), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=2.6 * cm, bottomMargin=2.4 * cm,
                         title=" ".join(_as_list(sample.meta["title"])),
                         author=sample.meta.get("author", ""), creator="Casecoder demo")
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                            onPage=lambda c, d: _decorate(c, d, sample))])

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))


def _as_list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _decorate(canvas: Canvas, doc: BaseDocTemplate, sample: Sample) -> None:
    """The running header on every page but the title page; the page number is drawn later."""
    if canvas.getPageNumber() == 1:
        return
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setFont("Helvetica", 8.5)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawString(MARGIN, height - 1.5 * cm, sample.meta["header"])
    canvas.drawRightString(width - MARGIN, height - 1.5 * cm,
                           sample.meta.get("marking", "OFFICIAL"))
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, height - 1.7 * cm, width - MARGIN, height - 1.7 * cm)
    canvas.restoreState()


class _PageCountCanvas(Canvas):
    """Holds every page back until the end so each footer can say "Page X of Y"."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width = self._pagesize[0]
        self.saveState()
        self.setFont("Helvetica", 8.5)
        self.setFillColor(colors.HexColor("#444444"))
        self.drawCentredString(width / 2, 1.3 * cm, f"Page {self._pageNumber} of {total}")
        self.restoreState()


def _title_page(sample: Sample, styles: dict[str, ParagraphStyle],
                scale: float) -> list[Flowable]:
    """Board, title, subtitle and credits, spaced for the page (scale < 1 in landscape)."""
    meta = sample.meta

    def gap(size: float) -> Spacer:
        return Spacer(1, size * scale * cm)

    story: list[Flowable] = [gap(2.2)]
    if meta.get("board"):
        story += [Paragraph(inline(meta["board"]), styles["centre"]), gap(2.4)]
    story += [Paragraph(inline(line), styles["title"]) for line in _as_list(meta["title"])]
    story.append(gap(0.8))
    story += [Paragraph(inline(line), styles["centre"])
              for line in _as_list(meta.get("subtitle", []))]
    story.append(gap(3))
    story += [Paragraph(inline(line), styles["centre"])
              for line in _as_list(meta.get("credits", []))]
    story.append(gap(2.5))
    story.append(Paragraph(
        "This is a fictional review written as sample material for Casecoder. The people, "
        "places, agencies and events in it are invented.", styles["small"]))
    return story + [PageBreak()]


def _contents(styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [ParagraphStyle("toc0", styles["body"], leftIndent=0.4 * cm,
                                      firstLineIndent=0, spaceAfter=3)]
    return [Paragraph("Contents", styles["h1"]), toc]


def _column_widths(rows: list[list[str]], width: float) -> list[float]:
    """Each column gets room for its longest word, then a share of the rest by how much text
    it holds."""
    columns = range(len(rows[0]))
    floors = [12 + max(stringWidth(word, "Helvetica-Bold", 9)
                       for row in rows for word in (row[i].split() or [""]))
              for i in columns]
    weights = [max(4, sum(len(row[i]) for row in rows)) for i in columns]
    spare = max(0.0, width - sum(floors))
    return [floor + spare * weight / sum(weights) for floor, weight in zip(floors, weights,
                                                                           strict=True)]


def _table(rows: list[list[str]], styles: dict[str, ParagraphStyle],
           width: float) -> Table:
    columns = max(len(r) for r in rows)
    rows = [r + [""] * (columns - len(r)) for r in rows]
    widths = _column_widths(rows, width)
    cells = [[Paragraph(inline(c), styles["cell_head" if i == 0 else "cell"]) for c in row]
             for i, row in enumerate(rows)]
    table = Table(cells, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a9bb0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eef2f7")]),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _body(sample: Sample, styles: dict[str, ParagraphStyle], width: float,
          contents: bool) -> list[Flowable]:
    story: list[Flowable] = []
    breaks = bool(sample.meta.get("section_breaks", True))
    for index, block in enumerate(sample.blocks):
        if block.kind == "h1":
            if (index > 0 and breaks) or (index == 0 and contents):
                story.append(PageBreak())
            story.append(_Heading(inline(block.text), styles["h1"]))
        elif block.kind == "h2":
            story.append(Paragraph(inline(block.text), styles["h2"]))
        elif block.kind == "numbered":
            story.append(Paragraph(inline(block.text), styles["numbered"],
                                   bulletText=block.number))
        elif block.kind == "bullet":
            story.append(Paragraph(inline(block.text), styles["bullet"], bulletText="\u2022"))
        elif block.kind == "table":
            story += [_table(block.rows, styles, width), Spacer(1, 0.4 * cm)]
        else:
            story.append(Paragraph(inline(block.text), styles["body"]))
    return story


def render_sample(sample: Sample, out_dir: Path) -> Path:
    """Write one sample as a PDF in out_dir and return its path."""
    path = out_dir / sample.file_name
    doc = _ReviewDoc(path, sample)
    styles = _styles()
    contents = bool(sample.meta.get("contents", False))
    story = _title_page(sample, styles, min(1.0, doc.height / (24.7 * cm)))
    if contents:
        story += _contents(styles)
    story += _body(sample, styles, doc.width, contents)
    if contents:
        doc.multiBuild(story, canvasmaker=_PageCountCanvas)
    else:
        doc.build(story, canvasmaker=_PageCountCanvas)
    return path
