"""Small review-like PDFs for GUI tests, written with reportlab: numbered paragraphs per page."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

SENTENCES = (
    "The panel met the family twice and read the records of six agencies.",
    "Officers attended the flat after a neighbour reported shouting late at night.",
    "The GP recorded low mood but did not ask about the relationship at home.",
    "Housing moved the tenancy twice in one year without sharing the reasons.",
    "A referral to the domestic abuse service was made but not followed up.",
)


def write_review_pdf(path: Path, title: str, pages: int, first_paragraph: int = 1) -> Path:
    """A PDF of `pages` pages, each with a heading and three numbered paragraphs."""
    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    number = first_paragraph
    for page in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(72, height - 72, f"{title}, page {page}")
        canvas.setFont("Helvetica", 11)
        y = height - 110
        for line in range(3):
            text = SENTENCES[(page + line) % len(SENTENCES)]
            canvas.drawString(72, y, f"{number}. {text}")
            y -= 40
            number += 1
        canvas.showPage()
    canvas.save()
    return path
