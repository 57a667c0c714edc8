"""Choosing a file that is not a project in the window refuses it with one line and keeps the
project that was open, with its case on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from desktop.project import flows
from desktop.settings import AppSettings
from schema.opening import open_store
from tests.gui.helpers import open_window, wait_idle


def test_opening_a_non_project_keeps_the_current_project(qtbot, tmp_path, project_path,
                                                         monkeypatch):
    store = open_store(project_path, coder="A. Analyst")
    store.create_case("SAR-2020-03", "SAR", title="Mr P")
    store.close()
    window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    window.open_project(project_path)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current is not None, timeout=10000)
    wait_idle(qtbot, window)
    workspace = window.workspace
    minutes = tmp_path / "minutes.docx"
    minutes.write_bytes(b"PK\x03\x04 a word-processor file, not a project" * 20)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(minutes), "All files (*)"))
    window.actions.open_project.trigger()
    [box] = [b for b in window.findChildren(flows.QMessageBox) if b.isVisible()]
    assert "\n" not in box.text()
    assert f"{minutes} is not a Casecoder project" in box.text()
    assert f"{project_path.name} is still open" in box.text()
    assert window.workspace is workspace and workspace.current.case.reference == "SAR-2020-03"
    assert window.actions.new_case.isEnabled()
    assert project_path.name in window.windowTitle()
    box.close()
    folder = flows.open_chosen(window, tmp_path)
    assert "is a folder" in folder.text() and window.workspace is workspace
    folder.close()
    window.close()
