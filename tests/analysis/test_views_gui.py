"""The Analysis docks in the window: a search hit opens its case and page highlighted, a quote
of the quote bank does the same, and citing a hit stores evidence that undo removes."""

from __future__ import annotations

import pytest

from desktop.settings import AppSettings
from schema.project import open_project
from schema.store import Store
from tests.gui.helpers import open_window, wait_idle

pytestmark = pytest.mark.usefixtures("qtbot")


@pytest.fixture
def window(qtbot, tmp_path, demo_copy):
    window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    window.open_project(demo_copy)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current is not None, timeout=15000)
    wait_idle(qtbot, window)
    return window


def _reference(window) -> str:
    return window.workspace.current.case.reference


def _shown(window, document_id, page, quote) -> bool:
    viewer = window.workspace.viewer
    highlight = viewer.current_highlight()
    return (window.workspace.current_document == document_id and viewer.page_count() > 0
            and highlight is not None and highlight[0] == page and highlight[2] == quote
            and len(highlight[1]) >= 1)


def _evidence(path) -> list[tuple[str, int, str]]:
    store = Store(open_project(path, readonly=True), "tester")
    try:
        rows = store.db.execute("SELECT field, page, quote FROM evidence").fetchall()
        return [tuple(r) for r in rows]
    finally:
        store.close()


def _search(qtbot, window, text: str):
    window.analysis.search_action.trigger()
    panel = window.analysis.search_panel
    assert panel.isVisible()
    panel.view.query.setText(text)
    qtbot.keyClick(panel.view.query, "\r")
    qtbot.waitUntil(lambda: panel.view.model.rowCount() > 0, timeout=10000)
    return panel


def test_a_search_hit_opens_its_case_at_the_page_with_the_sentence_highlighted(qtbot, window):
    assert _reference(window) != "DHR-2022-01"
    panel = _search(qtbot, window, '"means of control"')
    view = panel.view
    assert view.model.index(0, 0).data() == "DHR-2022-01"
    hit = view.model.record(0)
    qtbot.mouseClick(view.table.viewport(), qtbot_left(),
                     pos=view.table.visualRect(view.model.index(0, 4)).center())
    qtbot.waitUntil(lambda: _reference(window) == "DHR-2022-01"
                    and _shown(window, hit.document_id, hit.page, hit.quote), timeout=15000)
    assert window.workspace.viewer.current_page() == hit.page


def test_search_filters_narrow_the_hits_to_a_review_type(qtbot, window):
    panel = _search(qtbot, window, "safeguarding")
    everywhere = {panel.view.model.index(r, 0).data() for r in range(panel.view.model.rowCount())}
    assert len(everywhere) >= 2
    combo = panel.view.filters.combos["review_type"]
    combo.setCurrentIndex(combo.findData("SAR"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: panel.view.model.rowCount() > 0 and {
        panel.view.model.index(r, 0).data() for r in range(panel.view.model.rowCount())}
        == {"SAR-2023-02"}, timeout=10000)


def test_citing_a_hit_stores_evidence_for_the_focused_field_and_undo_removes_it(
        qtbot, window, demo_copy):
    window.panel.select_case(_case_id(demo_copy, "DHR-2022-01"))
    qtbot.waitUntil(lambda: _reference(window) == "DHR-2022-01", timeout=10000)
    wait_idle(qtbot, window)
    victim = window.workspace.current.snapshot.section_entities("victims")[0].id
    assert window.form.focus_field(victim, "ethnicity")
    qtbot.waitUntil(lambda: window.form.focused_field() == (victim, "ethnicity"))
    before = _evidence(demo_copy)
    panel = _search(qtbot, window, '"means of control"')
    hit = panel.view.model.record(0)
    panel.view.table.selectRow(0)
    qtbot.mouseClick(panel.view.cite, qtbot_left())
    wait_idle(qtbot, window)
    added = set(_evidence(demo_copy)) - set(before)
    assert added == {("ethnicity", hit.page, hit.quote)}
    qtbot.waitUntil(lambda: _shown(window, hit.document_id, hit.page, hit.quote))
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    assert sorted(_evidence(demo_copy)) == sorted(before)


def test_a_hit_from_another_case_is_not_cited_here(qtbot, window, demo_copy):
    assert _reference(window) != "DHR-2022-01"
    before = _evidence(demo_copy)
    panel = _search(qtbot, window, '"means of control"')
    panel.view.table.selectRow(0)
    panel.view.table.setFocus()
    qtbot.waitUntil(panel.view.table.hasFocus)
    from PySide6.QtCore import Qt

    qtbot.keyClick(panel.view.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert "belongs to DHR-2022-01" in panel.view.status.text()
    assert _evidence(demo_copy) == before


def test_the_quote_bank_lists_every_quote_and_a_quote_opens_its_page(qtbot, window, demo_copy):
    window.analysis.quotes_action.trigger()
    view = window.analysis.quote_panel.view
    total = len(_evidence(demo_copy))
    qtbot.waitUntil(lambda: view.model.rowCount() == total, timeout=10000)
    view.choose("relationship.characteristics", "coercive_control")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    row = view.model.record(0)
    assert row.case_reference == "DHR-2022-01" and "coercive" in row.quote
    assert view.filters.combos["coder"].findData("Demo coder") > 0
    qtbot.mouseClick(view.table.viewport(), qtbot_left(),
                     pos=view.table.visualRect(view.model.index(0, 1)).center())
    qtbot.waitUntil(lambda: _reference(window) == "DHR-2022-01"
                    and _shown(window, row.document_id, row.page, row.quote), timeout=15000)


def test_the_quote_bank_exports_what_it_shows(qtbot, window, tmp_path):
    window.analysis.quotes_action.trigger()
    panel = window.analysis.quote_panel
    panel.view.choose("victims.age")
    qtbot.waitUntil(lambda: panel.view.bank is not None
                    and panel.view.bank.query.field == "victims.age", timeout=10000)
    out = tmp_path / "ages.csv"
    panel.write(panel.view.bank, panel.view.codebook, out)
    qtbot.waitUntil(lambda: "Wrote" in panel.view.status.text(), timeout=10000)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + panel.view.model.rowCount()
    assert all(",victims.age," in line for line in lines[1:])


def _case_id(path, reference: str) -> str:
    store = Store(open_project(path, readonly=True), "tester")
    try:
        return store.find_cases(reference)[0].id
    finally:
        store.close()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_ctrl_shift_f_opens_the_search_panel_docked_below_and_it_reflows_at_the_side(
        qtbot, window):
    from PySide6.QtCore import Qt

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    panel = window.analysis.search_panel
    qtbot.waitUntil(lambda: panel is not None and panel.isVisible())
    assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert panel.view.filters.columns == 4
    qtbot.waitUntil(lambda: panel.view.query.hasFocus())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    qtbot.waitUntil(lambda: panel.view.filters.columns == 2)
    case_choices = panel.view.filters.combos["case_id"]
    assert {case_choices.itemText(i) for i in range(1, case_choices.count())} == {
        "CSPR-2022-03", "DHR-2022-01", "SAR-2023-02", "IIR-2023-01"}


def test_citing_with_no_field_chosen_says_what_to_do_and_stores_nothing(qtbot, window,
                                                                        demo_copy):
    window.panel.select_case(_case_id(demo_copy, "DHR-2022-01"))
    qtbot.waitUntil(lambda: _reference(window) == "DHR-2022-01", timeout=10000)
    wait_idle(qtbot, window)
    assert window.form.focused_field() is None
    before = _evidence(demo_copy)
    panel = _search(qtbot, window, '"means of control"')
    panel.view.table.selectRow(0)
    panel.view.cite_current()
    wait_idle(qtbot, window)
    assert "Click into the field" in panel.view.status.text()
    assert _evidence(demo_copy) == before
    assert not window.undo_group.canUndo()
