"""The Help menu: the guide opens offline on F1, the shortcuts come from the window's own
actions, About names the versions and the project file, and the diagnostics copied to the
clipboard hold versions and paths but nothing from any case."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication

from desktop.cli.version import casecoder_version
from desktop.help.guide import GUIDE, GuideDialog
from desktop.settings import AppSettings
from schema.migrations import latest_version
from schema.opening import open_store
from tests.gui.helpers import open_window, wait_idle

REFERENCE, TITLE, QUOTE = "DHR-2099-77", "Adult Quillon", "argued on the stairwell at dawn"
SECTIONS = ("The window", "Coding with evidence", "Not reported is not", "Keyboard shortcuts",
            "Tables and the learning brief", "Merging and reconciliation",
            "Backups and encryption", "The command line")


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    yield window
    window.close()


@pytest.fixture
def project_with_case(project_path):
    """A project holding one case whose reference, title, answer and quote must never leak."""
    store = open_store(project_path, coder="A. Analyst")
    case = store.create_case(REFERENCE, "DHR", title=TITLE)
    coding = store.add_coding(case.id)
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "gender", "female")
    store.attach_evidence(victim.id, "gender", document_id=None, page=3, quote=QUOTE)
    store.close()
    return project_path


def _open(qtbot, window, path) -> None:
    window.open_project(path)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current is not None, timeout=10000)
    wait_idle(qtbot, window)


def test_f1_opens_the_guide_with_every_section(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(GuideDialog)))
    guide = window.help_menu.guide_dialog
    text = guide.browser.toPlainText()
    for section in SECTIONS:
        assert section in text
    assert "Ctrl+Shift+N" in text
    assert window.help_menu.show_guide() is guide  # F1 again raises the same window


def test_the_guide_is_offline_and_its_contents_links_move_within_it(qtbot, window):
    html = GUIDE.read_text(encoding="utf-8")
    links = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert links and all(link.startswith("#") for link in links)
    anchors = set(re.findall(r'<a name="([^"]+)"', html))
    assert {link[1:] for link in links} <= anchors
    guide = window.help_menu.show_guide()
    qtbot.waitExposed(guide)
    bar = guide.browser.verticalScrollBar()
    assert bar.value() == 0
    guide.browser.anchorClicked.emit(QUrl("#command-line"))
    assert bar.value() > 0
    guide.browser.anchorClicked.emit(QUrl("https://example.org/"))
    assert "Not opened" in guide.note.text()
    assert "Casecoder user guide" in guide.browser.toPlainText()  # still the guide


def test_shortcuts_list_what_the_window_really_binds(qtbot, window):
    dialog = window.help_menu.show_shortcuts()
    rows = dict(dialog.rows())
    assert rows["Attach selected text as evidence"] == "Ctrl+E"
    assert rows["User guide"] == "F1"
    assert rows["Mark field not reported"] == "Ctrl+Shift+N"
    assert rows["Next case"] == "Ctrl+]"
    window.actions.attach.setShortcut("Ctrl+Alt+E")  # the list follows the actions
    assert dict(window.help_menu.show_shortcuts().rows())[
        "Attach selected text as evidence"] == "Ctrl+Alt+E"


def test_about_shows_versions_codebook_schema_and_the_project_file(qtbot, window,
                                                                  project_with_case, codebook):
    _open(qtbot, window, project_with_case)
    about = window.help_menu.show_about()
    qtbot.waitUntil(lambda: about.value("Project file") == str(project_with_case))
    assert about.value("Casecoder") == f"{casecoder_version()} (MIT licence)"
    assert about.value("Codebook").startswith(f"{codebook.id} version {codebook.version}")
    assert about.value("Schema version (project)") == str(latest_version())
    assert about.value("Backups folder") == f"{project_with_case}.backups"
    assert about.value("PySide6 / Qt")


def test_about_without_a_project_says_none_is_open(qtbot, window):
    about = window.help_menu.show_about()
    assert about.value("Project") == "none open"
    assert about.value("Casecoder").startswith(casecoder_version())


def test_diagnostics_hold_versions_and_paths_but_no_case_data(qtbot, window,
                                                             project_with_case):
    _open(qtbot, window, project_with_case)
    assert window.workspace.current.case.reference == REFERENCE  # the case is on screen
    QGuiApplication.clipboard().clear()
    window.help_menu.diagnostics.trigger()
    qtbot.waitUntil(lambda: "Casecoder diagnostics" in QGuiApplication.clipboard().text())
    text = QGuiApplication.clipboard().text()
    assert casecoder_version() in text
    assert str(project_with_case) in text
    assert f"{project_with_case}.backups" in text
    assert "Operating system" in text and "Python" in text
    for secret in (REFERENCE, TITLE, QUOTE, "female", "A. Analyst", "Lambeth"):
        assert secret not in text
    assert "no case data" in window.statusBar().currentMessage()
