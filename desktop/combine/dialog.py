"""Tools → Combine with another case: pick the case that is the same review as the open one
(look-alikes found by their text or details are listed first), choose whose details to keep,
and combine; or record that a look-alike is a different review.

Combining is pushed on the window's undo stack, so Ctrl+Z parts the cases again until the
project is closed. Recording "different reviews" is confirmed first and kept in the file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.combine.command import CombineCasesCommand
from desktop.layout_fit import size_dialog
from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from schema.records import Case
from schema.store import Store

COLUMNS = ["Reference", "Title", "Type", "Year", "Site", "Looks alike"]


def read_choices(store: Store, case_id: str) -> tuple[Case, list[Case], dict[str, str]]:
    """The open case, every other case, and why each look-alike looks alike."""
    cases = store.list_cases()
    likeness = {}
    for pair in store.same_review_candidates():
        ids = {pair["case_id"], pair["other_case_id"]}
        if case_id in ids:
            [other] = ids - {case_id}
            likeness[other] = (f"text {pair['similarity']:.0%} alike"
                               if pair["similarity"] is not None else f"same {pair['basis']}")
    [this] = [c for c in cases if c.id == case_id]
    others = sorted((c for c in cases if c.id != case_id),
                    key=lambda c: (c.id not in likeness, c.reference.casefold()))
    return this, others, likeness


class CombineDialog(QDialog):
    def __init__(self, store_thread: StoreThread, case_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_thread, self.case_id = store_thread, case_id
        self.case: Case | None = None
        self.others: list[Case] = []
        self.likeness: dict[str, str] = {}
        self.setWindowTitle("Combine with another case")
        size_dialog(self, 860, 520)
        self._setup_ui()
        self.task = StoreOp(lambda store, _p: read_choices(store, case_id),
                            on_success=self._loaded,
                            on_failure=lambda error: self._say(str(error))
                            ).run_on(store_thread)

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel("Reading the cases…", wordWrap=True)
        layout.addWidget(self.heading)
        self.filter = QLineEdit(placeholderText="Filter by reference, title or site",
                                clearButtonEnabled=True)
        self.filter.textChanged.connect(self._fill)
        layout.addWidget(self.filter)
        self.table = QTableWidget(0, len(COLUMNS), objectName="combineCases")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._details_row())
        note = QLabel("Both cases' codings, documents, evidence and pseudonyms end in one case. "
                      "You can undo this with Ctrl+Z until you close the project.",
                      wordWrap=True)
        layout.addWidget(note)
        layout.addWidget(self._buttons())

    def _details_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Keep the reference, title and other details of:"))
        self.keep_this = QRadioButton("this case", checked=True)
        self.keep_other = QRadioButton("the chosen case")
        group = QButtonGroup(self)
        for button in (self.keep_this, self.keep_other):
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.combine_button = QPushButton("Combine", enabled=False, default=True)
        self.apart_button = QPushButton("Not the same review", enabled=False)
        self.apart_button.setToolTip("Record that the chosen look-alike is a different "
                                     "review, so merges never combine or list them again")
        box.addButton(self.combine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.apart_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.apart_button.clicked.connect(self._keep_apart)
        return box

    def _loaded(self, result: tuple[Case, list[Case], dict[str, str]]) -> None:
        self.case, self.others, self.likeness = result
        found = len(self.likeness)
        hint = (f" {found} look-alike case(s) are listed first." if found else
                " No case looks like it by its text or details; choose one from the list.")
        self.heading.setText(f"Combine <b>{self.case.reference}</b> "
                             f"({self.case.title or 'no title'}) with the case below that is "
                             f"the same review.{hint}")
        self._fill()

    def _fill(self) -> None:
        wanted = self.filter.text().casefold()
        shown = [c for c in self.others if wanted in
                 f"{c.reference} {c.title} {c.site}".casefold()]
        self.table.setRowCount(len(shown))
        for row, case in enumerate(shown):
            values = [case.reference, case.title, case.review_type,
                      "" if case.publication_year is None else str(case.publication_year),
                      case.site, self.likeness.get(case.id, "")]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, case.id)
                self.table.setItem(row, column, item)
        if shown and self.likeness.get(shown[0].id):
            self.table.selectRow(0)
        self._selection_changed()

    def chosen(self) -> Case | None:
        items = self.table.selectedItems()
        if not items:
            return None
        case_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next(c for c in self.others if c.id == case_id)

    def _selection_changed(self) -> None:
        other = self.chosen()
        if self.case is not None:
            self.keep_this.setText(f"this case ({self.case.reference})")
        self.keep_other.setText(f"the chosen case ({other.reference})" if other
                                else "the chosen case")
        self.combine_button.setEnabled(other is not None)
        self.apart_button.setEnabled(other is not None and other.id in self.likeness)

    def details_from(self) -> str:
        other = self.chosen()
        return other.id if self.keep_other.isChecked() and other else self.case_id

    def _keep_apart(self) -> None:
        other = self.chosen()
        if other is None or self.case is None:
            return
        answer = QMessageBox.question(
            self, "Different reviews",
            f"Record that {self.case.reference} and {other.reference} are different "
            f"reviews? Merges will keep them apart and stop listing them as look-alikes.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.task = StoreOp(lambda store, _p: store.keep_cases_apart(self.case_id, other.id),
                            on_success=lambda _r: self._kept_apart(other),
                            on_failure=lambda error: self._say(str(error))
                            ).run_on(self.store_thread)

    def _kept_apart(self, other: Case) -> None:
        self.likeness.pop(other.id, None)
        self._fill()
        self.heading.setText(f"Recorded: {other.reference} is a different review.")

    def _say(self, message: str) -> None:
        self.heading.setText(message)


def show_combine_dialog(window, store_thread: StoreThread, case_id: str) -> CombineDialog:
    """Open the dialog (window-modal); on Combine, push the undoable command on the window's
    undo stack."""
    dialog = CombineDialog(store_thread, case_id, window)
    dialog.accepted.connect(lambda: _combine_chosen(window, dialog))
    dialog.open()
    return dialog


def _combine_chosen(window, dialog: CombineDialog) -> None:
    other, workspace = dialog.chosen(), window.workspace
    if other is None or workspace is None or dialog.case is None:
        return
    label = f"{dialog.case.reference} and {other.reference}"
    command = CombineCasesCommand(
        workspace, dialog.case_id, other.id, dialog.details_from(), label,
        on_failure=lambda message: window.statusBar().showMessage(
            f"Not combined: {message}", 12000))
    workspace.undo_stack.push(command)
    window.statusBar().showMessage(f"Combined {label}; Ctrl+Z undoes it.", 12000)
