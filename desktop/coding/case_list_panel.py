"""The left pane: filters above the case table. Emits `case_selected(case_id)`.

It shows cases it is given (the main window reads them through the store thread); it never
reads the database itself. Next/previous case walk the rows as they are filtered and sorted.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from schema.codebook_model import Codebook
from schema.records import Case
from widgets.cases.case_list import CASE_ID_ROLE, STATUS_LABELS, CaseFilterProxy, CaseTableModel

_ANY = "Any"


class CaseListPanel(QWidget):
    case_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._combos: dict[str, QComboBox] = {}
        self._emitting = True
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.search = QLineEdit(placeholderText="Filter cases: reference, title, notes")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text_filter)
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for position, (attribute, label) in enumerate(
                (("category", "Category"), ("review_type", "Type"),
                 ("status", "Status"), ("site", "Site"))):
            combo = QComboBox(objectName=f"filter_{attribute}")
            combo.addItem(_ANY, "")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(
                lambda _i, a=attribute, c=combo: self.proxy.set_key_filter(a, c.currentData()))
            self._combos[attribute] = combo
            filters.addWidget(QLabel(label), position // 2 * 2, position % 2)
            filters.addWidget(combo, position // 2 * 2 + 1, position % 2)
        self.table = self._make_table()
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)

    def set_case_actions(self, actions: list) -> None:
        """Offer these actions (edit, delete...) on a right click in the case table."""
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(actions)

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="caseTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (2, 3, 4):  # type, category, site: the filters above cover them
            table.setColumnHidden(column, True)
        table.selectionModel().currentRowChanged.connect(self._on_current_row)
        return table

    # Filling ---------------------------------------------------------------------------

    def set_cases(self, cases: list[Case], codebook: Codebook) -> None:
        """Show these cases; keeps the selected case selected if it is still there."""
        current = self.current_case_id()
        self._emitting = False
        try:
            self.model.set_cases(cases, codebook)
            self._fill_filters(cases, codebook)
            if current:
                self.select_case(current, emit=False)
        finally:
            self._emitting = True
        self._update_count()

    def clear(self) -> None:
        self.model.set_cases([])
        self._update_count()

    def update_case(self, case: Case) -> None:
        self.model.update_case(case)
        self._update_count()

    def _fill_filters(self, cases: list[Case], codebook: Codebook) -> None:
        choices = {
            "category": [(o.key, o.label) for o in codebook.categories],
            "review_type": [(o.key, o.label) for o in codebook.review_types],
            "status": list(STATUS_LABELS.items()),
            "site": [(s, s) for s in sorted({c.site for c in cases if c.site})],
        }
        for attribute, items in choices.items():
            combo = self._combos[attribute]
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_ANY, "")
            for key, label in items:
                combo.addItem(label, key)
            found = combo.findData(chosen)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
            self.proxy.set_key_filter(attribute, combo.currentData())

    def set_filter(self, attribute: str, key: str) -> None:
        """Choose a filter value as a user would (key "" means any)."""
        combo = self._combos[attribute]
        combo.setCurrentIndex(max(combo.findData(key), 0))

    # Selection -------------------------------------------------------------------------

    def current_case_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(CASE_ID_ROLE) if index.isValid() else None

    def select_case(self, case_id: str, *, emit: bool = True) -> bool:
        """Select a case's row (clearing filters that hide it). False if it is not listed."""
        source_row = self.model.row_of(case_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self.search.clear()
            for combo in self._combos.values():
                combo.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        previous, self._emitting = self._emitting, emit and self._emitting
        try:
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        finally:
            self._emitting = previous
        return True

    def next_case(self) -> None:
        self._step(+1)

    def previous_case(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.table.currentIndex()
        row = current.row() + delta if current.isValid() else 0
        row = max(0, min(row, rows - 1))
        case_id = self.proxy.index(row, 0).data(CASE_ID_ROLE)
        if case_id and case_id != self.current_case_id():
            self.select_case(case_id)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._emitting and current.isValid():
            self.case_selected.emit(current.data(CASE_ID_ROLE))

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = f"{total} cases" if shown == total else f"{shown} of {total} cases shown"
        self.count_label.setText(text)
