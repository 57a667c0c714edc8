"""Inter-coder agreement in the app: one row per categorical field, with an indented row per
option under a multi-choice field, computed in the background over the cases coded more than
once, exportable as CSV. Selecting a row lists the cases on which the codings differ there;
clicking one opens the case at that field in the main window (as the matrix does)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from schema.agreement import FieldAgreement, write_csv
from schema.agreement_details import Disagreement
from widgets.merge.disagreement_view import DisagreementView

OPTION_TEXT = QColor("#4a5560")  # option rows: a shade lighter than their field's
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
        self.details: list[Disagreement] = []
        self.row_keys: list[tuple[str, str]] = []  # (field path, option key or "") per row
        self.task: StoreOp | None = None
        self.setWindowTitle(f"Inter-coder agreement — {project.name}")
        self.resize(960, 620)
        self._setup_ui()
        self.task = StoreOp(lambda store, _p: (store.agreement(), store.agreement_details()),
                            on_success=self._loaded,
                            on_failure=lambda error: self._failed(str(error))
                            ).run_on(store_thread)

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        notes = QLabel(
            "Over the cases coded more than once. A unit is a case (or one victim, agency, "
            "... of it); N counts units with two or more codings. 'Not reported' counts as a "
            "value; unanswered fields are left out. Multi-choice answers agree only when the "
            "same options are ticked; the indented rows under them give each option, ticked "
            "or not (a coder who said 'not reported' is left out there). Cohen's kappa is "
            "shown when exactly two coders coded every unit; Krippendorff's alpha (nominal) "
            "allows any number of coders. A dash: not defined (no units, or every coding gave "
            "one and the same value).")
        notes.setWordWrap(True)
        layout.addWidget(notes)
        self.hide_empty = QCheckBox("Hide fields with no units")
        self.hide_empty.setChecked(True)
        self.hide_empty.toggled.connect(self._fill)
        layout.addWidget(self.hide_empty)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)  # an option's long label is cut short, not wrapped
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()  # rows stay in codebook order
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._show_details)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self._show_details())
        self.details_label = QLabel("Select a field or option to see where the codings "
                                    "differ.")
        self.disagreements = DisagreementView()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details_label)
        lower_layout.addWidget(self.disagreements)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
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

    def _loaded(self, loaded: tuple[list[FieldAgreement], list[Disagreement]]) -> None:
        self.task = None
        self.results, self.details = loaded
        self.export_button.setEnabled(True)
        self._fill()

    def _failed(self, message: str) -> None:
        self.task = None
        self.status.setText(f"Agreement could not be computed: {message}")

    def _fill(self) -> None:
        hide = self.hide_empty.isChecked()
        rows = []
        for r in (r for r in self.results if r.units or not hide):
            rows.append((r, "", r.label))
            rows += [(o, o.option, f"      {o.label}") for o in r.options
                     if o.units or not hide]
        self.row_keys = [(r.path, option) for r, option, _ in rows]
        self.table.setRowCount(len(rows))
        for row, (r, option, label) in enumerate(rows):
            path = f"{r.path} = {option}" if option else r.path
            cells = [QTableWidgetItem(label), QTableWidgetItem(path), _count(r.units),
                     _count(r.coders), _number(r.percent, percent=True), _number(r.kappa),
                     _number(r.alpha)]
            if option:
                cells[0].setToolTip(f"Option '{r.label}': ticked or not, per unit")
                for cell in cells[:2]:
                    cell.setForeground(OPTION_TEXT)
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self._show_details()
        measured = sum(1 for r in self.results if r.units)
        self.status.setText(f"{measured} of {len(self.results)} categorical fields have units "
                            f"coded more than once." if measured else
                            "No case is coded more than once yet: merge another site's "
                            "project, or add second codings.")

    def select_row(self, path: str, option: str = "") -> bool:
        """Select the row of a field (or of one of its options); False if it is not shown."""
        if (path, option) not in self.row_keys:
            return False
        self.table.selectRow(self.row_keys.index((path, option)))
        return True

    def _show_details(self) -> None:
        row = self.table.currentRow() if self.table.selectedItems() else -1
        if not 0 <= row < len(self.row_keys):
            self.disagreements.show_units([])
            self.details_label.setText("Select a field or option to see where the codings "
                                       "differ.")
            return
        path, option = self.row_keys[row]
        found = [d for d in self.details if (d.path, d.option) == (path, option)]
        self.disagreements.show_units(found)
        name = self.table.item(row, 0).text().strip()
        self.details_label.setText(
            f"The codings differ on {len(found)} unit(s) for {name}. Click a case to open "
            f"it at this field." if found else f"The codings agree on every unit for {name}.")

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


def show_agreement_dialog(parent: QWidget | None, store_thread: StoreThread) -> AgreementDialog:
    """Open the agreement beside the main window (not modal, so a case opened from it can be
    looked at); a click on a disagreeing case opens it there at the field."""
    from desktop.analysis.matrix_view import open_at_field

    dialog = AgreementDialog(store_thread, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is not None and hasattr(parent, "workspace"):
        dialog.disagreements.field_requested.connect(
            lambda target: open_at_field(parent, target))
    dialog.show()
    return dialog
