"""The coding workspace window: case list | PDF viewer | coding form.

It composes: the widgets, the actions (window_actions), one `Workspace` per open project
(store thread, undo stack, case switching, edits) and the project-level flows
(project_flows: new/open project, import, new case, feature dialogs).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QSplitter, QWidget

from desktop import layout_fit
from desktop.analysis import install_analysis
from desktop.coding.case_list_panel import CaseListPanel
from desktop.coding.workspace import Workspace
from desktop.help.menu import add_help_menu
from desktop.project import flows as project_flows
from desktop.project.blind_toggle import BlindCodingToggle
from desktop.project.passphrase_dialog import unlock_project
from desktop.project.recovery import offer_restore, report_backup
from desktop.settings import AppSettings
from desktop.window_actions import Feature, WindowActions
from schema.errors import ProjectDamaged
from schema.locking import ProjectLocked
from schema.records import Case
from widgets.coding_form import CodingForm
from widgets.pdf.viewer import PdfViewer


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings, coder: str) -> None:
        super().__init__()
        self.settings, self.coder = settings, coder
        self.workspace: Workspace | None = None
        self.undo_group = QUndoGroup(self)
        self.panel = CaseListPanel()
        self.viewer, self.form = _make_viewer(), _make_form()
        self.saving_label = QLabel()
        self.statusBar().addPermanentWidget(self.saving_label)
        self.actions = WindowActions(self)
        self.blind_coding = BlindCodingToggle(self)  # Project ▸ Blind second coding
        self.analysis = install_analysis(self)  # the Analysis menu: cross-case views
        self.help_menu = add_help_menu(self)
        self._build_layout()
        self._update_title()
        self.actions.set_project_open(False, False)

    def _build_layout(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        for widget, stretch in ((self.panel, 0), (self.viewer, 3), (self.form, 2)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.indexOf(widget), stretch)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.window_fitter = layout_fit.WindowFitter(self, self.settings)
        self.splitter_guard = layout_fit.SplitterGuard(self.splitter,
                                                       self.settings.splitter_sizes("main"))
        self._add_view_menu()

    def _add_view_menu(self) -> None:
        """View → Reset layout, placed before the Export menu."""
        bar = self.menuBar()
        export = next((a for a in bar.actions() if a.text() == "E&xport"), None)
        view = QMenu("&View", self)
        if export is not None:
            bar.insertMenu(export, view)
        else:
            bar.addMenu(view)
        self.reset_layout_action = view.addAction("&Reset layout", self.reset_layout)
        self.reset_layout_action.setToolTip("Fit the window to the screen and give each pane "
                                            "its default width")

    def reset_layout(self) -> None:
        layout_fit.reset(self.window_fitter, self.settings, self.splitter_guard)

    # Projects --------------------------------------------------------------------------

    def open_project(self, path: str | Path, *, readonly: bool = False) -> None:
        """Close the open project (its queued edits are written first) and open `path`."""
        self.close_project()
        if not _unlocked(self, Path(path)):
            return
        workspace = Workspace(path, self.coder, self.settings, panel=self.panel,
                              viewer=self.viewer, form=self.form, parent=self,
                              readonly=readonly)
        self.workspace = workspace
        workspace.attach_coding_switcher(self.actions.coding_switcher)
        self.undo_group.addStack(workspace.undo_stack)
        self.undo_group.setActiveStack(workspace.undo_stack)
        workspace.opened.connect(lambda _o: self._on_opened(workspace))
        workspace.open_failed.connect(lambda message: self._on_open_failed(workspace, message))
        workspace.case_shown.connect(self._on_case_shown)
        workspace.case_updated.connect(self._on_case_updated)
        workspace.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        workspace.backup_reported.connect(lambda text, ok: report_backup(self, text, ok))
        workspace.store_thread.pending_changed.connect(self._show_saving)
        self._update_title()

    def close_project(self) -> None:
        if self.workspace is None:
            return
        workspace, self.workspace = self.workspace, None
        self.undo_group.removeStack(workspace.undo_stack)
        workspace.close()
        workspace.deleteLater()
        self.panel.clear()
        self.viewer.clear()
        self.form.show_coding(None)
        self.actions.set_project_open(False, False)
        self.blind_coding.project_closed()
        self._update_title()

    def _on_opened(self, workspace: Workspace) -> None:
        self.settings.add_recent_project(workspace.path)
        self.actions.set_project_open(True, False, not workspace.readonly)
        self.blind_coding.project_opened(workspace)
        if workspace.readonly:
            self.saving_label.setText("Read-only")
        self._update_title()

    def _on_open_failed(self, workspace: Workspace, message: str) -> None:
        if workspace is self.workspace:
            self.close_project()
        error = workspace.store_thread.open_exception
        if isinstance(error, ProjectDamaged):
            offer_restore(self, error)
            return
        if isinstance(error, ProjectLocked) and not workspace.readonly:
            answer = QMessageBox.question(
                self, "Project in use", f"{message}\n\nOpen it read-only? You can read and "
                "export, but not change it.",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Open:
                self.open_project(workspace.path, readonly=True)
            return
        QMessageBox.warning(self, "Cannot open project", message)

    def _on_case_shown(self, case: Case) -> None:
        self.actions.set_project_open(True, True, not self.workspace.readonly)
        self.actions.show_status(case.status)
        self._update_title()

    def _on_case_updated(self, case: Case) -> None:
        current = self.workspace.current if self.workspace else None
        if current and current.case.id == case.id:
            self.actions.show_status(case.status)

    def _show_saving(self, pending: int) -> None:
        if self.workspace is not None and self.workspace.readonly:
            self.saving_label.setText("Read-only")
        else:
            self.saving_label.setText("Saving…" if pending else "All changes saved")

    def _update_title(self) -> None:
        parts = ["Casecoder"]
        if self.workspace is not None:
            parts.append(self.workspace.path.name)
            if self.workspace.overview and self.workspace.overview.site:
                parts.append(self.workspace.overview.site)
            if self.workspace.readonly:
                parts.append("read-only")
        self.setWindowTitle(" — ".join(parts))

    # Actions (the flows live in project_flows) ------------------------------------------

    def new_project(self) -> None:
        project_flows.new_project(self)

    def choose_project(self) -> None:
        project_flows.choose_project(self)

    def choose_documents(self) -> None:
        project_flows.choose_documents(self)

    def import_documents(self, paths: list[str], case_id: str | None = None) -> None:
        project_flows.import_documents(self, paths, case_id)

    def new_case(self) -> None:
        project_flows.new_case(self)

    def open_feature(self, feature: Feature) -> None:
        project_flows.open_feature(self, feature)

    def attach_evidence(self) -> None:
        if self.workspace is not None:
            self.workspace.edits.attach_selection()

    def status_chosen(self, status: str, label: str) -> None:
        if self.workspace is not None:
            self.workspace.edits.set_case_status(status, label)

    # Closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout and where work stopped; write every queued edit."""
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_splitter_sizes("main", self.splitter.sizes())
        self.close_project()
        self.settings.sync()
        super().closeEvent(event)


def _unlocked(parent: QWidget, path: Path) -> bool:
    """Ask for an encrypted project's passphrase first (False if the user cancels)."""
    return unlock_project(parent, path)


def _make_viewer() -> QWidget:
    return PdfViewer()


def _make_form() -> QWidget:
    return CodingForm()
