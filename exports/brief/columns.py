"""Column widths for the action plan, sized by what the columns hold.

Each short column (number, agency, level, owner, status) gets, in order of need: room for
its longest word, so no word breaks; then room for every cell in at most two lines; then
room for its cells on one line, cheapest column first, at a small cost ("In progress")
whenever the text keeps its least share, at any cost while it keeps a comfortable one. The
recommendation text takes what remains, and never less than TEXT_LEAST of the table.
"""

from __future__ import annotations

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from exports.brief.fonts import BOLD, REGULAR

SIZE = 8.5
CELL_PADDING = 4.5
PADDING = 2 * CELL_PADDING + 1  # a cell's left and right padding, and a point to spare
TEXT_LEAST = 0.36
TEXT_COMFORT = 0.45
CHEAP = 16.0
"""Points a column may take from the text's comfortable share to fit on one line."""
MOST = 0.24
"""No short column takes more than this share of the table."""


def _font(row: int) -> str:
    return BOLD if row == 0 else REGULAR


def _lines(text: str, row: int, width: float) -> int:
    return len(simpleSplit(text, _font(row), SIZE, width - PADDING)) if text else 1


def _widest_word(cells: list[str]) -> float:
    return max(stringWidth(word, _font(r), SIZE) + PADDING
               for r, text in enumerate(cells) for word in text.split() or [""])


def _one_line(cells: list[str]) -> float:
    return max(stringWidth(text, _font(r), SIZE) + PADDING for r, text in enumerate(cells))


def _two_lines(cells: list[str], low: float, high: float) -> float:
    """The narrowest width between low and high at which every cell takes two lines or
    fewer (high when even that is not enough)."""
    if all(_lines(text, r, low) <= 2 for r, text in enumerate(cells)):
        return low
    for _ in range(14):
        middle = (low + high) / 2
        if all(_lines(text, r, middle) <= 2 for r, text in enumerate(cells)):
            high = middle
        else:
            low = middle
    return high


def _widened(chosen: dict[int, float], one: dict[int, float], room: float,
             most: float) -> dict[int, float]:
    """Columns put on one line, cheapest first, each costing at most `most` points, while
    the short columns together stay within `room`."""
    spare = room - sum(chosen.values())
    for i in sorted(chosen, key=lambda i: one[i] - chosen[i]):
        cost = one[i] - chosen[i]
        if 0 < cost <= min(spare, most):
            spare -= cost
            chosen[i] = one[i]
    return chosen


def fitted_widths(rows: list[list[str]], text_column: int, width: float) -> list[float]:
    """The width of each column for `rows` (the header first) in a table `width` wide."""
    columns = [[row[i] for row in rows] for i in range(len(rows[0]))]
    short = [i for i in range(len(columns)) if i != text_column]
    most = MOST * width
    word = {i: min(most, _widest_word(columns[i])) for i in short}
    one = {i: min(most, max(word[i], _one_line(columns[i]))) for i in short}
    two = {i: _two_lines(columns[i], word[i], one[i]) for i in short}
    room = width * (1 - TEXT_LEAST)
    if sum(two.values()) > room:
        spare = room - sum(word.values())
        need = sum(two[i] - word[i] for i in short)
        share = max(0.0, min(1.0, spare / need)) if need > 0 else 1.0
        chosen = {i: word[i] + (two[i] - word[i]) * share for i in short}
    else:
        chosen = _widened(dict(two), one, room, CHEAP)
        chosen = _widened(chosen, one, width * (1 - TEXT_COMFORT), width)
    widths = [chosen.get(i, 0.0) for i in range(len(columns))]
    widths[text_column] = width - sum(chosen.values())
    return widths
