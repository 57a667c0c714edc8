"""A repeating section that does not apply (a suicide has no perpetrator): the store API."""

from __future__ import annotations

import pytest

from schema import audit
from schema.errors import ValidationError
from schema.integrity import check_project
from schema.project import open_project
from schema.store import Store


@pytest.fixture
def coding(store):
    case = store.create_case("DHR-2021-04", "DHR", category="intimate_partner")
    return store.add_coding(case.id)


def test_marking_a_section_not_applicable_is_stored_audited_and_survives_reopening(
        project_path, store, coding):
    mark = store.mark_section_not_applicable(coding.id, "perpetrators")
    assert mark.before is None and mark.removed == ()
    assert store.section_states(coding.id) == {"perpetrators": "not_applicable"}
    entries = [e for e in audit.entries(store.db) if e.table_name == "section_states"]
    assert len(entries) == 1 and "perpetrators" in entries[0].summary
    store.close()
    reopened = Store(open_project(project_path), "B. Reviewer")
    assert reopened.section_states(coding.id) == {"perpetrators": "not_applicable"}
    reopened.close()


def test_clearing_takes_the_mark_back_and_says_what_it_was(store, coding):
    store.mark_section_not_applicable(coding.id, "perpetrators")
    assert store.clear_section_state(coding.id, "perpetrators") == "not_applicable"
    assert store.section_states(coding.id) == {}
    assert store.clear_section_state(coding.id, "perpetrators") is None
    assert store.add_entity(coding.id, "perpetrators").position == 0


def test_marking_is_refused_while_an_item_holds_an_answer_and_changes_nothing(store, coding):
    item = store.add_entity(coding.id, "perpetrators")
    store.set_answer(item.id, "gender", "male")
    audit_before = store.count("audit_log")
    with pytest.raises(ValidationError) as refused:
        store.mark_section_not_applicable(coding.id, "perpetrators")
    message = str(refused.value)
    assert "\n" not in message and "remove it first" in message
    assert store.section_states(coding.id) == {}
    assert [e.id for e in store.entities(coding.id, "perpetrators")] == [item.id]
    assert store.answer(item.id, "gender").value == "male"
    assert store.count("audit_log") == audit_before


def test_empty_items_go_with_the_mark_and_come_back_on_undo(store, coding):
    empty = [store.add_entity(coding.id, "perpetrators") for _ in range(2)]
    mark = store.mark_section_not_applicable(coding.id, "perpetrators")
    assert store.entities(coding.id, "perpetrators") == []
    store.unmark_section(mark)
    assert store.section_states(coding.id) == {}
    assert [e.id for e in store.entities(coding.id, "perpetrators")] == [e.id for e in empty]
    assert [e.position for e in store.entities(coding.id, "perpetrators")] == [0, 1]


def test_adding_an_item_to_a_section_marked_not_applicable_is_refused(store, coding):
    store.mark_section_not_applicable(coding.id, "perpetrators")
    with pytest.raises(ValidationError, match="take that mark back first"):
        store.add_entity(coding.id, "perpetrators")
    assert store.entities(coding.id, "perpetrators") == []
    assert store.add_entity(coding.id, "victims").section == "victims"


def test_only_repeating_sections_can_be_marked(store, coding):
    with pytest.raises(ValidationError, match="does not repeat"):
        store.mark_section_not_applicable(coding.id, "relationship")
    assert store.section_states(coding.id) == {}


def test_marks_go_with_a_deleted_case(store, coding):
    store.mark_section_not_applicable(coding.id, "perpetrators")
    store.delete_case(coding.case_id)
    assert store.count("section_states") == 0


def test_check_reports_a_mark_beside_items_and_an_unknown_state(project_path, store, coding):
    store.mark_section_not_applicable(coding.id, "perpetrators")
    assert check_project(project_path) == []
    store.db.execute("INSERT INTO entities (id, coding_id, section, position, created_at, "
                     "created_by, updated_at, updated_by) VALUES ('e1', ?, 'perpetrators', "
                     "0, 'now', 'x', 'now', 'x')", [coding.id])
    store.db.execute("INSERT INTO section_states VALUES (?, 'events', 'gone', 'now', 'x', "
                     "'now', 'x')", [coding.id])
    problems = check_project(project_path)
    assert any("mark 'perpetrators' not applicable but hold items" in p for p in problems)
    assert any("unknown state 'gone'" in p for p in problems)
