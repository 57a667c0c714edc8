"""The plain data the coding form shows: one coding's entities, answers and evidence.

A snapshot is read in a worker thread (SQLite connections are per thread) and handed to the
GUI thread, so it holds only frozen records and plain containers, never a store or a widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schema.records import Answer, Entity, Evidence


@dataclass(frozen=True)
class CodingSnapshot:
    """Everything `CodingForm.show_coding` needs to fill the form for one coding."""

    coding_id: str
    entities: list[Entity] = field(default_factory=list)
    answers: dict[str, dict[str, Answer]] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    document_titles: dict[str, str] = field(default_factory=dict)
    section_states: dict[str, str] = field(default_factory=dict)
    """Marked repeating sections: section key -> state ('not_applicable')."""

    def not_applicable(self, section: str) -> bool:
        """Whether the coder marked this repeating section as not applying to the case."""
        return self.section_states.get(section) == "not_applicable"

    def section_entities(self, section: str) -> list[Entity]:
        """The items of one section, in their stored order."""
        found = [e for e in self.entities if e.section == section]
        return sorted(found, key=lambda e: e.position)

    def evidence_by_field(self) -> dict[tuple[str, str], list[Evidence]]:
        """Evidence grouped by (entity id, field key), each list in citation order."""
        grouped: dict[tuple[str, str], list[Evidence]] = {}
        for item in self.evidence:
            grouped.setdefault((item.entity_id, item.field), []).append(item)
        return grouped


def load_snapshot(store, coding_id: str) -> CodingSnapshot:
    """Read one coding through the store API (call it in a worker thread with its own store)."""
    return CodingSnapshot(
        coding_id=coding_id,
        entities=store.entities(coding_id),
        answers=store.coding_answers(coding_id),
        evidence=store.coding_evidence(coding_id),
        document_titles={d.id: d.file_name for d in store.documents()},
        section_states=store.section_states(coding_id),
    )
