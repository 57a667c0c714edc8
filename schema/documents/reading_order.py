"""Putting a page's text lines into the order a person reads them.

pdfminer.six gives lines grouped in boxes; a paragraph number set in a margin, or the cells of
a table row, come out as separate pieces. Here pieces that share a baseline are joined into one
line (so "4.12" and its text read as "4.12 The GP ..."), and a page with two columns (a clear
vertical gutter with text on both sides) is read left column first. Boxes are
(text, x0, top, x1, bottom) in points with a top-left origin.
"""

from __future__ import annotations

Line = tuple[str, float, float, float, float]

GUTTER_BAND = (0.42, 0.58)  # fraction of the page width searched for a column gutter
MIN_COLUMN_LINES = 6


def reading_order(pieces: list[Line], page_width: float) -> list[Line]:
    """The page's lines, top to bottom, left column before right where there are two."""
    if not pieces:
        return []
    split = _column_split(pieces, page_width)
    if split is None:
        return _rows(pieces)
    left = [p for p in pieces if p[3] <= split]
    right = [p for p in pieces if p[1] >= split]
    return _rows(left) + _rows(right)


def _column_split(pieces: list[Line], page_width: float) -> float | None:
    """An x that no piece of text crosses, with enough text on both sides, or None."""
    if page_width <= 0:
        return None
    low, high = (page_width * f for f in GUTTER_BAND)
    crossing = [(p[1], p[3]) for p in pieces if p[1] < high and p[3] > low]
    candidates = [low + (high - low) * i / 16 for i in range(17)]
    for x in candidates:
        if any(x0 < x < x1 for x0, x1 in crossing):
            continue
        left = sum(1 for p in pieces if p[3] <= x)
        right = sum(1 for p in pieces if p[1] >= x)
        if left >= MIN_COLUMN_LINES and right >= MIN_COLUMN_LINES:
            return x
    return None


def _rows(pieces: list[Line]) -> list[Line]:
    """Join pieces whose vertical extents mostly overlap into one line, left to right."""
    rows: list[list[Line]] = []
    for piece in sorted(pieces, key=lambda p: (p[2], p[1])):
        if rows and _same_row(rows[-1], piece):
            rows[-1].append(piece)
        else:
            rows.append([piece])
    return [_join(row) for row in rows]


def _same_row(row: list[Line], piece: Line) -> bool:
    top = min(p[2] for p in row)
    bottom = max(p[4] for p in row)
    overlap = min(bottom, piece[4]) - max(top, piece[2])
    height = min(bottom - top, piece[4] - piece[2])
    return height > 0 and overlap >= 0.6 * height


def _join(row: list[Line]) -> Line:
    row.sort(key=lambda p: p[1])
    text = " ".join(p[0] for p in row)
    return (text, min(p[1] for p in row), min(p[2] for p in row),
            max(p[3] for p in row), max(p[4] for p in row))
