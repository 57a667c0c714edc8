"""Reconciling two codings of a case into a consensus coding."""

from __future__ import annotations

import pytest

from schema import audit
from schema.consensus import Choice, build_consensus, consensus_coding, open_conflicts
from schema.errors import ValidationError
from schema.merge import merge_projects
from schema.project import open_project
from schema.store import Store
from tests.merge.builders import add_document, code_review, make_project


@pytest.fixture
def merged(tmp_path, codebook):
    a = make_project(tmp_path / "a.casecoder", codebook, "Lambeth", "A. Analyst")
    b = make_project(tmp_path / "b.casecoder", codebook, "Southwark", "B. Coder")
    pdf = b"%PDF-1.4 review of Adult D"
    code_review(a, "DHR-2019-04", gender="female", document=add_document(a, pdf),
                quote="a kitchen knife was used")
    code_review(b, "DHR-2019-04", gender="male", method="blunt_instrument",
                document=add_document(b, pdf))
    a.close()
    b.close()
    target = tmp_path / "region.casecoder"
    merge_projects(target, [tmp_path / "a.casecoder", tmp_path / "b.casecoder"], actor="R")
    store = Store(open_project(target), "R. Reconciler")
    yield store
    store.close()


def _case(store):
    [case] = store.list_cases()
    return case.id


def test_consensus_takes_agreed_values_and_the_reconcilers_choices(merged):
    case_id = _case(merged)
    conflicts = open_conflicts(merged, case_id)
    assert {c.where for c in conflicts} == {"victims #1 gender", "incident method"}
    southwark = next(v for v in conflicts[0].values if v.site == "Southwark")
    gender = next(c for c in conflicts if c.field == "gender")
    lambeth_method = next(v for c in conflicts if c.field == "method" for v in c.values
                          if v.site == "Lambeth")
    consensus = build_consensus(merged, case_id, [
        Choice("victims", 0, "gender", "answered", "male", from_coding=southwark.coding_id),
        Choice("incident", 0, "method", "answered", lambeth_method.value,
               from_coding=lambeth_method.coding_id)])
    assert gender.values[0].coder in ("A. Analyst", "B. Coder")
    assert consensus.kind == "consensus" and consensus.coder == "R. Reconciler"
    [victim] = merged.entities(consensus.id, "victims")
    answers = merged.answers(victim.id)
    assert answers["gender"].value == "male" and answers["age"].value == 34
    incident = merged.section_entity(consensus.id, "incident")
    assert merged.answer(incident.id, "method").value == "sharp_instrument"
    [quote] = merged.evidence_for(incident.id, "method")
    assert quote.quote == "a kitchen knife was used"
    assert merged.coding_for_tables(case_id).id == consensus.id
    actions = [e.action for e in audit.entries(merged.db, case_id=case_id)]
    assert "reconcile" in actions


def test_saving_again_updates_the_same_consensus(merged):
    case_id = _case(merged)
    build_consensus(merged, case_id, [Choice("victims", 0, "gender", "answered", "male")])
    again = build_consensus(merged, case_id,
                            [Choice("victims", 0, "gender", "not_reported")])
    assert [c.id for c in merged.codings(case_id) if c.kind == "consensus"] == [again.id]
    [victim] = merged.entities(again.id, "victims")
    assert merged.answer(victim.id, "gender").state == "not_reported"
    incident = merged.section_entity(again.id, "incident")
    assert merged.answer(incident.id, "method") is None  # differing and not decided yet
    assert consensus_coding(merged, case_id).id == again.id


def test_a_case_coded_once_cannot_be_reconciled(store):
    case_id = code_review(store, "SAR-2020-01")
    with pytest.raises(ValidationError, match="two or more codings"):
        build_consensus(store, case_id, [])


def test_a_section_both_coders_marked_not_applicable_is_marked_in_the_consensus(merged):
    case_id = _case(merged)
    for coding in merged.codings(case_id):
        for entity in merged.entities(coding.id, "perpetrators"):
            merged.remove_entity(entity.id)
        merged.mark_section_not_applicable(coding.id, "perpetrators")
    first = merged.codings(case_id)[0]
    merged.mark_section_not_applicable(first.id, "further_reading")
    choices = [Choice(c.section, c.position, c.field, None)
               for c in open_conflicts(merged, case_id)]
    consensus = build_consensus(merged, case_id, choices)
    assert merged.section_states(consensus.id) == {"perpetrators": "not_applicable"}
    again = build_consensus(merged, case_id, choices)
    assert merged.section_states(again.id) == {"perpetrators": "not_applicable"}
