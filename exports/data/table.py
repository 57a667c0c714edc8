"""One table ready for any writer: header, rows, and what the dictionary says of each column."""

from __future__ import annotations

from dataclasses import dataclass

from exports.data.columns import MISSING_LABELS, Column, wide_columns, wide_rows
from exports.data.long import LONG_DESCRIPTIONS, long_header, long_rows
from exports.data.rows import CodedRow
from schema.codebook_model import Codebook

DICTIONARY_HEADER = ["column", "field", "label", "type", "values", "missing codes"]


@dataclass
class ColumnInfo:
    """What the dictionary, and SPSS's variable view, say of a column."""

    name: str
    field: str
    label: str
    type: str
    values: tuple[tuple[int, str], ...] = ()
    missing: tuple[int, ...] = ()
    text: bool = False

    def dictionary_row(self) -> list[str]:
        values = "; ".join(f"{code} = {label}" for code, label in self.values)
        missing = "; ".join(f"{code} = {MISSING_LABELS[code]}" for code in self.missing)
        return [self.name, self.field, self.label, self.type, values, missing]


@dataclass
class DataTable:
    shape: str
    columns: list[ColumnInfo]
    rows: list[list[object]]

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]

    def dictionary(self) -> list[list[str]]:
        return [DICTIONARY_HEADER, *(c.dictionary_row() for c in self.columns)]


def wide_table(book: Codebook, rows: list[CodedRow], all_codings: bool) -> DataTable:
    columns = wide_columns(book, rows, all_codings)
    return DataTable("wide", [_info(c) for c in columns], wide_rows(columns, rows))


def _info(column: Column) -> ColumnInfo:
    return ColumnInfo(column.name, column.field, column.label, column.type, column.values,
                      column.missing, column.text)


def long_table(book: Codebook, rows: list[CodedRow], all_codings: bool) -> DataTable:
    case_labels = {"case.reference": "Case reference", "case.review_type": "Review type key",
                   "case.category": "Category key", "case.site": "Site",
                   "case.publication_year": "Publication year", "case.status": "Case status",
                   "coding.kind": "Kind of coding (primary, second, consensus)",
                   "coding.coder": "Coder", **LONG_DESCRIPTIONS}
    numbers = ("case.publication_year", "item")
    columns = [ColumnInfo(name, name, case_labels[name],
                          "number" if name in numbers else "text", text=name not in numbers)
               for name in long_header(all_codings)]
    return DataTable("long", columns, list(long_rows(book, rows, all_codings)))
