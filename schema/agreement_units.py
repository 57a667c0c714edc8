"""The coded answers every agreement figure is built from, read once in one shape.

A unit's values come from the non-consensus codings of cases coded more than once (a
consensus is made by reconciling, so it is no coder's independent judgement). One query
serves the figures (schema.agreement), the drill-down (schema.agreement_details) and the
"does the section apply" units (schema.agreement_sections).
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterator
from dataclasses import dataclass

import sqlite_utils

DOUBLE_CODED = ("g.kind != 'consensus' AND g.case_id IN (SELECT case_id FROM codings "
                "WHERE kind != 'consensus' GROUP BY case_id HAVING count(*) > 1)")
"""SQL condition on a codings row `g`: a coder's own coding of a case coded more than once."""

CODER = "g.coder || ' (' || g.site || ')'"
"""How the figures name a coder: "A. Analyst (Lambeth)" (one person at one site)."""

_ANSWERS = (f"SELECT g.case_id, c.reference, {CODER}, g.id, e.id, e.section, e.position, "
            f"a.field, a.state, a.value_json FROM answers a "
            f"JOIN entities e ON e.id = a.entity_id JOIN codings g ON g.id = e.coding_id "
            f"JOIN cases c ON c.id = g.case_id WHERE {DOUBLE_CODED}")


@dataclass(frozen=True, slots=True)
class CodedAnswer:
    case_id: str
    reference: str
    coder: str
    coding_id: str
    entity_id: str
    path: str  # "section.field"
    position: int
    category: Hashable
    """The answer as a comparable value: an option key, a sorted tuple of keys, or
    "<not_reported>" / "<not_applicable>"."""


def coded_answers(db: sqlite_utils.Database, paths: set[str]) -> Iterator[CodedAnswer]:
    """Every answer to the fields in `paths` by the codings the figures compare."""
    for case_id, reference, coder, coding_id, entity_id, section, position, field, state, \
            value_json in db.execute(_ANSWERS):
        path = f"{section}.{field}"
        if path in paths:
            yield CodedAnswer(case_id, reference, coder, coding_id, entity_id, path,
                              position, category(state, value_json))


def double_coded_codings(db: sqlite_utils.Database) -> dict[str, tuple[str, str]]:
    """coding id -> (case id, coder) for the codings the figures compare."""
    rows = db.execute(f"SELECT g.id, g.case_id, {CODER} FROM codings g WHERE {DOUBLE_CODED}")
    return {row[0]: (row[1], row[2]) for row in rows}


def category(state: str, value_json: str | None) -> Hashable:
    if state != "answered":
        return f"<{state}>"
    value = json.loads(value_json)
    return tuple(sorted(value)) if isinstance(value, list) else value
