"""The demo project in a main window on a pretend screen, for the fit and feedback tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QRect

from desktop import layout_fit
from desktop.demo.build import build_demo
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from tests.gui.helpers import CODER, activate, wait_idle


def demo_copy(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of a demo project built once per module."""
    target = tmp_path / "demo.casecoder"
    shutil.copy(built, target)
    return target


def build_once(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.casecoder")


def on_screen(monkeypatch, width: int, height: int) -> QRect:
    """Make the window believe its screen's free area is width × height."""
    area = QRect(0, 0, width, height)
    monkeypatch.setattr(layout_fit, "available_area", lambda _window: area)
    return area


def open_demo(qtbot, settings: AppSettings, project: Path) -> MainWindow:
    """The window as the app opens it (no resizing by the test), on the demo project."""
    window = MainWindow(settings, CODER)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    window.open_project(project)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current is not None, timeout=10000)
    wait_idle(qtbot, window)
    return window


def show_case(qtbot, window: MainWindow, reference: str) -> None:
    case = next(c for c in window.workspace.overview.cases if c.reference == reference)
    window.panel.select_case(case.id)
    qtbot.waitUntil(lambda: window.workspace.current is not None
                    and window.workspace.current.case.id == case.id, timeout=10000)
    wait_idle(qtbot, window)
