"""Generate small test PDFs whose text sits at known positions (reportlab, no Qt).

Every line written is recorded as a `PlacedLine` with its box in PDF points, top-left origin,
so tests can aim a mouse drag at a line and check the rectangles the viewer reports.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

FONT = "Helvetica"
HEADING_FONT = "Helvetica-Bold"


@dataclass(frozen=True)
class PlacedLine:
    """One line of text: its 1-based page and its box in points (top-left origin)."""

    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def middle_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class GeneratedPdf:
    """The PDF bytes plus every line written, in reading order."""

    data: bytes
    page_size: tuple[float, float]
    lines: list[PlacedLine] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return max((line.page for line in self.lines), default=0)

    def line_containing(self, fragment: str) -> PlacedLine:
        """The first line whose text contains `fragment` (KeyError when none does)."""
        for line in self.lines:
            if fragment in line.text:
                return line
        raise KeyError(fragment)

    def count(self, word: str) -> int:
        """How many times `word` occurs, case-insensitively, summed over all lines."""
        return sum(line.text.lower().count(word.lower()) for line in self.lines)


class _Writer:
    """Writes lines top to bottom, starting a new page when the current one is full."""

    def __init__(
        self, page_size: tuple[float, float], margin: float, leading: float, encrypt=None
    ) -> None:
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=page_size, encrypt=encrypt)
        self.page_size = page_size
        self.margin = margin
        self.leading = leading
        self.page = 1
        self.cursor = margin  # top of the next line, points from the top
        self.lines: list[PlacedLine] = []

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.cursor = self.margin

    def write(self, text: str, size: float = 11, font: str = FONT) -> None:
        if not self.fits(self.leading):
            self.new_page()
        baseline = self.cursor + size  # top-left origin
        self.canvas.setFont(font, size)
        self.canvas.drawString(self.margin, self.page_size[1] - baseline, text)
        width = stringWidth(text, font, size)
        top = baseline - size * 0.78  # cap height of Helvetica, roughly
        bottom = baseline + size * 0.22
        right = self.margin + width
        self.lines.append(PlacedLine(self.page, text, self.margin, top, right, bottom))
        self.cursor += self.leading

    def fits(self, points: float) -> bool:
        """Whether `points` more of height fit on the current page."""
        return self.cursor + points <= self.page_size[1] - self.margin

    def skip(self, points: float) -> None:
        self.cursor += points

    def finish(self) -> GeneratedPdf:
        self.canvas.showPage()
        self.canvas.save()
        return GeneratedPdf(self.buffer.getvalue(), self.page_size, self.lines)


def make_pdf(
    pages: list[list[str]],
    *,
    size: float = 11,
    leading: float = 16,
    margin: float = 72,
    page_size: tuple[float, float] = A4,
    encrypt: str | None = None,
) -> GeneratedPdf:
    """One page per list of lines, each line drawn at the left margin.

    `encrypt` sets a user password, for testing how a protected PDF is refused."""
    writer = _Writer(page_size, margin, leading, encrypt)
    for index, lines in enumerate(pages):
        if index:
            writer.new_page()
        for text in lines:
            writer.write(text, size)
    return writer.finish()


_PARAGRAPHS = [
    "The review panel met six times between March and October. Each agency supplied a "
    "chronology and an individual management review, and the chair met the family twice.",
    "Adult A was known to her GP, to the housing provider and to the police. She disclosed "
    "controlling behaviour to a practice nurse, who recorded it but made no MARAC referral.",
    "Police attended the address on four occasions. On the third visit the officer completed "
    "a risk assessment that scored as standard risk, although the history suggested escalation.",
    "The housing officer noted damage to the front door and a request for a transfer. The "
    "request was treated as a repairs matter and the safety concerns were not passed on.",
    "The family told the panel that Adult A had become isolated from friends. They did not "
    "know where to go for advice and had not heard of the local domestic abuse service.",
    "A MARAC referral was eventually made by the hospital after an emergency attendance. "
    "The case was heard eleven days later, and the safety plan relied on a single agency.",
    "Learning for the partnership concerns routine enquiry, information sharing between "
    "housing and police, and the quality of risk assessment where coercive control is present.",
]


def review_pdf(page_count: int = 12) -> GeneratedPdf:
    """A review-like document: a title, headings and numbered paragraphs on `page_count` pages.

    The text is written for these tests. The word "MARAC" occurs a known number of times
    (see `GeneratedPdf.count`), never split over two lines.
    """
    writer = _Writer(A4, margin=64, leading=15)
    writer.write("Domestic Homicide Review: Adult A", size=18, font=HEADING_FONT)
    writer.skip(8)
    writer.write("Overview report, written for testing the Casecoder viewer")
    number = 1
    while True:
        parts = textwrap.wrap(f"{number}. " + _PARAGRAPHS[(number - 1) % len(_PARAGRAPHS)], 88)
        heading = (number - 1) % 4 == 0
        needed = writer.leading * (len(parts) + (2 if heading else 0))
        if writer.page == page_count and not writer.fits(needed):
            break
        if heading:
            writer.skip(6)
            writer.write(f"Section {1 + (number - 1) // 4}: findings", size=13, font=HEADING_FONT)
        for part in parts:
            writer.write(part)
        writer.skip(6)
        number += 1
    return writer.finish()
