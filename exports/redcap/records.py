"""The records CSV in REDCap's import shape, from the cases that count.

Which cases count and through which coding is schema.counting's rule, as for the tables: a
case marked coded or checked (or in progress, when asked), through its consensus coding where
there is one, else its primary. Each counted case gives one row for its non-repeating
instruments, then one row per item of each repeating instrument, numbered from 1 in the
order the coder put them. A checkbox variable gives a `name___code` column per choice (1
ticked, 0 not); "not reported" and "not applicable" are written as the missing-data codes
UNK and NA (for a checkbox, as a 1 in its `name___unk` or `name___na` column, which appears
only when some case uses it).
"""

from __future__ import annotations

from dataclasses import dataclass

from exports.redcap.dictionary import DataFacts, Layout, Variable, number_text
from exports.redcap.names import checkbox_column
from exports.redcap.spec import MISSING_CODES, RECORD_ID, REPEAT_INSTANCE, REPEAT_INSTRUMENT
from schema.codebook_model import Codebook
from schema.dates import date_precision
from schema.records import Answer, Case, Coding
from schema.store import Store

Items = dict[str, list[dict[str, Answer]]]


@dataclass(frozen=True)
class CaseData:
    """A counted case with the answers of its counting coding, item by item per section."""

    case: Case
    coding: Coding | None
    items: Items

    def answers_of(self, path: str) -> list[Answer]:
        section, _, key = path.partition(".")
        return [item[key] for item in self.items.get(section, ()) if key in item]


def load_cases(store: Store, statuses: tuple[str, ...]) -> list[CaseData]:
    """The cases of these statuses, in reference order, with their counting coding."""
    loaded = []
    for case in store.list_cases():
        if case.status not in statuses:
            continue
        coding = store.coding_for_tables(case.id)
        items: Items = {}
        if coding is not None:
            answers = store.coding_answers(coding.id)
            for entity in store.entities(coding.id):
                items.setdefault(entity.section, []).append(answers.get(entity.id, {}))
        loaded.append(CaseData(case, coding, items))
    return loaded


def data_facts(book: Codebook, cases: list[CaseData]) -> DataFacts:
    """Which number fields hold fractions and which date fields hold partial dates."""
    fractional, partial = set(), set()
    for spec in book.all_fields():
        values = [a.value for c in cases for a in c.answers_of(spec.path)
                  if a.state == "answered"]
        if spec.type == "number" and any(isinstance(v, float) and not v.is_integer()
                                         for v in values):
            fractional.add(spec.path)
        if spec.type == "date" and any(date_precision(v) != "day" for v in values):
            partial.add(spec.path)
    return DataFacts(frozenset(fractional), frozenset(partial))


def record_columns(layout: Layout, cases: list[CaseData]) -> list[str]:
    """The header: record_id, the repeat columns (when anything repeats), the variables."""
    columns = [RECORD_ID]
    if layout.repeating():
        columns += [REPEAT_INSTRUMENT, REPEAT_INSTANCE]
    for variable in layout.variables[1:]:
        columns += _columns_of(variable, cases)
    return columns


def record_rows(layout: Layout, cases: list[CaseData]) -> list[dict[str, str]]:
    """One dict per CSV row, keyed by column; absent columns are blank."""
    rows = []
    for data in cases:
        first = {RECORD_ID: data.case.id}
        for instrument in layout.instruments:
            if instrument.repeat:
                continue
            for variable in layout.of_form(instrument.name)[int(instrument.section is None):]:
                first.update(_cells(variable, _value_of(data, variable, 0)))
        rows.append(first)
        for instrument in layout.repeating():
            for index, item in enumerate(data.items.get(instrument.section, ())):
                row = {RECORD_ID: data.case.id, REPEAT_INSTRUMENT: instrument.name,
                       REPEAT_INSTANCE: str(index + 1)}
                for variable in layout.of_form(instrument.name):
                    row.update(_cells(variable, item.get(variable.path.partition(".")[2])))
                rows.append(row)
    return rows


def _columns_of(variable: Variable, cases: list[CaseData]) -> list[str]:
    if variable.redcap_type != "checkbox":
        return [variable.name]
    columns = [checkbox_column(variable.name, code) for code in variable.codes.values()]
    states = {a.state for c in cases for a in c.answers_of(variable.path)}
    return columns + [checkbox_column(variable.name, code)
                      for state, (code, _label) in MISSING_CODES.items() if state in states]


def _value_of(data: CaseData, variable: Variable, index: int) -> Answer | object:
    """A case column's value, or the answer of a non-repeating section's field."""
    section, _, key = variable.path.partition(".")
    if section == "case":
        return _case_value(data, key)
    items = data.items.get(section, ())
    return items[index].get(key) if len(items) > index else None


def _case_value(data: CaseData, column: str) -> str:
    if column in ("coding", "coder"):
        return getattr(data.coding, "kind" if column == "coding" else "coder", "") \
            if data.coding else ""
    value = getattr(data.case, column)
    return "" if value is None else str(value)


def _cells(variable: Variable, answer: Answer | str | None) -> dict[str, str]:
    """The record cells of one variable for one answer (or case value)."""
    if isinstance(answer, str):
        return {variable.name: variable.codes.get(answer, answer)}
    if answer is None or answer.state not in ("answered", *MISSING_CODES):
        return {}
    if variable.redcap_type == "checkbox":
        chosen = answer.value if answer.state == "answered" else []
        cells = {checkbox_column(variable.name, code): "1" if key in chosen else "0"
                 for key, code in variable.codes.items()}
        if answer.state in MISSING_CODES:
            cells[checkbox_column(variable.name, MISSING_CODES[answer.state][0])] = "1"
        return cells
    if answer.state in MISSING_CODES:
        return {variable.name: MISSING_CODES[answer.state][0]}
    return {variable.name: _answer_text(variable, answer.value)}


def _answer_text(variable: Variable, value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return number_text(value)
    return variable.codes.get(value, value) if isinstance(value, str) else str(value)
