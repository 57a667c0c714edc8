"""A realistic review PDF for tests and benchmarks, drawn with reportlab.

`build_review_pdf(path, pages=100)` writes an overview report of a fictional Domestic Homicide
Review: a running header and "Page N of M" footer on every page, section headings, numbered
paragraphs ("4.12") set with the number in the left margin, paragraphs that continue across
page breaks, and a table of the agencies involved. Every paragraph holds one dated sentence
with a date no other paragraph uses, so a test can search for a phrase and know the page and
paragraph it must find. All text is written for this project; the family is invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
LEFT, RIGHT, TEXT_LEFT = 72.0, WIDTH - 72.0, 108.0
TOP, BOTTOM = HEIGHT - 90.0, 80.0
FONT, BOLD, SIZE, LEADING = "Helvetica", "Helvetica-Bold", 10.5, 14.0
HEADER = "Domestic Homicide Review: Overview Report (Ms Ana Holloway)"
MARKING = "OFFICIAL-SENSITIVE"

SECTIONS = ["Introduction", "Terms of reference", "The family and the people involved",
            "Chronology of agency contact", "Analysis", "Findings and learning",
            "Recommendations"]
AGENCIES = ["the GP practice", "the health visiting service", "the police",
            "the ambulance service", "adult social care", "the housing provider",
            "the IDVA service", "the community mental health team",
            "the emergency department", "the probation service"]
ACTIONS = ["recorded a concern about bruising to her forearm",
           "made a referral to the MARAC after a DASH risk assessment scored fourteen",
           "visited the flat and found the door had been forced",
           "offered a follow-up appointment which was not attended",
           "noted that Mr Holloway answered questions put to his wife",
           "completed a welfare check after a neighbour reported shouting",
           "discussed the tenancy arrears with both partners together",
           "prescribed medication for low mood and poor sleep",
           "closed the case because contact could not be made"]
PROSE = [
    "The panel considered whether the information held at that point was shared with the "
    "other agencies that were working with the household.",
    "There is no record that anyone asked Ana directly whether she felt safe at home, or "
    "that she was seen on her own.",
    "Practitioners described a pattern in which appointments were rearranged at short notice "
    "and the reasons given were accepted without further enquiry.",
    "The review found that each contact was handled as a separate event, so the growing "
    "frequency of incidents was not recognised by any single service.",
    "Managers told the panel that caseloads in the team were high during this period and "
    "that supervision sessions were often cancelled.",
    "Her sister told the review that Ana had become more isolated from the family and "
    "rarely visited without her husband.",
    "The agency's own policy required a safeguarding discussion with a senior colleague, "
    "but no such discussion is recorded.",
    "This was a missed opportunity to consider coercive and controlling behaviour, which "
    "had been a criminal offence since 2015.",
]


@dataclass
class ParagraphInfo:
    number: str
    dated_phrase: str
    first_page: int = 0
    last_page: int = 0


@dataclass
class ReviewPdf:
    path: Path
    page_count: int
    paragraphs: list[ParagraphInfo] = field(default_factory=list)

    def paragraph_on_page(self, page: int) -> ParagraphInfo:
        """A paragraph that starts and ends on `page` (so its dated phrase is there)."""
        for info in self.paragraphs:
            if info.first_page == info.last_page == page:
                return info
        raise LookupError(f"no paragraph lies wholly on page {page}")


class _Writer:
    def __init__(self, path: Path, pages: int) -> None:
        self.canvas = Canvas(str(path), pagesize=A4, invariant=True)
        self.canvas.setTitle("Domestic Homicide Review overview report (benchmark)")
        self.pages, self.page, self.y = pages, 1, TOP
        self._decorate()

    def _decorate(self) -> None:
        c = self.canvas
        c.setFont(FONT, 8.5)
        c.drawString(LEFT, HEIGHT - 50, HEADER)
        c.drawRightString(RIGHT, HEIGHT - 50, MARKING)
        c.line(LEFT, HEIGHT - 56, RIGHT, HEIGHT - 56)
        c.drawCentredString(WIDTH / 2, 45, f"Page {self.page} of {self.pages}")

    def room(self, height: float) -> bool:
        return self.y - height >= BOTTOM

    def new_page(self) -> bool:
        if self.page >= self.pages:
            return False
        self.canvas.showPage()
        self.page += 1
        self.y = TOP
        self._decorate()
        return True

    def heading(self, text: str) -> bool:
        if not self.room(3 * LEADING) and not self.new_page():
            return False
        self.y -= LEADING * 0.6
        self.canvas.setFont(BOLD, 12.5)
        self.canvas.drawString(LEFT, self.y, text)
        self.y -= LEADING * 1.6
        return True

    def paragraph(self, number: str, text: str, info: ParagraphInfo) -> bool:
        lines = simpleSplit(text, FONT, SIZE, RIGHT - TEXT_LEFT)
        if not self.room(2 * LEADING) and not self.new_page():
            return False
        info.first_page = self.page
        self.canvas.setFont(FONT, SIZE)
        self.canvas.drawString(LEFT, self.y, number)
        for line in lines:
            if not self.room(LEADING) and not self.new_page():
                return False
            self.canvas.setFont(FONT, SIZE)
            self.canvas.drawString(TEXT_LEFT, self.y, line)
            self.y -= LEADING
        info.last_page = self.page
        self.y -= LEADING * 0.7
        return True

    def table(self, rows: list[list[str]], widths: list[float]) -> bool:
        height = LEADING * 1.5 * len(rows)
        if not self.room(height + LEADING) and not self.new_page():
            return False
        c = self.canvas
        top = self.y + LEADING * 0.9
        for index, row in enumerate(rows):
            c.setFont(BOLD if index == 0 else FONT, 9)
            x = TEXT_LEFT
            for cell, width in zip(row, widths, strict=True):
                c.drawString(x + 4, self.y, cell)
                x += width
            self.y -= LEADING * 1.5
        bottom = self.y + LEADING * 0.9
        x = TEXT_LEFT
        for width in [0.0, *widths]:
            x += width
            c.line(x, top, x, bottom)
        for k in range(len(rows) + 1):
            c.line(TEXT_LEFT, top - k * LEADING * 1.5, x, top - k * LEADING * 1.5)
        self.y -= LEADING
        return True


def _paragraph_text(rng: random.Random, when: date) -> tuple[str, str]:
    day = f"{when.day} {when:%B %Y}"
    dated = f"On {day} {rng.choice(AGENCIES)} {rng.choice(ACTIONS)}."
    text = " ".join([dated, *rng.sample(PROSE, rng.randint(2, 5))])
    return text, day


def _agency_table() -> list[list[str]]:
    rows = [["Agency", "Contacts", "Risk assessed", "Referral made"]]
    for index, agency in enumerate(AGENCIES[:7]):
        name = agency.removeprefix("the ")
        rows.append([name[0].upper() + name[1:], str(3 + index * 2),
                     "yes" if index % 2 else "no", "yes" if index % 3 == 0 else "no"])
    return rows


def build_review_pdf(path: str | Path, pages: int = 100, seed: int = 7) -> ReviewPdf:
    """Write the review PDF to `path` with exactly `pages` pages; return what is where."""
    path = Path(path)
    rng = random.Random(seed)
    writer = _Writer(path, pages)
    result = ReviewPdf(path=path, page_count=pages)
    when = date(2016, 1, 4)
    section, counter, going = 1, 0, True
    writer.heading(f"{section}. {SECTIONS[0]}")
    while going:
        counter += 1
        when += timedelta(days=3)
        text, day = _paragraph_text(rng, when)
        info = ParagraphInfo(number=f"{section}.{counter}", dated_phrase=day)
        going = writer.paragraph(info.number, text, info)
        if going:
            result.paragraphs.append(info)
        if going and section == 2 and counter == 3:
            going = writer.table(_agency_table(), [150.0, 70.0, 85.0, 85.0])
        if going and counter >= _section_length(section):
            section, counter = section + 1, 0
            going = writer.heading(f"{section}. {SECTIONS[section - 1]}")
    writer.canvas.save()
    return result


def _section_length(section: int) -> int:
    lengths = (12, 20, 40, 300, 140, 100)
    return lengths[section - 1] if section <= len(lengths) else 10**6
