"""The case list: a table model of cases and a proxy that filters and sorts it.

The model holds plain `Case` records handed to it (it never reads the database); labels for
review types and categories come from the codebook. The proxy filters by category, review type,
coding status, site and free text (reference, title, notes), all at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from schema.codebook_model import Codebook
from schema.records import Case

STATUS_LABELS = {"not_started": "Not started", "in_progress": "In progress",
                 "coded": "Coded", "checked": "Checked"}
STATUS_COLOURS = {"not_started": "#8a8f98", "in_progress": "#b26a00", "coded": "#1d6fb8",
                  "checked": "#2e7d32"}
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    attribute: str


COLUMNS = (Column("Reference", "reference"), Column("Title", "title"),
           Column("Type", "review_type"), Column("Category", "category"),
           Column("Site", "site"), Column("Status", "status"))


class CaseTableModel(QAbstractTableModel):
    """One row per case. `set_cases` replaces the rows; `update_case` refreshes one."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._cases: list[Case] = []
        self._row_of: dict[str, int] = {}
        self._codebook: Codebook | None = None

    def set_cases(self, cases: list[Case], codebook: Codebook | None = None) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self._row_of = {case.id: row for row, case in enumerate(self._cases)}
        if codebook is not None:
            self._codebook = codebook
        self.endResetModel()

    def update_case(self, case: Case) -> None:
        """Show a changed case (its status, title...), or add it if it is new."""
        row = self._row_of.get(case.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._cases), len(self._cases))
            self._row_of[case.id] = len(self._cases)
            self._cases.append(case)
            self.endInsertRows()
            return
        self._cases[row] = case
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def case_at(self, row: int) -> Case:
        return self._cases[row]

    def row_of(self, case_id: str) -> int | None:
        return self._row_of.get(case_id)

    def cases(self) -> list[Case]:
        return list(self._cases)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        case = self._cases[index.row()]
        column = COLUMNS[index.column()]
        key = getattr(case, column.attribute) or ""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(column.attribute, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{case.reference}: {case.title}" if case.title else case.reference
        if role == CASE_ID_ROLE:
            return case.id
        if role == KEY_ROLE:
            return key
        if role == Qt.ItemDataRole.ForegroundRole and column.attribute == "status":
            return QBrush(QColor(STATUS_COLOURS.get(key, "#000000")))
        return None

    def _label(self, attribute: str, key: str) -> str:
        if attribute == "status":
            return STATUS_LABELS.get(key, key)
        if self._codebook is None or not key:
            return key
        if attribute == "category":
            return self._codebook.category_label(key)
        if attribute == "review_type":
            return key  # the short key (DHR, SAR...) reads best in a narrow column
        return key


class CaseFilterProxy(QSortFilterProxyModel):
    """Filters on exact keys for category, type, status and site, and on text anywhere."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._keys: dict[str, str] = {}
        self._text = ""
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_key_filter(self, attribute: str, key: str | None) -> None:
        """attribute is one of category, review_type, status, site; None or "" clears it."""
        self.beginFilterChange()
        if key:
            self._keys[attribute] = key
        else:
            self._keys.pop(attribute, None)
        self.endFilterChange()

    def set_text_filter(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def clear_filters(self) -> None:
        self.beginFilterChange()
        self._keys.clear()
        self._text = ""
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CaseTableModel):
            return True
        case = model.case_at(source_row)
        for attribute, key in self._keys.items():
            if (getattr(case, attribute) or "") != key:
                return False
        if self._text:
            haystack = " ".join((case.reference, case.title, case.notes)).casefold()
            return self._text in haystack
        return True
