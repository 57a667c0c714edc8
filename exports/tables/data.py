"""Reading the coded cases the tables count, in bulk and read-only.

Only cases whose status says they are coded (coded or checked) count, and in-progress ones
when asked for; each counts through one coding: its consensus coding where one exists,
otherwise its primary coding (both rules are schema.counting's). Two
queries fetch every case and every needed answer at once (two table scans joined in
Python); per-case store calls would take minutes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

import sqlite_utils

from schema.counting import counted_statuses, counting_coding_sql, describe_statuses
from schema.errors import CasecoderError
from schema.store_sections import has_section_states

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$")


class TablesError(CasecoderError):
    """The tables cannot be made from this project with these filters."""


@dataclass(frozen=True)
class TableFilter:
    """Which cases the tables count. Empty values do not filter."""

    site: str | None = None
    review_type: str | None = None
    years: tuple[int, int] | None = None
    include_in_progress: bool = False
    """Count cases still in progress too (never cases not started)."""

    @property
    def statuses(self) -> tuple[str, ...]:
        return counted_statuses(self.include_in_progress)

    def describe(self) -> str:
        parts = []
        if self.site:
            parts.append(f"site {self.site}")
        if self.review_type:
            parts.append(f"review type {self.review_type}")
        if self.years:
            first, last = self.years
            parts.append(f"published {first}" if first == last else
                         f"published {first}–{last}")
        return ", ".join(parts) or "none (all cases)"


def parse_years(text: str) -> tuple[int, int]:
    """'2016-2019' -> (2016, 2019); '2018' -> (2018, 2018)."""
    match = _YEARS.match(text or "")
    if not match:
        raise TablesError(f"years must look like 2016-2019 or 2018, not {text!r}")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first:
        raise TablesError(f"the years {text!r} run backwards; write the earlier year first")
    return first, last


Answer = tuple[str, object]
_NONE: tuple = ()
NOT_APPLICABLE_ITEMS: list = [("not_applicable", None)]
"""The items of a field whose repeating section the case's coding marked not applicable."""
_INDEX_OF = attrgetter("index")


@dataclass(slots=True)
class CaseRecord:
    """One case, with the answers of its chosen coding held field by field for all cases.

    `fields` (one dict shared by every case of a load) maps "section.field" to a list with
    one entry per case, at the case's `index`: the answers of every item of the section
    (people, events) in position order, None for an item whose answer has not been coded, and
    empty when the coding has no such items. `field_answers` reads a field of many cases in
    one pass.
    """

    id: str
    category: str | None
    review_type: str
    site: str
    publication_year: int | None
    index: int = 0
    fields: dict[str, list] = field(default_factory=dict, repr=False)
    not_applicable_sections: frozenset[str] = frozenset()
    """Repeating sections the chosen coding marked as not applying to the case (a suicide's
    perpetrators): their empty item lists mean "does not apply", not "no information"."""

    def column(self, path: str) -> list[Answer | None]:
        """The answers of every item of the field's section (empty if it has none)."""
        found = self.fields.get(path)
        return found[self.index] if found is not None else _NONE

    def answer(self, path: str) -> Answer | None:
        """The answer of a field of a non-repeating section, or None if nothing is recorded."""
        found = self.column(path)
        return found[0] if found else None

    def attribute(self, column: str) -> object:
        """The value a case is grouped by: a case column ('case.site') or a case-level field."""
        if column.startswith("case."):
            return getattr(self, column[5:])
        found = self.answer(column)
        return found[1] if found and found[0] == "answered" else None


def field_answers(path: str, cases: list[CaseRecord]) -> list[list[Answer | None]]:
    """The answers of a loaded field for each case (one per item of its section)."""
    if not cases:
        return []
    return list(map(cases[0].fields[path].__getitem__, map(_INDEX_OF, cases)))


def attributes(column: str, cases: list[CaseRecord]) -> list[object]:
    """`CaseRecord.attribute` of every case, in one pass."""
    if column.startswith("case."):
        return list(map(attrgetter(column[5:]), cases))
    found = field_answers(column, cases)
    return [a[0][1] if a and a[0] and a[0][0] == "answered" else None for a in found]


@dataclass
class TableData:
    cases: list[CaseRecord]
    uncoded: int
    """Cases of a counted status that matched the filters but have no coding; left out."""
    by_status: dict[str, int] = field(default_factory=dict)
    """How many counted cases have each status."""
    not_counted: dict[str, int] = field(default_factory=dict)
    """Cases matching the filters left out for their status, by status."""


def _where(table_filter: TableFilter) -> tuple[str, list]:
    clauses, params = [], []
    if table_filter.site:
        clauses.append("c.site = ?")
        params.append(table_filter.site)
    if table_filter.review_type:
        clauses.append("c.review_type = ?")
        params.append(table_filter.review_type)
    if table_filter.years:
        clauses.append("c.publication_year BETWEEN ? AND ?")
        params += list(table_filter.years)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params



_CASES_SQL = """
SELECT c.id, c.category, c.review_type, c.site, c.publication_year,
  {pick} AS coding_id, c.status
FROM cases c{where}"""

_ENTITIES_SQL = ("SELECT id, coding_id, section FROM entities WHERE section IN ({}) "
                 "ORDER BY coding_id, section, position")
_ANSWERS_SQL = "SELECT entity_id, field, state, value_json FROM answers WHERE field IN ({})"


def load_table_data(db: sqlite_utils.Database, wanted: dict[str, set[str]],
                    table_filter: TableFilter | None = None) -> TableData:
    """Load the cases matching the filter and the wanted fields ({section: {field keys}})."""
    table_filter = table_filter or TableFilter()
    where, params = _where(table_filter)
    sql = _CASES_SQL.format(pick=counting_coding_sql("c"), where=where)
    matching = db.execute(sql, params).fetchall()
    statuses = table_filter.statuses
    rows = [r for r in matching if r[6] in statuses]
    left_out = Counter(r[6] for r in matching if r[6] not in statuses)
    _check_found(db, matching, rows, table_filter)
    coded = sorted((r for r in rows if r[5]), key=itemgetter(0))
    fields = {f"{section}.{key}": [_NONE] * len(coded)
              for section, keys in wanted.items() for key in keys}
    records = [CaseRecord(r[0], r[1], r[2], r[3], r[4], index, fields)
               for index, r in enumerate(coded)]
    by_coding = {r[5]: record for r, record in zip(coded, records, strict=True)}
    _fill_answers(db, by_coding, wanted)
    _fill_section_states(db, by_coding, wanted)
    return TableData(cases=records, uncoded=len(rows) - len(records),
                     by_status=dict(Counter(r[6] for r in coded)), not_counted=dict(left_out))


def _fill_answers(db: sqlite_utils.Database, by_coding: dict[str, CaseRecord],
                  wanted: dict[str, set[str]]) -> None:
    """Attach the wanted answers of the chosen codings to their cases, field by field.

    Two plain scans joined in Python: for thousands of cases this is several times faster
    than letting SQLite look every answer up through its index. Equal answers share one
    tuple, so ten thousand cases make few objects.
    """
    slots = _entity_slots(db, by_coding, wanted)
    shared: dict[str, dict[str | None, Answer]] = {
        "answered": {}, "not_reported": {}, "not_applicable": {}}
    fields = sorted({f for keys in wanted.values() for f in keys})
    for entity_id, key, state, value_json in db.conn.execute(
            _ANSWERS_SQL.format(", ".join("?" * len(fields))), fields):
        found = slots.get(entity_id)
        if found is None:
            continue
        column = found[0].get(key)
        if column is None:
            continue
        of_state = shared[state]
        answer = of_state.get(value_json)
        if answer is None:
            value = json.loads(value_json) if value_json is not None else None
            answer = of_state[value_json] = (state, value)
        column[found[1]] = answer


_STATES_SQL = "SELECT coding_id, section FROM section_states WHERE state = 'not_applicable'"


def _fill_section_states(db: sqlite_utils.Database, by_coding: dict[str, CaseRecord],
                         wanted: dict[str, set[str]]) -> None:
    """Mark each case with the sections its chosen coding marked not applicable, from one
    scan (a project opened read-only from before section states existed has none).

    Each wanted field of such a section then reads as one item answered "not applicable"
    (NOT_APPLICABLE_ITEMS), so every row tells "does not apply" from "nothing coded"
    without knowing about section states; counts of people skip it (`is_not_applicable`).
    """
    if not has_section_states(db):
        return
    found: dict[str, set[str]] = {}
    for coding_id, section in db.conn.execute(_STATES_SQL):
        if coding_id in by_coding:
            found.setdefault(coding_id, set()).add(section)
    for coding_id, sections in found.items():
        record = by_coding[coding_id]
        record.not_applicable_sections = frozenset(sections)
        for section in sections & set(wanted):
            for key in wanted[section]:
                record.fields[f"{section}.{key}"][record.index] = NOT_APPLICABLE_ITEMS


def is_not_applicable(items: list) -> bool:
    """Whether a field's items are a section marked not applicable (no person at all)."""
    return items is NOT_APPLICABLE_ITEMS


def _entity_slots(db: sqlite_utils.Database, by_coding: dict[str, CaseRecord],
                  wanted: dict[str, set[str]]) -> dict[str, tuple[dict[str, list], int]]:
    """entity id -> (its section's answer lists by field key, its place in them).

    The entities come sorted by coding, section and position (the order of their index), so
    each coding's items of a section arrive together and in order; every wanted field gets a
    list with one slot per item, None until answered.
    """
    sections = sorted(wanted)
    rows = db.conn.execute(_ENTITIES_SQL.format(", ".join("?" * len(sections))), sections)
    paths = {s: [(k, f"{s}.{k}") for k in sorted(keys)] for s, keys in wanted.items()}
    slots: dict[str, tuple[dict[str, list], int]] = {}
    last_coding = last_section = lists = None
    slot = 0
    for entity_id, coding_id, section in rows:
        if coding_id == last_coding and section == last_section:
            if lists is None:
                continue
            slot += 1
            for column in lists.values():
                column.append(None)
            slots[entity_id] = (lists, slot)
        else:
            last_coding, last_section, slot = coding_id, section, 0
            lists = _new_lists(by_coding.get(coding_id), paths[section])
            if lists is not None:
                slots[entity_id] = (lists, 0)
    return slots


def _new_lists(record: CaseRecord | None,
               paths: list[tuple[str, str]]) -> dict[str, list] | None:
    """The answer lists of a coding's first item of a section (None: not a chosen coding)."""
    if record is None:
        return None
    lists = {}
    fields, index = record.fields, record.index
    for key, path in paths:
        lists[key] = fields[path][index] = [None]
    return lists


def _check_found(db: sqlite_utils.Database, matching: list, rows: list,
                 table_filter: TableFilter) -> None:
    if rows and any(r[5] for r in rows):
        return
    total = db.execute("SELECT count(*) FROM cases").fetchone()[0]
    if total == 0:
        raise TablesError("the project has no cases yet; add and code some cases, then make "
                          "the tables")
    if not matching:
        raise TablesError(f"no case matches the filters ({table_filter.describe()}). "
                          f"{available_text(db)}")
    if not rows:
        hint = "" if table_filter.include_in_progress else \
            ", or include cases in progress"
        raise TablesError(f"none of the {len(matching)} matching cases is marked "
                          f"{describe_statuses(table_filter.statuses)}; mark a case coded "
                          f"when its coding is finished{hint}")
    raise TablesError(f"none of the {len(rows)} matching cases has been coded yet; code "
                      f"them first, then make the tables")


def filter_choices(store) -> dict[str, list]:
    """The sites, review types and publication years present, for the filter menus."""
    return _case_values(store.db)


def _case_values(db: sqlite_utils.Database) -> dict[str, list]:
    def distinct(column: str) -> list:
        return [r[0] for r in db.execute(
            f"SELECT DISTINCT {column} FROM cases WHERE {column} IS NOT NULL "
            f"AND {column} != '' ORDER BY {column}")]
    return {"site": distinct("site"), "review_type": distinct("review_type"),
            "years": distinct("publication_year")}


def available_text(db: sqlite_utils.Database) -> str:
    choices = _case_values(db)
    years = choices["years"]
    parts = [f"sites: {', '.join(choices['site']) or 'none recorded'}",
             f"review types: {', '.join(choices['review_type'])}",
             f"years: {f'{years[0]}–{years[-1]}' if years else 'none recorded'}"]
    return "The project holds " + "; ".join(parts) + "."
