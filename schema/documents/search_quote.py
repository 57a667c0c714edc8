"""The citable part of a search hit: the sentence holding the page's first match.

A page's text is its lines joined with "\\n" (schema.migrations.m0002_text_layer), and FTS5's
`highlight()` gives that text back with each match wrapped in two marker characters. From it
we take the sentence around the first match, and the boxes of the lines that sentence spans,
so the viewer can highlight it and the coder can cite it as evidence for a field. A sentence
longer than MAX_QUOTE characters (a table, a list without full stops) is cut to the lines
holding the match.
"""

from __future__ import annotations

import re
from itertools import accumulate

MAX_QUOTE = 400
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)")

Rect = tuple[float, float, float, float]


def hit_quote(marked: str, boxes: list, start_mark: str, end_mark: str
              ) -> tuple[str, tuple[Rect, ...]]:
    """(quote, line boxes) for the first match in `marked`; ("", ()) when nothing is marked."""
    first = marked.find(start_mark)
    if first < 0:
        return "", ()
    close = marked.find(end_mark, first)
    plain = marked.replace(start_mark, "").replace(end_mark, "")
    hit_start = first
    hit_end = (close - 1) if close > first else hit_start + 1
    start, end = _sentence(plain, hit_start, hit_end)
    if end - start > MAX_QUOTE:
        start, end = _lines(plain, hit_start, hit_end)
    start, end = _within_paragraph(plain, boxes, hit_start, start, end)
    first_line = plain.count("\n", 0, start)
    last_line = plain.count("\n", 0, max(end - 1, start))
    rects = tuple(tuple(float(v) for v in box[:4])
                  for box in boxes[first_line:last_line + 1])
    return " ".join(plain[start:end].split()), rects


def _sentence(plain: str, hit_start: int, hit_end: int) -> tuple[int, int]:
    """The span of the sentence from before `hit_start` to the full stop after `hit_end`."""
    start = 0
    for found in _SENTENCE_END.finditer(plain, 0, hit_start):
        start = found.end()
    while start < hit_start and plain[start].isspace():
        start += 1
    after = _SENTENCE_END.search(plain, hit_end)
    return start, after.end() if after else len(plain)


def _within_paragraph(plain: str, boxes: list, hit_start: int, start: int, end: int
                      ) -> tuple[int, int]:
    """Narrow the span to the lines of the match's numbered paragraph, so that a heading or
    the paragraph before, which end without a full stop, stay out of the quote."""
    if not boxes:
        return start, end
    offsets = [0, *accumulate(len(line) + 1 for line in plain.split("\n"))]
    lines = min(len(boxes), len(offsets) - 1)
    hit_line = min(plain.count("\n", 0, hit_start), lines - 1)
    label = boxes[hit_line][4]
    first = hit_line
    while first > 0 and offsets[first] > start and boxes[first - 1][4] == label:
        first -= 1
    last = hit_line
    while last + 1 < lines and offsets[last + 1] < end and boxes[last + 1][4] == label:
        last += 1
    return max(start, offsets[first]), min(end, offsets[last + 1] - 1)


def _lines(plain: str, hit_start: int, hit_end: int) -> tuple[int, int]:
    """The span of the whole lines holding the match."""
    start = plain.rfind("\n", 0, hit_start) + 1
    end = plain.find("\n", hit_end)
    return start, len(plain) if end < 0 else end
