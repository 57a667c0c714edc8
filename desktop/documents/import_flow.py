"""Importing documents from the window: choose the files, say which case they belong to
(a new case made from them, an existing case, or none yet), import in the background, then
show what happened to each file and open the case they went into."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.coding.case_loading import read_overview
from desktop.documents.import_dialog import ImportSummaryDialog, start_import
from desktop.documents.import_target_dialog import (
    EXISTING,
    NEW,
    ImportTarget,
    ImportTargetDialog,
)

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def choose_documents(window: MainWindow, folder: str) -> None:
    paths, _ = QFileDialog.getOpenFileNames(window, "Import review documents", folder,
                                            "PDF documents (*.pdf);;All files (*)")
    if paths:
        ask_target(window, paths)


def ask_target(window: MainWindow, paths: list[str]) -> None:
    """Read the case list afresh, then ask which case the files belong to."""
    workspace = window.workspace
    if workspace is None:
        return
    workspace.store_thread.submit(read_overview, partial(_show_target, window, workspace,
                                                         paths), workspace.message.emit)


def _show_target(window: MainWindow, workspace, paths: list[str],
                 overview) -> ImportTargetDialog | None:
    if window.workspace is not workspace:
        return None
    current = workspace.current.case.id if workspace.current else None
    dialog = ImportTargetDialog(paths, overview.cases, overview.codebook,
                                current_case_id=current, parent=window)
    dialog.accepted.connect(lambda: import_documents(window, paths, target=dialog.target()))
    dialog.open()
    return dialog


def import_documents(window: MainWindow, paths: list[str], case_id: str | None = None, *,
                     target: ImportTarget | None = None) -> None:
    """Import in the background into the target (or `case_id`); then summarise, refresh,
    open the case the files went into and remember the batch for linking."""
    workspace = window.workspace
    if workspace is None:
        return
    target = target or ImportTarget(EXISTING if case_id else "none", case_id=case_id)
    made: list = []

    def finished(outcomes: list) -> None:
        window.last_imported = [o.document_id for o in outcomes if o.ok and o.document_id]
        case = made[0] if made else None
        reference = case.reference if case else _reference(workspace, target.case_id)
        summary = ImportSummaryDialog(outcomes, case_reference=reference, parent=window)
        summary.open()
        if target.kind == NEW and case is None:
            window.statusBar().showMessage("No case was made: none of the files could be "
                                           "imported.", 10000)
        if window.workspace is workspace:
            shown = case.id if case else target.case_id
            workspace.reload_cases(select=shown)
            if shown and not case:
                workspace.show_case(shown)

    window.import_task = start_import(
        window, workspace.store_thread, [str(p) for p in paths],
        case_id=target.case_id if target.kind == EXISTING else None,
        new_case=target.new_case if target.kind == NEW else None, on_case=made.append,
        on_finished=finished,
        on_failure=lambda m: QMessageBox.warning(window, "Import failed", m))


def _reference(workspace, case_id: str | None) -> str | None:
    if not case_id or workspace.overview is None:
        return None
    return next((c.reference for c in workspace.overview.cases if c.id == case_id), None)
