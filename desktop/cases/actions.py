"""Managing cases from the window: edit a case (undoable) and delete one (confirmed).

Each flow reads what it needs on the project's store thread, opens its dialog non-modally
(`open()`, so tests and users drive the same widgets), and writes through the store thread.
Both are audited by the store. Deleting cannot be undone from the undo stack, so the
confirmation says exactly what goes, and the undo history (which may refer to the case) is
cleared afterwards.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from desktop.cases.commands import EditCaseCommand, is_change
from desktop.cases.editor_dialog import CaseEditorDialog, EditorData
from desktop.coding.case_loading import read_overview
from schema.records import Case
from schema.store import CaseSummary, Store

if TYPE_CHECKING:
    from desktop.coding.workspace import Workspace
    from desktop.main_window import MainWindow

READ_ONLY = "Read-only: another Casecoder is writing to this project, so cases cannot be " \
            "changed now."


def read_editor_data(store: Store, case_id: str) -> EditorData:
    case = store.get_case(case_id)
    taken = frozenset(c.reference.casefold() for c in store.list_cases() if c.id != case_id)
    return EditorData(case=case, codebook=store.codebook, links=store.case_links(case_id),
                      documents=store.documents(), document_cases=store.document_cases(),
                      taken=taken)


class CaseEdits(QObject):
    """Reports a finished case edit (or undo/redo of one) back to the workspace."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.store_thread = workspace.store_thread

    def case_edited(self, case: Case, links_changed: bool) -> None:
        workspace = self.workspace
        workspace.panel.update_case(case)
        current = workspace.current
        if current is not None and current.case.id == case.id:
            if links_changed:
                workspace.show_case(case.id)  # the viewer's document list changes
            else:
                workspace.refresh_case(case.id)
        workspace.message.emit(f"Case {case.reference} saved.")

    def edit_failed(self, message: str, coding_id: str | None) -> None:
        self.workspace.message.emit(f"Not saved: {message}")


def _open_workspace(window: MainWindow) -> Workspace | None:
    workspace = window.workspace
    if workspace is None or workspace.current is None:
        window.statusBar().showMessage("Open a case first.", 8000)
        return None
    if workspace.readonly:
        window.statusBar().showMessage(READ_ONLY, 10000)
        return None
    return workspace


def edit_case(window: MainWindow) -> None:
    """Open the case editor for the open case."""
    workspace = _open_workspace(window)
    if workspace is not None:
        workspace.store_thread.submit(
            partial(read_editor_data, case_id=workspace.current.case.id),
            partial(_show_editor, window, workspace), workspace.message.emit)


def _show_editor(window: MainWindow, workspace: Workspace,
                 data: EditorData) -> CaseEditorDialog | None:
    if window.workspace is not workspace:
        return None
    dialog = CaseEditorDialog(data, window)

    def save() -> None:
        changes, links = dialog.changes(), dialog.links()
        if not is_change(data.case, changes, data.links, links):
            return
        target = workspace.findChild(CaseEdits) or CaseEdits(workspace)
        workspace.undo_stack.push(EditCaseCommand(target, data.case, changes, links))
    dialog.accepted.connect(save)
    dialog.open()
    return dialog


def delete_case(window: MainWindow) -> None:
    """Ask, saying what will be removed, then delete the open case."""
    workspace = _open_workspace(window)
    if workspace is not None:
        case_id = workspace.current.case.id
        workspace.store_thread.submit(lambda store: store.case_summary(case_id),
                                      partial(_confirm_delete, window, workspace, case_id),
                                      workspace.message.emit)


def delete_question(summary: CaseSummary) -> str:
    """The confirmation's text: everything that deleting removes, and what stays."""
    coders = "; ".join(f"{coder} ({kind})" for coder, kind in summary.codings)
    documents = ", ".join(summary.documents)
    lines = [f"Delete case {summary.reference}?", "",
             f"This removes {summary.describe()}"
             + (f" and {summary.pseudonyms} registered names" if summary.pseudonyms else "")
             + "."]
    if coders:
        lines.append(f"Codings: {coders}.")
    if documents:
        lines.append(f"Documents unlinked (they stay in the project): {documents}.")
    lines += ["", "This cannot be undone with Undo; the audit log records it, and the backup "
                  "made when the project was opened still holds the case."]
    return "\n".join(lines)


def _confirm_delete(window: MainWindow, workspace: Workspace, case_id: str,
                    summary: CaseSummary) -> QMessageBox | None:
    if window.workspace is not workspace:
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, "Delete case", delete_question(summary),
                      QMessageBox.StandardButton.Cancel, window)
    box.setObjectName("confirmDelete")
    delete = box.addButton("Delete case", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def chosen(button) -> None:
        if button is delete:
            workspace.store_thread.submit(lambda store: store.delete_case(case_id),
                                          lambda _r: _deleted(window, workspace, summary),
                                          workspace.message.emit)
    box.buttonClicked.connect(chosen)
    box.open()
    return box


def _deleted(window: MainWindow, workspace: Workspace, summary: CaseSummary) -> None:
    """Show the next case (or none); the undo history may refer to the case, so it goes."""
    window.actions.set_project_open(True, False, True)
    workspace.undo_stack.clear()
    workspace.current = None
    workspace.form.show_coding(None)
    workspace.viewer.clear()
    workspace.current_document = None
    workspace.message.emit(f"Case {summary.reference} deleted ({summary.describe()}).")

    def reloaded(overview) -> None:
        workspace.overview = overview
        workspace.panel.set_cases(overview.cases, overview.codebook)
        if overview.cases:
            workspace.panel.next_case()
    workspace.store_thread.submit(read_overview, reloaded, workspace.message.emit)
