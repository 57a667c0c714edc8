"""Keyword suggestions: passages of a case's documents that name an option of a field.

Every option with `keywords` (see schema.keywords for how they are written) is looked for
in each page's text layer. A hit offers the option with the sentence around it as the quote,
the numbered paragraph the quote starts in, and one rectangle per line it covers, so
accepting it cites the passage just as selecting the text in the viewer would. A suggestion
is only an offer: nothing here writes an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from schema.codebook_model import Codebook, Field
from schema.documents.text_layer import Line
from schema.keywords import fold_text, keyword_anchor, keyword_pattern

MAX_PER_OPTION = 3  # passages offered for one option of one field, the first in the case
QUOTE_REACH = 160  # characters a quote runs before and after its keyword at most
SNIPPET_REACH = 48
_SENTENCE_END = re.compile(r"[.?!]\s")
_LEADING_NUMBER = re.compile(r"^\d{1,3}(\.\d{1,3}){1,2}\.?\s+")
_WIDTH_FONT, _WIDTH_SIZE = "Helvetica", 10  # proportions for placing text inside a line box


@dataclass(frozen=True)
class Suggestion:
    """One passage offered for one option of a field (`field` is its "section.field" path).
    `hit` is where the keyword sits in `quote`; `rects` are (x0, top, x1, bottom) in PDF
    points from the page's top left, one per line of the quote."""

    field: str
    option: str
    option_label: str
    document_id: str
    page: int
    paragraph: str
    quote: str
    hit: tuple[int, int]
    rects: tuple[tuple[float, float, float, float], ...] = ()

    @property
    def key(self) -> tuple[str, str, str, int, str]:
        """What a dismissal remembers: the same option offered for the same passage."""
        return (self.field, self.option, self.document_id, self.page, self.quote)

    @property
    def keyword(self) -> str:
        return self.quote[self.hit[0]:self.hit[1]]

    def snippet(self, reach: int = SNIPPET_REACH, mark: tuple[str, str] = ("[", "]")) -> str:
        """A short excerpt around the keyword, which is marked (as `search` marks hits)."""
        start, end = self.hit
        before = _cut_left(self.quote[:start], reach)
        after = _cut_right(self.quote[end:], reach)
        return f"{before}{mark[0]}{self.keyword}{mark[1]}{after}"


@dataclass(frozen=True)
class PageText:
    """The text layer of one page, as `schema.documents.text_layer.page_lines` reads it."""

    document_id: str
    page: int
    lines: list[Line]


@dataclass(frozen=True)
class _Target:
    field: Field
    option_key: str
    option_label: str
    keywords: tuple[str, ...]


def suggestion_targets(codebook: Codebook) -> list[_Target]:
    """Every option that has keywords, of every choice and multi field, in codebook order."""
    return [_Target(f, o.key, o.label, o.keywords) for f in codebook.all_fields()
            if f.type in ("choice", "multi") for o in f.options if o.keywords]


def find_suggestions(codebook: Codebook, pages: Iterable[PageText], *,
                     skip: Callable[[Suggestion], bool] = lambda s: False,
                     check: Callable[[], None] = lambda: None) -> list[Suggestion]:
    """The first MAX_PER_OPTION passages per field and option, in page order. `skip` leaves
    out a suggestion (a dismissed one) before it counts; `check` runs between pages (to stop
    when cancelled)."""
    targets = suggestion_targets(codebook)
    found: dict[tuple[str, str], list[Suggestion]] = {}
    for page in pages:
        check()
        if all(len(found.get((t.field.path, t.option_key), ())) >= MAX_PER_OPTION
               for t in targets):
            break
        text = _PageIndex(page)
        hits: dict[str, list[tuple[int, int]]] = {}
        for target in targets:
            kept = found.setdefault((target.field.path, target.option_key), [])
            if len(kept) >= MAX_PER_OPTION:
                continue
            for start, end in _target_hits(text, target, hits):
                suggestion = text.suggestion(target, start, end)
                if all(s.key != suggestion.key for s in kept) and not skip(suggestion):
                    kept.append(suggestion)
                if len(kept) >= MAX_PER_OPTION:
                    break
    order = {(t.field.path, t.option_key): i for i, t in enumerate(targets)}
    return [s for key in sorted(found, key=order.get) for s in found[key]]


def _target_hits(text: _PageIndex, target: _Target, cache: dict[str, list[tuple[int, int]]]
                 ) -> list[tuple[int, int]]:
    """Where any of the target's keywords occur on the page, in reading order. Keywords are
    shared between fields (option sets), so each is searched once per page."""
    spans: list[tuple[int, int]] = []
    for keyword in target.keywords:
        if keyword not in cache:
            cache[keyword] = [m.span() for m in keyword_pattern(keyword).finditer(text.text)
                              ] if keyword_anchor(keyword) in text.lowered else []
        spans += cache[keyword]
    return sorted(set(spans))


class _PageIndex:
    """A page's lines joined into one searchable text, remembering where each letter came
    from. A word broken across lines with a hyphen is joined again."""

    def __init__(self, page: PageText) -> None:
        self.page = page
        chars: list[str] = []
        self.origin: list[tuple[int, int]] = []  # (line, column) of each character
        self.breaks: list[int] = []  # where a line starts another numbered paragraph
        for number, line in enumerate(page.lines):
            text = line.text
            if number and line.paragraph != page.lines[number - 1].paragraph:
                self.breaks.append(len(chars) + (0 if _joins_broken_word(chars, text) else 1))
            if chars and not _joins_broken_word(chars, text):
                chars.append(" ")
                self.origin.append((number - 1, len(page.lines[number - 1].text)))
            elif chars:
                chars.pop()
                self.origin.pop()
            folded = fold_text(text)
            if len(folded) == len(text):
                chars += folded
                self.origin += [(number, column) for column in range(len(text))]
                continue
            for column, ch in enumerate(text):
                for part in fold_text(ch):
                    chars.append(part)
                    self.origin.append((number, column))
        self.text = "".join(chars)
        self.lowered = self.text.lower()

    def suggestion(self, target: _Target, start: int, end: int) -> Suggestion:
        begin, stop = _sentence(self.text, start, end)
        begin = max([begin, *(b for b in self.breaks if b <= start)])
        stop = min([stop, *(b - 1 for b in self.breaks if b > end)])
        quote = self.text[begin:stop]
        lead = _LEADING_NUMBER.match(quote)
        if lead:
            begin += lead.end()
            quote = quote[lead.end():]
        first_line = self.origin[begin][0]
        return Suggestion(field=target.field.path, option=target.option_key,
                          option_label=target.option_label,
                          document_id=self.page.document_id, page=self.page.page,
                          paragraph=self.page.lines[first_line].paragraph, quote=quote,
                          hit=(start - begin, end - begin), rects=self._rects(begin, stop))

    def _rects(self, begin: int, stop: int) -> tuple[tuple[float, float, float, float], ...]:
        columns: dict[int, list[int]] = {}
        for line, column in self.origin[begin:stop]:
            columns.setdefault(line, []).append(column)
        return tuple(line_span(self.page.lines[line], min(cols), max(cols) + 1)
                     for line, cols in sorted(columns.items()))


def _joins_broken_word(chars: list[str], next_text: str) -> bool:
    return len(chars) > 1 and chars[-1] == "-" and chars[-2].isalpha() and \
        next_text[:1].islower()


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], no more than QUOTE_REACH either side, with its
    edges on spaces so no word is cut."""
    floor = max(0, start - QUOTE_REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, start)]
    begin = ends[-1] if ends else floor
    if not ends and floor > 0:
        space = text.find(" ", floor, start)
        begin = space + 1 if space >= 0 else start
    ceiling = min(len(text), end + QUOTE_REACH)
    found = _SENTENCE_END.search(text, end, ceiling)
    stop = found.start() + 1 if found else ceiling
    if not found and ceiling < len(text):
        space = text.rfind(" ", end, ceiling)
        stop = space if space >= 0 else end
    while begin < start and text[begin].isspace():
        begin += 1
    return begin, stop


def line_span(line: Line, first: int, stop: int) -> tuple[float, float, float, float]:
    """The box of the characters first..stop of a line, placed in proportion to their width
    in a common font (the text layer keeps each line's box, not each letter's). A paragraph
    number at the start of a line sits in its own column, so text after it is measured back
    from the line's right-hand end, at a size taken from the line's height (a text layer's
    line box is about as tall as its font size)."""
    text, left, skip = line.text, line.x0, 0
    number = _LEADING_NUMBER.match(text)
    if number:
        skip = number.end()
        size = max(1.0, line.y1 - line.y0)
        left = max(line.x0, line.x1 - _width(text[skip:]) * size / _WIDTH_SIZE)
        first = max(first, skip)
    body = text[skip:]
    scale = (line.x1 - left) / (_width(body) or 1.0)
    x0 = left + scale * _width(body[:max(0, first - skip)])
    x1 = left + scale * _width(body[:max(0, stop - skip)])
    return (round(x0, 2), round(line.y0, 2), round(max(x0, x1), 2), round(line.y1, 2))


def _width(text: str) -> float:
    return stringWidth(text, _WIDTH_FONT, _WIDTH_SIZE)


def _cut_left(text: str, reach: int) -> str:
    if len(text) <= reach:
        return text
    cut = text[-reach:]
    space = cut.find(" ")
    return "…" + (cut[space + 1:] if 0 <= space < reach // 2 else cut)


def _cut_right(text: str, reach: int) -> str:
    if len(text) <= reach:
        return text
    cut = text[:reach]
    space = cut.rfind(" ")
    return (cut[:space] if space > reach // 2 else cut) + "…"
