"""Combining two cases after the fact, undoing it, and what is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from schema.case_combining import CombineError
from schema.merge import merge_projects
from schema.project import open_project
from schema.store import Store
from tests.merge.review_copies import CaseSpec, build_site, draft, sha

TABLES = ("cases", "codings", "entities", "answers", "evidence", "case_documents",
          "pseudonyms", "case_aliases", "case_distinctions", "documents")


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> tuple[Path, Path]:
    """A region holding the SAR from one site and its draft from another, apart; and the
    draft's own site."""
    folder = tmp_path_factory.mktemp("combine")
    a = build_site(folder / "a.casecoder", "Harbridge", "ana", [CaseSpec("SAR-2023-02")])
    c = build_site(folder / "c.casecoder", "Northfold", "cal",
                   [CaseSpec("NF-SAR-DRAFT", change=draft, title="Adult B draft")])
    target = folder / "region.casecoder"
    merge_projects(target, [a, c], actor="lead")
    return target, c


@pytest.fixture
def region(merged, tmp_path) -> Path:
    copy = tmp_path / "region.casecoder"
    copy.write_bytes(merged[0].read_bytes())
    return copy


def _dump(store: Store) -> dict[str, list]:
    """Every row of the tables that combining touches (the audit log grows, so not it)."""
    return {t: sorted(map(tuple, store.db.execute(f"SELECT * FROM {t}").fetchall()), key=repr)
            for t in TABLES}


def _ids(store: Store) -> tuple[str, str]:
    sar = store.find_cases("SAR-2023-02")[0].id
    draft_id = store.find_cases("NF-SAR-DRAFT")[0].id
    return sar, draft_id


def test_combining_moves_everything_and_undo_restores_every_row(region):
    store = Store(open_project(region), "lead")
    try:
        sar, draft_id = _ids(store)
        store.add_pseudonym(draft_id, "Real Name", "Adult B")
        # The same document linked to both, as an older version allowed: kept through undo.
        store.db.execute("INSERT INTO case_documents SELECT ?, document_id, role, 5, added_at, "
                         "added_by FROM case_documents WHERE case_id = ?", [sar, draft_id])
        before = _dump(store)
        record = store.combine_cases(sar, draft_id, details_from=draft_id)
        [case] = store.list_cases()
        assert case.id == min(sar, draft_id) and case.reference == "NF-SAR-DRAFT"
        assert {c.coder for c in store.codings(case.id)} == {"ana", "cal"}
        assert len(store.case_documents(case.id)) == 2
        assert [p.pseudonym for p in store.pseudonyms(case.id)] == ["Adult B"]
        assert store.resolve_case(max(sar, draft_id)) == case.id
        assert store.audit_entries(case_id=case.id)[-1].action == "combine"
        store.uncombine_cases(record)
        assert _dump(store) == before
        assert store.audit_entries(case_id=case.id)[-1].action == "uncombine"
    finally:
        store.close()


def test_a_later_merge_of_either_id_lands_on_the_combined_case(region, merged):
    store = Store(open_project(region), "lead")
    try:
        store.combine_cases(*_ids(store))
    finally:
        store.close()
    before = sha(region)
    report = merge_projects(region, [merged[1]], actor="lead")
    assert not report.changed and sha(region) == before
    conn = sqlite3.connect(region)
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    conn.close()


def test_refusals_change_nothing(region):
    store = Store(open_project(region), "lead")
    try:
        sar, draft_id = _ids(store)
        before = _dump(store)
        with pytest.raises(CombineError, match="already one case"):
            store.combine_cases(sar, sar)
        with pytest.raises(CombineError, match="no case nope"):
            store.combine_cases(sar, "nope")
        store.db.execute("INSERT INTO codebooks (key, codebook_id, version, sha256, yaml_text, "
                         "stored_at) VALUES ('other@1', 'other', '1', 'x', '', 'now')")
        store.db.execute("UPDATE codings SET codebook_key = 'other@1' WHERE case_id = ?",
                         [draft_id])
        changed = _dump(store)
        with pytest.raises(CombineError, match="different codebooks"):
            store.combine_cases(sar, draft_id)
        assert _dump(store) == changed
        assert before["cases"] == changed["cases"]
    finally:
        store.close()
