"""Undoable edits through the window: case status, entity moves and removal, and undo that
reaches back into another case (which is opened to show the change)."""

from __future__ import annotations

from desktop.cli.common import open_store
from desktop.settings import AppSettings
from tests.gui.helpers import open_window, wait_idle


def _two_cases(project_path) -> tuple[str, str]:
    store = open_store(project_path)
    try:
        first = store.create_case("DHR-01", "DHR", title="Adult A")
        second = store.create_case("SAR-02", "SAR", title="Adult B")
        return first.id, second.id
    finally:
        store.close()


def _open(qtbot, tmp_path, project_path):
    window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    window.open_project(project_path)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current is not None, timeout=10000)
    return window


def _status(project_path, case_id: str) -> str:
    store = open_store(project_path, readonly=True)
    try:
        return store.get_case(case_id).status
    finally:
        store.close()


def test_case_status_is_saved_shown_and_undone(qtbot, tmp_path, project_path):
    first, _second = _two_cases(project_path)
    window = _open(qtbot, tmp_path, project_path)
    assert window.workspace.current.case.id == first
    combo = window.actions.status_combo
    combo.setCurrentIndex(combo.findData("coded"))
    combo.activated.emit(combo.currentIndex())
    wait_idle(qtbot, window)
    assert _status(project_path, first) == "coded"
    row = window.panel.model.row_of(first)
    assert window.panel.model.index(row, 5).data() == "Coded"
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    assert _status(project_path, first) == "not_started"
    assert combo.currentData() == "not_started"


def test_undo_in_another_case_opens_that_case(qtbot, tmp_path, project_path):
    first, second = _two_cases(project_path)
    window = _open(qtbot, tmp_path, project_path)
    window.form.entity_add_requested.emit("victims")  # as the Add victim button does
    wait_idle(qtbot, window)
    victim = window.workspace.current.snapshot.section_entities("victims")[0].id
    window.form.answer_edited.emit(victim, "age", "answered", 34)
    wait_idle(qtbot, window)
    window.actions.next_case.trigger()
    qtbot.waitUntil(lambda: window.workspace.current.case.id == second)
    window.actions.undo.trigger()  # undoes the age in the first case
    qtbot.waitUntil(lambda: window.workspace.current.case.id == first)
    wait_idle(qtbot, window)
    assert window.form.row_for(victim, "age").state is None
    window.actions.undo.trigger()  # and the victim itself
    wait_idle(qtbot, window)
    assert window.workspace.current.snapshot.section_entities("victims") == []
    window.actions.redo.trigger()
    window.actions.redo.trigger()
    wait_idle(qtbot, window)
    assert window.form.row_for(victim, "age").value() == 34


def test_a_refused_value_is_reported_and_the_form_shows_what_is_stored(qtbot, tmp_path,
                                                                       project_path):
    _two_cases(project_path)
    window = _open(qtbot, tmp_path, project_path)
    window.form.entity_add_requested.emit("victims")
    wait_idle(qtbot, window)
    victim = window.workspace.current.snapshot.section_entities("victims")[0].id
    window.form.answer_edited.emit(victim, "age", "answered", 300)
    wait_idle(qtbot, window)
    assert "Not saved" in window.statusBar().currentMessage()
    assert "0 to 120" in window.statusBar().currentMessage()
    assert window.form.row_for(victim, "age").state is None


def test_undo_after_switching_coding_shows_the_coding_it_changed(qtbot, tmp_path,
                                                                  project_path):
    first, _second = _two_cases(project_path)
    window = _open(qtbot, tmp_path, project_path)
    mine = window.workspace.current.coding.id
    window.form.entity_add_requested.emit("victims")
    wait_idle(qtbot, window)
    victim = window.workspace.current.snapshot.section_entities("victims")[0].id
    window.form.answer_edited.emit(victim, "age", "answered", 34)
    wait_idle(qtbot, window)
    store = open_store(project_path)
    try:
        other = store.add_coding(first, coder="B. Coder", kind="second").id
    finally:
        store.close()
    window.workspace.show_coding(other)
    qtbot.waitUntil(lambda: window.workspace.current.coding.id == other)
    window.actions.undo.trigger()  # undoes the age in the first coding
    qtbot.waitUntil(lambda: window.workspace.current.coding.id == mine)
    wait_idle(qtbot, window)
    assert window.form.row_for(victim, "age").state is None
