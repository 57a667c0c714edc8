"""Turns what the coder does in the form and the viewer into undoable, saved edits.

Each form signal becomes one command on the project's undo stack; the command writes through
the store thread and reports back here, and this updates the form: one answer, the evidence
list, or (after entity changes) a fresh snapshot. When undo or redo touches a coding that is
not on screen, the case it belongs to is opened, so the coder sees what changed.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.coding import undo_commands as commands
from desktop.coding.case_loading import find_paragraph, read_snapshot
from schema.records import Answer, Evidence

if TYPE_CHECKING:
    from desktop.coding.workspace import Workspace


class CodingController(QObject):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.store_thread = workspace.store_thread
        self._highlighted: Evidence | None = None  # the quote shown marked in the viewer
        form = workspace.form
        for signal, slot in ((form.answer_edited, self._on_answer_edited),
                             (form.answer_cleared, self._on_answer_cleared),
                             (form.entity_add_requested, self._on_add_entity),
                             (form.entity_remove_requested, self._on_remove_entity),
                             (form.entity_move_requested, self._on_move_entity),
                             (form.section_state_requested, self._on_section_state),
                             (form.evidence_activated, self.show_evidence),
                             (form.evidence_remove_requested, self._on_remove_evidence),
                             (form.attach_evidence_requested, self.attach_selection)):
            workspace._connect(signal, slot)

    @property
    def codebook(self):
        return self.workspace.codebook

    def _coding_id(self) -> str | None:
        current = self.workspace.current
        return current.coding.id if current else None

    def _push(self, command, *, is_edit: bool = True) -> None:
        """Run a command on the undo stack. The first edit of a case not yet started also
        marks it in progress, in the same undo step (undoing that edit puts it back)."""
        if self.workspace.readonly:
            self.workspace.message.emit("Read-only: another Casecoder is writing to this "
                                        "project, so the change was not saved.")
            current = self.workspace.current
            self.workspace.form.show_coding(current.snapshot if current else None)
            return
        stack, current = self.workspace.undo_stack, self.workspace.current
        if not (is_edit and current is not None and current.coding is not None
                and current.case.status == "not_started"):
            stack.push(command)
            return
        # Shown as started at once, so quick further edits do not start it again.
        self.workspace.current = replace(
            current, case=replace(current.case, status="in_progress"))
        stack.beginMacro(command.text())
        stack.push(commands.SetCaseStatusCommand(self, current.coding.id, current.case.id,
                                                 "in_progress", "in progress"))
        stack.push(command)
        stack.endMacro()

    # Form signals -> commands ---------------------------------------------------------

    def _on_answer_edited(self, entity_id: str, field: str, state: str, value: object) -> None:
        coding_id = self._coding_id()
        if coding_id:
            self._push(commands.SetAnswerCommand(self, coding_id, entity_id, field, state,
                                                 value, self._field_label(entity_id, field)))

    def _on_answer_cleared(self, entity_id: str, field: str) -> None:
        coding_id = self._coding_id()
        if coding_id:
            self._push(commands.ClearAnswerCommand(self, coding_id, entity_id, field,
                                                   self._field_label(entity_id, field)))

    def _on_add_entity(self, section: str) -> None:
        coding_id = self._coding_id()
        if coding_id:
            self._push(commands.AddEntityCommand(self, coding_id, section,
                                                 self._item_label(section)))

    def _on_remove_entity(self, entity_id: str) -> None:
        coding_id = self._coding_id()
        if coding_id:
            label = self._item_label(self._section_of(entity_id))
            self._push(commands.RemoveEntityCommand(self, coding_id, entity_id, label))

    def _on_move_entity(self, entity_id: str, position: int) -> None:
        coding_id = self._coding_id()
        if coding_id:
            label = self._item_label(self._section_of(entity_id))
            self._push(commands.MoveEntityCommand(self, coding_id, entity_id, position, label))

    def _on_section_state(self, section: str, not_applicable: bool) -> None:
        coding_id = self._coding_id()
        if coding_id:
            label = self.codebook.section(section).label if self.codebook else section
            self._push(commands.SectionStateCommand(self, coding_id, section, not_applicable,
                                                    label.lower()))

    def _on_remove_evidence(self, evidence_id: str) -> None:
        coding_id = self._coding_id()
        if coding_id:
            if self._highlighted is not None and self._highlighted.id == evidence_id:
                self._clear_highlight()  # the chip went at once; so does its mark
            self._push(commands.RemoveEvidenceCommand(self, coding_id, evidence_id))

    def set_case_status(self, status: str, label: str) -> None:
        """Mark the case, and the coding shown, as `status` (also when only the coding is
        behind: another coder may have marked the case already)."""
        current = self.workspace.current
        if current is None or current.coding is None:
            return
        if current.case.status != status or current.coding.status != status:
            self._push(commands.SetCaseStatusCommand(self, current.coding.id, current.case.id,
                                                     status, label), is_edit=False)
            if not self.workspace.readonly and self.workspace.current is current:
                self.workspace.current = replace(current, coding=replace(current.coding,
                                                                         status=status))

    # Evidence ----------------------------------------------------------------------------

    def attach_selection(self, entity_id: str | None = None, field: str | None = None) -> bool:
        """Cite the text selected in the viewer for a field (the focused one by default)."""
        viewer, coding_id = self.workspace.viewer, self._coding_id()
        selection = viewer.current_selection()
        document_id = self.workspace.current_document
        if not entity_id or not field:
            entity_id, field = self.workspace.form.focused_field() or (None, None)
        problem = ("Open a case first." if coding_id is None else
                   "Select text in the PDF first, then attach it." if not selection else
                   "Click into the field the quote supports, then attach it."
                   if not (entity_id and field) else "")
        if problem or document_id is None:
            self.workspace.message.emit(problem or "Open a document first.")
            return False
        quote, page, rects = selection
        self.cite(document_id, page, quote, rects, entity_id, field)
        viewer.clear_selection()
        return True

    def cite(self, document_id: str, page: int, quote: str, rects, entity_id: str | None = None,
             field: str | None = None) -> bool:
        """Attach a quote from a page as evidence for a field (the focused one by default),
        as one undoable edit. False, with a message, when no case or field is open."""
        coding_id = self._coding_id()
        if not entity_id or not field:
            entity_id, field = self.workspace.form.focused_field() or (None, None)
        if coding_id is None or not (entity_id and field):
            self.workspace.message.emit("Open a case first." if coding_id is None else
                                        "Click into the field the quote supports, then cite.")
            return False
        self._push(commands.AttachEvidenceCommand(
            self, coding_id, entity_id, field, document_id=document_id, page=page,
            quote=quote, rects=[list(r) for r in rects], find_paragraph=find_paragraph))
        return True

    def show_evidence(self, evidence: Evidence) -> None:
        """Open the cited document at the cited page with the quote highlighted."""
        if not evidence.document_id:
            self.workspace.message.emit("This evidence cites no document.")
            return
        viewer = self.workspace.viewer

        def highlight() -> None:
            viewer.highlight(evidence.page, evidence.rects, evidence.quote)
            self._highlighted = evidence
        self.workspace.open_document(evidence.document_id, evidence.page, then=highlight)

    def _clear_highlight(self) -> None:
        self._highlighted = None
        self.workspace.viewer.clear_highlight()

    def _keep_highlight_only_of(self, evidence: list[Evidence], entity_id: str | None = None,
                                field: str | None = None) -> None:
        """Take the mark off the page when its evidence is gone (removed, or its attach
        undone, or its item removed). With entity_id and field, `evidence` is that field's."""
        shown = self._highlighted
        if self.workspace.viewer.current_highlight() is None:
            self._highlighted = shown = None  # another document or case took its place
        if shown is None or (entity_id is not None and (shown.entity_id, shown.field) != (
                entity_id, field)):
            return
        if shown.id not in {e.id for e in evidence}:
            self._clear_highlight()

    # EditTarget: what commands report back ---------------------------------------------

    def _is_current(self, coding_id: str) -> bool:
        if coding_id == self._coding_id():
            return True
        case_id = self.workspace.case_of_coding(coding_id)
        if case_id:  # undo/redo reached another coding: open it to show the change
            self.workspace.choose_coding(case_id, coding_id)
            current = self.workspace.current
            if current is not None and current.case.id == case_id:
                self.workspace.show_case(case_id)  # the same case, in the coding changed
            else:
                self.workspace.panel.select_case(case_id)
        return False

    def answer_written(self, coding_id: str, entity_id: str, field: str,
                       answer: Answer | None, *, initial: bool) -> None:
        if self._is_current(coding_id) and not initial:
            self.workspace.form.apply_answer(entity_id, field, answer)

    def coding_changed(self, coding_id: str, focus: tuple[str, str] | None = None) -> None:
        if not self._is_current(coding_id):
            return

        def show(snapshot) -> None:
            current = self.workspace.current
            if current is None or coding_id != current.coding.id:
                return
            self.workspace.current = replace(current, snapshot=snapshot)
            self.workspace.form.show_coding(snapshot)
            self._keep_highlight_only_of(getattr(snapshot, "evidence", []))
            if focus:
                self.workspace.form.focus_field(*focus)
        self.store_thread.submit(partial(read_snapshot, coding_id=coding_id), show,
                                 self.workspace.message.emit)

    def evidence_changed(self, coding_id: str, entity_id: str, field: str) -> None:
        if not self._is_current(coding_id):
            return

        def show(evidence: list[Evidence]) -> None:
            if coding_id == self._coding_id():
                self.workspace.form.apply_evidence(evidence, entity_id, field)
                self._keep_highlight_only_of(evidence, entity_id, field)
        self.store_thread.submit(lambda store: store.evidence_for(entity_id, field), show,
                                 self.workspace.message.emit)

    def case_status_changed(self, case_id: str) -> None:
        self.workspace.refresh_case(case_id)

    def edit_failed(self, message: str, coding_id: str | None) -> None:
        """Say why, and show the coding as it is stored, so the form never shows unsaved work."""
        self.workspace.message.emit(f"Not saved: {message}")
        if coding_id:
            self.coding_changed(coding_id)

    # Labels ------------------------------------------------------------------------------

    def _section_of(self, entity_id: str) -> str:
        current = self.workspace.current
        entities = getattr(current.snapshot, "entities", []) if current else []
        return next((e.section for e in entities if e.id == entity_id), "")

    def _item_label(self, section: str) -> str:
        if not self.codebook or not section:
            return "item"
        found = self.codebook.section(section)
        return (found.item_label or found.label).lower()

    def _field_label(self, entity_id: str, field: str) -> str:
        section = self._section_of(entity_id)
        if not self.codebook or not section:
            return field
        spec = self.codebook.section(section).field(field)
        return spec.label if spec else field
