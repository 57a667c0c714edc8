"""Blind second coding in the window: the form and the coding switcher show only the coder's
own coding, the quote bank leaves the others' quotes out, reconciliation is refused, marking
the case marks the coding too, and Project ▸ Blind second coding turns it on and off."""

from __future__ import annotations

import pytest

from desktop.analysis.quote_bank import read_bank
from desktop.merge.reconcile_dialog import load_reconcile_dialog
from desktop.settings import AppSettings
from exports.quotes import QuoteFilter
from schema.audit import entries
from schema.errors import ValidationError
from schema.project import open_project
from schema.store import Store
from tests.gui.helpers import CODER, open_window, wait_idle
from tests.merge.builders import add_document, code_review

OTHER = "B. Coder"


def _project(path, codebook) -> dict[str, str]:
    """DHR-1: the window's coder's primary and B's second coding, each quoting the review.
    DHR-2: only B's primary, marked coded. Blind coding on."""
    store = Store(open_project(path), CODER)
    document = add_document(store, b"%PDF-1.4 blind", page_text="She was attacked.")
    first = code_review(store, "DHR-1", gender="female", document=document,
                        quote="quote of the first coder")
    second = store.add_coding(first, coder=OTHER, kind="second")
    victim = store.add_entity(second.id, "victims")
    store.set_answer(victim.id, "gender", "male")
    store.attach_evidence(victim.id, "gender", document_id=document, page=1,
                          quote="quote of the second coder", paragraph="1.1")
    other = store.create_case("DHR-2", "DHR", category="intimate_partner")
    only = store.add_coding(other.id, coder=OTHER, kind="primary")
    store.set_answer(store.add_entity(only.id, "victims").id, "gender", "male")
    store.set_coding_status(only.id, "coded")
    store.set_blind_coding(True)
    store.close()
    return {"DHR-1": first, "DHR-2": other.id, "second": second.id}


@pytest.fixture
def blind(project_path, codebook):
    return project_path, _project(project_path, codebook)


@pytest.fixture
def window(qtbot, tmp_path, blind):
    path, ids = blind
    window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    window.open_project(path)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current is not None, timeout=15000)
    wait_idle(qtbot, window)
    return window


def _open(qtbot, window, case_id: str):
    window.panel.select_case(case_id)
    qtbot.waitUntil(lambda: window.workspace.current.case.id == case_id, timeout=10000)
    wait_idle(qtbot, window)
    return window.workspace.current


def _switcher_items(window) -> list[str]:
    combo = window.actions.coding_switcher.combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_form_and_switcher_show_only_the_coders_own_coding(qtbot, window, blind):
    _, ids = blind
    current = _open(qtbot, window, ids["DHR-1"])
    assert current.coding.coder == CODER and current.hidden == 1
    assert _switcher_items(window) == [f"{CODER} · primary"]
    switcher = window.actions.coding_switcher
    assert "(blind)" in switcher.label.text() and "1 other coding" in switcher.toolTip()
    window.workspace.show_coding(ids["second"])  # asking for B's coding does not show it
    wait_idle(qtbot, window)
    assert window.workspace.current.coding.coder == CODER


def test_a_blind_case_the_coder_has_not_coded_gets_a_coding_of_their_own(qtbot, window,
                                                                           blind):
    path, ids = blind
    current = _open(qtbot, window, ids["DHR-2"])
    assert (current.coding.coder, current.coding.kind) == (CODER, "second")
    assert current.snapshot.section_entities("victims") == []  # B's answers are not shown
    assert _switcher_items(window) == [f"{CODER} · second coding"]


def test_marking_the_case_coded_marks_the_coding_and_then_opens_the_case(qtbot, window,
                                                                          blind):
    path, ids = blind
    _open(qtbot, window, ids["DHR-1"])
    window.status_chosen("coded", "coded")
    wait_idle(qtbot, window)
    store = Store(open_project(path), OTHER)
    try:
        mine = next(c for c in store.codings(ids["DHR-1"]) if c.coder == CODER)
        assert mine.status == "coded"
        assert store.get_case(ids["DHR-1"]).status == "coded"
        assert store.is_blind(ids["DHR-1"])  # B has not finished
        store.set_coding_status(ids["second"], "coded")
    finally:
        store.close()
    window.workspace.show_case(ids["DHR-1"])
    qtbot.waitUntil(lambda: window.workspace.current.hidden == 0, timeout=10000)
    assert len(_switcher_items(window)) == 2


def test_marking_coded_again_marks_the_coders_coding_when_the_case_already_is(qtbot, window,
                                                                               blind):
    path, ids = blind
    store = Store(open_project(path), OTHER)
    store.set_case_status(ids["DHR-1"], "coded")  # B said the case is coded
    store.close()
    _open(qtbot, window, ids["DHR-1"])
    window.status_chosen("coded", "coded")
    wait_idle(qtbot, window)
    store = Store(open_project(path, readonly=True), CODER)
    try:
        mine = next(c for c in store.codings(ids["DHR-1"]) if c.coder == CODER)
        assert mine.status == "coded"
    finally:
        store.close()


def test_reconciliation_is_refused_while_the_case_is_blind(qtbot, window, blind):
    _, ids = blind
    with pytest.raises(ValidationError, match="DHR-1 is blind-coded") as refused:
        load_reconcile_dialog(window.workspace.store_thread, ids["DHR-1"], window)
    assert "\n" not in str(refused.value)


def test_the_quote_bank_leaves_out_the_other_coders_quotes(blind):
    path, _ = blind
    for coder, expected in ((CODER, {"quote of the first coder"}),
                            (OTHER, {"quote of the second coder"})):
        store = Store(open_project(path, readonly=True), coder)
        try:
            bank, _coders = read_bank(store, QuoteFilter())
            assert {r.quote for r in bank.rows} == expected
        finally:
            store.close()


def test_the_project_menu_turns_blind_coding_off_and_the_case_opens_up(qtbot, window, blind):
    path, ids = blind
    _open(qtbot, window, ids["DHR-1"])
    action = window.blind_coding.action
    qtbot.waitUntil(lambda: action.isEnabled() and action.isChecked(), timeout=5000)
    assert action in window.actions.project_menu.actions()
    action.trigger()  # off
    qtbot.waitUntil(lambda: window.workspace.current.hidden == 0
                    and len(_switcher_items(window)) == 2, timeout=10000)
    assert not action.isChecked()
    store = Store(open_project(path, readonly=True), CODER)
    try:
        assert store.blind_coding is False
        logged = [e for e in entries(store.db) if e.table_name == "meta"]
        assert logged[-1].summary == "blind coding off" and logged[-1].actor == CODER
    finally:
        store.close()
