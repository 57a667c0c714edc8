"""Finding numbered paragraphs ("4.12") so evidence can be cited as page and paragraph.

Review reports number their paragraphs at the left margin: "4.12 The GP saw ...". A line
starts a paragraph when it begins with a number of two or three parts (1.2, 4.12, 3.2.1) at
the page's left margin, followed by nothing or by text that does not start in lower case (so
"3.5 hours later" in running text is not a paragraph). Every later line belongs to that
paragraph until the next number, across page breaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

PARAGRAPH_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){1,2})\.?(?:\s+(?P<rest>\S)|$)")
MARGIN_TOLERANCE = 40.0  # points right of the page's leftmost text that still count as margin


@dataclass(frozen=True)
class PageParagraphs:
    """For one page: the paragraph running when it starts, and each line's paragraph."""

    carry_in: str
    line_paragraphs: list[str]


def paragraph_number(text: str) -> str:
    """The paragraph number a line starts with, or ""."""
    match = PARAGRAPH_NUMBER.match(text)
    if not match:
        return ""
    rest = match.group("rest")
    if rest is not None and rest.islower():
        return ""
    return match.group(1)


def assign_paragraphs(pages: Sequence[Sequence[tuple]], carry_in: str = "") -> list[
        PageParagraphs]:
    """Each page's paragraphs, in page order. Lines are (text, x0, top, x1, bottom)."""
    result = []
    current = carry_in
    for lines in pages:
        start = current
        margin = min((line[1] for line in lines), default=0.0) + MARGIN_TOLERANCE
        labels = []
        for line in lines:
            number = paragraph_number(line[0]) if line[1] <= margin else ""
            if number:
                current = number
            labels.append(current)
        result.append(PageParagraphs(carry_in=start, line_paragraphs=labels))
    return result
