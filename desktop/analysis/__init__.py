"""Reading across cases: the Analysis menu and its docks (search across the reviews, the quote
bank). `install_analysis(window)` adds the menu; the docks are made on first use, docked along
the bottom, tabbed together, and can be moved, floated or closed.

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

BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
NO_AREA = Qt.DockWidgetArea.NoDockWidgetArea
MIN_DOCK_HEIGHT = 230


class Analysis:
    """The Analysis menu and the docks it opens, for one main window."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        self.search_panel: SearchPanel | None = None
        self.quote_panel: QuoteBankPanel | None = None
        self.menu = menu
        first = menu.actions()[0] if menu.actions() else None
        self.search_action = self._action("&Search all reviews…", "Ctrl+Shift+F",
                                          self.show_search, first)
        self.quotes_action = self._action("&Quote bank…", "Ctrl+Shift+Q", self.show_quotes,
                                          first)
        if first is not None:
            menu.insertSeparator(first)

    def _action(self, text: str, shortcut: str, slot, before: QAction | None) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # the shortcut works wherever the focus is
        if before is None:
            self.menu.addAction(action)
        else:
            self.menu.insertAction(before, action)
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
        """Dock below the case, PDF and form, across the window's width: snippets and quotes
        are long lines, and the three columns above keep their width on a 1280 x 720 screen.
        The user may move the dock to a side or float it; the filters re-flow to fit."""
        others = [d for d in (self.search_panel, self.quote_panel) if d and d is not dock
                  and not d.isFloating() and self.window.dockWidgetArea(d) != NO_AREA]
        if others:
            self.window.tabifyDockWidget(others[0], dock)
        else:
            self.window.addDockWidget(BOTTOM, dock)
            height = max(MIN_DOCK_HEIGHT, self.window.height() // 3)
            self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        dock.dockLocationChanged.connect(lambda area: _fit_filters(dock, area))
        dock.topLevelChanged.connect(lambda floating: _fit_filters(
            dock, NO_AREA if floating else self.window.dockWidgetArea(dock)))
        _fit_filters(dock, self.window.dockWidgetArea(dock))


def _fit_filters(dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
    wide = area in (BOTTOM, Qt.DockWidgetArea.TopDockWidgetArea)
    dock.view.filters.set_columns(4 if wide else 2)


def install_analysis(window: MainWindow) -> Analysis:
    """Put search and the quote bank at the top of the window's Analysis menu (made by
    desktop.window_actions, which lists the matrix and the timeline there)."""
    return Analysis(window, window.actions.analysis_menu)
