"""The case editor: details and document links saved as one undoable edit, audited."""

from __future__ import annotations

from desktop.cases.editor_dialog import CaseEditorDialog
from tests.cases.conftest import read
from tests.gui.helpers import click_button, wait_dialog, wait_idle


def _editor(qtbot, window) -> CaseEditorDialog:
    window.actions.edit_case.trigger()
    return wait_dialog(qtbot, window, CaseEditorDialog)


def _case(two_cases, case_id):
    return read(two_cases.path, lambda store: store.get_case(case_id))


def _linked(two_cases, case_id) -> list[str]:
    return read(two_cases.path, lambda store: [d.id for d in store.case_documents(case_id)])


def _shown(window) -> list[str]:
    """The documents the window offers for the open case (the viewer's switcher)."""
    return [d.id for d in window.workspace.current.documents]


def test_editing_details_is_saved_shown_and_undone(qtbot, window, two_cases):
    dialog = _editor(qtbot, window)
    assert dialog.reference_edit.text() == "DHR-01" and dialog.year_spin.value() == 2019
    dialog.reference_edit.setText("DHR-2019-01")
    dialog.title_edit.setText("Review into the death of Adult A")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("JOINT"))
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("adult_family"))
    dialog.site_edit.setText("Croydon")
    dialog.year_spin.setValue(2020)
    dialog.notes_edit.setPlainText("Joint review with the SAB.")
    click_button(qtbot, dialog, "Save changes")
    wait_idle(qtbot, window)
    case = _case(two_cases, two_cases.first)
    assert (case.reference, case.title, case.review_type, case.category, case.site,
            case.publication_year, case.notes) == (
        "DHR-2019-01", "Review into the death of Adult A", "JOINT", "adult_family", "Croydon",
        2020, "Joint review with the SAB.")
    row = window.panel.model.row_of(two_cases.first)
    assert window.panel.model.index(row, 0).data() == "DHR-2019-01"
    assert window.actions.undo.text() == "&Undo Edit case DHR-01"
    entries = read(two_cases.path, lambda s: s.audit_entries(case_id=two_cases.first))
    assert any(e.action == "update" and e.table_name == "cases" for e in entries)
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    case = _case(two_cases, two_cases.first)
    assert (case.reference, case.category, case.site, case.publication_year, case.notes) == (
        "DHR-01", "intimate_partner", "Lambeth", 2019, "")
    assert window.panel.model.index(row, 0).data() == "DHR-01"
    window.actions.redo.trigger()
    wait_idle(qtbot, window)
    assert _case(two_cases, two_cases.first).reference == "DHR-2019-01"


def test_a_reference_another_case_has_is_refused_and_nothing_changes(qtbot, window,
                                                                     two_cases):
    dialog = _editor(qtbot, window)
    dialog.reference_edit.setText("sar-02")
    click_button(qtbot, dialog, "Save changes")
    assert dialog.isVisible()
    assert dialog.problem.text() == "Another case already has the reference sar-02."
    dialog.reject()
    wait_idle(qtbot, window)
    assert _case(two_cases, two_cases.first).reference == "DHR-01"
    assert window.workspace.undo_stack.count() == 0


def test_unlinking_a_document_is_undoable_and_the_viewer_follows(qtbot, window, two_cases):
    assert _shown(window) == [two_cases.overview,
                                                         two_cases.summary]
    dialog = _editor(qtbot, window)
    assert dialog.linked.count() == 2 and not dialog.link_button.isEnabled()
    dialog.linked.setCurrentRow(0)
    click_button(qtbot, dialog, "Unlink")
    assert dialog.linked_ids() == [two_cases.summary]
    assert dialog.link_combo.currentData() == two_cases.overview  # may be linked back
    click_button(qtbot, dialog, "Save changes")
    wait_idle(qtbot, window)
    assert _linked(two_cases, two_cases.first) == [two_cases.summary]
    assert read(two_cases.path, lambda s: len(s.documents())) == 2  # still in the project
    qtbot.waitUntil(lambda: _shown(window) == [two_cases.summary])
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    assert _linked(two_cases, two_cases.first) == [two_cases.overview, two_cases.summary]
    qtbot.waitUntil(lambda: len(_shown(window)) == 2)


def test_moving_a_document_to_another_case(qtbot, window, two_cases):
    """A document belongs to one case: the editor offers one held elsewhere only once it has
    been unlinked there; each step is undoable."""
    first = _editor(qtbot, window)
    first.linked.setCurrentRow(1)
    click_button(qtbot, first, "Unlink")
    click_button(qtbot, first, "Save changes")
    wait_idle(qtbot, window)
    window.actions.next_case.trigger()
    qtbot.waitUntil(lambda: window.workspace.current.case.id == two_cases.second)
    dialog = _editor(qtbot, window)
    assert dialog.linked.count() == 0
    labels = [dialog.link_combo.itemText(i) for i in range(dialog.link_combo.count())]
    assert labels == ["overview.pdf (in DHR-01: unlink it there first)",
                      "summary.pdf (in no case)"]
    assert not dialog.link_combo.model().item(0).isEnabled()
    dialog.link_combo.setCurrentIndex(1)
    click_button(qtbot, dialog, "Link")
    assert dialog.linked_ids() == [two_cases.summary], window.statusBar().currentMessage()
    click_button(qtbot, dialog, "Save changes")
    wait_idle(qtbot, window)
    assert _linked(two_cases, two_cases.second) == [two_cases.summary]
    assert _linked(two_cases, two_cases.first) == [two_cases.overview]
    qtbot.waitUntil(lambda: _shown(window) == [two_cases.summary])
    entries = read(two_cases.path, lambda s: s.audit_entries(case_id=two_cases.second))
    assert any(e.action == "link" for e in entries)
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    assert _linked(two_cases, two_cases.second) == []
