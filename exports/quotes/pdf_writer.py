"""The quote bank as a printable PDF, in the learning brief's house style.

A header box names the field (and option) and the cases it covers; then, case by case, each
quote sits in a tinted box with a line saying which answer it supports, who coded it, and
where in which document it was found. The brief's page furniture is reused: an optional
protective marking on every page and "Page n of N" with the date and codebook version.
"""

from __future__ import annotations

import io
from datetime import date
from functools import partial
from itertools import groupby
from pathlib import Path

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from exports.brief.markup import esc
from exports.brief.pages import BriefCanvas, Furniture
from exports.brief.panel import Panel
from exports.brief.styles import (
    HEADER_BOX,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE,
    QUOTE_BOX,
    styles,
)
from exports.quotes.bank import QuoteBank, QuoteRow
from exports.tables.files import write_atomically


def render_pdf(bank: QuoteBank, book, *, marking: str = "",
               produced: date | None = None) -> bytes:
    """The PDF bytes of the quote bank; `book` gives the labels of types and categories."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=bank.title,
                          subject=bank.scope, author="Casecoder",
                          creator="Casecoder quote bank", lang="en-GB")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="quotes", frames=[frame])])
    furniture = Furniture(marking=marking, produced=produced or date.today(),
                          codebook=bank.codebook)
    doc.build(story(bank, book), canvasmaker=partial(BriefCanvas, furniture=furniture))
    return buffer.getvalue()


def write_pdf(bank: QuoteBank, book, path: Path, *, marking: str = "") -> Path:
    data = render_pdf(bank, book, marking=marking)
    return write_atomically(path, lambda temp: temp.write_bytes(data))


def story(bank: QuoteBank, book) -> list[Flowable]:
    s = styles()
    found: list[Flowable] = [_header(bank)]
    if not bank.rows:
        found.append(Paragraph("No evidence matches these filters.", s["body"]))
    for _case_id, group in groupby(bank.rows, key=lambda r: r.case_id):
        rows = list(group)
        first = rows[0]
        facts = [first.case_reference, book.review_type_label(first.review_type),
                 book.category_label(first.category) if first.category else "", first.site]
        found.append(Paragraph(esc(" · ".join(f for f in facts if f)), s["h3"]))
        found += [_quote_box(row, show_field=bank.query.field is None) for row in rows]
    return found


def _header(bank: QuoteBank) -> Flowable:
    s = styles()
    count = len(bank.rows)
    summary = (f"{count} quote{'' if count == 1 else 's'} from {bank.cases} "
               f"case{'' if bank.cases == 1 else 's'} · {bank.scope}")
    inner = [Paragraph("QUOTE BANK", s["kicker"]),
             Paragraph(esc(bank.title.removeprefix("Quote bank: ")), s["title"]),
             Paragraph(esc(summary), s["subject"])]
    if bank.unquoted_answers:
        inner.append(Paragraph(esc(f"{bank.unquoted_answers} matching answer(s) cite no "
                                   f"quote and are not listed."), s["note"]))
    return Panel(inner, HEADER_BOX, padding=14, space_after=8)


def _quote_box(row: QuoteRow, *, show_field: bool) -> Flowable:
    s = styles()
    inner: list[Flowable] = [Paragraph(f"“{esc(row.quote)}”", s["quote"])]
    inner.append(Paragraph(esc(source_line(row, show_field=show_field)), s["small"]))
    return Panel(inner, QUOTE_BOX, space_after=6)


def source_line(row: QuoteRow, *, show_field: bool = True) -> str:
    """"Victim 2 / Age: 34 · coded by Sam · report.pdf p. 9, para 5.1", under a quote."""
    what = f"{row.section_label}{f' {row.item}' if row.item else ''} / {row.field_label}"
    item = f"{row.section_label} {row.item}" if row.item else ""
    parts = [f"{what}: {row.answer}" if show_field and row.answer else what if show_field
             else " · ".join(p for p in (item, f"Answer: {row.answer}" if row.answer else "")
                             if p)]
    parts.append(f"coded by {row.coder}" + ("" if row.coding_kind == "primary"
                                            else f" ({row.coding_kind} coding)"))
    parts.append(place(row))
    return " · ".join(p for p in parts if p)


def place(row: QuoteRow) -> str:
    """"report.pdf p. 9, para 5.1"; what is missing is left out."""
    where = row.file_name or "no document"
    if row.page:
        where += f" p. {row.page}"
    if row.paragraph:
        where += f", para {row.paragraph}"
    return where
