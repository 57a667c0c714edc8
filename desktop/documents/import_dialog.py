"""Importing review PDFs from the window: a background task with a progress dialog and Cancel,
then a summary of what happened to each file.

The task opens its own connection to the project (SQLite connections are per thread) and
calls the importer; text extraction runs in worker processes, so the GUI stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ops import StoreOp, run_with_dialog
from desktop.store_thread import StoreThread
from desktop.workers import Progress
from schema.documents.importer import import_pdfs
from schema.records import Case
from schema.store import Store

STATUS_TEXT = {"imported": "Imported", "already_present": "Already in project",
               "needs_password": "Needs a password", "no_text": "No text (scanned)",
               "partial": "Partly read", "unreadable": "Not imported", "cancelled": "Cancelled"}
_TROUBLE = {"needs_password", "unreadable"}
_WARNING = {"no_text", "partial", "cancelled"}


def start_import(parent: QWidget | None, store_thread: StoreThread, paths: list[str], *,
                 case_id: str | None, on_finished: Callable[[list], None],
                 on_failure: Callable[[str], None], new_case: dict | None = None,
                 on_case: Callable[[Case], None] | None = None) -> StoreOp:
    """Import `paths` on the project's store thread, with progress and Cancel;
    `on_finished(outcomes)` gets one outcome per file, including after Cancel (the files not
    done are then reported as cancelled). With `new_case` (Store.create_case_with_documents
    values), a case is made holding the files that went in, and given to `on_case` before
    `on_finished`; when none went in, no case is made."""
    outcomes: list = []

    def work(store: Store, progress: Progress) -> list:
        outcomes.extend(import_pdfs(store, paths, case_id=case_id, progress=progress.update,
                                    cancel=lambda: progress.cancelled))
        documents = [o.document_id for o in outcomes if o.ok and o.document_id]
        if new_case is not None and documents:
            case = store.create_case_with_documents(**new_case, document_ids=documents)
            if on_case is not None:
                made.append(case)
        return outcomes

    made: list[Case] = []

    def finished(result: list) -> None:
        if made and on_case is not None:
            on_case(made[0])
        on_finished(result)

    label = f"Importing {len(paths)} document{'s' if len(paths) != 1 else ''}"
    return run_with_dialog(parent, label, store_thread, work, on_success=finished,
                           on_failure=lambda error: on_failure(str(error)),
                           on_cancel=lambda: finished(outcomes))


class ImportSummaryDialog(QDialog):
    """One row per file: its name, its status, and the one-line explanation."""

    def __init__(self, outcomes: list, *, case_reference: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import finished")
        self.setMinimumSize(640, 260)
        fine = sum(1 for o in outcomes if o.status in ("imported", "already_present"))
        where = f" and linked to case {case_reference}" if case_reference and fine else ""
        heading = QLabel(f"{fine} of {len(outcomes)} file{'s' if len(outcomes) != 1 else ''} "
                         f"are in the project{where}.")
        self.table = QTableWidget(len(outcomes), 3, objectName="importResults")
        self.table.setHorizontalHeaderLabels(["File", "Status", "Details"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, outcome in enumerate(outcomes):
            self._fill_row(row, outcome)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _fill_row(self, row: int, outcome) -> None:
        status = QTableWidgetItem(STATUS_TEXT.get(outcome.status, outcome.status))
        if outcome.status in _TROUBLE:
            status.setForeground(QColor("#b00020"))
        elif outcome.status in _WARNING:
            status.setForeground(QColor("#b26a00"))
        status.setData(Qt.ItemDataRole.UserRole, outcome.status)
        details = QTableWidgetItem(outcome.message)
        details.setToolTip(outcome.message)
        self.table.setItem(row, 0, QTableWidgetItem(Path(outcome.path).name))
        self.table.setItem(row, 1, status)
        self.table.setItem(row, 2, details)

    def statuses(self) -> list[str]:
        return [self.table.item(r, 1).data(Qt.ItemDataRole.UserRole)
                for r in range(self.table.rowCount())]
