"""Feedback that is true at once (issue 14): section counters follow each answer, a case
moves to in progress on its first edit, page 1 reads "1", a removed quote's mark leaves the
page, and the toolbar does not shift as the Undo text grows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QToolButton

from desktop.cli.common import open_store
from desktop.settings import AppSettings
from tests.gui.demo_window import build_once, demo_copy, on_screen, open_demo, show_case
from tests.gui.helpers import LEFT, wait_idle

NOT_STARTED = "IIR-2023-01"  # the demo case nobody has coded yet
WITH_EVIDENCE = "CSPR-2022-03"


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory):
    return build_once(tmp_path_factory)


@pytest.fixture
def demo(qtbot, tmp_path, monkeypatch, built_demo):
    on_screen(monkeypatch, 1366, 768)
    project = demo_copy(built_demo, tmp_path)
    return open_demo(qtbot, AppSettings(tmp_path / "s.ini"), project), project


def _type_into(qtbot, row, text: str) -> None:
    edit = row.editor.focus_widget()
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _stored_status(project, case_id: str) -> str:
    store = open_store(project, readonly=True)
    try:
        return store.get_case(case_id).status
    finally:
        store.close()


def test_section_counters_follow_each_answer_at_once(qtbot, demo):
    window, _project = demo
    show_case(qtbot, window, NOT_STARTED)
    review = window.form.panels["review"]
    total = len(review.section.fields)
    assert review.count.text() == f"0 of {total} done"
    _type_into(qtbot, review.group.row("local_authority"), "Harbridge")
    assert review.count.text() == f"1 of {total} done"  # before the store has answered
    review.group.row("subject").mark("not_reported")
    assert review.count.text() == f"2 of {total} done"
    review.group.row("subject").clear()
    assert review.count.text() == f"1 of {total} done"
    wait_idle(qtbot, window)
    assert review.count.text() == f"1 of {total} done"


def test_a_repeating_sections_counter_counts_answers_too(qtbot, demo):
    window, _project = demo
    show_case(qtbot, window, NOT_STARTED)
    victims = window.form.panels["victims"]
    assert victims.count.text() == "none yet"
    qtbot.mouseClick(victims.repeat.add_button, LEFT)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: victims.repeat.shown == 1)
    fields = len(victims.section.fields)
    assert victims.count.text() == f"1 item · 0 of {fields} done"
    _type_into(qtbot, victims.repeat.items[0].group.row("pseudonym"), "Mr E")
    assert victims.count.text() == f"1 item · 1 of {fields} done"


def test_the_first_edit_starts_the_case_and_undo_puts_it_back(qtbot, demo):
    window, project = demo
    show_case(qtbot, window, NOT_STARTED)
    case_id = window.workspace.current.case.id
    assert window.actions.status_combo.currentData() == "not_started"
    _type_into(qtbot, window.form.panels["review"].group.row("local_authority"), "Harbridge")
    wait_idle(qtbot, window)
    assert _stored_status(project, case_id) == "in_progress"
    qtbot.waitUntil(lambda: window.actions.status_combo.currentData() == "in_progress")
    row = window.panel.model.row_of(case_id)
    assert window.panel.model.index(row, 5).data() == "In progress"
    # A second edit is an ordinary one: undoing it leaves the case started.
    _type_into(qtbot, window.form.panels["review"].group.row("subject"), "Mr E")
    wait_idle(qtbot, window)
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    assert _stored_status(project, case_id) == "in_progress"
    window.actions.undo.trigger()  # the first edit and the start go back together
    wait_idle(qtbot, window)
    assert _stored_status(project, case_id) == "not_started"
    qtbot.waitUntil(lambda: window.actions.status_combo.currentData() == "not_started")
    assert window.form.panels["review"].group.row("local_authority").state is None


def test_a_case_already_started_keeps_its_status(qtbot, demo):
    window, project = demo
    show_case(qtbot, window, "DHR-2022-01")  # coded
    case_id = window.workspace.current.case.id
    window.form.panels["review"].group.row("summary").mark("not_reported")
    wait_idle(qtbot, window)
    assert _stored_status(project, case_id) == "coded"


def test_page_one_reads_one(qtbot, demo):
    window, _project = demo
    show_case(qtbot, window, WITH_EVIDENCE)
    viewer = window.viewer
    qtbot.waitUntil(lambda: viewer.page_count() > 1)
    viewer.go_to_page(1)
    qtbot.waitUntil(lambda: viewer.current_page() == 1)
    assert viewer.toolbar.page_box.text() == "1"
    viewer.go_to_page(2)
    qtbot.waitUntil(lambda: viewer.toolbar.page_box.text() == "2")
    viewer.go_to_page(1)
    qtbot.waitUntil(lambda: viewer.toolbar.page_box.text() == "1")
    viewer.clear()
    assert viewer.toolbar.page_box.text() == "–"  # no document at all


def _chip_rows(form):
    return [row for panel in form.panels.values() for row in panel.rows()
            if row.chips.chips()]


def _show_quote(qtbot, window, row):
    chip = row.chips.chips()[0]
    qtbot.mouseClick(chip, LEFT)
    qtbot.waitUntil(lambda: window.viewer.current_highlight() is not None, timeout=5000)
    return chip


def test_a_removed_quote_leaves_the_page(qtbot, demo):
    window, _project = demo
    show_case(qtbot, window, WITH_EVIDENCE)
    row = next(r for r in _chip_rows(window.form) if r.field.key == "other_local_authorities")
    chip = _show_quote(qtbot, window, row)
    assert window.viewer.current_highlight()[2] == chip.evidence.quote
    remove = next(b for b in chip.findChildren(QToolButton) if b.text() == "×")
    qtbot.mouseClick(remove, LEFT)
    assert window.viewer.current_highlight() is None  # at once, with the chip
    wait_idle(qtbot, window)
    assert window.viewer.current_highlight() is None
    assert row.chips.chips() == []


def test_a_quote_goes_from_the_page_with_its_item(qtbot, demo):
    window, _project = demo
    show_case(qtbot, window, WITH_EVIDENCE)
    victims = window.form.panels["victims"]
    item = next(i for i in victims.repeat.visible_items()
                if any(r.chips.chips() for r in i.group.rows.values()))
    row = next(r for r in item.group.rows.values() if r.chips.chips())
    _show_quote(qtbot, window, row)
    qtbot.mouseClick(item.remove, LEFT)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.viewer.current_highlight() is None)
    window.actions.undo.trigger()  # the item comes back; its quote is not shown marked
    wait_idle(qtbot, window)
    assert window.viewer.current_highlight() is None


def test_the_toolbar_does_not_shift_as_the_undo_text_grows(qtbot, demo):
    window, _project = demo
    show_case(qtbot, window, NOT_STARTED)
    toolbar = window.actions.toolbar
    attach = toolbar.widgetForAction(window.actions.attach)
    before = attach.mapTo(toolbar, attach.rect().topLeft())
    row = window.form.panels["review"].group.row("other_local_authorities")
    _type_into(qtbot, row, "Eastwold and a long list of neighbouring boroughs")
    wait_idle(qtbot, window)
    assert window.actions.undo.isEnabled()
    assert len(window.actions.undo.text()) > len("&Undo ")
    undo_button = next(b for b in toolbar.findChildren(QToolButton) if b.text() == "Undo")
    assert undo_button.isEnabled()
    assert "Other local authorities" in undo_button.toolTip()
    assert attach.mapTo(toolbar, attach.rect().topLeft()) == before
    qtbot.mouseClick(undo_button, LEFT)
    wait_idle(qtbot, window)
    assert row.state is None
