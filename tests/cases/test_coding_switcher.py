"""The coding switcher: names whose coding the form shows and opens another of the case."""

from __future__ import annotations

from tests.cases.conftest import read
from tests.gui.helpers import wait_idle


def _codings(two_cases):
    return read(two_cases.path, lambda store: store.codings(two_cases.first))


def test_it_names_the_coding_shown_and_lists_the_others(qtbot, window, two_cases):
    switcher = window.actions.coding_switcher
    primary, second = _codings(two_cases)
    assert window.workspace.current.coding.id == primary.id
    assert switcher.combo.currentText() == "A. Analyst · primary"
    assert [switcher.combo.itemText(i) for i in range(switcher.combo.count())] == [
        "A. Analyst · primary", "B. Second · second coding"]
    assert switcher.combo.isEnabled() and switcher.isVisibleTo(window)


def test_choosing_another_coding_shows_and_edits_it(qtbot, window, two_cases):
    switcher = window.actions.coding_switcher
    primary, second = _codings(two_cases)
    switcher.combo.setCurrentIndex(1)
    switcher.combo.activated.emit(1)
    qtbot.waitUntil(lambda: window.workspace.current.coding.id == second.id, timeout=10000)
    assert window.form.snapshot.coding_id == second.id
    review = window.workspace.current.snapshot.section_entities("review")[0]
    assert window.form.row_for(review.id, "subject").state is None  # the primary has one
    window.form.answer_edited.emit(review.id, "subject", "answered", "Adult Z")
    wait_idle(qtbot, window)
    answers = read(two_cases.path, lambda s: s.coding_answers(second.id))
    assert answers[review.id]["subject"].value == "Adult Z"
    window.actions.next_case.trigger()
    qtbot.waitUntil(lambda: window.workspace.current.case.id == two_cases.second)
    assert not switcher.combo.isEnabled()  # one coding: named, nothing to switch to
    assert switcher.combo.currentText() == "A. Analyst · primary"
    window.actions.previous_case.trigger()
    qtbot.waitUntil(lambda: window.workspace.current.case.id == two_cases.first)
    assert window.workspace.current.coding.id == second.id  # the choice stays with the case
    assert switcher.combo.currentText() == "B. Second · second coding"
