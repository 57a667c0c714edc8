"""The store API: cases, codings, entities, answers, evidence, and the audit trail."""

from __future__ import annotations

import pytest

from schema import audit
from schema.errors import ValidationError
from schema.project import open_project
from schema.records import CaseFilter
from schema.store import Store


def _code_case(store: Store):
    case = store.create_case("DHR-2018-07", "DHR", title="Adult B",
                             category="intimate_partner", publication_year=2018)
    coding = store.add_coding(case.id)
    victims = [store.add_entity(coding.id, "victims") for _ in range(2)]
    perpetrator = store.add_entity(coding.id, "perpetrators")
    store.set_answer(victims[0].id, "gender", "female")
    store.set_answer(victims[0].id, "age", 34)
    store.set_answer(victims[1].id, "age", "0_4")
    store.set_answer(victims[0].id, "characteristics", ["alcohol_misuse", "experiencing_da"])
    store.mark_not_reported(victims[1].id, "ethnicity")
    store.set_answer(perpetrator.id, "gender", "male")
    store.set_answer(perpetrator.id, "born_outside_uk", False)
    return case, coding, victims, perpetrator


def test_case_with_two_victims_and_a_perpetrator_survives_reopening(project_path):
    store = Store(open_project(project_path), "A. Analyst")
    case, coding, victims, perpetrator = _code_case(store)
    store.db.execute(
        "INSERT INTO documents (id, file_name, size_bytes, created_at, created_by, updated_at, "
        "updated_by) VALUES ('abc', 'overview.pdf', 10, 'now', 'x', 'now', 'x')")
    store.attach_evidence(victims[0].id, "gender", document_id="abc", page=12,
                          paragraph="4.12", quote="She had moved to the refuge",
                          rects=[(10, 20, 200, 32)])
    store.close()

    reopened = Store(open_project(project_path), "B. Reviewer")
    assert reopened.list_cases()[0].reference == "DHR-2018-07"
    entities = reopened.entities(coding.id, "victims")
    assert [e.id for e in entities] == [v.id for v in victims]
    first = reopened.answers(victims[0].id)
    assert first["gender"].value == "female" and first["age"].value == 34
    assert first["characteristics"].value == ["experiencing_da", "alcohol_misuse"]
    second = reopened.answers(victims[1].id)
    assert second["ethnicity"].state == "not_reported" and second["ethnicity"].value is None
    assert second["age"].value == "0_4"
    assert reopened.answers(perpetrator.id)["born_outside_uk"].value is False
    [evidence] = reopened.evidence_for(victims[0].id, "gender")
    assert (evidence.page, evidence.paragraph, evidence.rects) == (12, "4.12", [[10, 20, 200, 32]])
    reopened.close()


def test_audit_log_records_each_change_with_who_and_when(store):
    case, coding, victims, _ = _code_case(store)
    entries = audit.entries(store.db, case_id=case.id)
    summaries = [(e.action, e.summary) for e in entries]
    assert ("create", "case DHR-2018-07") in summaries
    assert ("create", "victims.gender") in summaries
    not_reported = [e for e in entries if e.summary == "victims.ethnicity"]
    assert not_reported[0].after == {"state": "not_reported", "value": None}
    assert all(e.actor == "A. Analyst" and e.site == "Lambeth" and e.at for e in entries)
    store.set_answer(victims[0].id, "gender", "male")
    last = audit.entries(store.db, case_id=case.id)[-1]
    assert last.before == {"state": "answered", "value": "female"}
    assert last.after == {"state": "answered", "value": "male"}


def test_audit_log_refuses_update_and_delete(store):
    _code_case(store)
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("UPDATE audit_log SET actor = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM audit_log")


def test_values_are_checked_against_the_codebook(store):
    _, coding, victims, _ = _code_case(store)
    with pytest.raises(ValidationError, match="not one of its options"):
        store.set_answer(victims[0].id, "gender", "woman")
    with pytest.raises(ValidationError, match="no field"):
        store.set_answer(victims[0].id, "shoe_size", 9)
    with pytest.raises(ValidationError, match="age"):
        store.set_answer(victims[0].id, "age", 130)
    with pytest.raises(ValidationError, match="not applicable"):
        store.mark_not_applicable(victims[0].id, "gender")
    incident = store.section_entity(coding.id, "incident")
    assert store.mark_not_applicable(incident.id, "method").state == "not_applicable"
    assert store.answers(victims[0].id)["gender"].value == "female"


def test_remove_restore_and_move_repeating_items(store):
    _, coding, victims, _ = _code_case(store)
    snapshot = store.remove_entity(victims[0].id)
    remaining = store.entities(coding.id, "victims")
    assert [(e.id, e.position) for e in remaining] == [(victims[1].id, 0)]
    store.restore_entity(snapshot)
    assert [e.id for e in store.entities(coding.id, "victims")] == [v.id for v in victims]
    assert store.answers(victims[0].id)["age"].value == 34
    store.move_entity(victims[1].id, 0)
    assert [e.id for e in store.entities(coding.id, "victims")] == [victims[1].id, victims[0].id]


def test_clear_answer_and_list_filters(store):
    case, _, victims, _ = _code_case(store)
    store.create_case("SAR-2019-02", "SAR", category="adult_family", site="Hackney")
    assert store.clear_answer(victims[0].id, "gender").value == "female"
    assert "gender" not in store.answers(victims[0].id)
    assert [c.reference for c in store.list_cases(CaseFilter(site="Hackney"))] == ["SAR-2019-02"]
    assert [c.reference for c in store.list_cases(CaseFilter(text="adult b"))] == ["DHR-2018-07"]
    store.set_case_status(case.id, "coded")
    assert [c.reference for c in store.list_cases(CaseFilter(status="coded"))] == ["DHR-2018-07"]
    with pytest.raises(ValidationError):
        store.set_case_status(case.id, "finished")


def test_a_failed_write_leaves_nothing_behind(store):
    case = store.create_case("CSPR-1", "CSPR", category="child_family")
    before = store.count("audit_log")
    with pytest.raises(ValidationError):
        store.create_case("CSPR-2", "NOT_A_TYPE")
    assert store.count("cases") == 1 and store.count("audit_log") == before
    assert store.get_case(case.id).reference == "CSPR-1"
