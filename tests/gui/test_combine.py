"""Tools → Combine with another case, in the real window: look-alikes listed first, combine,
undo with Ctrl+Z, and record "not the same review"."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.combine.dialog import CombineDialog
from desktop.settings import AppSettings
from schema.merge import merge_projects
from tests.gui.helpers import click_button, open_window, wait_dialog, wait_idle
from tests.merge.review_copies import CaseSpec, build_site, draft


@pytest.fixture(scope="module")
def region_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("combine-gui")
    a = build_site(folder / "a.casecoder", "Harbridge", "ana", [CaseSpec("SAR-2023-02")])
    c = build_site(folder / "c.casecoder", "Northfold", "cal",
                   [CaseSpec("NF-SAR-DRAFT", change=draft)])
    target = folder / "region.casecoder"
    merge_projects(target, [a, c], actor="lead")
    return target


@pytest.fixture
def window(qtbot, tmp_path, region_file):
    project = tmp_path / "region.casecoder"
    project.write_bytes(region_file.read_bytes())
    window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    window.open_project(project)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace.current is not None)
    return window


def _references(window) -> list[str]:
    return sorted(c.reference for c in window.workspace.overview.cases)


def _open_dialog(qtbot, window) -> CombineDialog:
    window.actions.features["combine"].trigger()
    dialog = wait_dialog(qtbot, window, CombineDialog)
    qtbot.waitUntil(lambda: dialog.case is not None)
    return dialog


def test_combine_then_undo_in_the_window(qtbot, window):
    shown = window.workspace.current.case.reference
    dialog = _open_dialog(qtbot, window)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 5).text().startswith("text ")  # listed as a look-alike
    assert dialog.chosen() is not None  # and chosen already
    other = dialog.chosen().reference
    dialog.keep_other.setChecked(True)
    click_button(qtbot, dialog, "Combine")
    qtbot.waitUntil(lambda: len(window.workspace.overview.cases) == 1, timeout=10000)
    assert _references(window) == [other]
    qtbot.waitUntil(lambda: window.workspace.current.case.reference == other)
    window.actions.undo.trigger()
    qtbot.waitUntil(lambda: len(window.workspace.overview.cases) == 2, timeout=10000)
    assert _references(window) == sorted([shown, other])
    window.actions.redo.trigger()
    qtbot.waitUntil(lambda: len(window.workspace.overview.cases) == 1, timeout=10000)


def test_not_the_same_review_is_recorded(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    dialog = _open_dialog(qtbot, window)
    click_button(qtbot, dialog, "Not the same review")
    qtbot.waitUntil(lambda: "different review" in dialog.heading.text())
    assert dialog.table.item(0, 5).text() == ""
    dialog.reject()
    found = []
    window.workspace.store_thread.submit(lambda store: store.same_review_candidates(),
                                         found.append)
    qtbot.waitUntil(lambda: found == [[]])
    wait_idle(qtbot, window)
    assert _references(window) == ["NF-SAR-DRAFT", "SAR-2023-02"]
