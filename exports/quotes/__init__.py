"""The quote bank: every quote coders cited for a field (and option), across the project's
cases, with its document, page and paragraph; written as CSV or as a printable PDF, with
registered real names replaced by their pseudonyms (`pseudonymised`).

    bank = build_quote_bank(store, QuoteFilter(field="relationship.characteristics"))
    write_quotes(bank, store.codebook, Path("quotes.pdf"))
"""

from __future__ import annotations

from pathlib import Path

from exports.output_guard import check_output as guarded_output
from exports.quotes.bank import QuoteBank, QuoteFilter, QuoteRow, build_quote_bank, check_filter
from exports.quotes.csv_writer import csv_rows, write_csv
from exports.quotes.names import pseudonymised
from exports.quotes.pdf_writer import place, render_pdf, source_line, write_pdf
from schema.errors import ValidationError

FORMATS = (".csv", ".pdf")

__all__ = ["FORMATS", "QuoteBank", "QuoteFilter", "QuoteRow", "build_quote_bank",
           "check_filter", "check_output", "csv_rows", "place", "pseudonymised", "render_pdf",
           "source_line", "write_quotes"]


def check_output(path: Path, *, force: bool = False) -> None:
    """Refuse an output name we cannot write, before any work is done."""
    if path.suffix.lower() not in FORMATS:
        raise ValidationError(f"cannot write {path.name}: name a .csv or a .pdf file")
    guarded_output(path, force=force)


def write_quotes(bank: QuoteBank, book, path: Path, *, force: bool = False,
                 marking: str = "") -> Path:
    """Write the bank as CSV or PDF (by the file's suffix), whole or not at all."""
    check_output(path, force=force)
    if path.suffix.lower() == ".csv":
        return write_csv(bank, path)
    return write_pdf(bank, book, path, marking=marking)
