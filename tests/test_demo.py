"""The demo project: several review types, long PDFs, partly coded, with true citations."""

from __future__ import annotations

import pytest

from main import main
from schema.documents.text_layer import page_lines
from schema.integrity import check_project
from schema.project import open_project
from schema.store import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.casecoder"
    assert main(["demo", str(path)]) == 0
    return path


def test_demo_has_cases_of_different_types_with_long_documents(demo):
    store = Store(open_project(demo, readonly=True), "t")
    try:
        cases = store.list_cases()
        assert len({c.review_type for c in cases}) >= 3
        assert {c.status for c in cases} >= {"not_started", "in_progress", "coded"}
        for case in cases:
            documents = store.case_documents(case.id)
            assert documents and max(d.page_count for d in documents) >= 10
            assert all(d.text_status == "ok" for d in documents)
        states = [r[0] for r in store.db.execute("SELECT state FROM answers")]
        assert states.count("answered") > 50 and "not_reported" in states
    finally:
        store.close()


def test_every_demo_citation_is_true_of_its_page(demo):
    store = Store(open_project(demo, readonly=True), "t")
    try:
        rows = list(store.db.query("SELECT document_id, page, paragraph, quote FROM evidence"))
        assert len(rows) >= 10
        for row in rows:
            text = " ".join(line.text for line in page_lines(store, row["document_id"],
                                                              row["page"]))
            assert " ".join(row["quote"].split()) in " ".join(text.split()), row
            assert row["paragraph"]
    finally:
        store.close()
    assert check_project(demo) == []


def test_demo_refuses_to_overwrite_without_force(demo, capsys):
    before = demo.read_bytes()
    assert main(["demo", str(demo)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert demo.read_bytes() == before


def test_force_replaces_the_demo_with_a_new_one(demo):
    old = Store(open_project(demo, readonly=True), "t")
    old_id = old.meta["database_id"]
    old.close()
    assert main(["demo", str(demo), "--force"]) == 0
    new = Store(open_project(demo, readonly=True), "t")
    assert new.meta["database_id"] != old_id and len(new.list_cases()) >= 3
    new.close()
