"""The wide table's columns, built from the codebook.

Every column holds numbers or text only, so R, SPSS and Excel read it as it is:

- a choice is its option's code (1, 2, ... in codebook order); a yes/no field is 1 or 0;
- a multi-choice field is one 0/1 column per option (`section.field.option`);
- an age is two columns: whole years, and `.band` for an age band when only that is known;
- a repeating section's items are numbered (`victims_1.gender`), up to the most any exported
  coding holds, after a `victims.count` column saying how many that coding holds. A section
  the coding marked not applicable (a suicide's perpetrators) counts 0 and has the
  not-applicable code in every column of its item 1.

An empty cell means "not coded" (or no such item). The missing codes below tell a review that
does not report something, and a field that does not apply, from any real answer; a number
field whose own values could be negative gets a `.state` column as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from exports.data.rows import CodedRow
from schema.codebook_model import Codebook, Field, Option, Section
from schema.counting import STATUS_WORDS
from schema.records import Answer

NOT_REPORTED, NOT_APPLICABLE, OTHER_COLUMN = -9, -8, -7
ANSWERED = 1
"""In the `.state` column a number field gets when its own values could be -9 or -8."""
MISSING_LABELS = {NOT_REPORTED: "not reported in the review",
                  NOT_APPLICABLE: "not applicable",
                  OTHER_COLUMN: "answered in the other age column"}
TEXT_TYPES = ("text", "long_text", "date")
CODING_KINDS = (Option("primary", "Primary"), Option("second", "Second"),
                Option("consensus", "Consensus"))
STATUSES = tuple(Option(key, word) for key, word in STATUS_WORDS.items())


@dataclass(frozen=True)
class Column:
    """One column of the wide table, described for the dictionary."""

    name: str
    field: str
    """The codebook path ("victims.gender"), or "case.site" for a case's own details."""
    label: str
    type: str
    value: Callable[[CodedRow], object]
    values: tuple[tuple[int, str], ...] = ()
    """Code -> label, for coded columns."""
    missing: tuple[int, ...] = ()
    text: bool = False
    """Holds text (missing codes are then written as the text "-9", "-8")."""
    option: str = ""


def wide_columns(book: Codebook, rows: list[CodedRow], all_codings: bool) -> list[Column]:
    """Every column, in codebook order, for these rows."""
    columns = _case_columns(book, all_codings)
    for section in book.sections:
        if not section.repeat:
            columns += _field_columns(section, None, section.key)
            continue
        largest = max((row.count(section.key) for row in rows), default=0)
        marked = any(section.key in row.not_applicable for row in rows)
        columns.append(Column(f"{section.key}.count", f"{section.key}.count",
                              f"{section.label}: how many", "number",
                              lambda row, key=section.key: row.count(key)))
        for n in range(1, max(largest, int(marked)) + 1):
            columns += _field_columns(section, n, f"{section.key}_{n}", marked and n == 1)
    return columns


def _codes(options: tuple[Option, ...]) -> tuple[tuple[int, str], ...]:
    return tuple((i, o.label) for i, o in enumerate(options, start=1))


def _code_of(options: tuple[Option, ...], key: object) -> int | None:
    return next((i for i, o in enumerate(options, start=1) if o.key == key), None)


def _case_columns(book: Codebook, all_codings: bool) -> list[Column]:
    def coded(name: str, label: str, options: tuple[Option, ...],
              get: Callable[[CodedRow], object]) -> Column:
        return Column(name, name, label, "choice", lambda row: _code_of(options, get(row)),
                      _codes(options))

    def plain(name: str, label: str, get: Callable[[CodedRow], object],
              kind: str = "text") -> Column:
        return Column(name, name, label, kind, get, text=kind == "text")

    columns = [plain("case.reference", "Case reference", lambda r: r.case.reference),
               plain("case.title", "Case title", lambda r: r.case.title),
               coded("case.review_type", "Review type", book.review_types,
                     lambda r: r.case.review_type),
               coded("case.category", "Category", book.categories, lambda r: r.case.category),
               plain("case.site", "Site", lambda r: r.case.site),
               plain("case.publication_year", "Publication year",
                     lambda r: r.case.publication_year, "number"),
               coded("case.status", "Case status", STATUSES, lambda r: r.case.status),
               coded("coding.kind", "Kind of coding", CODING_KINDS, lambda r: r.coding.kind)]
    if all_codings:
        columns.append(plain("coding.coder", "Coder", lambda r: r.coding.coder))
    return columns


def _field_columns(section: Section, item: int | None, prefix: str,
                   section_na: bool = False) -> list[Column]:
    """A section's columns (of one item); `section_na`: some row marks the section not
    applicable, so these columns may hold its code."""
    where = section.label if item is None else f"{section.item_label or section.label} {item}"
    columns = []
    for spec in section.fields:
        def get(row: CodedRow, key=section.key, field=spec.key) -> Answer | None | bool:
            items = row.items.get(key, ())
            index = (item or 1) - 1
            if not items and index == 0 and key in row.not_applicable:
                return _SECTION_NOT_APPLICABLE
            return items[index].get(field) if index < len(items) else False
        columns += _columns_of(spec, f"{prefix}.{spec.key}", f"{where}: {spec.label}", get,
                               section_na)
    return columns


_SECTION_NOT_APPLICABLE = Answer("", "", "not_applicable")
"""What every field of item 1 reads as in a section marked not applicable."""


def _columns_of(spec: Field, name: str, label: str, get: Callable[[CodedRow], object],
                section_na: bool = False) -> list[Column]:
    na = spec.allow_na or section_na
    missing = (NOT_REPORTED, NOT_APPLICABLE) if na else (NOT_REPORTED,)

    def column(suffix: str, title: str, convert: Callable[[object], object],
               **extra) -> Column:
        return Column(name + suffix, spec.path, title, spec.type,
                      lambda row: _cell(get(row), convert), **{"missing": missing, **extra})

    if spec.type == "multi":
        return [column(f".{o.key}", f"{label}: {o.label}",
                       lambda v, key=o.key: int(key in v), values=((1, "yes"), (0, "no")),
                       option=o.key) for o in spec.options]
    if spec.type == "choice":
        return [column("", label, lambda v: _code_of(spec.options, v),
                       values=_codes(spec.options))]
    if spec.type == "boolean":
        return [column("", label, int, values=((1, "yes"), (0, "no")))]
    if spec.type == "age":
        both = (*missing, OTHER_COLUMN)
        label = re.sub(r"\s*\([^)]*\)$", "", label)  # "Age (years or band)": say which
        return [column("", f"{label} (years)",
                       lambda v: OTHER_COLUMN if isinstance(v, str) else v, missing=both),
                column(".band", f"{label} (band)",
                       lambda v: _code_of(spec.options, v) if isinstance(v, str)
                       else OTHER_COLUMN, values=_codes(spec.options), missing=both)]
    columns = [column("", label, lambda v: v, text=spec.type in TEXT_TYPES)]
    if spec.type == "number" and (spec.minimum is None or spec.minimum <= NOT_REPORTED):
        columns.append(column(".state", f"{label}: answer state", lambda _v: ANSWERED,
                              values=((ANSWERED, "answered"),)))
    return columns


def _cell(answer: Answer | None | bool, convert: Callable[[object], object]) -> object:
    """A cell's value: empty for no item (False) or nothing coded, else a code or the value."""
    if answer is None or answer is False:
        return None
    if answer.state == "not_reported":
        return NOT_REPORTED
    if answer.state == "not_applicable":
        return NOT_APPLICABLE
    return convert(answer.value)


def wide_rows(columns: list[Column], rows: list[CodedRow]) -> list[list[object]]:
    """The table's values, one list per coding, text-column missing codes as text."""
    makers = [(c.value, c.text) for c in columns]
    table = []
    for row in rows:
        values = []
        for value, text in makers:
            got = value(row)
            values.append(str(got) if text and isinstance(got, int) else got)
        table.append(values)
    return table
