"""Every kind of bad file ends in one clear status, and the project is left exactly as it was."""

from __future__ import annotations

import time

import pytest

from main import main
from schema.documents.importer import import_pdfs
from schema.documents.search import search
from schema.documents.text_layer import page_lines
from tests.documents import pdf_files
from tests.documents.conftest import project_snapshot


def _import_one(store, path, **options):
    before = project_snapshot(store)
    [outcome] = import_pdfs(store, [path], **options)
    return outcome, before


def _assert_nothing_stored(store, outcome, before):
    assert outcome.message.endswith("nothing stored")
    assert outcome.document_id is None
    assert project_snapshot(store) == before


@pytest.mark.parametrize(("make", "reason"), [
    (pdf_files.empty_file, "the file is empty"),
    (pdf_files.html_file, "an HTML page; save the PDF itself"),
    (pdf_files.header_only, "a PDF header but no PDF content"),
])
def test_files_that_are_not_pdfs_are_refused_before_parsing(store, tmp_path, make, reason):
    outcome, before = _import_one(store, make(tmp_path))
    assert outcome.status == "unreadable"
    assert reason in outcome.message
    _assert_nothing_stored(store, outcome, before)


def test_a_file_cut_off_halfway_is_not_readable(store, tmp_path):
    good = pdf_files.overview_pdf(tmp_path)
    outcome, before = _import_one(store, pdf_files.truncated(tmp_path, good, 0.5))
    assert outcome.status == "unreadable"
    assert "cut short" in outcome.message
    _assert_nothing_stored(store, outcome, before)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_file_with_200_bytes_changed_is_refused_or_kept_whole(store, tmp_path, seed):
    good = pdf_files.overview_pdf(tmp_path)
    outcome, before = _import_one(store, pdf_files.corrupted(tmp_path, good, 200, seed))
    assert outcome.status in ("unreadable", "partial", "imported", "no_text")
    if outcome.status == "unreadable":
        assert "damaged" in outcome.message or "cut short" in outcome.message
        _assert_nothing_stored(store, outcome, before)
    else:
        stored = store.get_document(outcome.document_id)
        assert stored.page_count == outcome.page_count
        assert store.count("pages") == before["pages"] + outcome.page_count


def test_junk_within_the_first_kilobyte_is_accepted_as_readers_do(store, tmp_path):
    good = pdf_files.overview_pdf(tmp_path)
    [outcome] = import_pdfs(store, [pdf_files.junk_before_header(tmp_path, good, 100)])
    assert outcome.status == "imported"
    assert outcome.page_count == 3
    assert search(store, '"missed opportunity"')[0].page == 2


def test_junk_pushing_the_header_past_the_first_kilobyte_is_not_a_pdf(store, tmp_path):
    good = pdf_files.overview_pdf(tmp_path)
    outcome, before = _import_one(store, pdf_files.junk_before_header(tmp_path, good, 2000))
    assert outcome.status == "unreadable"
    assert "it is not a PDF" in outcome.message
    _assert_nothing_stored(store, outcome, before)


def test_a_password_protected_file_without_a_password(store, tmp_path):
    outcome, before = _import_one(store, pdf_files.encrypted_pdf(tmp_path, "kestrel-42"))
    assert outcome.status == "needs_password"
    assert "no password was given" in outcome.message
    _assert_nothing_stored(store, outcome, before)


def test_a_password_protected_file_with_the_wrong_password(store, tmp_path):
    path = pdf_files.encrypted_pdf(tmp_path, "kestrel-42")
    outcome, before = _import_one(store, path, password="kestrel-24")
    assert outcome.status == "needs_password"
    assert "the password given is wrong" in outcome.message
    _assert_nothing_stored(store, outcome, before)


def test_a_password_protected_file_with_the_right_password(store, tmp_path):
    path = pdf_files.encrypted_pdf(tmp_path, "kestrel-42")
    [outcome] = import_pdfs(store, [path], password="kestrel-42")
    assert outcome.status == "imported"
    assert store.document_pdf(outcome.document_id) == path.read_bytes()
    assert store.db.execute("SELECT password_protected FROM documents").fetchone()[0] == 1
    [hit] = search(store, "pharmacist")
    assert (hit.page, hit.paragraph) == (1, "4.12")


def test_an_image_only_page_is_kept_as_a_scanned_document(store, tmp_path):
    path = pdf_files.image_only_pdf(tmp_path)
    [outcome] = import_pdfs(store, [path])
    assert outcome.status == "no_text"
    assert "needs OCR before it can be searched" in outcome.message
    assert outcome.message.startswith("no text layer (1 page)")
    stored = store.get_document(outcome.document_id)
    assert (stored.page_count, stored.pages_with_text, stored.text_status) == (1, 0, "no_text")
    assert store.document_pdf(outcome.document_id) == path.read_bytes()
    assert page_lines(store, outcome.document_id, 1) == []


def test_a_page_of_many_drawn_lines_times_out_and_the_other_pages_are_kept(store, tmp_path):
    path = pdf_files.many_lines_pdf(tmp_path)
    started = time.monotonic()
    [outcome] = import_pdfs(store, [path], page_timeout=1.0)
    assert time.monotonic() - started < 20
    assert outcome.status == "partial"
    assert outcome.failed_pages == [2]
    assert "page 2 could not be read (took longer than 1 s to read)" in outcome.message
    statuses = store.db.execute("SELECT page, status FROM pages ORDER BY page").fetchall()
    assert statuses == [(1, "ok"), (2, "timeout"), (3, "ok")]
    assert [hit.page for hit in search(store, "ambulance")] == [3]


def test_the_time_limit_for_the_whole_file_is_respected(store, tmp_path):
    path = pdf_files.many_lines_pdf(tmp_path, lines=100_000)  # about 5 s for page 2
    started = time.monotonic()
    [outcome] = import_pdfs(store, [path], workers=1, page_timeout=60, file_timeout=3.0)
    assert time.monotonic() - started < 15
    assert outcome.status == "partial"
    assert 2 in outcome.failed_pages
    assert "not read within the time limit for the file" in outcome.message


def test_import_command_exits_1_and_keeps_the_good_files(store, project_path, tmp_path,
                                                         capsys):
    store.close()
    good = pdf_files.summary_pdf(tmp_path)
    bad = pdf_files.html_file(tmp_path)
    code = main(["import", str(project_path), str(good), str(bad)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{good}: imported (1 page, 1 with text)" in out
    assert f"{bad}: not a readable PDF: it is not a PDF" in out


def test_import_command_with_a_password_file(store, project_path, tmp_path, capsys):
    store.close()
    path = pdf_files.encrypted_pdf(tmp_path, "kestrel-42")
    assert main(["import", str(project_path), str(path)]) == 1
    captured = capsys.readouterr()
    assert "needs a password (no password was given); nothing stored" in captured.out
    assert "--password-file" in captured.err
    secret = tmp_path / "password.txt"
    secret.write_text("kestrel-42\n", encoding="utf-8")
    assert main(["import", str(project_path), str(path), "--password-file", str(secret)]) == 0
    assert "imported (3 pages, 3 with text)" in capsys.readouterr().out
