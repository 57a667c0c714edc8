"""A read-only view of one computed summary table: wrapping cells, shared characteristics in
bold, the row labels as the first column, and copying as tab-separated text."""

from __future__ import annotations

import textwrap
from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from exports.tables.csv_writer import tab_separated
from exports.tables.model import MARK, Cell, Table

Index = QModelIndex | QPersistentModelIndex
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_WIDTH, MIN_CELL_WIDTH = 200, 170
HEADER_WRAP = 26


def cell_html(cell: Cell) -> str:
    """The cell as rich text, with bold runs (characteristics shared across categories)."""
    lines = ["".join(f"<b>{escape(text)}</b>" if bold else escape(text) for text, bold in line)
             for line in cell.lines()]
    return ("<br>" if cell.listed else "; ").join(lines)


class SummaryTableModel(QAbstractTableModel):
    """Column 0 holds the row labels; the others one table column (a category) each."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._table: Table | None = None

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def table(self) -> Table | None:
        return self._table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self._table else len(self._table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self._table else len(self._table.columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal
                or not self._table):
            return None
        if section == 0:
            return textwrap.fill(self._table.corner, HEADER_WRAP)
        column = self._table.columns[section - 1]
        label = textwrap.fill(column.label, HEADER_WRAP)
        return f"{label}\n{column.cases} review{'s' if column.cases != 1 else ''}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not self._table:
            return None
        row = self._table.rows[index.row()]
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, HTML_ROLE):
                return row.label if role == Qt.ItemDataRole.DisplayRole else \
                    f"<b>{escape(row.label)}</b>"
            return None
        cell = row.cells[self._table.columns[index.column() - 1].key]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell.text
        if role == HTML_ROLE:
            return cell_html(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.text == MARK:
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        return None


class _RichTextDelegate(QStyledItemDelegate):
    """Draws HTML_ROLE text wrapped to the column width, so bold runs show and rows grow."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view

    def _document(self, index: Index, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(self.view.font())
        document.setDocumentMargin(4)
        html = str(index.data(HTML_ROLE) or "")
        if index.data(Qt.ItemDataRole.TextAlignmentRole):
            html = f'<div align="center">{html}</div>'
        document.setHtml(html)
        document.setTextWidth(max(40, width))
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(index, option.rect.width())
        painter.save()
        painter.translate(option.rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        width = self.view.columnWidth(index.column())
        document = self._document(index, width)
        return QSize(width, int(document.size().height()) + 2)


class SummaryTableView(QTableView):
    """Shows one Table; `copy_to_clipboard` puts the whole grid there as tab-separated text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = SummaryTableModel(self)
        self.setModel(self.summary)
        self.setItemDelegate(_RichTextDelegate(self))
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda *_: self.resizeRowsToContents())
        bold = QFont(self.font())
        bold.setBold(True)
        header.setFont(bold)

    def set_table(self, table: Table | None) -> None:
        self.summary.set_table(table)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Share the visible width among the categories (never narrower than MIN_CELL_WIDTH,
        scrolling sideways beyond that), then let the rows grow to their wrapped text."""
        table = self.summary.table()
        if table is None or not table.columns:
            return
        label = LABEL_WIDTH if len(table.columns) > 1 else LABEL_WIDTH + 60
        share = (self.viewport().width() - label) // len(table.columns)
        self.setColumnWidth(0, label)
        for column in range(1, len(table.columns) + 1):
            self.setColumnWidth(column, max(MIN_CELL_WIDTH, share))
        self.resizeRowsToContents()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_columns()

    def copy_to_clipboard(self) -> str:
        """Copy the shown table; returns the text copied ('' when nothing is shown)."""
        table = self.summary.table()
        text = tab_separated(table) if table else ""
        if text:
            QGuiApplication.clipboard().setText(text)
        return text
