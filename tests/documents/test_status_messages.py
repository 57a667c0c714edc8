"""Every file's status line is one line of at most about 200 characters that says what is wrong
and what to do, however long or binary the error behind it (issue 11, point 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from main import main
from schema.documents.extract_worker import _open_failure
from schema.documents.extraction import Extraction, PageResult
from schema.documents.importer import classify_pages, import_pdfs
from tests.documents import pdf_files
from tests.documents.conftest import project_snapshot

LIMIT = 200
# What pdfminer puts in its errors: a whole dictionary, with bytes, over several lines.
RAW_DICTIONARY = ("{'Filter': /'Standard', 'O': b'\\xed6BE\\xfey\\x0f\\x9f" + "\\x00" * 120
                  + "',\n 'U': b'\\xc8\\x0e" + "\\x00" * 120 + "', 'V': 9}")


def _assert_status_line(name: str, message: str) -> None:
    """`name: message` as the import dialog and the progress line show it."""
    line = f"{name}: {message}"
    assert "\n" not in line and "\r" not in line, line
    assert line.isprintable(), line
    assert len(line) <= LIMIT, f"{len(line)} characters: {line}"
    for quoted in ("b'", "\\x", "param=", "{", "<PDF"):
        assert quoted not in line, line


@pytest.mark.parametrize("kind", sorted(pdf_files.UNSUPPORTED_ENCRYPTION))
def test_unsupported_encryption_says_what_to_do_in_one_short_line(store, tmp_path, kind):
    path = pdf_files.unsupported_encryption_pdf(tmp_path, kind)
    before = project_snapshot(store)
    [outcome] = import_pdfs(store, [path])
    assert outcome.status == "unreadable"
    assert "encrypted" in outcome.message
    assert "save an unprotected copy, and import that" in outcome.message
    _assert_status_line(path.name, outcome.message)
    assert outcome.message.endswith("nothing stored")
    assert project_snapshot(store) == before


def test_the_import_command_names_the_encrypted_file_in_one_short_line(
        store, project_path, tmp_path, capsys):
    store.close()
    path = pdf_files.unsupported_encryption_pdf(tmp_path, "certificate")
    assert main(["import", str(project_path), str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    [line] = lines
    assert line.startswith(f"{path}: is encrypted")
    _assert_status_line(path.name, line.removeprefix(f"{path}: "))


@pytest.mark.parametrize("error", [
    f"Not a stream object: <PDFStream(12): raw={RAW_DICTIONARY}>",
    f"Unsupported crypt filter: param={RAW_DICTIONARY}",
])
def test_a_damaged_file_never_quotes_the_raw_error(tmp_path, error):
    from pdfminer.pdfparser import PDFSyntaxError

    kind, reason = _open_failure(PDFSyntaxError(error), None)[1:]
    assert kind == "unreadable"
    assert "get a fresh copy of the file" in reason
    _assert_status_line("overview.pdf", f"not a readable PDF: {reason}; nothing stored")


def test_a_partly_read_file_with_long_errors_keeps_its_line_short():
    count = 9999
    pages = {n: PageResult(n, "failed", error=f"TypeError: {RAW_DICTIONARY}")
             for n in range(1000, count + 1)}
    pages.update({n: PageResult(n, "ok", lines=[("text", 0, 0, 1, 1)]) for n in range(1, 1000)})
    outcome = classify_pages(Path("long-review.pdf"), "0" * 64,
                             Extraction("opened", page_count=count, pages=pages))
    assert outcome.status == "partial"
    assert outcome.message.startswith("partly extracted (9999 pages, 999 with text); pages "
                                      "1000, 1001")
    _assert_status_line("long-review.pdf", outcome.message)


def test_a_file_none_of_whose_pages_can_be_read_keeps_its_line_short():
    pages = {n: PageResult(n, "failed", error="ValueError:\n" + RAW_DICTIONARY)
             for n in (1, 2)}
    outcome = classify_pages(Path("overview.pdf"), "0" * 64,
                             Extraction("opened", page_count=2, pages=pages))
    assert outcome.status == "unreadable"
    assert "none of its 2 pages could be read" in outcome.message
    _assert_status_line("overview.pdf", outcome.message)
