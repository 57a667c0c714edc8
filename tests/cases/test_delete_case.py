"""Deleting a case: confirmed with what goes, audited, documents kept, window moves on."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from schema.errors import NotFoundError
from tests.cases.conftest import read
from tests.gui.helpers import wait_dialog, wait_idle


def _confirmation(qtbot, window) -> QMessageBox:
    window.actions.delete_case.trigger()
    return wait_dialog(qtbot, window, QMessageBox)


def _exists(two_cases, case_id) -> bool:
    def look(store) -> bool:
        try:
            store.get_case(case_id)
        except NotFoundError:
            return False
        return True
    return read(two_cases.path, look)


def test_the_confirmation_says_what_will_be_removed(qtbot, window, two_cases):
    box = _confirmation(qtbot, window)
    text = box.text()
    assert text.startswith("Delete case DHR-01?")
    assert ("This removes 2 codings, 1 answer, 1 piece of evidence, 2 document links."
            in text)
    assert "Codings: A. Analyst (primary); B. Second (second)." in text
    assert "Documents unlinked (they stay in the project): overview.pdf, summary.pdf." in text
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_idle(qtbot, window)
    assert _exists(two_cases, two_cases.first)
    assert window.workspace.current.case.id == two_cases.first


def test_confirmed_delete_removes_the_case_and_keeps_the_documents(qtbot, window, two_cases):
    window.form.answer_edited.emit(
        window.workspace.current.snapshot.section_entities("review")[0].id, "summary",
        "answered", "A short summary.")
    wait_idle(qtbot, window)
    assert window.workspace.undo_stack.count() == 1
    box = _confirmation(qtbot, window)
    next(b for b in box.buttons() if b.text() == "Delete case").click()
    qtbot.waitUntil(lambda: window.workspace.current is not None
                    and window.workspace.current.case.id == two_cases.second, timeout=10000)
    wait_idle(qtbot, window)
    assert not _exists(two_cases, two_cases.first)
    assert window.panel.model.row_of(two_cases.first) is None
    assert window.panel.model.rowCount() == 1
    assert window.workspace.undo_stack.count() == 0  # nothing left that points at the case
    assert read(two_cases.path, lambda s: len(s.documents())) == 2
    entries = read(two_cases.path, lambda s: s.audit_entries(action="delete"))
    deleted = [e for e in entries if e.table_name == "cases"]
    assert deleted[-1].summary == ("case DHR-01 (2 codings, 2 answers, 1 piece of evidence, "
                                   "2 document links)")
    assert "deleted" in window.statusBar().currentMessage()


def test_deleting_the_last_case_leaves_an_empty_form(qtbot, window, two_cases):
    for _ in range(2):
        box = _confirmation(qtbot, window)
        next(b for b in box.buttons() if b.text() == "Delete case").click()
        wait_idle(qtbot, window)
        qtbot.waitUntil(lambda shown=box: not shown.isVisible())
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 0, timeout=10000)
    assert window.workspace.current is None
    assert not window.actions.delete_case.isEnabled()
    assert not window.actions.edit_case.isEnabled()
