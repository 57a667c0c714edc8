"""Reading across cases: the Analysis menu and its docks (search across the reviews, the quote
bank). `install_analysis(window)` adds the menu; the docks are made on first use, docked on
the right, tabbed together, and can be closed.

Other cross-case views add their entries to `window.analysis.menu`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from desktop.analysis.quote_bank import QuoteBankPanel
from desktop.analysis.search_panel import SearchPanel

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

DOCK_WIDTH = 460


class Analysis:
    """The Analysis menu and the docks it opens, for one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.search_panel: SearchPanel | None = None
        self.quote_panel: QuoteBankPanel | None = None
        self.menu = QMenu("&Analysis", window)
        self.search_action = self._action("&Search all reviews…", "Ctrl+Shift+F",
                                          self.show_search)
        self.quotes_action = self._action("&Quote bank…", "Ctrl+Shift+Q", self.show_quotes)

    def _action(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # the shortcut works wherever the focus is
        self.menu.addAction(action)
        return action

    def show_search(self) -> SearchPanel:
        if self.search_panel is None:
            self.search_panel = SearchPanel(self.window)
            self._dock(self.search_panel)
        self.search_panel.present()
        return self.search_panel

    def show_quotes(self) -> QuoteBankPanel:
        if self.quote_panel is None:
            self.quote_panel = QuoteBankPanel(self.window)
            self._dock(self.quote_panel)
        self.quote_panel.present()
        return self.quote_panel

    def _dock(self, dock: QDockWidget) -> None:
        dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea
                             | Qt.DockWidgetArea.BottomDockWidgetArea
                             | Qt.DockWidgetArea.LeftDockWidgetArea)
        others = [d for d in (self.search_panel, self.quote_panel) if d and d is not dock
                  and not d.isFloating()]
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        if others:
            self.window.tabifyDockWidget(others[0], dock)
        else:
            width = min(DOCK_WIDTH, self.window.width() // 3)
            self.window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)


def install_analysis(window: MainWindow) -> Analysis:
    """Add the Analysis menu to the window's menu bar (before Help, when it exists)."""
    analysis = Analysis(window)
    window.menuBar().addMenu(analysis.menu)
    return analysis
