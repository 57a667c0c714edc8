"""Case variables: a case's own details and its case-level answers, typed for REFI-QDA.

Case-level answers are those of the sections that are not repeating groups, taken from the
coding that speaks for the case (schema.counting). Types: a yes/no field is Boolean, a number
whose answers are all whole is Integer (Float otherwise), an age whose answers are all whole
years is Integer; everything else is Text: option labels, several options joined with "; ",
and dates as written, since many are only a year or a month (REFI's Date needs a full day).
A field not reported has the Text "Not reported in the review" where the variable is Text,
and no value where it is typed; an unanswered field has no value.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from exports.qdpx.codes import NOT_REPORTED
from exports.qdpx.data import CaseRow
from exports.qdpx.guids import guid
from schema.codebook_model import Codebook, Field

NOT_APPLICABLE = "Not applicable"


@dataclass(frozen=True)
class Variable:
    guid: str
    name: str
    type: str  # Text, Boolean, Integer or Float
    description: str
    value: Callable[[CaseRow], object]  # None when the case has no value


def case_variables(codebook: Codebook, cases: list[CaseRow]) -> list[Variable]:
    """The variables every case is described by, in codebook order after the case details."""
    found = _detail_variables(codebook)
    for section in codebook.sections:
        if section.repeat:
            continue
        for spec in section.fields:
            found.append(_field_variable(codebook, spec, cases))
    return found


def _detail_variables(codebook: Codebook) -> list[Variable]:
    def detail(key: str, name: str, kind: str, value, about: str) -> Variable:
        return Variable(guid("variable", codebook.id, "case", key), name, kind, about, value)

    return [
        detail("reference", "Reference", "Text", lambda c: c.reference, "The review's reference"),
        detail("review_type", "Review type", "Text",
               lambda c: codebook.review_type_label(c.review_type), "Kind of statutory review"),
        detail("category", "Category", "Text",
               lambda c: codebook.category_label(c.category) if c.category else None,
               "The case category of the summary tables"),
        detail("site", "Site", "Text", lambda c: c.site or None, "The site (borough)"),
        detail("publication_year", "Publication year", "Integer",
               lambda c: c.publication_year, "Year the review was published"),
        detail("status", "Coding status", "Text", lambda c: c.status.replace("_", " "),
               "not started, in progress, coded or checked"),
    ]


def _field_variable(codebook: Codebook, spec: Field, cases: list[CaseRow]) -> Variable:
    answers = [_answer(case, spec) for case in cases]
    kind = _variable_type(spec, [json.loads(a[1]) for a in answers
                                 if a and a[0] == "answered" and a[1] is not None])

    def value(case: CaseRow) -> object:
        return _value(spec, kind, _answer(case, spec))

    section = codebook.section(spec.section)
    return Variable(guid("variable", codebook.id, spec.section, spec.key),
                    f"{section.label}: {spec.label}", kind, spec.path, value)


def _answer(case: CaseRow, spec: Field) -> tuple[str, str | None] | None:
    return case.answer(spec.section, spec.key)


def _variable_type(spec: Field, values: list) -> str:
    whole = all(isinstance(v, int) and not isinstance(v, bool) for v in values)
    if spec.type == "boolean":
        return "Boolean"
    if spec.type == "number":
        return "Integer" if whole else "Float"
    if spec.type == "age" and whole:
        return "Integer"
    return "Text"


def _value(spec: Field, kind: str, answer: tuple[str, str | None] | None) -> object:
    if answer is None:
        return None
    state, value_json = answer
    if state != "answered":
        word = NOT_REPORTED if state == "not_reported" else NOT_APPLICABLE
        return word if kind == "Text" else None
    if value_json is None:
        return None
    value = json.loads(value_json)
    if kind != "Text":
        return value
    if isinstance(value, list):
        return "; ".join(spec.option_label(v) for v in value)
    if isinstance(value, str) and spec.options:
        return spec.option_label(value)
    return str(value)
