"""Export → "Data for other tools…": choose an export (desktop.interop.kinds), its layout and
cases, and a file; the export runs off the GUI thread with progress, after a confirmation
when the project is encrypted, and the dialog says where it wrote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.interop.kinds import ALL_CODINGS, FILTERS, KINDS, SHAPE, Choices, InteropKind
from desktop.layout_fit import size_dialog
from desktop.ops import StoreOp, run_with_dialog
from desktop.store_thread import StoreThread
from desktop.workers import start_task_with_dialog
from exports.data import DataFilter
from exports.data.options import PLAINTEXT_NOTE
from exports.tables.data import filter_choices
from schema.project import is_encrypted
from schema.store import Store

ANY = "Any"


@dataclass(frozen=True)
class ProjectFacts:
    """What the dialog's menus offer, read once on the store thread."""

    choices: dict[str, list]
    categories: list[tuple[str, str]]
    review_types: dict[str, str]
    encrypted: bool


def read_facts(store: Store) -> ProjectFacts:
    book = store.codebook
    return ProjectFacts(filter_choices(store), [(o.key, o.label) for o in book.categories],
                        {o.key: o.label for o in book.review_types}, is_encrypted(store.path))


class InteropDialog(QDialog):
    def __init__(self, store_thread: StoreThread, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_thread = store_thread
        self.project = store_thread.path
        self.facts: ProjectFacts | None = None
        self.task = None
        self.setWindowTitle(f"Data for other tools — {self.project.name}")
        size_dialog(self, 760, 500)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("What to write:"))
        self.kinds = QListWidget()
        self.kinds.addItems([kind.label for kind in KINDS])
        self.kinds.setMaximumHeight(24 * max(4, len(KINDS)) + 8)
        self.kinds.currentRowChanged.connect(self._kind_chosen)
        layout.addWidget(self.kinds)
        self.description = QLabel(wordWrap=True)
        layout.addWidget(self.description)
        layout.addWidget(self._shape_box())
        layout.addWidget(self._cases_box())
        self.warning = QLabel(wordWrap=True, objectName="plaintextWarning")
        self.warning.setStyleSheet("color: #8a4b00;")
        self.warning.hide()
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addLayout(self._button_row())
        self.kinds.setCurrentRow(0)
        self._set_ready(False)
        self.task = StoreOp(lambda store, _p: read_facts(store), on_success=self._facts_read,
                            on_failure=lambda e: self.status.setText(
                                f"The project could not be read: {e}")
                            ).run_on(store_thread)

    def _shape_box(self) -> QGroupBox:
        box = QGroupBox("Layout")
        row = QHBoxLayout(box)
        self.wide = QRadioButton("Wide: one row per case, one column per field")
        self.long = QRadioButton("Long: one row per answer (tidy data, for R)")
        self.wide.setChecked(True)
        self.shapes = QButtonGroup(self)
        for button in (self.wide, self.long):
            self.shapes.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.shape_box = box
        return box

    def _cases_box(self) -> QGroupBox:
        box = QGroupBox("Which cases")
        form = QFormLayout(box)
        self.site, self.review_type, self.category = QComboBox(), QComboBox(), QComboBox()
        self.year_from, self.year_to = QComboBox(), QComboBox()
        for combo in (self.site, self.review_type, self.category, self.year_from, self.year_to):
            combo.addItem(ANY, None)
        years = QHBoxLayout()
        for widget in (self.year_from, QLabel("to"), self.year_to):
            years.addWidget(widget)
        years.addStretch(1)
        form.addRow("Site:", self.site)
        form.addRow("Review type:", self.review_type)
        form.addRow("Category:", self.category)
        form.addRow("Published from:", years)
        self.in_progress = QCheckBox("Include cases in progress (cases not started never "
                                     "count)")
        self.all_codings = QCheckBox("One row per coding (primary, second, consensus), with "
                                     "the coder")
        self.all_codings.setToolTip("Otherwise each case speaks through the coding that "
                                    "counts: its consensus coding, else its primary coding.")
        form.addRow(self.in_progress)
        form.addRow(self.all_codings)
        self.cases_box = box
        return box

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = QLabel("Reading the project…", wordWrap=True)
        row.addWidget(self.status, 1)
        self.export_button = QPushButton("Export…")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        row.addWidget(self.export_button)
        row.addWidget(close)
        return row

    # Reading the choices -----------------------------------------------------------------

    def _facts_read(self, facts: ProjectFacts) -> None:
        self.task, self.facts = None, facts
        for combo, key in ((self.site, "site"), (self.year_from, "years"),
                           (self.year_to, "years")):
            for value in facts.choices[key]:
                combo.addItem(str(value), value)
        for key in facts.choices["review_type"]:
            label = facts.review_types.get(key, key)
            self.review_type.addItem(key if label == key else f"{key} — {label}", key)
        for key, label in facts.categories:
            self.category.addItem(label, key)
        if facts.encrypted:
            self.warning.setText(f"Note: {PLAINTEXT_NOTE}. You will be asked to confirm.")
            self.warning.show()
        self.status.setText("Choose what to write, then press Export.")
        self._set_ready(True)

    def _kind_chosen(self, row: int) -> None:
        kind = KINDS[row] if 0 <= row < len(KINDS) else None
        self.description.setText(kind.description if kind else "")
        uses = kind.uses if kind else frozenset()
        self.shape_box.setEnabled(SHAPE in uses)
        self.cases_box.setEnabled(FILTERS in uses or ALL_CODINGS in uses)
        self.all_codings.setEnabled(ALL_CODINGS in uses)

    def _set_ready(self, ready: bool) -> None:
        self.export_button.setEnabled(ready)

    def current_kind(self) -> InteropKind:
        return KINDS[max(self.kinds.currentRow(), 0)]

    def current_choices(self, replace: bool = False) -> Choices:
        years = [v for v in (self.year_from.currentData(), self.year_to.currentData())
                 if v is not None]
        data_filter = DataFilter(site=self.site.currentData(),
                                 review_type=self.review_type.currentData(),
                                 category=self.category.currentData(),
                                 years=(min(years), max(years)) if years else None,
                                 include_in_progress=self.in_progress.isChecked())
        return Choices(shape="long" if self.long.isChecked() else "wide", filter=data_filter,
                       all_codings=self.all_codings.isChecked(), replace=replace)

    # Exporting ---------------------------------------------------------------------------

    def export(self) -> None:
        kind = self.current_kind()
        where = self._ask_where(kind)
        if where is None:
            return
        out, replace = where
        if self.facts is not None and self.facts.encrypted and not self._plaintext_agreed(out):
            self.status.setText("Nothing written: the export was not confirmed.")
            return
        choices = self.current_choices(replace=replace)
        self._set_ready(False)
        self.status.setText(f"Writing {out.name}…")
        title = f"Writing {out.name}"
        if kind.uses_store:
            self.task = run_with_dialog(
                self, title, self.store_thread,
                lambda store, progress: kind.run(store, out, choices, progress),
                on_success=self._written, on_failure=self._failed, on_cancel=self._cancelled)
        else:
            self.task = start_task_with_dialog(
                self, title, lambda progress: kind.run(self.project, out, choices, progress),
                on_success=self._written, on_failure=self._failed, on_cancel=self._cancelled)

    def _ask_where(self, kind: InteropKind) -> tuple[Path, bool] | None:
        """The file or folder to write, and whether the user agreed to replace a file (the
        save dialog asks about the name it returns, not one it gets a suffix added)."""
        start = self.project.parent
        if kind.needs_folder:
            chosen = QFileDialog.getExistingDirectory(self, kind.label, str(start))
            return (Path(chosen), False) if chosen else None
        suggested = start / f"{self.project.stem}-data{kind.suffix}"
        chosen, _filter = QFileDialog.getSaveFileName(self, kind.label, str(suggested),
                                                      kind.file_filter)
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() == kind.suffix:
            return out, out.exists()
        return out.with_name(out.name + kind.suffix), False

    def _plaintext_agreed(self, out: Path) -> bool:
        answer = QMessageBox.question(
            self, "Write an unencrypted export?",
            f"{PLAINTEXT_NOTE[0].upper()}{PLAINTEXT_NOTE[1:]}.\n\nWrite {out.name} anyway? "
            f"Keep it somewhere only the people allowed to see the data can reach.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _written(self, message: str) -> None:
        self.task = None
        self._set_ready(True)
        self.status.setText(message)

    def _failed(self, error: object) -> None:
        self.task = None
        self._set_ready(True)
        self.status.setText(f"Nothing written: {error}")

    def _cancelled(self) -> None:
        self.task = None
        self._set_ready(True)
        self.status.setText("Cancelled; nothing was written.")


def show_interop_dialog(parent: QWidget | None, store_thread: StoreThread) -> None:
    InteropDialog(store_thread, parent).exec()
