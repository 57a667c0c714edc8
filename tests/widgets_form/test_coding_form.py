"""The coding form: each editor emits what the coder chose, states are visible, snapshots
round-trip silently, repeating groups and evidence chips report what the coder asks for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.widgets_form.sample_coding import code_case
from widgets.coding_form import CodingForm, load_snapshot


@pytest.fixture
def coded(store):
    coding_id = code_case(store, "DHR-2021-01")
    return store, coding_id, load_snapshot(store, coding_id)


@pytest.fixture
def form(qtbot, coded):
    store, _, snapshot = coded
    widget = CodingForm()
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.set_codebook(store.codebook)
    widget.show_coding(snapshot)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _entity(snapshot, section, position=0):
    return next(e for e in snapshot.entities if e.section == section and e.position == position)


def _choose(combo, data) -> None:
    """Pick an option as a person does: the combo reports it as activated."""
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _edits(form):
    seen = []
    form.answer_edited.connect(lambda *args: seen.append(args))
    form.answer_cleared.connect(lambda *args: seen.append(("cleared", *args)))
    return seen


def test_show_coding_fills_editors_and_emits_nothing(qtbot, coded):
    store, _, snapshot = coded
    widget = CodingForm()
    qtbot.addWidget(widget)
    widget.set_codebook(store.codebook)
    seen = _edits(widget)
    widget.show_coding(snapshot)
    widget.show_coding(snapshot)
    assert seen == []
    review = _entity(snapshot, "review")
    assert widget.row_for(review.id, "local_authority").value() == "Northbridge"
    assert widget.row_for(review.id, "publication_year").value() == 2021
    assert widget.row_for(review.id, "published").value() is True
    victim = _entity(snapshot, "victims")
    assert widget.row_for(victim.id, "age").value() == 30
    assert widget.row_for(victim.id, "characteristics").value() == ["experiencing_da",
                                                                   "mental_health"]
    assert widget.row_for(victim.id, "ethnicity").state == "not_reported"


def test_each_editor_type_emits_the_stored_form(qtbot, form, coded):
    _, _, snapshot = coded
    victim, review = _entity(snapshot, "victims"), _entity(snapshot, "review")
    incident = _entity(snapshot, "incident")
    seen = _edits(form)
    gender = form.row_for(victim.id, "gender").editor
    _choose(gender._combo, "male")
    age = form.row_for(victim.id, "age").editor
    _choose(age._band, "25_34")
    form.row_for(victim.id, "characteristics").editor._boxes[0].setChecked(True)
    published = form.row_for(review.id, "published").editor
    _choose(published._combo, False)
    year = form.row_for(review.id, "publication_year").editor._spin
    year.setValue(2019)
    text = form.row_for(victim.id, "pseudonym").editor._edit
    text.setText("Robin")
    text.editingFinished.emit()
    date = form.row_for(incident.id, "date").editor
    date._edit.setText("2019-04")
    date._edit.editingFinished.emit()
    values = {(entity, field): value for entity, field, _state, value in seen}
    assert values[(victim.id, "gender")] == "male"
    assert values[(victim.id, "age")] == "25_34"
    assert "absent_parents" in values[(victim.id, "characteristics")]
    assert values[(review.id, "published")] is False
    assert values[(review.id, "publication_year")] == 2019
    assert values[(victim.id, "pseudonym")] == "Robin"
    assert values[(incident.id, "date")] == "2019-04"
    assert all(state == "answered" for _e, _f, state, _v in seen)


def test_an_invalid_date_is_not_saved(form, coded):
    incident = _entity(coded[2], "incident")
    seen = _edits(form)
    date = form.row_for(incident.id, "date").editor
    date._edit.setText("2019-13")
    date._edit.editingFinished.emit()
    assert seen == []
    assert date.problem is not None and "no month 13" in date.problem


def test_not_reported_is_shown_and_differs_from_no(form, coded):
    review = _entity(coded[2], "review")
    seen = _edits(form)
    row = form.row_for(review.id, "published")
    row.mark("not_reported")
    assert seen == [(review.id, "published", "not_reported", None)]
    assert row.state == "not_reported" and row.value() is None
    assert row._note is not None and "not reported" in row._note.text().lower()
    _choose(row.editor._combo, False)
    assert seen[-1] == (review.id, "published", "answered", False)


def test_not_applicable_only_where_the_codebook_allows(form, coded):
    snapshot = coded[2]
    seen = _edits(form)
    form.row_for(_entity(snapshot, "victims").id, "gender").mark("not_applicable")
    assert seen == []
    incident = _entity(snapshot, "incident")
    form.row_for(incident.id, "method").mark("not_applicable")
    assert seen == [(incident.id, "method", "not_applicable", None)]
    form.row_for(incident.id, "method").clear()
    assert seen[-1] == ("cleared", incident.id, "method")


def test_repeating_group_requests_add_remove_and_move(qtbot, form, coded):
    snapshot = coded[2]
    requests = []
    form.entity_add_requested.connect(lambda s: requests.append(("add", s)))
    form.entity_remove_requested.connect(lambda e: requests.append(("remove", e)))
    form.entity_move_requested.connect(lambda e, p: requests.append(("move", e, p)))
    group = form.panels["victims"].repeat
    qtbot.mouseClick(group.add_button, Qt.MouseButton.LeftButton)
    items = group.visible_items()
    assert "Victim 1" in items[0].title.text() and "Rowan" in items[0].title.text()
    qtbot.mouseClick(items[1].up, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(items[0].remove, Qt.MouseButton.LeftButton)
    second = _entity(snapshot, "victims", 1)
    first = _entity(snapshot, "victims", 0)
    assert requests == [("add", "victims"), ("move", second.id, 0), ("remove", first.id)]


def test_evidence_chips_show_where_and_report_clicks(qtbot, form, coded):
    snapshot = coded[2]
    [evidence, *_] = snapshot.evidence
    row = form.row_for(evidence.entity_id, evidence.field)
    chips = row.chips.chips()
    shown = " ".join(label.text() for label in chips[0].findChildren(QLabel))
    assert chips and f"p. {evidence.page}" in shown and evidence.quote[:20] in shown
    activated, removed = [], []
    form.evidence_activated.connect(activated.append)
    form.evidence_remove_requested.connect(removed.append)
    qtbot.waitUntil(lambda: chips[0].height() > 0)  # laid out, as on screen
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    assert activated and activated[0].id == evidence.id
    chips[0].remove.emit(evidence.id)
    assert removed == [evidence.id]


def test_section_navigation_moves_focus(qtbot, form):
    keys = form.section_keys()
    form.jump_to_section(keys[0])
    form.next_section()
    focused = form.focused_field()
    assert focused is not None
    form.jump_to_section("victims")
    assert form.focused_field()[1] == form.panels["victims"].section.fields[0].key
    form.previous_section()
    previous = keys[keys.index("victims") - 1]
    entity_id, field = form.focused_field()
    assert form.panels[previous].section.field(field) is not None


def test_empty_form_is_disabled_with_a_hint(qtbot, form):
    form.show_coding(None)
    assert not form.content.isEnabled()
    assert not form.hint.isHidden()


def test_keyboard_shortcuts_and_tab_follow_the_form(qtbot, form, coded):
    """Ctrl+PageDown / Ctrl+PageUp step through sections; Tab goes field to field in order,
    and a multi-option list is one Tab stop."""
    _, _, snapshot = coded
    review = _entity(snapshot, "review")
    form.focus_field(review.id, "local_authority")
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert form.current_section() == "incident"
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert form.current_section() == "review"

    victim = _entity(snapshot, "victims")
    form.focus_field(victim.id, "eal")
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
    assert form.focused_field() == (victim.id, "characteristics")
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
    second = _entity(snapshot, "victims", 1)
    assert form.focused_field() == (second.id, "pseudonym")


def test_marking_by_shortcut_reports_not_reported(qtbot, form, coded):
    _, _, snapshot = coded
    review = _entity(snapshot, "review")
    form.focus_field(review.id, "subject")
    seen = _edits(form)
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen == [(review.id, "subject", "not_reported", None)]
    assert form.row_for(review.id, "subject").state == "not_reported"
