"""The case-by-field matrix window: choose sections, filter and sort, click a cell to open
the case at that field in the coding form, save as XLSX. Reading runs on the store thread
(desktop.ops) and writing on a worker (desktop.workers); the window stays open beside the
main window while the user codes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.layout_fit import size_dialog
from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from desktop.workers import Task, start_task
from exports.matrix import Matrix, build_matrix, write_matrix_xlsx
from schema.codebook_model import Codebook
from widgets.analysis.matrix_model import (
    MARKED_BACKGROUNDS,
    MARKED_TEXT,
    FieldTarget,
    MatrixModel,
)

DEFAULT_SECTIONS = ("victims", "perpetrators", "escalation")


def _legend() -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(QLabel("Legend:"))
    for kind, text in (("not_reported", "Not reported"), ("not_applicable", "Not applicable")):
        chip = QLabel(f" {text} ")
        chip.setStyleSheet(f"background: {MARKED_BACKGROUNDS[kind]}; color: {MARKED_TEXT}; "
                           f"font-style: italic; border: 1px solid #BBB;")
        row.addWidget(chip)
    blank = QLabel("   ")
    blank.setStyleSheet("background: white; border: 1px solid #BBB;")
    row.addWidget(blank)
    row.addWidget(QLabel("not coded yet"))
    row.addStretch(1)
    return row


class MatrixWindow(QDialog):
    """Emits `field_requested(FieldTarget)` when the user clicks a field cell."""

    field_requested = Signal(object)

    def __init__(self, store_thread: StoreThread, codebook: Codebook | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_thread = store_thread
        self.task: StoreOp | Task | None = None
        self.matrix: Matrix | None = None
        self._run = 0
        self.setWindowTitle(f"Case-by-field matrix — {store_thread.path.name}")
        size_dialog(self, 1200, 640)
        layout = QHBoxLayout(self)
        self.sections = QListWidget()
        self.sections.setMaximumWidth(250)
        self._fill_sections(codebook)
        self.sections.itemChanged.connect(lambda _item: self.reload())
        layout.addWidget(self.sections)
        layout.addLayout(self._main_column(), 1)
        self.reload()

    def _fill_sections(self, codebook: Codebook | None) -> None:
        sections = codebook.sections if codebook else ()
        wanted = [s.key for s in sections if s.key in DEFAULT_SECTIONS] or \
            [s.key for s in sections[:2]]
        for section in sections:
            item = QListWidgetItem(section.label + (" (repeating)" if section.repeat else ""))
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if section.key in wanted
                               else Qt.CheckState.Unchecked)
            self.sections.addItem(item)

    def _main_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        top = QHBoxLayout()
        self.filter = QLineEdit(placeholderText="Filter: cases with a cell containing…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filtered)
        top.addWidget(self.filter, 1)
        column.addLayout(top)
        column.addLayout(_legend())
        self.model = MatrixModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt starts descending
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.clicked.connect(self._clicked)
        column.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.status = QLabel("Reading the cases…")
        bottom.addWidget(self.status, 1)
        self.save_button = QPushButton("Save as XLSX…")
        self.save_button.clicked.connect(self.save_xlsx)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        column.addLayout(bottom)
        return column

    def chosen_sections(self) -> list[str]:
        return [self.sections.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.sections.count())
                if self.sections.item(i).checkState() == Qt.CheckState.Checked]

    def reload(self) -> None:
        """Read the matrix again for the ticked sections (an older read still going is
        ignored when it arrives)."""
        sections = self.chosen_sections()
        self._run += 1
        run = self._run
        self.save_button.setEnabled(False)
        if not sections:
            self.model.set_matrix(None)
            self.status.setText("Tick at least one section to see its fields.")
            return
        self.status.setText("Reading the cases…")
        self.task = StoreOp(lambda store, progress: build_matrix(store, sections, progress),
                            on_success=lambda matrix: self._loaded(run, matrix),
                            on_failure=lambda error: self._failed(run, str(error)))
        self.task.run_on(self.store_thread)

    def _loaded(self, run: int, matrix: Matrix) -> None:
        if run != self._run:
            return
        self.task = None
        self.matrix = matrix
        self.model.set_matrix(matrix)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        self.save_button.setEnabled(True)
        self._show_count()

    def _failed(self, run: int, message: str) -> None:
        if run == self._run:
            self.task = None
            self.status.setText(f"The matrix could not be read: {message}")

    def _filtered(self, text: str) -> None:
        self.model.set_filter(text)
        self._show_count()

    def _show_count(self) -> None:
        if self.matrix is None:
            return
        shown = len({self.model.row_at(self.model.index(r, 0)).case_id
                     for r in range(self.model.rowCount())})
        self.status.setText(f"{shown} of {self.matrix.case_count} cases, "
                            f"{len(self.matrix.columns)} fields. Click a cell to open the "
                            f"case at that field.")

    def _clicked(self, index: QModelIndex) -> None:
        target = self.model.target(index)
        if target is not None:
            self.field_requested.emit(target)

    def save_xlsx(self) -> None:
        if self.matrix is None:
            return
        start = str(self.store_thread.path.with_name(f"{self.store_thread.path.stem}-matrix.xlsx"))
        name, _ = QFileDialog.getSaveFileName(self, "Save the matrix", start,
                                              "Excel workbook (*.xlsx)")
        if not name:
            return
        path = Path(name if name.lower().endswith(".xlsx") else f"{name}.xlsx")
        matrix = self.matrix
        self.save_button.setEnabled(False)
        self.status.setText(f"Writing {path.name}…")
        self.task = start_task(lambda _p: write_matrix_xlsx(matrix, path),
                               on_success=lambda written: self._saved(written),
                               on_failure=self._save_failed)

    def _saved(self, path: Path) -> None:
        self.task = None
        self.save_button.setEnabled(True)
        self.status.setText(f"Saved {path}.")

    def _save_failed(self, message: str) -> None:
        self.task = None
        self.save_button.setEnabled(True)
        self.status.setText(f"Nothing saved: {message}")


def open_at_field(window, target: FieldTarget) -> None:
    """Show the case in the main window with the matrix's coding, then focus the field (the
    item of a repeating section by its place, since the form may show its own entities)."""
    workspace = window.workspace
    if workspace is None:
        return

    def focus() -> None:
        form = window.form
        snapshot = form.snapshot
        if snapshot is None:
            return
        items = snapshot.section_entities(target.section)
        entity = next((e for e in items if e.id == target.entity_id), None) or \
            (items[target.item] if target.item < len(items) else None)
        if entity is None or not form.focus_field(entity.id, target.field):
            window.statusBar().showMessage("That item is not in the coding shown.", 8000)

    current = workspace.current
    same = current is not None and current.case.id == target.case_id and (
        target.coding_id is None or current.coding is None
        or current.coding.id == target.coding_id)
    if same:
        focus()
        return
    if target.coding_id:
        workspace.choose_coding(target.case_id, target.coding_id)

    def arrived(case) -> None:
        if case.id == target.case_id:
            workspace.case_shown.disconnect(arrived)
            focus()
    workspace.case_shown.connect(arrived)
    if not window.panel.select_case(target.case_id) or (current and current.case.id ==
                                                        target.case_id):
        workspace.show_case(target.case_id)


def show_matrix_window(window, store_thread: StoreThread) -> MatrixWindow:
    """Open (or raise) the matrix beside the main window."""
    existing = getattr(window, "_matrix_window", None)
    if existing is not None and existing.store_thread is store_thread:
        existing.show()
        existing.raise_()
        existing.reload()
        return existing
    codebook = window.workspace.codebook if window.workspace else None
    shown = MatrixWindow(store_thread, codebook, window)
    shown.field_requested.connect(lambda target: open_at_field(window, target))
    window._matrix_window = shown
    shown.show()
    return shown
