"""Computing the tables: cases grouped into columns, one row (or several) per row spec."""

from __future__ import annotations

from collections import Counter

from exports.tables.ages import age_cell
from exports.tables.counting import counts_cell, mark_shared, top_cell
from exports.tables.data import CaseRecord, attributes, field_answers
from exports.tables.model import MARK, NO_INFORMATION, Cell, Column, Entry, Row, Table
from exports.tables.people_notes import people_notes
from exports.tables.spec import RowSpec, TableSpec, column_options
from schema.codebook_model import Codebook, Field, Option

Columns = list[tuple[Column, list[CaseRecord]]]
NOT_RECORDED = "_not_recorded"


def wanted_fields(specs: list[TableSpec]) -> dict[str, set[str]]:
    """{section: {field keys}} that the specs read, so only those answers are loaded."""
    wanted: dict[str, set[str]] = {}
    for spec in specs:
        paths = [f.path for row in spec.rows for f in row.fields]
        paths += [row.split_by.path for row in spec.rows if row.split_by]
        if not spec.columns.startswith("case."):
            paths.append(spec.columns)
        for path in paths:
            section, _, key = path.partition(".")
            wanted.setdefault(section, set()).add(key)
    return wanted


def group_columns(spec: TableSpec, cases: list[CaseRecord], book: Codebook) -> Columns:
    """One column per value of the grouping, each with its cases: in the spec's column order,
    then codebook order; with `show_empty_columns`, every known value gets a column."""
    groups: dict[str, list[CaseRecord]] = {}
    for case, value in zip(cases, attributes(spec.columns, cases), strict=True):
        groups.setdefault(NOT_RECORDED if value in (None, "") else str(value), []).append(case)
    labels = {o.key: o.label for o in column_options(spec.columns, book)}
    known = list(dict.fromkeys([*(k for k in spec.column_order if k in labels), *labels]))
    order = known + sorted(k for k in groups if k not in labels and k != NOT_RECORDED)
    order.append(NOT_RECORDED)
    if spec.show_empty_columns:
        for key in known:
            groups.setdefault(key, [])
    return [(Column(key, labels.get(key, "Not recorded" if key == NOT_RECORDED else key),
                    len(groups[key])), groups[key]) for key in order if key in groups]


def _answers(field: Field, cases: list[CaseRecord]) -> list[list]:
    return field_answers(field.path, cases)


def _splits(row: RowSpec, cases: list[CaseRecord]) -> list[tuple[str, list[int]]] | None:
    """The column's cases split by the row's `split_by` value, as (prefix, case indexes).

    With `split_on`, only those values split off, each on its own, and only when a case of
    the column has one: the other values stay together ("Homicide or non-fatal serious
    harm"), since they do not differ in kind.
    """
    if row.split_by is None:
        return None
    by_value: dict[object, list[int]] = {}
    for index, value in enumerate(attributes(row.split_by.path, cases)):
        by_value.setdefault(value, []).append(index)
    if len(by_value) < 2 or (row.split_on and not set(row.split_on) & set(by_value)):
        return None
    order = [o.key for o in row.split_by.options]
    keys = sorted(by_value, key=lambda k: order.index(k) if k in order else len(order))
    if not row.split_on:
        return [(_split_label(row, k), by_value[k]) for k in keys]
    rest = [k for k in keys if k not in row.split_on]
    parts = [([k], by_value[k]) for k in keys if k in row.split_on]
    if rest:
        parts.append((rest, sorted(i for k in rest for i in by_value[k])))
    parts.sort(key=lambda part: keys.index(part[0][0]))
    return [(_joined([_split_label(row, k) for k in values]), indexes)
            for values, indexes in parts]


def _joined(labels: list[str]) -> str:
    """"Homicide or non-fatal serious harm": labels after the first in lower case."""
    return " or ".join([labels[0], *(t[:1].lower() + t[1:] for t in labels[1:])])


def _split_label(row: RowSpec, key: object) -> str:
    assert row.split_by is not None
    return row.split_by.option_label(str(key)) if key is not None else "Not recorded"


def _simple_row(row: RowSpec, columns: Columns, book: Codebook) -> Row:
    section_label = book.section(row.field.section).label
    cells = {}
    for column, cases in columns:
        answers = _answers(row.field, cases)
        if row.show == "counts":
            cells[column.key] = counts_cell(row, answers, section_label, _splits(row, cases))
        elif row.show == "top":
            cells[column.key] = top_cell(row, answers)
        else:
            cells[column.key] = age_cell(row, answers)
    if row.mark_shared:
        keys = list(cells)
        cells = dict(zip(keys, mark_shared([cells[k] for k in keys]), strict=True))
    return Row(row.key, row.label, cells)


def feature_counts(row: RowSpec, cases: list[CaseRecord]) -> tuple[Counter, bool]:
    """How many cases show each option in any of the row's fields; and whether any has data."""
    shown: list = []
    has_data = False
    by_field = [field_answers(spec_field.path, cases) for spec_field in row.fields]
    for case_answers in zip(*by_field, strict=True):
        present: set = set()
        for answers in case_answers:
            for answer in answers:
                if answer and answer[0] == "answered":
                    has_data = True
                    value = answer[1]
                    if isinstance(value, list):
                        present.update(value)
                    else:
                        present.add(value)
        shown.extend(present)
    return Counter(shown), has_data


def row_options(row: RowSpec) -> list[Option]:
    seen: dict[str, Option] = {}
    for spec_field in row.fields:
        for option in spec_field.options:
            seen.setdefault(option.key, option)
    return list(seen.values())


def _marks_rows(row: RowSpec, columns: Columns) -> list[Row]:
    """One row per option, marked where at least `at_least` cases of the column show it."""
    counted = {column.key: feature_counts(row, cases) for column, cases in columns}
    rows = []
    for option in row_options(row):
        cells = {}
        for key, (counts, has_data) in counted.items():
            if not has_data:
                cells[key] = Cell.note(NO_INFORMATION)
            else:
                cells[key] = Cell.note(MARK) if counts[option.key] >= row.at_least else Cell()
        rows.append(Row(f"{row.key}.{option.key}", row.option_label(option.key), cells))
    return rows


def share_cell(spec_field: Field, cases: list[CaseRecord]) -> Cell:
    """Among the cases where the field was coded, how many say "not reported" (for people:
    any one of them); list counts on plain states keep this fast for ten thousand cases."""
    found = field_answers(spec_field.path, cases)
    single = [a[0][0] for a in found if a and len(a) == 1 and a[0]]
    states = [_case_state({answer[0] for answer in a if answer})
              for a in found if a and len(a) > 1]
    not_reported = single.count("not_reported") + states.count("not_reported")
    coded = not_reported + single.count("answered") + states.count("answered")
    if not coded:
        return Cell.note(NO_INFORMATION)
    return Cell.of(Entry("", not_reported, total=coded))


def _case_state(states: set[str]) -> str | None:
    """One case's state for completeness: not reported if any item is, else answered."""
    if "not_reported" in states:
        return "not_reported"
    return "answered" if "answered" in states else None


def _share_rows(row: RowSpec, columns: Columns, book: Codebook) -> list[Row]:
    rows = []
    for spec_field in row.fields:
        label = f"{book.section(spec_field.section).label}: {spec_field.label}"
        cells = {column.key: share_cell(spec_field, cases) for column, cases in columns}
        rows.append(Row(spec_field.path, label, cells))
    return rows


def compute_table(spec: TableSpec, cases: list[CaseRecord], book: Codebook,
                  columns: Columns | None = None) -> Table:
    """The table of one spec; `columns` when the caller has grouped the cases already."""
    columns = columns if columns is not None else group_columns(spec, cases, book)
    rows: list[Row] = []
    for row in spec.rows:
        if row.show == "marks":
            rows += _marks_rows(row, columns)
        elif row.show == "not_reported_share":
            rows += _share_rows(row, columns, book)
        else:
            rows.append(_simple_row(row, columns, book))
    notes = ([spec.note] if spec.note else []) + people_notes(spec, columns, book)
    return Table(spec.key, spec.title, [c for c, _ in columns], rows, corner=spec.corner,
                 notes=notes)
