"""Summary tables in the app: computed in the background, one table shown at a time, with
filters (site, review type, years, small-number suppression, whether cases still in progress
count), Copy and Save files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.layout_fit import size_dialog
from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from desktop.workers import Task, start_task
from exports.tables import TableFilter, TablesError, TableSet, build_tables
from exports.tables.data import filter_choices
from exports.tables.writers import FORMATS, write_tables
from schema.counting import describe_statuses
from schema.store import Store
from widgets.tables.summary_table_view import SummaryTableView

ANY = "Any"


@dataclass
class Computed:
    """What one background run found: the filter menus, and the tables or why there are none."""

    choices: dict[str, list]
    tables: TableSet | None
    problem: str = ""


def compute_tables(store: Store, table_filter: TableFilter,
                   suppress_below: int | None) -> Computed:
    """Every table for the filters (run on the store thread, through desktop.ops)."""
    choices = filter_choices(store)
    try:
        tables = build_tables(store, table_filter, suppress_below=suppress_below)
    except TablesError as exc:
        return Computed(choices, None, str(exc))
    return Computed(choices, tables)


def _combo(items: list[str]) -> QComboBox:
    combo = QComboBox()
    combo.addItems(items)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class TablesDialog(QDialog):
    def __init__(self, store_thread: StoreThread, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_thread = store_thread
        self.project = project = store_thread.path
        self.tables: TableSet | None = None
        self.task: Task | StoreOp | None = None
        self._run = 0
        self._choices_loaded = False
        self.setWindowTitle(f"Summary tables — {project.name}")
        size_dialog(self, 1400, 820)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        self.view = SummaryTableView()
        layout.addWidget(self.view, 1)
        self.footnotes = QLabel()
        self.footnotes.setWordWrap(True)
        self.footnotes.setStyleSheet("color: #444; font-size: 8pt;")
        layout.addWidget(self.footnotes)
        layout.addLayout(self._button_row())
        self.recompute()

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.chooser = _combo([])
        self.chooser.currentIndexChanged.connect(self._show_chosen)
        self.site, self.review_type = _combo([ANY]), _combo([ANY])
        self.year_from, self.year_to = _combo([ANY]), _combo([ANY])
        self.suppress = QSpinBox()
        self.suppress.setRange(1, 50)
        self.suppress.setSpecialValueText("off")
        self.suppress.setValue(1)
        self.suppress.setToolTip("For tables that will be published: counts below this are "
                                 "shown as <N, and a further count is withheld where a total "
                                 "could reveal it.")
        for label, widget in (("Table:", self.chooser), ("Site:", self.site),
                              ("Review type:", self.review_type), ("Published from:",
                              self.year_from), ("to:", self.year_to),
                              ("Hide counts below:", self.suppress)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        for combo in (self.site, self.review_type, self.year_from, self.year_to):
            combo.currentIndexChanged.connect(self.recompute)
        self.suppress.valueChanged.connect(self.recompute)
        self.in_progress = QCheckBox("Include cases in progress")
        self.in_progress.setToolTip("Normally only cases marked coded or checked count. Tick "
                                    "this to count cases still being coded as well; cases "
                                    "not started never count.")
        self.in_progress.toggled.connect(self.recompute)
        row.addWidget(self.in_progress)
        row.addStretch(1)
        return row

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = QLabel("Computing…")
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.format_boxes = {fmt: QCheckBox(fmt.upper()) for fmt in FORMATS}
        for box in self.format_boxes.values():
            box.setChecked(True)
            row.addWidget(box)
        self.save_button = QPushButton("Save files…")
        self.save_button.clicked.connect(self.save_files)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy the shown table as tab-separated text")
        self.copy_button.clicked.connect(self.copy_table)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        for button in (self.save_button, self.copy_button, close):
            row.addWidget(button)
        self._set_ready(False)
        return row

    # Computing ---------------------------------------------------------------------------

    def current_filter(self) -> TableFilter:
        def chosen(combo: QComboBox) -> str | None:
            text = combo.currentText()
            return None if text in ("", ANY) else text
        first, last = chosen(self.year_from), chosen(self.year_to)
        years = None
        if first or last:
            known = [int(self.year_from.itemText(i)) for i in range(1, self.year_from.count())]
            low, high = int(first or min(known)), int(last or max(known))
            years = (min(low, high), max(low, high))
        return TableFilter(site=chosen(self.site), review_type=chosen(self.review_type),
                           years=years, include_in_progress=self.in_progress.isChecked())

    def recompute(self) -> None:
        """Compute again for the current filters; an older run still going is ignored."""
        self._run += 1
        run = self._run
        table_filter = self.current_filter()
        suppress = self.suppress.value() if self.suppress.value() > 1 else None
        self._set_ready(False)
        self.status.setText("Computing…")
        self.task = StoreOp(
            lambda store, _p: compute_tables(store, table_filter, suppress),
            on_success=lambda result: self._computed(run, result, table_filter),
            on_failure=lambda error: self._failed(run, str(error))).run_on(self.store_thread)

    def _computed(self, run: int, result: Computed, table_filter: TableFilter) -> None:
        if run != self._run:
            return
        self.task = None
        if not self._choices_loaded:
            self._fill_choices(result.choices)
        self.tables = result.tables
        if result.tables is None:
            self.view.set_table(None)
            self.footnotes.clear()
            self.status.setText(result.problem)
            return
        self._fill_chooser(result.tables)
        cases = result.tables.cases
        self.status.setText(f"{len(result.tables.tables)} tables from {cases} "
                            f"case{'s' if cases != 1 else ''} marked "
                            f"{describe_statuses(table_filter.statuses)}.")
        self._set_ready(True)

    def _failed(self, run: int, message: str) -> None:
        if run == self._run:
            self.task = None
            self.status.setText(f"The tables could not be made: {message}")

    def _fill_choices(self, choices: dict[str, list]) -> None:
        self._choices_loaded = True
        for combo, key in ((self.site, "site"), (self.review_type, "review_type"),
                           (self.year_from, "years"), (self.year_to, "years")):
            combo.blockSignals(True)
            combo.addItems([str(v) for v in choices[key]])
            combo.blockSignals(False)

    def _fill_chooser(self, tables: TableSet) -> None:
        keep = self.chooser.currentData()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for table in tables.tables:
            self.chooser.addItem(table.title, table.key)
        found = self.chooser.findData(keep)
        self.chooser.setCurrentIndex(max(found, 0))
        self.chooser.blockSignals(False)
        self._show_chosen()

    def _show_chosen(self) -> None:
        key = self.chooser.currentData()
        if self.tables is not None and key:
            table = self.tables.table(key)
            self.view.set_table(table)
            self.footnotes.setText("\n".join([*table.notes, *self.tables.footnotes]))

    def _set_ready(self, ready: bool) -> None:
        self.copy_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # Copy and save -----------------------------------------------------------------------

    def copy_table(self) -> None:
        if self.view.copy_to_clipboard():
            self.status.setText(f"Copied “{self.chooser.currentText()}” as tab-separated text; "
                                f"paste it into a spreadsheet or document.")

    def chosen_formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]

    def save_files(self) -> None:
        formats = self.chosen_formats()
        if not formats:
            self.status.setText("Tick at least one format (CSV, XLSX, HTML, PDF) to save.")
            return
        folder = QFileDialog.getExistingDirectory(self, "Save the summary tables into",
                                                  str(self.project.parent))
        if not folder or self.tables is None:
            return
        tables = self.tables
        self.save_button.setEnabled(False)
        self.status.setText(f"Writing {', '.join(f.upper() for f in formats)}…")
        self.task = start_task(lambda _p: write_tables(tables, Path(folder), formats),
                               on_success=lambda paths: self._saved(folder, paths),
                               on_failure=self._save_failed)

    def _saved(self, folder: str, paths: list[Path]) -> None:
        self.task = None
        self.save_button.setEnabled(True)
        self.status.setText(f"Wrote {len(paths)} file{'s' if len(paths) != 1 else ''} to "
                            f"{folder}: {', '.join(p.name for p in paths)}")

    def _save_failed(self, message: str) -> None:
        self.task = None
        self.save_button.setEnabled(True)
        self.status.setText(f"Nothing saved: {message}")


def show_tables_dialog(parent: QWidget | None, store_thread: StoreThread) -> None:
    TablesDialog(store_thread, parent).exec()
