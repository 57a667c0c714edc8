"""Importing review PDFs: stored once by hash, linked to a case, read page by page, cancellable."""

from __future__ import annotations

from schema.documents.importer import import_pdfs
from schema.documents.paragraphs import assign_paragraphs, paragraph_number
from tests.benchmarks.review_pdf import build_review_pdf
from tests.documents import pdf_files
from tests.documents.conftest import project_snapshot


def test_two_pdfs_are_imported_into_a_case(store, case, tmp_path):
    overview = pdf_files.overview_pdf(tmp_path)
    summary = pdf_files.summary_pdf(tmp_path)
    outcomes = import_pdfs(store, [overview, summary], case_id=case.id)
    assert [(o.status, o.page_count, o.pages_with_text) for o in outcomes] == [
        ("imported", 3, 3), ("imported", 1, 1)]
    assert [o.message for o in outcomes] == ["imported (3 pages, 3 with text)",
                                             "imported (1 page, 1 with text)"]
    linked = store.case_documents(case.id)
    assert [d.file_name for d in linked] == ["overview.pdf", "summary.pdf"]
    assert store.document_pdf(outcomes[0].document_id) == overview.read_bytes()
    imports = store.db.execute("SELECT count(*) FROM audit_log WHERE action = 'import'")
    assert imports.fetchone()[0] == 2


def test_importing_a_stored_file_again_says_so_and_changes_nothing(store, tmp_path):
    overview = pdf_files.overview_pdf(tmp_path)
    [first] = import_pdfs(store, [overview])
    before = project_snapshot(store)
    copy = tmp_path / "copy of overview.pdf"
    copy.write_bytes(overview.read_bytes())
    again = import_pdfs(store, [overview, copy])
    assert [o.status for o in again] == ["already_present", "already_present"]
    assert again[0].message == "already in project (3 pages)"
    assert again[1].message == "already in project as overview.pdf (3 pages)"
    assert {o.document_id for o in again} == {first.document_id}
    assert project_snapshot(store) == before


def test_a_stored_file_imported_for_another_case_is_linked_not_copied(store, case, tmp_path):
    overview = pdf_files.overview_pdf(tmp_path)
    import_pdfs(store, [overview])
    [outcome] = import_pdfs(store, [overview], case_id=case.id)
    assert outcome.status == "already_present"
    assert [d.id for d in store.case_documents(case.id)] == [outcome.document_id]
    assert store.count("documents") == 1


def test_page_text_and_line_boxes_are_stored_in_reading_order(store, tmp_path):
    [outcome] = import_pdfs(store, [pdf_files.overview_pdf(tmp_path)])
    text, width, height, boxes = store.db.execute(
        "SELECT text, width, height, lines_json FROM pages WHERE document_id = ? AND page = 1",
        [outcome.document_id]).fetchone()
    lines = text.split("\n")
    assert lines[0] == "Safeguarding Adult Review: Overview Report"
    assert lines[1] == "4.11 The housing officer visited the flat on 3 March and found it cold."
    assert (round(width), round(height)) == (595, 842)
    assert boxes.count("[") - 1 == len(lines)


def test_numbered_paragraphs_are_found_and_carried_across_pages(store, tmp_path):
    [outcome] = import_pdfs(store, [pdf_files.overview_pdf(tmp_path)])
    rows = store.db.execute(
        "SELECT page, carry_in FROM pages WHERE document_id = ? ORDER BY page",
        [outcome.document_id]).fetchall()
    assert rows == [(1, ""), (2, "4.12"), (3, "4.13")]


def test_paragraph_numbers_need_the_margin_and_a_capital():
    assert paragraph_number("4.12 The GP recorded a fall") == "4.12"
    assert paragraph_number("3.2.1") == "3.2.1"
    assert paragraph_number("3.5 hours later the crew arrived") == ""
    assert paragraph_number("2019 was the year") == ""
    indented = [("1.1 Scope of the review", 72, 100, 300, 112),
                ("2.5 Litres of water were found", 300, 120, 500, 132)]
    [page] = assign_paragraphs([indented])
    assert page.line_paragraphs == ["1.1", "1.1"]


def test_progress_is_reported_page_by_page(store, tmp_path):
    seen = []
    import_pdfs(store, [pdf_files.overview_pdf(tmp_path), pdf_files.summary_pdf(tmp_path)],
                progress=lambda done, total, message: seen.append((done, total, message)))
    page_reports = [(done, total) for done, total, message in seen if ": page " in message]
    assert page_reports == [(1, 3), (2, 3), (3, 3), (4, 4)]
    assert seen[-1][2] == "summary.pdf: imported (1 page, 1 with text)"


def test_cancelling_mid_import_keeps_earlier_files_and_stores_nothing_of_the_rest(
        store, tmp_path):
    summary = pdf_files.summary_pdf(tmp_path)
    review = build_review_pdf(tmp_path / "review.pdf", pages=30).path
    overview = pdf_files.overview_pdf(tmp_path)
    pages_seen = []

    def progress(done, total, message):
        if "review.pdf: page" in message:
            pages_seen.append(done)

    outcomes = import_pdfs(store, [summary, review, overview], progress=progress,
                           cancel=lambda: len(pages_seen) >= 3)
    assert [o.status for o in outcomes] == ["imported", "cancelled", "cancelled"]
    assert outcomes[1].message == "cancelled; nothing stored"
    assert 3 <= len(pages_seen) < 30
    assert [d.file_name for d in store.documents()] == ["summary.pdf"]
    assert store.count("pages") == 1
