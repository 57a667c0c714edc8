"""Finding where a quote really is in an imported document, so demo evidence cites truly.

The page comes from the imported text layer (the same text the viewer's search uses), the
paragraph from the text layer's numbered paragraphs, and the rectangles cover the quote on the
lines it spans, in PDF points with a top-left origin as the viewer stores them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from schema.documents.text_layer import Line, page_lines, paragraph_for_quote
from schema.errors import CasecoderError

LEADING_NUMBER = re.compile(r"^\d+(\.\d+)+\s+")
BODY_SIZE = 11  # the sample PDFs' body text size, in points


@dataclass(frozen=True)
class Citation:
    document_id: str
    page: int
    paragraph: str
    rects: list[tuple[float, float, float, float]]


def letters(text: str) -> str:
    """Text reduced to lower-case letters and digits, so line breaks and spacing don't matter."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def cite(store, document_id: str, quote: str) -> Citation:
    """The first page holding `quote`, its paragraph and rectangles; raises if it is nowhere."""
    wanted = letters(quote)
    document = store.get_document(document_id)
    for page in range(1, document.page_count + 1):
        lines = page_lines(store, document_id, page)
        rects = quote_rects(lines, wanted)
        if rects:
            paragraph = paragraph_for_quote(store, document_id, page, quote)
            return Citation(document_id, page, paragraph, rects)
    raise CasecoderError(f"the quote {quote!r} is not in {document.file_name}")


def quote_rects(lines: list[Line], wanted: str) -> list[tuple[float, float, float, float]]:
    """One rectangle per line the quote covers; [] if the quote is not on these lines."""
    text, owners = "", []
    for index, line in enumerate(lines):
        found = letters(line.text)
        text += found
        owners += [index] * len(found)
    start = text.find(wanted) if wanted else -1
    if start < 0:
        return []
    end = start + len(wanted) - 1
    rects = []
    for index in range(owners[start], owners[end] + 1):
        line = lines[index]
        first = start - owners.index(index) if index == owners[start] else 0
        last = end - owners.index(index) + 1 if index == owners[end] else None
        rects.append(_span(line, first, last))
    return rects


def _span(line: Line, first: int, last: int | None) -> tuple[float, float, float, float]:
    """The box of the letters first..last of a line, measured in the line's own characters.

    A paragraph number at the start of a line sits in its own column, so the text after it is
    measured from the right-hand end of the line instead of the left."""
    chars = [i for i, ch in enumerate(line.text) if letters(ch)]
    begin = chars[first] if first < len(chars) else 0
    stop = chars[last - 1] + 1 if last is not None and last <= len(chars) else len(line.text)
    left, skip = line.x0, 0
    number = LEADING_NUMBER.match(line.text)
    if number:
        skip = number.end()
        left = max(line.x0, line.x1 - stringWidth(line.text[skip:], "Helvetica", BODY_SIZE))
        begin = max(begin, skip)
    text = line.text[skip:]
    full = stringWidth(text, "Helvetica", BODY_SIZE) or 1.0
    scale = (line.x1 - left) / full
    x0 = left + scale * stringWidth(text[:begin - skip], "Helvetica", BODY_SIZE)
    x1 = left + scale * stringWidth(text[:stop - skip], "Helvetica", BODY_SIZE)
    return (round(x0, 2), round(line.y0, 2), round(x1, 2), round(line.y1, 2))
