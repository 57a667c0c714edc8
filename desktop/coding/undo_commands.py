"""Undoable edits. Each command writes through the store thread and then updates the form.

A command's `redo` and `undo` each submit exactly one job to the store thread; the job makes
one store call (one transaction). What undo needs (the answer before, the removed entity's
snapshot, the evidence record) is captured inside the job, on the store thread, so it is
always the state the write actually replaced, even when edits are queued faster than they
are written. After each job the command tells its `EditTarget` what changed; the target
updates the form (or switches to the case the edit belongs to).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from desktop.store_thread import StoreThread
from schema.records import Answer, Evidence
from schema.store import Store
from schema.store_sections import SectionMark

_ANSWER_ID = 4101


class EditTarget(Protocol):
    """What commands report back to; implemented by the coding controller."""

    store_thread: StoreThread

    def answer_written(self, coding_id: str, entity_id: str, field: str,
                       answer: Answer | None, *, initial: bool) -> None: ...

    def coding_changed(self, coding_id: str, focus: tuple[str, str] | None = None) -> None: ...

    def evidence_changed(self, coding_id: str, entity_id: str, field: str) -> None: ...

    def case_status_changed(self, case_id: str) -> None: ...

    def edit_failed(self, message: str, coding_id: str | None) -> None: ...


class _StoreCommand(QUndoCommand):
    """Runs its writes on the store thread; subclasses define _do and _undo (store side)."""

    def __init__(self, target: EditTarget, coding_id: str, text: str) -> None:
        super().__init__(text)
        self.target = target
        self.coding_id = coding_id
        self.done_once = False

    def redo(self) -> None:
        initial = not self.done_once
        self.done_once = True
        self._submit(self._do, initial)

    def undo(self) -> None:
        self._submit(self._undo, False)

    def _submit(self, work, initial: bool) -> None:
        self.target.store_thread.submit(
            work, lambda result: self._after(result, initial),
            lambda message: self.target.edit_failed(message, self.coding_id))

    def _do(self, store: Store) -> object:
        raise NotImplementedError

    def _undo(self, store: Store) -> object:
        raise NotImplementedError

    def _after(self, result: object, initial: bool) -> None:
        self.target.coding_changed(self.coding_id)


StoreCommand = _StoreCommand  # the base for commands that features define in their modules


class SetAnswerCommand(_StoreCommand):
    """Answer a field, or mark it not reported / not applicable."""

    def __init__(self, target: EditTarget, coding_id: str, entity_id: str, field: str,
                 state: str, value: object, label: str = "") -> None:
        what = "not reported" if state == "not_reported" else \
            "not applicable" if state == "not_applicable" else "answer"
        super().__init__(target, coding_id, f"Set {label or field} ({what})")
        self.entity_id, self.field = entity_id, field
        self.state, self.value = state, value
        self.before: Answer | None = None
        self._captured = False

    def id(self) -> int:
        return _ANSWER_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Consecutive edits of one field are one undo step (typing, spinning)."""
        if not isinstance(other, SetAnswerCommand) or (other.entity_id, other.field) != (
                self.entity_id, self.field) or other.coding_id != self.coding_id:
            return False
        self.state, self.value = other.state, other.value
        return True

    def _do(self, store: Store) -> Answer | None:
        if not self._captured:
            self.before = store.answer(self.entity_id, self.field)
            self._captured = True
        return store.set_answer_state(self.entity_id, self.field, self.state, self.value)

    def _undo(self, store: Store) -> Answer | None:
        return _put_back(store, self.entity_id, self.field, self.before)

    def _after(self, result: object, initial: bool) -> None:
        self.target.answer_written(self.coding_id, self.entity_id, self.field,
                                   result, initial=initial)  # type: ignore[arg-type]


class ClearAnswerCommand(SetAnswerCommand):
    """Make a field unanswered again."""

    def __init__(self, target: EditTarget, coding_id: str, entity_id: str, field: str,
                 label: str = "") -> None:
        super().__init__(target, coding_id, entity_id, field, "answered", None, label)
        self.setText(f"Clear {label or field}")

    def id(self) -> int:
        return -1

    def _do(self, store: Store) -> None:
        removed = store.clear_answer(self.entity_id, self.field)
        if not self._captured:
            self.before, self._captured = removed, True
        return None


def _put_back(store: Store, entity_id: str, field: str, before: Answer | None) -> Answer | None:
    if before is None:
        store.clear_answer(entity_id, field)
        return None
    return store.set_answer_state(entity_id, field, before.state, before.value)


class AddEntityCommand(_StoreCommand):
    """Add an item (a victim, a perpetrator...) to a repeating section."""

    def __init__(self, target: EditTarget, coding_id: str, section: str, label: str) -> None:
        super().__init__(target, coding_id, f"Add {label}")
        self.section = section
        self.entity_id: str | None = None
        self.snapshot: dict | None = None

    def _do(self, store: Store) -> str:
        if self.snapshot is not None:
            return store.restore_entity(self.snapshot).id
        entity = store.add_entity(self.coding_id, self.section)
        self.entity_id = entity.id
        return entity.id

    def _undo(self, store: Store) -> None:
        self.snapshot = store.remove_entity(self.entity_id)

    def _after(self, result: object, initial: bool) -> None:
        focus = None
        if isinstance(result, str):
            first = self._first_field()
            focus = (result, first) if first else None
        self.target.coding_changed(self.coding_id, focus)

    def _first_field(self) -> str | None:
        book = getattr(self.target, "codebook", None)
        if book is None:
            return None
        fields = book.section(self.section).fields
        return fields[0].key if fields else None


class RemoveEntityCommand(_StoreCommand):
    def __init__(self, target: EditTarget, coding_id: str, entity_id: str, label: str) -> None:
        super().__init__(target, coding_id, f"Remove {label}")
        self.entity_id = entity_id
        self.snapshot: dict | None = None

    def _do(self, store: Store) -> None:
        self.snapshot = store.remove_entity(self.entity_id)

    def _undo(self, store: Store) -> None:
        store.restore_entity(self.snapshot)


class MoveEntityCommand(_StoreCommand):
    def __init__(self, target: EditTarget, coding_id: str, entity_id: str, position: int,
                 label: str) -> None:
        super().__init__(target, coding_id, f"Move {label}")
        self.entity_id, self.position = entity_id, position
        self.old_position: int | None = None

    def _do(self, store: Store) -> None:
        if self.old_position is None:
            self.old_position = store.get_entity(self.entity_id).position
        store.move_entity(self.entity_id, self.position)

    def _undo(self, store: Store) -> None:
        store.move_entity(self.entity_id, self.old_position)


class SectionStateCommand(_StoreCommand):
    """Mark a repeating section as not applying to the case, or take the mark back.
    Undoing a mark puts back the empty items it removed (Store.unmark_section)."""

    def __init__(self, target: EditTarget, coding_id: str, section: str, not_applicable: bool,
                 label: str) -> None:
        what = "not applicable" if not_applicable else "applicable again"
        super().__init__(target, coding_id, f"Mark {label} {what}")
        self.section, self.not_applicable = section, not_applicable
        self.mark: SectionMark | None = None
        self.before: str | None = None

    def _do(self, store: Store) -> None:
        if self.not_applicable:
            self.mark = store.mark_section_not_applicable(self.coding_id, self.section)
        else:
            self.before = store.clear_section_state(self.coding_id, self.section)

    def _undo(self, store: Store) -> None:
        if self.mark is not None:
            store.unmark_section(self.mark)
        elif self.before is not None:
            store.mark_section_not_applicable(self.coding_id, self.section)


class AttachEvidenceCommand(_StoreCommand):
    """Cite a quote from a document page for a field. The paragraph is found on first do."""

    def __init__(self, target: EditTarget, coding_id: str, entity_id: str, field: str, *,
                 document_id: str, page: int, quote: str, rects: list,
                 find_paragraph=None) -> None:
        super().__init__(target, coding_id, f"Attach evidence to {field}")
        self.entity_id, self.field = entity_id, field
        self.document_id, self.page, self.quote, self.rects = document_id, page, quote, rects
        self.find_paragraph = find_paragraph
        self.evidence: Evidence | None = None

    def _do(self, store: Store) -> Evidence:
        if self.evidence is not None:
            store.restore_evidence(self.evidence)
            return self.evidence
        paragraph = ""
        if self.find_paragraph is not None:
            paragraph = self.find_paragraph(store, self.document_id, self.page, self.quote,
                                            self.rects) or ""
        self.evidence = store.attach_evidence(
            self.entity_id, self.field, document_id=self.document_id, page=self.page,
            quote=self.quote, paragraph=paragraph, rects=self.rects)
        return self.evidence

    def _undo(self, store: Store) -> None:
        store.remove_evidence(self.evidence.id)

    def _after(self, result: object, initial: bool) -> None:
        self.target.evidence_changed(self.coding_id, self.entity_id, self.field)


class RemoveEvidenceCommand(_StoreCommand):
    def __init__(self, target: EditTarget, coding_id: str, evidence_id: str) -> None:
        super().__init__(target, coding_id, "Remove evidence")
        self.evidence_id = evidence_id
        self.evidence: Evidence | None = None

    def _do(self, store: Store) -> None:
        self.evidence = store.remove_evidence(self.evidence_id)

    def _undo(self, store: Store) -> None:
        store.restore_evidence(self.evidence)

    def _after(self, result: object, initial: bool) -> None:
        if self.evidence is not None:
            self.target.evidence_changed(self.coding_id, self.evidence.entity_id,
                                         self.evidence.field)


class SetCaseStatusCommand(_StoreCommand):
    """The coder's own mark of how far a case has got: not started ... checked. The coding
    shown gets the same mark (blind coding waits for every coding's)."""

    def __init__(self, target: EditTarget, coding_id: str, case_id: str, status: str,
                 label: str) -> None:
        super().__init__(target, coding_id, f"Mark case {label}")
        self.case_id, self.status = case_id, status
        self.old_status: str | None = None
        self.old_coding_status: str | None = None

    def _do(self, store: Store) -> None:
        if self.old_status is None:
            self.old_status = store.get_case(self.case_id).status
            self.old_coding_status = store.get_coding(self.coding_id).status
        store.set_case_and_coding_status(self.case_id, self.status, self.coding_id,
                                         self.status)

    def _undo(self, store: Store) -> None:
        store.set_case_and_coding_status(self.case_id, self.old_status, self.coding_id,
                                         self.old_coding_status)

    def _after(self, result: object, initial: bool) -> None:
        self.target.case_status_changed(self.case_id)
