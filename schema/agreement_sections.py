"""Agreement on whether a repeating section applies to a case at all.

A coder can mark a repeating section not applicable (a suicide has no perpetrator); another
may have coded perpetrators for the same case. The field-level units cannot show that: the
first coding gives no value for any perpetrator field, so those units have one value and are
left out. Each repeating section therefore gets one more unit per case, read as a nominal
variable with two values:

- "not_applicable": the coding marked the section not applicable;
- "applies": the coding holds at least one item of the section;
- a coding with neither gives no value (missing): an empty, unmarked section may simply not
  have been coded yet, and counting it as "applies" or not would be a guess.

How many items each coding holds is not compared here: a count is not nominal, and where two
codings both hold items the field units already compare them item by item. The units are
returned for schema.agreement to score like a field, under the path `section.(applies)`.
Only non-consensus codings of cases coded more than once take part, as for the fields.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

import sqlite_utils

from schema.agreement_units import double_coded_codings
from schema.codebook_model import Codebook
from schema.store_sections import APPLIES, NOT_APPLICABLE, has_section_states


@dataclass(frozen=True)
class SectionUnit:
    """Stands in for a codebook field in the agreement results (path, label, type)."""

    path: str
    label: str
    type: str = "section"


def section_units(db: sqlite_utils.Database, codebook: Codebook
                  ) -> list[tuple[SectionUnit, dict[tuple, dict[str, Hashable]]]]:
    """For each repeating section, in codebook order: its unit description and its units,
    (case id, 0) -> {coder identity: "applies" or "not_applicable"}."""
    repeating = [s for s in codebook.sections if s.repeat]
    if not repeating:
        return []
    values = _values(db)
    return [(SectionUnit(f"{s.key}.(applies)", f"{s.label}: does the section apply?"),
             values.get(s.key, {})) for s in repeating]


def _values(db: sqlite_utils.Database) -> dict[str, dict[tuple, dict[str, Hashable]]]:
    codings = double_coded_codings(db)
    found: dict[str, dict[tuple, dict[str, Hashable]]] = defaultdict(lambda: defaultdict(dict))
    for coding_id, section in db.execute("SELECT DISTINCT coding_id, section FROM entities"):
        if coding_id in codings:
            case_id, coder = codings[coding_id]
            found[section][(case_id, 0)][coder] = APPLIES
    if has_section_states(db):
        for coding_id, section in db.execute(
                "SELECT coding_id, section FROM section_states WHERE state = ?",
                [NOT_APPLICABLE]):
            if coding_id in codings:
                case_id, coder = codings[coding_id]
                found[section][(case_id, 0)][coder] = NOT_APPLICABLE
    return found
