"""Table specifications: the `tables:` block declared beside the codebook, checked against it.

Boards adapt these without code, so every mistake is reported with the line, the table and the
row, and a near-miss gets a "did you mean" (an unknown field is the commonest slip).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from exports.tables.spec_rules import MajorityRule, OptionGroup, RuleChecker
from schema.codebook_model import Codebook, Field, Option
from schema.errors import CodebookError, ValidationError

CASE_COLUMNS = ("case.category", "case.review_type", "case.site", "case.publication_year")
ROW_KINDS = ("counts", "top", "age_range", "marks", "not_reported_share")
TABLE_KEYS = {"key", "title", "columns", "rows", "chart", "note", "corner", "column_order",
              "show_empty_columns"}
COMMON_ROW_KEYS = {"key", "label", "show"}
ROW_KEYS = {
    "counts": {"field", "split_by", "split_on", "count_first", "labels", "not_reported_label",
               "collapse_unreported_groups", "groups", "majority_not_reported",
               "sentence_case", "none_reported", "not_reported_position"},
    "top": {"field", "limit", "mark_shared", "labels", "not_reported_label", "groups",
            "none_reported"},
    "age_range": {"field", "majority_notes", "majority_not_reported", "not_reported_label"},
    "marks": {"fields", "at_least", "labels"},
    "not_reported_share": {"fields"},
}
FIELD_TYPES = {"counts": {"choice", "multi", "boolean"}, "top": {"choice", "multi"},
               "age_range": {"age", "number"}, "marks": {"choice", "multi"}}
NOTE_TESTS = ("at_most", "over")


class TableSpecError(CodebookError):
    """A table specification does not fit the codebook or has an unknown setting."""


@dataclass(frozen=True)
class MajorityNote:
    test: str  # "at_most" or "over"
    age: int
    text: str


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str
    show: str
    fields: tuple[Field, ...]
    split_by: Field | None = None
    count_first: bool = False
    labels: tuple[tuple[str, str], ...] = ()
    not_reported_label: str = "Not reported"
    collapse_unreported_groups: bool = False
    limit: int = 5
    mark_shared: bool = False
    majority_notes: tuple[MajorityNote, ...] = ()
    at_least: int = 2
    split_on: tuple[str, ...] = ()
    """Split a column only when one of its cases has one of these values (empty: whenever
    the column holds two or more)."""
    groups: tuple[OptionGroup, ...] = ()
    majority: MajorityRule | None = None
    sentence_case: bool = False
    none_reported: str = ""
    """The text of a cell where nothing was reported (empty: `not_reported_label`)."""
    not_reported_position: str = "by_count"
    """Where "Not reported" goes among the entries: by_count, last, or first_if_most."""

    @property
    def field(self) -> Field:
        return self.fields[0]

    def group_of(self, key: object) -> object:
        """The key an answer is counted under: its group's, or its own."""
        for group in self.groups:
            if key in group.options:
                return group.key
        return key

    def option_label(self, key: str) -> str:
        for group in self.groups:
            if key == group.key:
                return group.label
        custom = dict(self.labels)
        if key in custom:
            return custom[key]
        for spec_field in self.fields:
            if spec_field.option(key):
                return spec_field.option_label(key)
        return {True: "Yes", False: "No"}.get(key, str(key))  # type: ignore[call-overload]


@dataclass(frozen=True)
class TableSpec:
    key: str
    title: str
    columns: str
    rows: tuple[RowSpec, ...]
    chart: str = ""
    note: str = ""
    corner: str = ""
    column_order: tuple[str, ...] = ()
    """Column keys in the order to print them; others follow in codebook order."""
    show_empty_columns: bool = False
    """Print every known column, "0 reviews" where no case falls in it."""

    @property
    def sections(self) -> set[str]:
        return {f.section for row in self.rows for f in row.fields} | \
            {row.split_by.section for row in self.rows if row.split_by}


def column_options(columns: str, book: Codebook) -> tuple[Option, ...]:
    """The values a table's columns can take, in codebook order, where the codebook lists
    them (a site or a year can be anything: none)."""
    if columns == "case.category":
        return book.categories
    if columns == "case.review_type":
        return book.review_types
    if columns.startswith("case."):
        return ()
    found = book.field(columns)
    if found.type == "boolean":
        return (Option("True", "Yes"), Option("False", "No"))
    return found.options


def load_table_specs(codebook: Codebook, raw: object | None = None,
                     source: str = "") -> list[TableSpec]:
    """Check the `tables:` block (by default the codebook's own) and build the specs."""
    raw = codebook.extras.get("tables") if raw is None else raw
    source = source or f"codebook {codebook.key}, tables"
    if not raw:
        raise TableSpecError("the codebook declares no summary tables (add a 'tables:' block)",
                             source=source)
    if not isinstance(raw, list):
        raise TableSpecError("'tables' must be a list of table specifications", source=source,
                             line=getattr(raw, "line", None))
    checker = _SpecChecker(codebook, source)
    specs = [checker.table(item) for item in raw]
    keys = [s.key for s in specs]
    duplicate = next((k for k in keys if keys.count(k) > 1), None)
    if duplicate:
        raise TableSpecError(f"two tables have the key '{duplicate}'", source=source)
    return specs


class _SpecChecker:
    def __init__(self, codebook: Codebook, source: str) -> None:
        self.book = codebook
        self.source = source

    def error(self, message: str, data: object, key: str | None = None,
              where: str = "") -> TableSpecError:
        lines = getattr(data, "key_lines", {})
        line = lines.get(key) if key else None
        return TableSpecError(message, source=self.source,
                              line=line or getattr(data, "line", None), field=where or None)

    def known_keys(self, data: dict, allowed: set[str], where: str) -> None:
        for key in data:
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                advice = f"did you mean '{hint[0]}'?" if hint else \
                    f"known settings: {', '.join(sorted(allowed))}"
                raise self.error(f"unknown setting '{key}' ({advice})", data, key, where)

    def table(self, data: object) -> TableSpec:
        if not isinstance(data, dict):
            raise self.error("each table must be a mapping with key, title, columns and rows",
                             data)
        self.known_keys(data, TABLE_KEYS, f"table '{data.get('key', '?')}'")
        key = self.text(data, "key", "a table")
        where = f"table '{key}'"
        columns = str(data.get("columns") or "case.category")
        self.check_columns(columns, data, where)
        rows_raw = data.get("rows")
        if not isinstance(rows_raw, list) or not rows_raw:
            raise self.error("'rows' must be a non-empty list", data, "rows", where)
        rows = tuple(self.row(r, where) for r in rows_raw)
        chart = str(data.get("chart") or "")
        if chart and chart not in {r.key for r in rows}:
            raise self.error(f"'chart' names row '{chart}', which this table does not have "
                             f"(rows: {', '.join(r.key for r in rows)})", data, "chart", where)
        return TableSpec(key=key, title=str(data.get("title") or key), columns=columns,
                         rows=rows, chart=chart, note=str(data.get("note") or ""),
                         corner=str(data.get("corner") or ""),
                         column_order=self.column_order(data, columns, where),
                         show_empty_columns=bool(data.get("show_empty_columns", False)))

    def column_order(self, data: dict, columns: str, where: str) -> tuple[str, ...]:
        raw = data.get("column_order") or []
        if not isinstance(raw, list):
            raise self.error("'column_order' must list column keys, e.g. [youth_peer, "
                             "intimate_partner]", data, "column_order", where)
        known = self.column_keys(columns)
        for key in raw:
            if known and str(key) not in known:
                hint = difflib.get_close_matches(str(key), known, n=1)
                advice = f"did you mean '{hint[0]}'?" if hint else f"known: {', '.join(known)}"
                raise self.error(f"column_order: unknown column '{key}' ({advice})",
                                 data, "column_order", where)
        return tuple(str(k) for k in raw)

    def column_keys(self, columns: str) -> list[str]:
        """The keys a column can have, where the codebook lists them (empty: any value)."""
        return [o.key for o in column_options(columns, self.book)]

    def text(self, data: dict, key: str, where: str) -> str:
        value = data.get(key)
        if value in (None, ""):
            raise self.error(f"'{key}' is required in {where}", data, key, where)
        return str(value)

    def check_columns(self, columns: str, data: dict, where: str) -> None:
        if columns in CASE_COLUMNS:
            return
        found = self.field(columns, data, "columns", where)
        if self.book.section(found.section).repeat or found.type not in ("choice", "boolean"):
            raise self.error(f"columns must be one of {', '.join(CASE_COLUMNS)} or a choice "
                             f"field of a non-repeating section, not '{columns}'",
                             data, "columns", where)

    def field(self, path: object, data: dict, key: str, where: str) -> Field:
        try:
            return self.book.field(str(path))
        except ValidationError:
            known = [f.path for f in self.book.all_fields()]
            hint = difflib.get_close_matches(str(path), known, n=1)
            advice = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise self.error(f"unknown field '{path}'{advice}", data, key, where) from None

    def row(self, data: object, table: str) -> RowSpec:
        if not isinstance(data, dict):
            raise self.error(f"each row of {table} must be a mapping", data, where=table)
        show = data.get("show")
        where = f"{table}, row '{data.get('key') or data.get('label') or '?'}'"
        if show not in ROW_KINDS:
            hint = difflib.get_close_matches(str(show), ROW_KINDS, n=1)
            advice = f"did you mean '{hint[0]}'? " if hint else ""
            raise self.error(f"unknown row kind show: '{show}'; {advice}known kinds: "
                             f"{', '.join(ROW_KINDS)}", data, "show", where)
        self.known_keys(data, COMMON_ROW_KEYS | ROW_KEYS[show], where)
        fields = self.row_fields(data, show, where)
        options = {o.key for f in fields for o in f.options}
        split_by = self.split_by(data, where)
        rules = RuleChecker(data, lambda message, key: self.error(message, data, key, where))
        people = self.book.section(fields[0].section).label
        return RowSpec(
            key=str(data.get("key") or fields[0].path), label=self.text(data, "label", where),
            show=show, fields=fields, split_by=split_by, split_on=rules.split_on(split_by),
            groups=rules.groups(options), majority=rules.majority(fields[0], people),
            sentence_case=bool(data.get("sentence_case", False)),
            none_reported=rules.none_reported(),
            not_reported_position=rules.not_reported_position(),
            count_first=bool(data.get("count_first", False)),
            labels=self.labels(data, options, where),
            not_reported_label=str(data.get("not_reported_label") or "Not reported"),
            collapse_unreported_groups=bool(data.get("collapse_unreported_groups", False)),
            limit=self.whole(data, "limit", 5, where), mark_shared=bool(data.get("mark_shared")),
            majority_notes=self.notes(data, where),
            at_least=self.whole(data, "at_least", 2, where))

    def row_fields(self, data: dict, show: str, where: str) -> tuple[Field, ...]:
        key = "fields" if show in ("marks", "not_reported_share") else "field"
        raw = data.get(key)
        paths = raw if isinstance(raw, list) else [raw] if raw else []
        if not paths:
            raise self.error(f"'{key}' is required for a '{show}' row", data, None, where)
        fields = tuple(self.field(p, data, key, where) for p in paths)
        allowed = FIELD_TYPES.get(show)
        for found in fields:
            if allowed and found.type not in allowed:
                raise self.error(f"a '{show}' row needs a field of type "
                                 f"{' or '.join(sorted(allowed))}; '{found.path}' is "
                                 f"{found.type}", data, key, where)
        return fields

    def split_by(self, data: dict, where: str) -> Field | None:
        if not data.get("split_by"):
            return None
        found = self.field(data["split_by"], data, "split_by", where)
        if self.book.section(found.section).repeat or found.type != "choice":
            raise self.error(f"split_by needs a choice field of a non-repeating section, not "
                             f"'{found.path}'", data, "split_by", where)
        return found

    def labels(self, data: dict, options: set[str], where: str) -> tuple[tuple[str, str], ...]:
        raw = data.get("labels") or {}
        if not isinstance(raw, dict):
            raise self.error("'labels' must map option keys to the labels to print",
                             data, "labels", where)
        for key in raw:
            if key not in options:
                hint = difflib.get_close_matches(str(key), sorted(options), n=1)
                advice = f" (did you mean '{hint[0]}'?)" if hint else ""
                raise self.error(f"labels: unknown option '{key}'{advice}", raw, key, where)
        return tuple((str(k), str(v)) for k, v in raw.items())

    def whole(self, data: dict, key: str, default: int, where: str) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.error(f"'{key}' must be a whole number of at least 1, got {value!r}",
                             data, key, where)
        return value

    def notes(self, data: dict, where: str) -> tuple[MajorityNote, ...]:
        notes = []
        for item in data.get("majority_notes") or ():
            tests = [t for t in NOTE_TESTS if isinstance(item, dict) and t in item]
            if not isinstance(item, dict) or len(tests) != 1 or "text" not in item or \
                    not isinstance(item[tests[0]], int) or set(item) - {*NOTE_TESTS, "text"}:
                raise self.error("each majority note needs 'text' and one of 'at_most' or "
                                 "'over' with a whole age, e.g. {over: 65, text: majority "
                                 "over 65}", data, "majority_notes", where)
            notes.append(MajorityNote(tests[0], item[tests[0]], str(item["text"])))
        return tuple(notes)
