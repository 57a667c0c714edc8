"""The Help menu of the main window: user guide (F1), keyboard shortcuts, About, Copy
diagnostics. The project's facts are read on its store thread (desktop.ops), never on the
GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from desktop.help.about import AboutDialog
from desktop.help.facts import ProjectFacts, diagnostics_text, read_project_facts
from desktop.help.guide import GuideDialog
from desktop.help.shortcuts import ShortcutsDialog
from desktop.ops import StoreOp

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

COPIED = "Diagnostics copied to the clipboard: versions, platform and paths, no case data."


def add_help_menu(window: MainWindow) -> HelpMenu:
    """Add the Help menu (last on the menu bar) and its shortcuts to `window`."""
    return HelpMenu(window)


class HelpMenu:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.guide_dialog: GuideDialog | None = None
        self.task: StoreOp | None = None
        self.guide = self._action("&User guide", self.show_guide, "F1")
        self.shortcuts = self._action("&Keyboard shortcuts", self.show_shortcuts, "Ctrl+/")
        self.about = self._action("&About Casecoder", self.show_about)
        self.diagnostics = self._action("Copy &diagnostics", self.copy_diagnostics)
        menu = window.menuBar().addMenu("&Help")
        for action in (self.guide, self.shortcuts, None, self.diagnostics, self.about):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.menu = menu

    def _action(self, text: str, slot: Callable[[], object], keys=None) -> QAction:
        action = QAction(text, self.window)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # the keys work wherever the focus is
        return action

    def show_guide(self, section: str | None = None) -> GuideDialog:
        """Open (or raise) the guide, at `section` if given."""
        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(self.window)
        self.guide_dialog.show()
        self.guide_dialog.raise_()
        self.guide_dialog.activateWindow()
        if section:
            self.guide_dialog.show_section(section)
        return self.guide_dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window)
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.window, project_open=self.window.workspace is not None)
        dialog.copy_button.clicked.connect(self.copy_diagnostics)
        self._with_facts(dialog.show_project)
        dialog.open()
        return dialog

    def copy_diagnostics(self) -> None:
        """Put the report on the clipboard (once the project's facts are read) and say so."""
        def copy(facts: ProjectFacts | None) -> None:
            text = diagnostics_text(facts, QSettings("Casecoder", "Casecoder").fileName())
            QGuiApplication.clipboard().setText(text)
            self.window.statusBar().showMessage(COPIED, 10000)
        self._with_facts(copy)

    def _with_facts(self, then: Callable[[ProjectFacts | None], None]) -> None:
        """Call `then` with the open project's facts, or None when there is none (or they
        cannot be read: About then says no project is open)."""
        workspace = self.window.workspace
        if workspace is None:
            then(None)
            return
        readonly = workspace.readonly
        self.task = StoreOp(lambda store, _p: read_project_facts(store, readonly),
                            on_success=then,
                            on_failure=lambda _error: then(None)).run_on(workspace.store_thread)
