"""Merging borough projects: matching, idempotence, order, refusals, codings-only shares."""

from __future__ import annotations

import itertools
import json
import sqlite3

import pytest

from schema.merge import merge_projects
from schema.project import open_project
from schema.store import Store
from tests.merge.builders import add_document, code_review, content, make_project


def _merge(target, *sources, **options):
    return merge_projects(target, list(sources), actor="R. Researcher", **options)


@pytest.fixture
def boroughs(tmp_path, codebook):
    """Lambeth and Southwark both coded DHR-2018-07 (no document), differently; each also
    coded a review of its own, and both hold the same PDF under different references."""
    lambeth = make_project(tmp_path / "lambeth.casecoder", codebook, "Lambeth", "A. Analyst")
    southwark = make_project(tmp_path / "southwark.casecoder", codebook, "Southwark",
                             "B. Coder")
    code_review(lambeth, "DHR-2018-07", gender="female", method="sharp_instrument")
    code_review(southwark, " dhr-2018-07 ", gender="male", method="sharp_instrument")
    code_review(lambeth, "SAR-2019-02", age=81)
    code_review(southwark, "CSPR-2017-11", age="0_4")
    pdf = b"%PDF-1.4 the same overview report"
    doc_l = add_document(lambeth, pdf)
    doc_s = add_document(southwark, pdf)
    code_review(lambeth, "Adult C", document=doc_l, quote="stabbed in the kitchen")
    code_review(southwark, "DHR Adult C (2016)", document=doc_s, method="blunt_instrument")
    paths = (lambeth.db.conn, southwark.db.conn)
    lambeth.close()
    southwark.close()
    del paths
    return tmp_path / "lambeth.casecoder", tmp_path / "southwark.casecoder"


def test_same_review_coded_twice_becomes_one_case_with_two_codings(tmp_path, boroughs):
    target = tmp_path / "region.casecoder"
    report = _merge(target, *boroughs)
    store = Store(open_project(target), "R. Researcher")
    references = sorted(c.reference for c in store.list_cases())
    assert len(references) == 4, references
    [case] = [c for c in store.list_cases() if c.reference.strip().lower() == "dhr-2018-07"]
    codings = store.codings(case.id)
    assert sorted((c.site, c.coder) for c in codings) == [("Lambeth", "A. Analyst"),
                                                          ("Southwark", "B. Coder")]
    conflicts = [c for s in report.sources for c in s.conflicts if c["case_id"] == case.id]
    assert [(c["section"], c["item"], c["field"]) for c in conflicts] == [
        ("victims", 1, "gender")]
    by_site = {v["site"]: v["value"] for v in conflicts[0]["values"]}
    assert by_site == {"Lambeth": "female", "Southwark": "male"}
    assert report.sources[1].matched == {"document": 1, "reference": 1}
    store.close()


def test_same_document_under_different_references_is_one_case(tmp_path, boroughs):
    target = tmp_path / "region.casecoder"
    report = _merge(target, *boroughs)
    store = Store(open_project(target), "R. Researcher")
    linked = store.db.execute("SELECT case_id, count(*) FROM codings WHERE case_id IN "
                              "(SELECT case_id FROM case_documents) GROUP BY case_id").fetchall()
    assert len(linked) == 1 and linked[0][1] == 2
    fields = {(c["section"], c["field"]) for s in report.sources for c in s.conflicts
              if c["case_id"] == linked[0][0]}
    assert ("incident", "method") in fields
    store.close()


def test_survivor_is_the_smallest_case_id_and_aliases_are_kept(tmp_path, boroughs):
    ids = []
    for path in boroughs:
        conn = sqlite3.connect(path)
        ids.append(conn.execute("SELECT id FROM cases WHERE reference LIKE '%2018-07%'")
                   .fetchone()[0])
        conn.close()
    target = tmp_path / "region.casecoder"
    _merge(target, boroughs[0])
    _merge(target, boroughs[1])
    rows = content(target)
    assert (min(ids),) in {(r[0],) for r in rows["cases"]}
    assert (max(ids), min(ids)) in rows["aliases"]


def test_repeated_merge_changes_nothing(tmp_path, boroughs):
    target = tmp_path / "region.casecoder"
    _merge(target, *boroughs)
    before_bytes = target.read_bytes()
    before = content(target)
    reports = sqlite3.connect(target).execute("SELECT count(*) FROM merge_reports").fetchone()
    again = _merge(target, *boroughs)
    assert not again.changed
    assert all(not s.changed and s.counts["codings"].added == 0 for s in again.sources)
    assert again.sources[0].counts["codings"].present == 3
    assert content(target) == before
    assert target.read_bytes() == before_bytes
    assert sqlite3.connect(target).execute(
        "SELECT count(*) FROM merge_reports").fetchone() == reports


def test_each_source_merged_separately_then_again_changes_nothing(tmp_path, boroughs):
    target = tmp_path / "region.casecoder"
    for path in boroughs:
        _merge(target, path)
    before = content(target)
    for path in reversed(boroughs):
        assert not _merge(target, path).changed
    assert content(target) == before


def test_order_of_sources_does_not_change_the_result(tmp_path, boroughs, codebook):
    third = make_project(tmp_path / "croydon.casecoder", codebook, "Croydon", "C. Coder")
    code_review(third, "DHR-2018-07", gender="female", age=35)
    third.close()
    sources = [*boroughs, tmp_path / "croydon.casecoder"]
    results = []
    for number, order in enumerate(itertools.permutations(sources)):
        target = tmp_path / f"order{number}.casecoder"
        _merge(target, *order)
        results.append(content(target))
    stepwise = tmp_path / "stepwise.casecoder"
    for path in reversed(sources):
        _merge(stepwise, path)
    results.append(content(stepwise))
    assert all(result == results[0] for result in results[1:])
    assert len(results[0]["cases"]) == 4
    case_ids = [c[1] for c in results[0]["codings"]]
    assert sorted(case_ids.count(i) for i in set(case_ids)) == [1, 1, 2, 3]


def test_audit_logs_of_sources_are_carried_over(tmp_path, boroughs):
    target = tmp_path / "region.casecoder"
    _merge(target, *boroughs)
    merged = {r[0] for r in sqlite3.connect(target).execute("SELECT id FROM audit_log")}
    for path in boroughs:
        ids = {r[0] for r in sqlite3.connect(path).execute("SELECT id FROM audit_log")}
        assert ids and ids <= merged


def test_report_is_stored_in_the_target(tmp_path, boroughs):
    target = tmp_path / "region.casecoder"
    report = _merge(target, *boroughs)
    rows = sqlite3.connect(target).execute(
        "SELECT source_site, report_json FROM merge_reports ORDER BY source_site").fetchall()
    assert [r[0] for r in rows] == ["Lambeth", "Southwark"]
    stored = json.loads(rows[1][1])
    assert stored["counts"]["cases"] == {"added": 1, "present": 2}
    assert stored["conflicts"] == report.sources[1].conflicts
    assert "conflicts  " in report.text()


def test_merge_into_an_existing_project_keeps_its_own_cases(project_path, boroughs):
    store = Store(open_project(project_path), "A. Analyst")
    code_review(store, "IIR-2020-01")
    store.close()
    _merge(project_path, *boroughs)
    references = {r[1] for r in content(project_path)["cases"]}
    assert "IIR-2020-01" in references and len(references) == 5


def test_a_source_changed_since_the_last_merge_brings_its_changes(tmp_path, boroughs):
    target = tmp_path / "region.casecoder"
    _merge(target, *boroughs)
    lambeth = Store(open_project(boroughs[0]), "A. Analyst")
    [case] = lambeth.find_cases("SAR-2019-02")
    [coding] = lambeth.codings(case.id)
    [victim] = lambeth.entities(coding.id, "victims")
    lambeth.set_answer(victim.id, "age", 82)
    lambeth.close()
    report = _merge(target, boroughs[0])
    assert report.changed and report.sources[0].answers_written == 1
    merged = Store(open_project(target), "R. Researcher")
    assert merged.answer(victim.id, "age").value == 82
    merged.close()
