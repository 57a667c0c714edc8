"""Reading a stored document's text layer, to cite evidence as page and paragraph.

Coordinates are PDF points (1/72 inch) with a TOP-LEFT origin: x grows to the right and y
grows DOWNWARDS from the top edge of the page, as in Qt. `y0` is a line's top and `y1` its
bottom, so y0 < y1. Pages are 1-based.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from schema.errors import NotFoundError

SHORTER_QUOTES = (60, 30)  # prefixes tried when a whole quote runs on to the next page


@dataclass(frozen=True)
class Line:
    """One line of text in reading order, its box, and the numbered paragraph it belongs to."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    paragraph: str


@dataclass(frozen=True)
class _Page:
    lines: list[Line]
    carry_in: str


def page_lines(store, document_id: str, page: int) -> list[Line]:
    """The page's lines in reading order; [] for a page without text (image-only or failed)."""
    return _load_page(store, document_id, page).lines


def document_lines(store, document_id: str) -> Iterator[tuple[int, list[Line]]]:
    """(page, its lines) for each page of a document that has text, in page order, read a
    page at a time so a long review is never held in memory whole."""
    cursor = store.db.execute(
        "SELECT page, lines_json, text FROM pages WHERE document_id = ? AND lines_json != '[]' "
        "ORDER BY page", [document_id])
    for page, lines_json, text in cursor:
        boxes = json.loads(lines_json)
        yield page, [Line(t, *box) for t, box in zip(text.split("\n"), boxes, strict=True)]


def paragraph_at(store, document_id: str, page: int, y_top: float) -> str:
    """The numbered paragraph that the point `y_top` points down from the page's top lies in.

    A point between lines belongs to the line above it; a point above the first line belongs
    to the paragraph carried over from earlier pages. "" where no numbered paragraph has begun.
    """
    loaded = _load_page(store, document_id, page)
    found = loaded.carry_in
    for line in loaded.lines:
        if line.y0 > y_top:
            break
        found = line.paragraph
    return found


def paragraph_for_quote(store, document_id: str, page: int, quote: str) -> str:
    """The numbered paragraph where `quote` starts on the page, or "" if it is not found there.

    Matching ignores case, spacing, punctuation and line-break hyphens, so a quote copied from
    the viewer across lines is found. A quote that runs on to the next page is found by its
    opening words.
    """
    loaded = _load_page(store, document_id, page)
    letters, owners = _letters_with_lines(loaded.lines)
    wanted = "".join(_letters(quote))
    if not wanted:
        return ""
    for candidate in (wanted, *(wanted[:n] for n in SHORTER_QUOTES if n < len(wanted))):
        at = letters.find(candidate)
        if at >= 0:
            return loaded.lines[owners[at]].paragraph
    return ""


def _load_page(store, document_id: str, page: int) -> _Page:
    row = store.db.execute(
        "SELECT lines_json, text, carry_in FROM pages WHERE document_id = ? AND page = ?",
        [document_id, page]).fetchone()
    if row is None:
        document = store.get_document(document_id)  # raises NotFoundError if missing
        raise NotFoundError(f"{document.file_name} has no page {page} "
                            f"(it has {document.page_count})")
    boxes = json.loads(row[0])
    texts = row[1].split("\n") if boxes else []
    lines = [Line(text, *box) for text, box in zip(texts, boxes, strict=True)]
    return _Page(lines=lines, carry_in=row[2])


def _letters(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return [ch for ch in folded if ch.isalnum()]


def _letters_with_lines(lines: list[Line]) -> tuple[str, list[int]]:
    letters: list[str] = []
    owners: list[int] = []
    for index, line in enumerate(lines):
        found = _letters(line.text)
        letters += found
        owners += [index] * len(found)
    return "".join(letters), owners
