"""Help ▸ Keyboard shortcuts: every shortcut of the running window, read from its actions
(menus, toolbar and the coding form), so the list cannot drift from what the keys do. The
PDF viewer's own keys, which are not actions, are listed after them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

VIEWER_KEYS = (
    ("Find in the document", "Ctrl+F"),
    ("Next / previous match", "F3 / Shift+F3"),
    ("Zoom in / out", "Ctrl++ / Ctrl+-"),
    ("Copy the selected text", "Ctrl+C"),
    ("Next / previous field of the form", "Tab / Shift+Tab"),
)


def window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, keys) for each action under `window` that has a shortcut, in menu
    order, without duplicates."""
    seen: set[tuple[str, str]] = set()
    rows = []
    for action in window.findChildren(QAction):
        keys = " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                           for s in action.shortcuts() if not s.isEmpty())
        text = action.text().replace("&", "").rstrip(".…")
        if keys and text and (text, keys) not in seen:
            seen.add((text, keys))
            rows.append((text, keys))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(560, 620)
        rows = window_shortcuts(window) + list(VIEWER_KEYS)
        self.table = QTableWidget(len(rows), 2, objectName="shortcutTable")
        self.table.setHorizontalHeaderLabels(["Action", "Keys"])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount())]
