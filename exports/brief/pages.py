"""Page furniture and the PDF itself: the protective marking on every page, and a footer with
"Page n of N", the date the brief was produced and the codebook version."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from functools import partial

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from exports.brief.content import BriefContent
from exports.brief.fonts import BOLD, REGULAR
from exports.brief.sections import story
from exports.brief.styles import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MARKING_RED,
    MUTED,
    PAGE,
    RULE_GREY,
)


@dataclass(frozen=True)
class Furniture:
    """What every page carries besides the content."""

    marking: str
    produced: date
    codebook: str


class BriefCanvas(Canvas):
    """Holds each page back until the end, so the footer can say how many pages there are."""

    def __init__(self, *args, furniture: Furniture, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_furniture(number, total)
            super().showPage()
        super().save()

    def _draw_furniture(self, number: int, total: int) -> None:
        width, height = PAGE
        f = self._furniture
        self.saveState()
        if f.marking:
            self.setFont(BOLD, 10)
            self.setFillColor(MARKING_RED)
            self.drawCentredString(width / 2, height - 11 * mm, f.marking)
            self.drawCentredString(width / 2, 15 * mm, f.marking)
        self.setStrokeColor(RULE_GREY)
        self.setLineWidth(0.6)
        self.line(MARGIN_X, 12 * mm, width - MARGIN_X, 12 * mm)
        self.setFont(REGULAR, 7.5)
        self.setFillColor(MUTED)
        produced = f"{f.produced.day} {f.produced:%B %Y}"
        self.drawString(MARGIN_X, 8 * mm,
                        f"Produced {produced} with Casecoder · codebook {f.codebook}")
        self.drawRightString(width - MARGIN_X, 8 * mm, f"Page {number} of {total}")
        self.restoreState()


class BriefDocument(BaseDocTemplate):
    """The brief's document, which notes how far down each page its content reached."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lowest: dict[int, float] = {}  # page number: lowest point reached, from the top

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab's name
        frame = getattr(self, "frame", None)
        if frame is None:
            return
        top = self.bottomMargin + self.height
        self.lowest[self.page] = max(self.lowest.get(self.page, 0.0), top - frame._y)

    def page_room(self) -> tuple[float, ...]:
        """The share (0 to 1) of each page's text area left empty below its content."""
        return tuple(round(max(0.0, 1 - self.lowest.get(page, 0.0) / self.height), 4)
                     for page in range(1, self.page + 1))


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    page_room: tuple[float, ...]
    """Per page, the share of the text area left empty below the content."""


def render(content: BriefContent, furniture: Furniture) -> Rendered:
    """The brief as PDF bytes, with its number of pages and how full each page is."""
    buffer = io.BytesIO()
    doc = BriefDocument(buffer, pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                        title=content.title, subject=content.kind,
                        author="Casecoder", creator="Casecoder learning brief", lang="en-GB")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="brief", frames=[frame])])
    doc.build(story(content, doc.width),
              canvasmaker=partial(BriefCanvas, furniture=furniture))
    return Rendered(buffer.getvalue(), doc.page, doc.page_room())

