"""Driving the main window in GUI tests: open it, wait for the store thread, find dialogs."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QDialog, QPushButton

from desktop.main_window import MainWindow
from desktop.settings import AppSettings

CODER = "A. Analyst"
LEFT = Qt.MouseButton.LeftButton


def open_window(qtbot, settings: AppSettings) -> MainWindow:
    window = MainWindow(settings, CODER)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def activate(qtbot, window: MainWindow) -> None:
    """Shortcuts act only in the active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def wait_idle(qtbot, window: MainWindow, timeout: int = 10000) -> None:
    """Until every queued database call has run and its result reached the GUI."""
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.store_thread.is_idle(), timeout=timeout)


def wait_dialog(qtbot, window: MainWindow, kind: type[QDialog],
                timeout: int = 5000) -> QDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(kind)),
                    timeout=timeout)
    return next(d for d in window.findChildren(kind) if d.isVisible())


def click_button(qtbot, parent, text: str) -> None:
    button = next(b for b in parent.findChildren(QPushButton)
                  if b.text() == text and b.isVisible())
    qtbot.mouseClick(button, LEFT)


def drag_over_line(qtbot, viewer, line) -> None:
    """Select one generated line of the shown PDF with a mouse drag, as a reader would."""
    canvas = viewer.canvas
    box = QRectF(line.x0, line.top, line.x1 - line.x0, line.bottom - line.top)
    on_screen = canvas.page_layout().to_pixels(line.page - 1, box).translated(
        -canvas.scroll_offset())
    y = on_screen.center().y()
    start = QPointF(on_screen.left() - 2, y).toPoint()
    end = QPointF(on_screen.right() + 2, y).toPoint()
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, LEFT, pos=start)
    qtbot.mouseMove(viewport, (start + end) / 2)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, LEFT, pos=end)


def point(x: float, y: float) -> QPoint:
    return QPointF(x, y).toPoint()
