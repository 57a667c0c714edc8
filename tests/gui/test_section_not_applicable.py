"""Marking a repeating section not applicable in the window: the button, the banner, the
section count, the disabled Add, the refusal while items hold answers, and undo/redo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.cli.common import open_store
from desktop.settings import AppSettings
from tests.gui.helpers import open_window, wait_idle


def _open_case(qtbot, tmp_path, project_path):
    store = open_store(project_path)
    try:
        case = store.create_case("DHR-09", "DHR", title="Adult S")
    finally:
        store.close()
    window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    window.open_project(project_path)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current is not None, timeout=10000)
    return window, case.id


def _stored_states(project_path, coding_id: str) -> dict[str, str]:
    store = open_store(project_path, readonly=True)
    try:
        return store.section_states(coding_id)
    finally:
        store.close()


def test_the_button_marks_the_section_and_undo_takes_the_mark_back(qtbot, tmp_path,
                                                                   project_path):
    window, _case = _open_case(qtbot, tmp_path, project_path)
    panel = window.form.panels["perpetrators"]
    group = panel.repeat
    assert group.na_button.isVisible() and group.add_button.isEnabled()
    assert not group.na_banner.isVisible()
    qtbot.mouseClick(group.na_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    coding_id = window.workspace.current.coding.id
    assert _stored_states(project_path, coding_id) == {"perpetrators": "not_applicable"}
    assert group.na_banner.isVisible() and group.na_banner.text() == \
        "Not applicable for this case"
    assert not group.add_button.isEnabled() and group.na_button.isChecked()
    assert not group.empty.isVisible()
    assert "done" in panel.count.text() and "not applicable" in panel.count.text()

    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    assert _stored_states(project_path, coding_id) == {}
    assert not group.na_banner.isVisible() and group.add_button.isEnabled()
    assert not group.na_button.isChecked() and panel.count.text() == "none yet"

    window.actions.redo.trigger()
    wait_idle(qtbot, window)
    assert _stored_states(project_path, coding_id) == {"perpetrators": "not_applicable"}
    assert group.na_banner.isVisible()

    qtbot.mouseClick(group.na_button, Qt.MouseButton.LeftButton)  # applies after all
    wait_idle(qtbot, window)
    assert _stored_states(project_path, coding_id) == {}
    assert group.add_button.isEnabled()
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    assert _stored_states(project_path, coding_id) == {"perpetrators": "not_applicable"}
    assert not group.add_button.isEnabled()


def test_the_toggle_waits_until_the_items_hold_nothing_and_the_store_refuses_too(
        qtbot, tmp_path, project_path):
    window, _case = _open_case(qtbot, tmp_path, project_path)
    group = window.form.panels["perpetrators"].repeat
    qtbot.mouseClick(group.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert group.na_button.isEnabled()  # an empty item goes with the mark
    item = window.workspace.current.snapshot.section_entities("perpetrators")[0].id
    combo = window.form.row_for(item, "gender").editor._combo
    combo.setCurrentIndex(combo.findData("male"))
    combo.activated.emit(combo.currentIndex())  # as a person picks it
    wait_idle(qtbot, window)
    assert not group.na_button.isEnabled()
    assert "remove its items first" in group.na_button.toolTip()
    window.form.section_state_requested.emit("perpetrators", True)  # as a stale click would
    wait_idle(qtbot, window)
    assert "Not saved" in window.statusBar().currentMessage()
    assert "remove it first" in window.statusBar().currentMessage()
    assert _stored_states(project_path, window.workspace.current.coding.id) == {}
    assert not group.na_button.isChecked() and not group.na_banner.isVisible()
    assert window.form.row_for(item, "gender").value() == "male"
    window.form.focus_field(item, "gender")
    window.form.clear_field()
    wait_idle(qtbot, window)
    assert group.na_button.isEnabled()


def test_an_empty_item_goes_with_the_mark_and_returns_on_undo(qtbot, tmp_path, project_path):
    window, _case = _open_case(qtbot, tmp_path, project_path)
    group = window.form.panels["perpetrators"].repeat
    qtbot.mouseClick(group.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    item = window.workspace.current.snapshot.section_entities("perpetrators")[0].id
    qtbot.mouseClick(group.na_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.workspace.current.snapshot.section_entities("perpetrators") == []
    assert group.shown == 0 and group.na_banner.isVisible()
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    assert [e.id for e in window.workspace.current.snapshot.section_entities(
        "perpetrators")] == [item]
    assert group.shown == 1 and not group.na_banner.isVisible()
