"""Lines, boxes and paragraphs of a stored page, for citing evidence as page and paragraph."""

from __future__ import annotations

import pytest

from schema.documents.importer import import_pdfs
from schema.documents.text_layer import page_lines, paragraph_at, paragraph_for_quote
from schema.errors import NotFoundError
from tests.documents import pdf_files


@pytest.fixture
def overview(store, tmp_path):
    [outcome] = import_pdfs(store, [pdf_files.overview_pdf(tmp_path)])
    return outcome.document_id


def test_page_lines_have_top_left_boxes_and_paragraphs(store, overview):
    lines = page_lines(store, overview, 1)
    assert [line.paragraph for line in lines] == ["", "4.11", "4.11", "4.12", "4.12", "4.12"]
    title, first = lines[0], lines[1]
    assert first.text.startswith("4.11 The housing officer")
    assert title.y0 < title.y1 <= first.y0 < first.y1  # y grows down the page
    assert first.x0 == pytest.approx(72, abs=1)
    assert 60 < title.y0 < 80  # the first line is near the top of an A4 page


def test_paragraph_at_a_point_on_the_page(store, overview):
    lines = page_lines(store, overview, 2)
    assert paragraph_at(store, overview, 2, 0.0) == "4.12"  # above the first line: carried in
    assert paragraph_at(store, overview, 2, lines[2].y0 + 1) == "4.13"
    assert paragraph_at(store, overview, 1, 0.0) == ""


def test_paragraph_for_a_quote_copied_across_lines(store, overview):
    quote = "did not share the record with adult social care, and the pharmacist noticed"
    assert paragraph_for_quote(store, overview, 1, quote) == "4.12"
    assert paragraph_for_quote(store, overview, 2, "MISSED OPPORTUNITY for professional") \
        == "4.12"
    assert paragraph_for_quote(store, overview, 2, "Their safeguarding referral") == "4.13"
    assert paragraph_for_quote(store, overview, 2, "words that are not on the page") == ""


def test_a_quote_running_on_to_the_next_page_is_found_by_its_start(store, overview):
    quote = ("and the pharmacist noticed that repeat prescriptions were collected by the son "
             "rather than by the tenant herself")
    assert paragraph_for_quote(store, overview, 1, quote) == "4.12"


def test_asking_for_a_page_that_does_not_exist(store, overview):
    with pytest.raises(NotFoundError, match="overview.pdf has no page 4 \\(it has 3\\)"):
        page_lines(store, overview, 4)
    with pytest.raises(NotFoundError):
        page_lines(store, "0" * 64, 1)
