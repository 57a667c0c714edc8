"""From Casecoder's quote rectangles to a REFI-QDA PDF selection.

Casecoder keeps a quote's line boxes as (x0, top, x1, bottom) in PDF points with the origin at
the top-left of the page and y growing downwards, pages numbered from 1. A REFI-QDA
PDFSelection is one rectangle in whole PDF points with PDF's own origin, the bottom-left of the
page, y growing upwards: (firstX, firstY) is its upper-left corner and (secondX, secondY) its
lower-right one. Pages are numbered from FIRST_PAGE. A quote spanning several lines becomes the
rectangle around all of them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

FIRST_PAGE = 0  # the number REFI-QDA gives a document's first page


@dataclass(frozen=True)
class Selection:
    page: int
    first_x: int
    first_y: int
    second_x: int
    second_y: int


def selection_from_rects(page: int, rects: list, page_height: float) -> Selection | None:
    """The REFI rectangle around a quote's boxes on a 1-based `page`, or None without boxes."""
    boxes = [tuple(float(v) for v in rect) for rect in rects if len(rect) >= 4]
    if not boxes or page < 1:
        return None
    left = min(min(b[0], b[2]) for b in boxes)
    right = max(max(b[0], b[2]) for b in boxes)
    top = min(min(b[1], b[3]) for b in boxes)
    bottom = max(max(b[1], b[3]) for b in boxes)
    return Selection(page=page - 1 + FIRST_PAGE,
                     first_x=round(left), first_y=round(page_height - top),
                     second_x=round(right), second_y=round(page_height - bottom))


def pdf_page_heights(pdf: bytes) -> list[float]:
    """Each page's height in points from the PDF itself (its media box), for documents whose
    text layer was not read. An unreadable PDF gives an empty list."""
    from pdfminer.pdfpage import PDFPage  # only when the text layer lacks a page

    heights = []
    try:
        for page in PDFPage.get_pages(io.BytesIO(pdf)):
            box = page.mediabox
            heights.append(float(abs(box[3] - box[1])))
    except Exception:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        return []
    return heights
