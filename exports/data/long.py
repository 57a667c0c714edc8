"""The long (tidy) table: one row per coding, item, field and option, with the answer state.

A multi-choice field gives one row per option (value 1 or 0); other fields one row, whose
value is the answer as stored (an option key, a number, a date, text; 1/0 for yes/no) and
whose `value_label` is the option's label. The state says answered, not_reported,
not_applicable or not_coded; the value is empty unless answered. A repeating section the
coding marked not applicable (a suicide's perpetrators) gives one row of its own, with the
state not_applicable and the item and field left empty. This suits R's tidyverse:
filter on `state`, pivot on `field`.
"""

from __future__ import annotations

from collections.abc import Iterator

from exports.data.rows import CodedRow
from schema.codebook_model import Codebook, Field
from schema.records import Answer

CASE_HEADER = ["case.reference", "case.review_type", "case.category", "case.site",
               "case.publication_year", "case.status", "coding.kind"]
FIELD_HEADER = ["section", "item", "field", "option", "state", "value", "value_label"]
NOT_CODED = "not_coded"
LONG_DESCRIPTIONS = {
    "section": "Section of the codebook", "item": "Item of the section (1 unless it repeats)",
    "field": "Field key within the section (empty on the one row of a section marked not "
             "applicable)", "option": "Option key of a multi-choice field",
    "state": "answered, not_reported, not_applicable or not_coded",
    "value": "The answer as stored (option key, number, date, text; 1/0 for yes/no and "
             "for each option of a multi-choice field)",
    "value_label": "The label of the chosen option, or yes/no"}


def long_header(all_codings: bool) -> list[str]:
    return CASE_HEADER + (["coding.coder"] if all_codings else []) + FIELD_HEADER


def long_rows(book: Codebook, rows: list[CodedRow], all_codings: bool) -> Iterator[list]:
    """Every row of the long table, coding by coding in codebook order."""
    for row in rows:
        case = row.case
        lead = [case.reference, case.review_type, case.category, case.site,
                case.publication_year, case.status, row.coding.kind]
        if all_codings:
            lead.append(row.coding.coder)
        for section in book.sections:
            if section.key in row.not_applicable and not row.items.get(section.key):
                yield [*lead, section.key, None, "", "", "not_applicable", None, ""]
            for item, answers in enumerate(row.items.get(section.key, ()), start=1):
                for spec in section.fields:
                    for tail in _field_rows(spec, answers.get(spec.key)):
                        yield [*lead, section.key, item, spec.key, *tail]


def _field_rows(spec: Field, answer: Answer | None) -> Iterator[list]:
    state = answer.state if answer is not None else NOT_CODED
    answered = state == "answered"
    if spec.type == "multi":
        for option in spec.options:
            chosen = answered and option.key in answer.value
            value, label = (int(chosen), "yes" if chosen else "no") if answered else (None, "")
            yield [option.key, state, value, label]
        return
    if not answered:
        yield ["", state, None, ""]
        return
    value = answer.value
    if isinstance(value, bool):
        yield ["", state, int(value), "yes" if value else "no"]
    elif spec.is_categorical or (spec.type == "age" and isinstance(value, str)):
        yield ["", state, value, spec.option_label(value)]
    else:
        yield ["", state, value, ""]
