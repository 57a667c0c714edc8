"""The quote bank as CSV: a header row, then one row per piece of evidence, UTF-8 with a BOM
so that spreadsheets read names such as "Zoë" correctly."""

from __future__ import annotations

import csv
from pathlib import Path

from exports.quotes.bank import QuoteBank, QuoteRow
from exports.tables.files import write_atomically

COLUMNS = ("case_reference", "review_type", "category", "site", "coder", "coding", "field",
           "field_label", "item", "options", "answer", "document", "page", "paragraph",
           "quote")
_FORMULA_START = ("=", "+", "@")  # a spreadsheet would run such a cell as a formula


def csv_rows(bank: QuoteBank) -> list[list[str]]:
    """The header and the rows, as written."""
    return [list(COLUMNS), *(_cells(row) for row in bank.rows)]


def write_csv(bank: QuoteBank, path: Path) -> Path:
    def write(temp: Path) -> None:
        with temp.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(csv_rows(bank))
    return write_atomically(path, write)


def _cells(row: QuoteRow) -> list[str]:
    values = [row.case_reference, row.review_type, row.category, row.site, row.coder,
              row.coding_kind, row.field_path, row.field_label,
              "" if row.item is None else str(row.item), "; ".join(row.options), row.answer,
              row.file_name, "" if row.page is None else str(row.page), row.paragraph,
              row.quote]
    return [_safe(v) for v in values]


def _safe(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_START) else value
