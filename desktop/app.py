"""Start the desktop app: QApplication set-up, the coder's name, then the main window on the
project asked for, else the last one, else the demo (built in the background on first run)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.demo.build import build_demo, default_demo_path
from desktop.main_window import MainWindow
from desktop.project.coder_name_dialog import CoderNameDialog
from desktop.settings import AppSettings
from desktop.workers import start_task_with_dialog
from schema.opening import default_coder

STYLE = """
QSplitter::handle { background: #d8dce2; }
QSplitter::handle:horizontal { width: 5px; }
QTableView#caseTable { selection-background-color: #cfe3f7; selection-color: #111; }
QLabel#caseCount { color: #5f6670; }
QToolBar#mainToolbar { spacing: 4px; padding: 2px 4px; }
QStatusBar QLabel { color: #5f6670; padding: 0 8px; }
"""


def set_up_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Casecoder")
    app.setOrganizationName("Casecoder")
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
    return app


def coder_name(settings: AppSettings) -> str:
    """The name recorded against edits: asked for once, then kept in settings."""
    name = settings.coder_name()
    if name:
        return name
    dialog = CoderNameDialog(name=default_coder())
    if dialog.exec() and dialog.name():
        settings.set_coder_name(dialog.name())
        settings.sync()
        return dialog.name()
    return default_coder()  # asked again next time


def demo_path() -> Path:
    return default_demo_path()


def open_demo(window: MainWindow) -> None:
    """Open the demo project, building it first (in the background) if there is none."""
    path = demo_path()
    if path.exists():
        window.open_project(path)
        return

    def work(progress) -> Path:
        return build_demo(path, progress=progress)

    window.demo_task = start_task_with_dialog(
        window, "Building the demo project", work, on_success=window.open_project,
        on_failure=lambda message: QMessageBox.warning(
            window, "Demo not built", f"The demo project could not be built: {message}"))


def create_main_window(project: str | Path | None, settings: AppSettings | None = None,
                       coder: str | None = None) -> MainWindow:
    """The main window on `project` (or none), without asking anything: the coder is the one
    in settings, else the system user. For scripts and tests; `run_app` asks first."""
    set_up_application()
    settings = settings or AppSettings()
    window = MainWindow(settings, coder or settings.coder_name() or default_coder())
    if project:
        window.open_project(project)
    return window


def run_app(project: str | None, settings: AppSettings | None = None) -> int:
    app = set_up_application()
    settings = settings or AppSettings()
    target = project or settings.last_project()
    window = create_main_window(None, settings, coder_name(settings))
    window.show()
    if target:
        window.open_project(target)
    else:
        open_demo(window)
    return app.exec()
