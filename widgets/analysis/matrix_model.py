"""The case-by-field matrix as a Qt table model, with sorting and filtering that keep a
case's sub-rows together, and the marked cells (not reported, not applicable) drawn apart
from empty ones: italic grey text on a background of their own."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from exports.matrix import Matrix, MatrixRow
from exports.matrix.model import FIXED_HEADINGS

MARKED_BACKGROUNDS = {"not_reported": "#FCE9D9", "not_applicable": "#E4E4E4"}
MARKED_TEXT = "#595959"
CONTINUATION_TEXT = "#8A939C"
FIXED = len(FIXED_HEADINGS)


@dataclass(frozen=True)
class FieldTarget:
    """Where a click on a field cell leads: the case, its coding, and the field."""

    case_id: str
    coding_id: str | None
    section: str
    item: int
    field: str
    entity_id: str | None


class MatrixModel(QAbstractTableModel):
    """Shows a `Matrix`. Sorting orders whole cases (by their first sub-row's cell, or the
    smallest of their items' cells); the filter keeps cases with any cell containing it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self._groups: list[list[MatrixRow]] = []
        self._shown: list[MatrixRow] = []
        self._filter = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_matrix(self, matrix: Matrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._groups = []
        for row in matrix.rows if matrix else ():
            if row.item == 0:
                self._groups.append([])
            self._groups[-1].append(row)
        self._arrange()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text.strip().casefold()
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._arrange()
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        groups = [g for g in self._groups if self._matches(g)]
        if self._sort is not None:
            column, order = self._sort
            groups.sort(key=lambda g: self._group_key(g, column),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self._shown = [row for group in groups for row in group]

    def _matches(self, group: list[MatrixRow]) -> bool:
        if not self._filter:
            return True
        texts = [t for row in group for t in (*row.fixed, *(c.text for c in row.cells))]
        return any(self._filter in t.casefold() for t in texts)

    @staticmethod
    def _group_key(group: list[MatrixRow], column: int) -> tuple:
        if column < FIXED:
            return (0, group[0].fixed[column].casefold())
        return min(row.cells[column - FIXED].sort_key for row in group)

    # Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() or self.matrix is None:
            return 0
        return FIXED + len(self.matrix.columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.matrix is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < FIXED:
                return FIXED_HEADINGS[section]
            column = self.matrix.columns[section - FIXED]
            return f"{column.section_label}\n{column.label}"
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIXED:
            return self.matrix.columns[section - FIXED].path
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._shown[index.row()]
        if index.column() < FIXED:
            return self._fixed_data(row, index.column(), role)
        cell = row.cells[index.column() - FIXED]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell.text
        if role == Qt.ItemDataRole.UserRole:
            return cell.kind
        if cell.kind in MARKED_BACKGROUNDS:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(MARKED_BACKGROUNDS[cell.kind]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(MARKED_TEXT))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def _fixed_data(self, row: MatrixRow, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return row.fixed[column]
        if role == Qt.ItemDataRole.ForegroundRole and row.item > 0 and column < FIXED - 1:
            return QBrush(QColor(CONTINUATION_TEXT))  # the same case, another item
        if role == Qt.ItemDataRole.FontRole and column == 0 and row.item == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def row_at(self, index: QModelIndex) -> MatrixRow | None:
        return self._shown[index.row()] if index.isValid() else None

    def target(self, index: QModelIndex) -> FieldTarget | None:
        """The field a cell shows, or None for the case columns."""
        row = self.row_at(index)
        if row is None or self.matrix is None or index.column() < FIXED:
            return None
        column = self.matrix.columns[index.column() - FIXED]
        item = row.item if column.repeat else 0
        return FieldTarget(row.case_id, row.coding_id, column.section, item, column.field,
                           row.entities.get(column.section))
