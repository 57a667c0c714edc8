"""Search across the reviews: hits name their case, filters keep to cases, and each hit
carries a sentence (with its line boxes) that can be cited; the `search` command shows cases."""

from __future__ import annotations

import pytest

from desktop.cli import run_command_line
from schema.documents.search import SearchFilter
from schema.documents.text_layer import page_lines


def _case_of(store, reference):
    [case] = store.find_cases(reference)
    return case


def test_every_hit_names_the_case_that_holds_its_document(demo_store):
    hits = demo_store.search_pages("agency OR panel", limit=50)
    assert len(hits) >= 10
    holders = demo_store.document_cases()
    for hit in hits:
        assert hit.case_reference == ", ".join(holders[hit.document_id])
        assert hit.case_id == _case_of(demo_store, hit.cases[0].reference).id
    assert len({h.case_reference for h in hits}) >= 3


def test_filters_keep_to_the_chosen_cases(demo_store):
    everywhere = demo_store.search_pages("safeguarding", limit=200)
    sar = _case_of(demo_store, "SAR-2023-02")
    for where, kept in ((SearchFilter(category="adult_family"), {"SAR-2023-02"}),
                        (SearchFilter(review_type="DHR"), {"DHR-2022-01"}),
                        (SearchFilter(case_id=sar.id), {"SAR-2023-02"})):
        hits = demo_store.search_pages("safeguarding", where, limit=200)
        assert hits and {h.case_reference for h in hits} == kept
        assert len(hits) == sum(h.case_reference in kept for h in everywhere)
    assert demo_store.search_pages("safeguarding", SearchFilter(site="Nowhere")) == []
    site = sar.site
    assert len(demo_store.search_pages("safeguarding", SearchFilter(site=site), 200)) == \
        len(everywhere)


def test_a_hit_quotes_the_sentence_with_its_first_match_and_its_lines(demo_store):
    [hit] = [h for h in demo_store.search_pages('"means of control"')]
    assert hit.case_reference == "DHR-2022-01"
    assert "means of control" in hit.quote
    assert hit.quote.endswith(".") and len(hit.quote) < 200
    lines = page_lines(demo_store, hit.document_id, hit.page)
    spanned = [ln for ln in lines if (ln.x0, ln.y0, ln.x1, ln.y1) in hit.rects]
    assert len(spanned) == len(hit.rects) >= 1
    assert all(ln.paragraph == hit.paragraph for ln in spanned)
    assert "control" in " ".join(ln.text for ln in spanned)


def test_a_heading_is_not_run_into_the_paragraph_after_it(demo_store):
    [first, *_] = demo_store.search_pages("coercive control")
    assert first.quote == "Recognising coercive and controlling behaviour"


def test_search_command_prints_case_reference_before_file(demo_file, capsys):
    assert run_command_line(["search", str(demo_file), "coercive control"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.split("\t")[0] == "DHR-2022-01" for line in lines)
    assert all(line.split("\t")[1].endswith(".pdf") for line in lines)


def test_search_command_filters_and_refuses_an_unknown_case(demo_file, capsys):
    assert run_command_line(["search", str(demo_file), "safeguarding", "--review-type",
                             "SAR", "--limit", "50"]) == 0
    refs = {line.split("\t")[0] for line in capsys.readouterr().out.splitlines()}
    assert refs == {"SAR-2023-02"}
    assert run_command_line(["search", str(demo_file), "safeguarding", "--case", "X-1"]) == 2
    assert "no case 'X-1'" in capsys.readouterr().err


@pytest.mark.parametrize("query", ['"unclosed', "AND", "control NOT"])
def test_a_bad_query_is_refused_in_one_line(demo_store, query):
    from schema.documents.search import SearchQueryError

    with pytest.raises(SearchQueryError, match="cannot search for"):
        demo_store.search_pages(query, SearchFilter(review_type="DHR"))
