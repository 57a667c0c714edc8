"""Reading order on two-column pages, PDFs with no pages, and importing off the main thread."""

from __future__ import annotations

import threading

from schema.documents.importer import import_pdfs
from schema.documents.reading_order import reading_order
from tests.documents import pdf_files
from tests.documents.conftest import project_snapshot


def _column(x0: float, x1: float, words: str, count: int) -> list[tuple]:
    return [(f"{words} {k}", x0, 100.0 + 14 * k, x1, 110.0 + 14 * k) for k in range(count)]


def test_a_two_column_page_is_read_left_column_first():
    left = _column(72, 280, "left", 8)
    right = _column(315, 523, "right", 8)
    ordered = reading_order(right + left, page_width=595)
    assert [line[0] for line in ordered] == [f"left {k}" for k in range(8)] + [
        f"right {k}" for k in range(8)]


def test_pieces_on_one_baseline_are_joined_left_to_right():
    pieces = [("The GP saw Ms D.", 108, 100, 300, 112), ("4.12", 72, 100.5, 92, 112.5),
              ("She was alone.", 108, 114, 220, 126)]
    assert reading_order(pieces, page_width=595) == [
        ("4.12 The GP saw Ms D.", 72, 100, 300, 112.5), ("She was alone.", 108, 114, 220, 126)]


def _zero_page_pdf(path):
    """A well-formed PDF whose page tree is empty: pdfminer finds 0 pages and raises nothing."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def test_a_pdf_with_no_pages_is_not_readable_and_nothing_is_stored(store, tmp_path):
    before = project_snapshot(store)
    [outcome] = import_pdfs(store, [_zero_page_pdf(tmp_path / "empty-tree.pdf")])
    assert outcome.status == "unreadable"
    assert outcome.message == "not a readable PDF: no pages could be found in it; nothing stored"
    assert project_snapshot(store) == before


def test_import_runs_from_a_background_thread(store, tmp_path):
    overview = pdf_files.overview_pdf(tmp_path)
    results = []
    worker = threading.Thread(target=lambda: results.append(import_pdfs(store, [overview])))
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    [[outcome]] = results
    assert outcome.status == "imported"
    assert store.get_document(outcome.document_id).pages_with_text == 3
