"""Store methods for section-level states: a repeating section marked "not applicable".

A suicide has no perpetrator. Leaving the perpetrators section empty would read as "nothing
recorded yet"; marking it not applicable says the section does not apply to this case.

Rules a coder can rely on:
- Only a repeating section can be marked (a non-repeating one has per-field marks).
- Marking is refused while the section holds an item with an answer or evidence: the coder
  removes those first (Undo brings them back). Items that hold nothing are removed as part
  of the mark, and `unmark_section` (the undo) puts them back.
- Adding an item to a section marked not applicable is refused with a message; the coder
  takes the mark back first. The form disables its Add button while the mark stands, so a
  deliberate decision is never undone by a stray click or shortcut.
- Taking the mark back keeps the row with the state 'applies' and a new time stamp, so a merge
  carries the change (see migration 7).
Every change is one transaction with an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from schema.errors import ValidationError
from schema.project import now
from schema.transactions import transaction

NOT_APPLICABLE = "not_applicable"
APPLIES = "applies"
SECTION_STATES = (NOT_APPLICABLE,)
"""The marks a section can carry; APPLIES is the unmarked state a taken-back mark leaves."""
KNOWN_STATES = (APPLIES, *SECTION_STATES)


@dataclass(frozen=True)
class SectionMark:
    """What marking a section wrote, so that undo can take it back exactly."""

    coding_id: str
    section: str
    state: str
    before: str | None
    """The section's state before (None when it had no row or was unmarked)."""
    removed: tuple[dict, ...] = ()
    """Snapshots (Store.remove_entity) of the empty items the mark removed."""


class SectionStateMixin:
    def section_states(self, coding_id: str) -> dict[str, str]:
        """The marked sections of a coding: section key -> state (unmarked ones left out).
        A project opened read-only from before section states existed has none."""
        if not self._has_section_states():
            return {}
        rows = self.db.execute(
            "SELECT section, state FROM section_states WHERE coding_id = ? AND state != ? "
            "ORDER BY section", [coding_id, APPLIES]).fetchall()
        return dict(rows)

    def mark_section_not_applicable(self, coding_id: str, section: str) -> SectionMark:
        """Say that a repeating section does not apply to the coding's case (refused while
        the section still holds answers or evidence)."""
        spec = self._repeating(section)
        case_id = self.get_coding(coding_id).case_id
        items = self.entities(coding_id, section)
        full = [e for e in items if self.answers(e.id) or self.evidence_for(e.id)]
        if full:
            label = (spec.item_label or "item").lower()
            many = len(full) != 1
            raise ValidationError(
                f"{spec.label} still holds {len(full)} {label}{'s' if many else ''} with "
                f"answers; remove {'them' if many else 'it'} first (Undo brings "
                f"{'them' if many else 'it'} back), then mark the section not applicable")
        before = self.section_states(coding_id).get(section)
        with transaction(self.db):
            removed = tuple(self.remove_entity(e.id) for e in reversed(items))
            self._write_section_state(coding_id, section, NOT_APPLICABLE, case_id, before)
        return SectionMark(coding_id, section, NOT_APPLICABLE, before, removed[::-1])

    def clear_section_state(self, coding_id: str, section: str) -> str | None:
        """Take a section's mark back, so items can be added again; returns the old state
        (None when the section was not marked, and then nothing is written)."""
        self._repeating(section)
        case_id = self.get_coding(coding_id).case_id
        before = self.section_states(coding_id).get(section)
        if before is None:
            return None
        with transaction(self.db):
            self._write_section_state(coding_id, section, APPLIES, case_id, before)
        return before

    def unmark_section(self, mark: SectionMark) -> None:
        """Undo `mark_section_not_applicable`: the old state and the removed items return."""
        case_id = self.get_coding(mark.coding_id).case_id
        with transaction(self.db):
            self._write_section_state(mark.coding_id, mark.section, mark.before or APPLIES,
                                      case_id, mark.state)
            for snapshot in mark.removed:
                self.restore_entity(snapshot)

    def _refuse_if_not_applicable(self, coding_id: str, section: str) -> None:
        """Adding an item to a section marked not applicable is refused (see the module)."""
        if self.section_states(coding_id).get(section) == NOT_APPLICABLE:
            label = self.codebook.section(section).label
            raise ValidationError(f"{label} is marked not applicable for this coding; take "
                                  f"that mark back first, then add the item")

    def _repeating(self, section: str):
        spec = self.codebook.section(section)
        if not spec.repeat:
            raise ValidationError(f"section '{section}' does not repeat; mark its fields "
                                  f"not applicable one by one instead")
        return spec

    def _write_section_state(self, coding_id: str, section: str, state: str, case_id: str,
                             before: str | None) -> None:
        stamp = now()
        self.db.execute(
            "INSERT INTO section_states (coding_id, section, state, created_at, created_by, "
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (coding_id, section) DO UPDATE SET state = excluded.state, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            [coding_id, section, state, stamp, self.actor, stamp, self.actor])
        words = "not applicable" if state == NOT_APPLICABLE else "applies"
        self._audit("update" if before else "create", "section_states", coding_id, case_id,
                    f"{section}: {words}", before={"section": section, "state": before},
                    after={"section": section, "state": state})

    def _has_section_states(self) -> bool:
        return has_section_states(self.db)


def has_section_states(db) -> bool:
    """Whether the project has the section_states table (migration 7): a project opened
    read-only from an older version does not, and then no section is marked."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                      "name = 'section_states'").fetchone() is not None
