"""Inter-coder agreement in the app: one row per categorical field, computed in the
background over the cases coded more than once, exportable as CSV."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from schema.agreement import FieldAgreement, write_csv

COLUMNS = ["Field", "Section.field", "N (units)", "Coders", "Agreement", "Cohen's kappa",
           "Krippendorff's alpha"]


def _number(value: float | None, percent: bool = False) -> QTableWidgetItem:
    text = "–" if value is None else (f"{value:.0%}" if percent else f"{value:.2f}")
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _count(value: int) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class AgreementDialog(QDialog):
    def __init__(self, store_thread: StoreThread, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project = store_thread.path
        self.results: list[FieldAgreement] = []
        self.task: StoreOp | None = None
        self.setWindowTitle(f"Inter-coder agreement — {project.name}")
        self.resize(960, 620)
        self._setup_ui()
        self.task = StoreOp(lambda store, _p: store.agreement(), on_success=self._loaded,
                            on_failure=lambda error: self._failed(str(error))
                            ).run_on(store_thread)

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        notes = QLabel(
            "Over the cases coded more than once. A unit is a case (or one victim, agency, "
            "... of it); N counts units with two or more codings. 'Not reported' counts as a "
            "value; unanswered fields are left out. Multi-choice answers agree only when the "
            "same options are ticked. Cohen's kappa is shown when exactly two coders coded "
            "every unit; Krippendorff's alpha (nominal) allows any number of coders. A dash: "
            "not defined (no units, or every coding gave one and the same value).")
        notes.setWordWrap(True)
        layout.addWidget(notes)
        self.hide_empty = QCheckBox("Hide fields with no units")
        self.hide_empty.setChecked(True)
        self.hide_empty.toggled.connect(self._fill)
        layout.addWidget(self.hide_empty)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()  # rows stay in codebook order
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.status = QLabel("Computing…")
        row.addWidget(self.status, 1)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._export)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        row.addWidget(self.export_button)
        row.addWidget(close)
        layout.addLayout(row)

    def _loaded(self, results: list[FieldAgreement]) -> None:
        self.task = None
        self.results = results
        self.export_button.setEnabled(True)
        self._fill()

    def _failed(self, message: str) -> None:
        self.task = None
        self.status.setText(f"Agreement could not be computed: {message}")

    def _fill(self) -> None:
        shown = [r for r in self.results if r.units or not self.hide_empty.isChecked()]
        self.table.setRowCount(len(shown))
        for row, r in enumerate(shown):
            cells = [QTableWidgetItem(r.label), QTableWidgetItem(r.path), _count(r.units),
                     _count(r.coders), _number(r.percent, percent=True), _number(r.kappa),
                     _number(r.alpha)]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        measured = sum(1 for r in self.results if r.units)
        self.status.setText(f"{measured} of {len(self.results)} categorical fields have units "
                            f"coded more than once." if measured else
                            "No case is coded more than once yet: merge another site's "
                            "project, or add second codings.")

    def _export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export agreement",
                                              str(self.project.with_suffix(".agreement.csv")),
                                              "CSV files (*.csv)")
        if not name:
            return
        try:
            write_csv(self.results, name)
        except OSError as exc:
            QMessageBox.warning(self, "Export agreement", f"Could not write {name}: {exc}")
            return
        self.status.setText(f"Wrote {name}")


def show_agreement_dialog(parent: QWidget | None, store_thread: StoreThread) -> None:
    AgreementDialog(store_thread, parent).exec()
