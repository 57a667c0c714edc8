"""Project ▸ Blind second coding: the window's switch for the project setting
(schema.blind_coding), written through the store thread and recorded in the audit log.

Turning it on or off shows the open case again, so the form and the coding switcher follow
the new setting at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from desktop.ops import StoreOp

if TYPE_CHECKING:
    from desktop.coding.workspace import Workspace
    from desktop.main_window import MainWindow

TIP = ("Each coder sees only their own coding of a case until two coders or more have coded "
       "it and every coding is marked coded or checked; reconciliation waits until then.")


class BlindCodingToggle:
    """The checkable menu entry, kept in step with the open project."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.task: StoreOp | None = None
        self.action = QAction("&Blind second coding", window, checkable=True)
        self.action.setToolTip(TIP)
        self.action.setStatusTip(TIP)
        self.action.setEnabled(False)
        self.action.triggered.connect(self.choose)
        menu, before = window.actions.project_menu, window.actions.quit
        menu.insertAction(before, self.action)
        menu.insertSeparator(before)
        menu.setToolTipsVisible(True)

    def project_opened(self, workspace: Workspace) -> None:
        """Show the project's setting; only a project open for writing can change it."""
        def show(on: bool) -> None:
            if self.window.workspace is workspace:
                self.action.setChecked(on)
                self.action.setEnabled(not workspace.readonly)
        self.task = StoreOp(lambda store, _p: store.blind_coding,
                            on_success=show).run_on(workspace.store_thread)

    def project_closed(self) -> None:
        self.action.setChecked(False)
        self.action.setEnabled(False)

    def choose(self, on: bool) -> None:
        workspace = self.window.workspace
        if workspace is None:
            return
        self.action.setEnabled(False)  # until the change is written

        def done(_changed: bool) -> None:
            self.action.setEnabled(True)
            self.window.statusBar().showMessage(
                "Blind coding is on: other coders' codings of a case stay hidden until "
                "all are complete." if on else "Blind coding is off.", 10000)
            if self.window.workspace is workspace and workspace.current is not None:
                workspace.show_case(workspace.current.case.id)

        def failed(error: Exception) -> None:
            self.action.setEnabled(True)
            self.action.setChecked(not on)
            self.window.statusBar().showMessage(f"Blind coding not changed: {error}", 10000)
        self.task = StoreOp(lambda store, _p: store.set_blind_coding(on), on_success=done,
                            on_failure=failed).run_on(workspace.store_thread)
