"""Field-level differences between the codings of one case.

Two codings are compared entity by entity: a non-repeating section with its counterpart, a
repeating section item by item in position order (victim 1 with victim 1). A field differs
when the codings do not all give the same state and value; a field one coding left
unanswered, or an item only one coding has, counts as a difference too, because the
reconciler has to decide it. Consensus codings are the resolution, not a party, so they are
left out.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

import sqlite_utils

from schema.codebook_model import Codebook


@dataclass(frozen=True)
class CodedValue:
    """What one coding says for one field of one item; state None means unanswered."""

    coding_id: str
    coder: str
    site: str
    entity_id: str | None
    state: str | None
    value: object

    def display(self) -> str:
        if self.state is None:
            return "(no answer)"
        if self.state == "not_reported":
            return "not reported"
        if self.state == "not_applicable":
            return "not applicable"
        return _display_value(self.value)


@dataclass(frozen=True)
class FieldConflict:
    case_id: str
    reference: str
    section: str
    position: int
    repeat: bool
    field: str
    values: tuple[CodedValue, ...]

    @property
    def path(self) -> str:
        return f"{self.section}.{self.field}"

    @property
    def where(self) -> str:
        """'victims #2 gender' or 'incident method', for listings."""
        item = f" #{self.position + 1}" if self.repeat else ""
        return f"{self.section}{item} {self.field}"

    def as_dict(self) -> dict:
        return {"case_id": self.case_id, "reference": self.reference, "section": self.section,
                "item": self.position + 1 if self.repeat else None, "field": self.field,
                "values": [{"coding_id": v.coding_id, "coder": v.coder, "site": v.site,
                            "state": v.state, "value": v.value} for v in self.values]}


def comparable(state: str | None, value: object) -> tuple:
    """A hashable form in which equal answers are equal (multi answers as sets)."""
    if isinstance(value, list):
        value = tuple(sorted(map(str, value)))
    return (state, value if state == "answered" else None)


def case_conflicts(db: sqlite_utils.Database, codebook: Codebook, case_id: str,
                   ) -> list[FieldConflict]:
    """Every field on which the non-consensus codings of a case differ, in codebook order."""
    codings = list(db.query(
        "SELECT id, coder, site FROM codings WHERE case_id = ? AND kind != 'consensus' "
        "ORDER BY site, coder, id", [case_id]))
    if len(codings) < 2:
        return []
    reference = db.execute("SELECT reference FROM cases WHERE id = ?", [case_id]).fetchone()[0]
    entities, answers = _load(db, [c["id"] for c in codings])
    conflicts = []
    for section in codebook.sections:
        positions = {pos for (cid, sec, pos) in entities if sec == section.key}
        for position in sorted(positions) if section.repeat else [0]:
            for spec in section.fields:
                values = []
                for coding in codings:
                    entity_id = entities.get((coding["id"], section.key, position))
                    state, value = answers.get((entity_id, spec.key), (None, None))
                    values.append(CodedValue(coding["id"], coding["coder"], coding["site"],
                                             entity_id, state, value))
                if len({comparable(v.state, v.value) for v in values}) > 1:
                    conflicts.append(FieldConflict(case_id, reference, section.key, position,
                                                   section.repeat, spec.key, tuple(values)))
    return conflicts


def _load(db: sqlite_utils.Database, coding_ids: list[str]) -> tuple[dict, dict]:
    marks = ", ".join("?" for _ in coding_ids)
    entities: dict[tuple[str, str, int], str] = {}
    for row in db.execute(f"SELECT id, coding_id, section, position FROM entities "
                          f"WHERE coding_id IN ({marks})", coding_ids):
        entities[(row[1], row[2], row[3])] = row[0]
    answers: dict[tuple[str, str], tuple[str, object]] = defaultdict(lambda: (None, None))
    for entity_id, field, state, value_json in db.execute(
            f"SELECT a.entity_id, a.field, a.state, a.value_json FROM answers a "
            f"JOIN entities e ON e.id = a.entity_id WHERE e.coding_id IN ({marks})",
            coding_ids):
        answers[(entity_id, field)] = (state, None if value_json is None
                                       else json.loads(value_json))
    return entities, dict(answers)


def cases_with_several_codings(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute("SELECT case_id FROM codings WHERE kind != 'consensus' GROUP BY case_id "
                      "HAVING count(*) > 1 ORDER BY case_id")
    return [row[0] for row in rows]


def _display_value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value)) if value else "(none)"
    return str(value)
