"""Where the coders disagree: the units behind each agreement figure that did not agree.

For every categorical field (and every option of a multi-choice field, read as ticked or not
as schema.agreement_options does) this lists each unit on which the codings gave different
values: the case, the item (victim 2, or the section of a non-repeating one) and what each
coding said, with the coding and entity ids so a viewer can open the case at that field.
Units are the ones the figures count (schema.agreement): non-consensus codings of cases coded
more than once, a field left unanswered being no value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

import sqlite_utils

from schema.agreement_options import option_value
from schema.agreement_units import coded_answers
from schema.codebook_model import Codebook, Field, Section

STATE_WORDS = {"<not_reported>": "not reported", "<not_applicable>": "not applicable"}


@dataclass(frozen=True)
class CodedValue:
    """What one coding said on the unit."""

    coder: str  # "A. Analyst (Lambeth)", as the figures name a coder
    coding_id: str
    entity_id: str
    value: str  # as a reader sees it


@dataclass(frozen=True)
class Disagreement:
    path: str  # "section.field"
    option: str  # the option key for a per-option row, "" for the whole field
    case_id: str
    reference: str
    section: str
    position: int  # the item's place in a repeating section (0 for the first)
    item: str  # "Victim 2", or the section's label when it does not repeat
    values: tuple[CodedValue, ...]


@dataclass(frozen=True)
class _Coded:
    category: Hashable
    coding_id: str
    entity_id: str


def disagreements(db: sqlite_utils.Database, codebook: Codebook,
                  leave_out: frozenset[str] = frozenset()) -> list[Disagreement]:
    """Every disagreeing unit, in codebook order (each field, then its options), then by
    case reference and item. Cases in `leave_out` (ids) are not listed."""
    coded, references = _read(db, codebook, leave_out)
    found: list[Disagreement] = []
    for section in codebook.sections:
        for spec in section.fields:
            if not spec.is_categorical:
                continue
            units = coded.get(spec.path, {})
            found += _differing(section, spec, units, references, "")
            for option in spec.options if spec.type == "multi" else ():
                found += _differing(section, spec, units, references, option.key)
    return found


def item_name(section: Section, position: int) -> str:
    """'Victim 2' for the second item of a repeating section; a section's label otherwise."""
    if not section.repeat:
        return section.label
    return f"{section.item_label or section.label} {position + 1}"


def _differing(section: Section, spec: Field, units: dict, references: dict[str, str],
               option: str) -> list[Disagreement]:
    """The units of one field (or one of its options) on which the codings differ."""
    rows = []
    for (case_id, position), by_coder in units.items():
        values = {coder: (option_value(c.category, option) if option else c.category, c)
                  for coder, c in sorted(by_coder.items())}
        values = {k: v for k, v in values.items() if v[0] is not None}
        if len(values) < 2 or len({v for v, _ in values.values()}) < 2:
            continue
        rows.append(Disagreement(
            spec.path, option, case_id, references[case_id], spec.section, position,
            item_name(section, position),
            tuple(CodedValue(coder, c.coding_id, c.entity_id, _words(spec, value, option))
                  for coder, (value, c) in values.items())))
    rows.sort(key=lambda d: (d.reference.casefold(), d.position))
    return rows


def _words(spec: Field, value: Hashable, option: str) -> str:
    if option:
        return "ticked" if value else "not ticked"
    if isinstance(value, str) and value in STATE_WORDS:
        return STATE_WORDS[value]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return "; ".join(spec.option_label(k) for k in value) or "nothing ticked"
    return spec.option_label(str(value))


def _read(db: sqlite_utils.Database, codebook: Codebook, leave_out: frozenset[str]
          ) -> tuple[dict[str, dict], dict[str, str]]:
    """path -> {(case id, position): {coder: _Coded}}, and each case id's reference."""
    categorical = {f.path for f in codebook.all_fields() if f.is_categorical}
    coded: dict[str, dict] = defaultdict(lambda: defaultdict(dict))
    references: dict[str, str] = {}
    for found in coded_answers(db, categorical):
        if found.case_id not in leave_out:
            references[found.case_id] = found.reference
            coded[found.path][(found.case_id, found.position)][found.coder] = _Coded(
                found.category, found.coding_id, found.entity_id)
    return coded, references
