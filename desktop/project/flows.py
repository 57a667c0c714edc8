"""What the Project menu does: new and open project, import documents, new case, and the
dialogs other features provide. Each flow is a dialog (opened non-modally with `open()`, so
tests and users drive the same widgets) followed by background work.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.coding.case_loading import read_overview
from desktop.coding.new_case_dialog import NewCaseDialog
from desktop.documents import import_flow
from desktop.project.new_project_dialog import NewProjectDialog
from desktop.workers import start_task
from schema.errors import ProjectDamaged, ProjectError
from schema.project import PROJECT_SUFFIX, is_encrypted

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from desktop.window_actions import Feature


def _folder(window: MainWindow) -> str:
    last = window.settings.last_project()
    return str(Path(last).parent) if last else str(Path.home())


def new_project(window: MainWindow) -> NewProjectDialog:
    dialog = NewProjectDialog(window, folder=_folder(window))

    def create() -> None:
        path, site = dialog.project_path(), dialog.site()

        def work(_progress) -> Path:
            from schema.codebook_loader import load_codebook
            from schema.project import create_project
            from schema.resources import default_codebook_path

            book = load_codebook(default_codebook_path())
            create_project(path, site=site, coder=window.coder, codebook=book).conn.close()
            return path
        start_task(work, on_success=window.open_project,
                   on_failure=lambda m: QMessageBox.warning(window, "Project not created", m))
    dialog.accepted.connect(create)
    dialog.open()
    return dialog


def choose_project(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Open project", _folder(window),
                                          f"Casecoder projects (*{PROJECT_SUFFIX});;"
                                          "All files (*)")
    if path:
        open_chosen(window, path)


def open_chosen(window: MainWindow, path: str | Path) -> QMessageBox | None:
    """Open a project the user chose; a file that is not a project is refused with one line,
    and the project already open stays open (the box saying so is returned)."""
    try:
        is_encrypted(path)  # reads the file's header only: quick, and says what is wrong
    except ProjectDamaged:
        pass  # opening it offers the newest good backup
    except ProjectError as exc:
        reason = str(exc).replace("with 'new'", "with Project ▸ New project")  # the window's way
        kept = (f" {window.workspace.path.name} is still open." if window.workspace else "")
        box = QMessageBox(QMessageBox.Icon.Warning, "Project not opened",
                          f"{reason}{kept}", QMessageBox.StandardButton.Ok, window)
        box.open()
        return box
    window.open_project(path)
    return None


def choose_documents(window: MainWindow) -> None:
    """Choose PDFs, then say which case they belong to (desktop.documents.import_flow)."""
    import_flow.choose_documents(window, _folder(window))


def import_documents(window: MainWindow, paths: list[str], case_id: str | None) -> None:
    import_flow.import_documents(window, paths, case_id)


def new_case(window: MainWindow) -> None:
    """Read the project's documents afresh, then ask for the case (see `_ask_for_case`)."""
    workspace = window.workspace
    if workspace is None:
        return
    workspace.store_thread.submit(read_overview, partial(_ask_for_case, window, workspace),
                                  workspace.message.emit)


def _ask_for_case(window: MainWindow, workspace, overview) -> NewCaseDialog | None:
    if window.workspace is not workspace:
        return None
    workspace.overview = overview
    dialog = NewCaseDialog(overview.codebook, overview.documents,
                           checked=set(getattr(window, "last_imported", []) or []),
                           taken={c.reference for c in overview.cases}, parent=window)

    def create() -> None:
        def done(case) -> None:
            window.last_imported = []
            workspace.reload_cases(select=case.id)
        values = dialog.values()
        workspace.store_thread.submit(lambda store: store.create_case_with_documents(**values),
                                      done, lambda m: QMessageBox.warning(
                                          window, "Case not created", m))
    dialog.accepted.connect(create)
    dialog.open()
    return dialog


def open_feature(window: MainWindow, feature: Feature) -> None:
    """Open a feature's dialog on the current project (and case, if it needs one)."""
    workspace = window.workspace
    if workspace is None:
        return
    path = workspace.path
    if feature.closes_project:  # the project must be closed while its file is replaced
        window.close_project()
        feature.show(window, path)
        window.open_project(path)
        return
    if feature.needs_case:
        if workspace.current is None:
            window.statusBar().showMessage("Open a case first.", 8000)
            return
        feature.show(window, workspace.store_thread, workspace.current.case.id)
    else:
        feature.show(window, workspace.store_thread)
    # Merges and reconciliation may have changed cases.
    if window.workspace is workspace and not feature.refreshes_itself:
        current = workspace.current
        workspace.reload_cases()
        if current is not None:
            workspace.show_case(current.case.id)
