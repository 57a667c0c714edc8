"""The units behind one agreement row on which the codings differ: a row per case and item,
a column per coder with what that coder's coding said.

Clicking a row asks to open the case at the field (`field_requested`, a FieldTarget, as the
matrix sends): clicking a coder's cell opens that coder's coding, any other cell the first
coding listed. The view holds only schema.agreement_details records."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from schema.agreement_details import CodedValue, Disagreement
from widgets.analysis.matrix_model import FieldTarget

FIXED_COLUMNS = ["Case", "Item"]


class DisagreementView(QTableWidget):
    field_requested = Signal(object)  # FieldTarget

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(FIXED_COLUMNS), parent)
        self.setObjectName("agreementDisagreements")
        self.rows: list[Disagreement] = []
        self.coders: list[str] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setToolTip("Click a case to open it at this field in the main window (a coder's "
                        "column opens that coder's coding)")
        self.cellClicked.connect(self._clicked)
        self.show_units([])

    def show_units(self, rows: list[Disagreement]) -> None:
        """List these disagreements (all of one field, or of one option)."""
        self.rows = rows
        self.coders = sorted({v.coder for d in rows for v in d.values}, key=str.casefold)
        self.clear()
        self.setColumnCount(len(FIXED_COLUMNS) + len(self.coders))
        self.setHorizontalHeaderLabels(FIXED_COLUMNS + self.coders)
        self.setRowCount(len(rows))
        for row, d in enumerate(rows):
            said = {v.coder: v.value for v in d.values}
            cells = [d.reference, d.item] + [said.get(c, "–") for c in self.coders]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, column, item)
        header = self.horizontalHeader()
        for column in range(self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents
                                        if column < len(FIXED_COLUMNS)
                                        else QHeaderView.ResizeMode.Stretch)

    def target(self, row: int, column: int = 0) -> FieldTarget | None:
        """Where a click on this cell leads."""
        if not 0 <= row < len(self.rows):
            return None
        d = self.rows[row]
        value = self._value_in(d, column) or d.values[0]
        section, _, field = d.path.partition(".")
        return FieldTarget(case_id=d.case_id, coding_id=value.coding_id, section=section,
                           item=d.position, field=field, entity_id=value.entity_id)

    def _value_in(self, d: Disagreement, column: int) -> CodedValue | None:
        at = column - len(FIXED_COLUMNS)
        if not 0 <= at < len(self.coders):
            return None
        return next((v for v in d.values if v.coder == self.coders[at]), None)

    def _clicked(self, row: int, column: int) -> None:
        found = self.target(row, column)
        if found is not None:
            self.field_requested.emit(found)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._clicked(self.currentRow(), self.currentColumn())
            return
        super().keyPressEvent(event)
