"""Documents: the full merge carries PDF bytes and page text; --no-documents carries neither."""

from __future__ import annotations

import sqlite3

import pytest

from schema.merge import merge_projects
from schema.merge.documents import text_tables
from tests.merge.builders import add_document, code_review, make_project

PDF = b"%PDF-1.4 overview report of the review of Adult C"


@pytest.fixture
def source(tmp_path, codebook):
    store = make_project(tmp_path / "lambeth.casecoder", codebook, "Lambeth", "A. Analyst")
    document = add_document(store, PDF, page_text="Adult C was seen by her GP in May.")
    case_id = code_review(store, "DHR Adult C", document=document, quote="seen by her GP")
    store.add_pseudonym(case_id, "Jane Realname", "Adult C")
    store.close()
    return tmp_path / "lambeth.casecoder"


def _target_with_text_layer(path, codebook):
    make_project(path, codebook, "Region", "R. Researcher").close()
    return path


def _search_hits(path, word: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM pages_fts WHERE pages_fts MATCH ?",
                            [word]).fetchone()[0]
    finally:
        conn.close()


def _page_text(path) -> list:
    conn = sqlite3.connect(path)
    try:
        rows = []
        for table in text_tables(conn):
            rows += conn.execute(f"SELECT * FROM [{table}]").fetchall()
        return rows
    finally:
        conn.close()


def test_no_documents_leaves_no_pdf_bytes_page_text_or_real_names(tmp_path, source, codebook):
    target = _target_with_text_layer(tmp_path / "shared.casecoder", codebook)
    report = merge_projects(target, [source], actor="R. Researcher", include_documents=False)
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*), count(pdf) FROM documents").fetchone() == (1, 0)
    assert conn.execute("SELECT text_status, pages_with_text FROM documents").fetchone() == (
        "not_extracted", 0)
    assert conn.execute("SELECT count(*) FROM pseudonyms").fetchone()[0] == 0
    assert _page_text(target) == [] and _search_hits(target, "GP") == 0
    assert PDF not in target.read_bytes()
    assert conn.execute("SELECT quote FROM evidence").fetchone()[0] == "seen by her GP"
    assert "codings only" in report.text()


def test_no_documents_into_a_new_target_has_no_page_text(tmp_path, source):
    target = tmp_path / "shared.casecoder"
    merge_projects(target, [source], actor="R. Researcher", include_documents=False)
    assert _page_text(target) == []
    assert sqlite3.connect(target).execute("SELECT count(pdf) FROM documents").fetchone() == (0,)


def test_full_merge_carries_bytes_and_page_text(tmp_path, source, codebook):
    target = _target_with_text_layer(tmp_path / "region.casecoder", codebook)
    report = merge_projects(target, [source], actor="R. Researcher")
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT pdf FROM documents").fetchone()[0] == PDF
    assert [(r[1], r[2], r[6]) for r in _page_text(target)] == [
        (conn.execute("SELECT id FROM documents").fetchone()[0], 1,
         "Adult C was seen by her GP in May.")]
    assert _search_hits(target, "GP") == 1
    assert report.sources[0].counts["documents"].added == 1


def test_a_full_merge_after_a_codings_only_one_fills_in_the_bytes(tmp_path, source, codebook):
    target = _target_with_text_layer(tmp_path / "region.casecoder", codebook)
    merge_projects(target, [source], actor="R. Researcher", include_documents=False)
    report = merge_projects(target, [source], actor="R. Researcher")
    assert report.changed
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT pdf, text_status FROM documents").fetchone() == (PDF, "ok")
    assert len(_page_text(target)) == 1
