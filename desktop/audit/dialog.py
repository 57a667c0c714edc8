"""The audit log in the app: who changed what and when, filterable, exportable to CSV."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.layout_fit import size_dialog
from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from schema import audit
from schema.audit_export import save_audit_csv
from widgets.audit.table import AuditTableModel


class AuditDialog(QDialog):
    def __init__(self, store_thread: StoreThread, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_thread = store_thread
        self.project = project = store_thread.path
        self.setWindowTitle(f"Audit log — {project.name}")
        size_dialog(self, 1100, 600)
        self.model = AuditTableModel(self)
        self._setup_ui()
        self.reload()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.actor = QLineEdit(placeholderText="Who (exact name)")
        self.text = QLineEdit(placeholderText="Containing text (field, value, case…)")
        apply = QPushButton("Filter")
        for widget in (self.actor, self.text):
            widget.returnPressed.connect(self.reload)
        apply.clicked.connect(self.reload)
        filters.addWidget(self.actor)
        filters.addWidget(self.text, 2)
        filters.addWidget(apply)
        layout.addLayout(filters)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        bottom = QHBoxLayout()
        self.count = QLabel("Loading…")
        export = QPushButton("Export CSV…")
        export.clicked.connect(self._export)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        bottom.addWidget(self.count, 1)
        bottom.addWidget(export)
        bottom.addWidget(close)
        layout.addLayout(bottom)

    def reload(self) -> None:
        actor, text = self.actor.text().strip(), self.text.text().strip()
        self.count.setText("Loading…")
        self._op = StoreOp(lambda store, _p: store.audit_entries(actor=actor or None, text=text),
                           on_success=self._show,
                           on_failure=lambda error: self._failed(str(error))
                           ).run_on(self.store_thread)

    def _show(self, entries: list[audit.AuditEntry]) -> None:
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
        self.count.setText(f"{len(entries)} entries, newest first. The log cannot be edited.")

    def _failed(self, message: str) -> None:
        self.count.setText("")
        QMessageBox.warning(self, "Audit log", message)

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export audit log",
                                              str(self.project.with_suffix(".audit.csv")),
                                              "CSV files (*.csv)")
        if path:
            count = save_audit_csv(list(reversed(self.model.entries())), path)
            self.count.setText(f"Exported {count} entries to {path}.")


def show_audit_dialog(parent: QWidget | None, store_thread: StoreThread) -> None:
    AuditDialog(store_thread, parent).exec()
