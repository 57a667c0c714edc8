"""Create many cases at once from a CSV list of reviews (one row per review).

Columns: reference (required), review_type (required: a codebook key such as DHR or its
label), and optionally title, category (key or label), site, publication_year. Every row is
checked before any is written; the first problem is reported with its line number, and then
nothing is created. Rows whose reference already exists in the project are skipped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from schema.codebook_model import Option
from schema.errors import DataImportError, ValidationError
from schema.store import Store
from schema.transactions import transaction

REQUIRED = ("reference", "review_type")
KNOWN = (*REQUIRED, "title", "category", "site", "publication_year")


@dataclass(frozen=True)
class CaseRow:
    line: int
    reference: str
    review_type: str
    title: str
    category: str | None
    site: str | None
    publication_year: int | None


def read_cases_csv(text: str, store: Store) -> list[CaseRow]:
    """Parse and check every row; raise DataImportError naming the line of the first problem."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DataImportError(f"line 1: the header lacks {', '.join(missing)} (columns: "
                              f"{', '.join(KNOWN)})")
    unknown = [h for h in header if h not in KNOWN]
    if unknown:
        raise DataImportError(f"line 1: unknown column {unknown[0]!r} (columns: "
                              f"{', '.join(KNOWN)})")
    reader.fieldnames = header
    rows = []
    try:
        for raw in reader:
            rows.append(_row(raw, reader.line_num, store))
    except csv.Error as exc:
        raise DataImportError(f"line {reader.line_num}: {exc}") from None
    return rows


def _row(raw: dict, line: int, store: Store) -> CaseRow:
    if None in raw:
        raise DataImportError(f"line {line}: more values than columns")
    value = {k: (v or "").strip() for k, v in raw.items()}
    if not value["reference"]:
        raise DataImportError(f"line {line}: the reference is empty")
    book = store.codebook
    year = value.get("publication_year", "")
    if year and not (year.isdigit() and 1900 <= int(year) <= 2100):
        raise DataImportError(f"line {line}: publication_year {year!r} is not a year")
    return CaseRow(
        line=line, reference=value["reference"],
        review_type=_key(value["review_type"], book.review_types, "review type", line),
        title=value.get("title", ""),
        category=_key(value.get("category", ""), book.categories, "category", line) or None,
        site=value.get("site") or None,
        publication_year=int(year) if year else None)


def _key(text: str, options: tuple[Option, ...], what: str, line: int) -> str:
    if not text:
        if what == "review type":
            raise DataImportError(f"line {line}: the review type is empty")
        return ""
    for option in options:
        if text.casefold() in (option.key.casefold(), option.label.casefold()):
            return option.key
    raise DataImportError(f"line {line}: unknown {what} {text!r} (expected one of "
                          f"{', '.join(o.key for o in options)})")


def import_cases_csv(store: Store, path: str | Path) -> tuple[int, int]:
    """Create the listed cases in one transaction; return (created, skipped as existing)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataImportError(f"cannot read {path}: {exc}") from None
    rows = read_cases_csv(text, store)
    existing = {c.reference.casefold() for c in store.list_cases()}
    created = 0
    with transaction(store.db):
        for row in rows:
            if row.reference.casefold() in existing:
                continue
            try:
                store.create_case(row.reference, row.review_type, title=row.title,
                                  category=row.category, site=row.site,
                                  publication_year=row.publication_year)
            except ValidationError as exc:
                raise DataImportError(f"line {row.line}: {exc}") from None
            existing.add(row.reference.casefold())
            created += 1
    return created, len(rows) - created
