"""Full-text search over the stored pages: phrases, prefixes, AND, ranking, snippets, errors."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from main import main
from schema.documents.importer import import_pdfs
from schema.documents.search import SearchQueryError, search
from tests.benchmarks.review_pdf import build_review_pdf
from tests.documents import pdf_files


@pytest.fixture
def documents(store, tmp_path):
    outcomes = import_pdfs(store, [pdf_files.overview_pdf(tmp_path),
                                   pdf_files.summary_pdf(tmp_path)])
    return {o.path.name: o.document_id for o in outcomes}


def _where(hits):
    return [(hit.file_name, hit.page, hit.paragraph) for hit in hits]


def test_phrase_search_gives_document_page_paragraph_and_marked_snippet(store, documents):
    [hit] = search(store, '"missed opportunity"')
    assert _where([hit]) == [("overview.pdf", 2, "4.12")]
    assert hit.document_id == documents["overview.pdf"]
    assert "[missed opportunity]" in hit.snippet
    assert search(store, '"opportunity missed"') == []


def test_prefix_search(store, documents):
    assert _where(search(store, "hoard*")) == [("summary.pdf", 1, "1.2")]
    assert "[Hoarding]" in search(store, "hoard*")[0].snippet


def test_all_words_must_occur(store, documents):
    assert _where(search(store, "coercive control")) == [("overview.pdf", 3, "5.1")]
    assert _where(search(store, "coercive AND control")) == [("overview.pdf", 3, "5.1")]
    assert search(store, "coercive hoarding") == []


def test_a_word_with_punctuation_is_searched_as_written(store, documents):
    assert _where(search(store, "4.13")) == [("overview.pdf", 2, "4.13")]


def test_results_are_ranked_best_first(store, tmp_path):
    path = tmp_path / "ranked.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    for count in (1, 4, 2):
        text = " ".join(["The fire service fitted alarms."] * count +
                        ["The neighbour had reported smoke and a smell of gas."] * 3)
        canvas.drawString(72, 760, text[:110])
        canvas.drawString(72, 740, text[110:220])
        canvas.showPage()
    canvas.save()
    import_pdfs(store, [path])
    hits = search(store, "fire")
    assert [hit.page for hit in hits] == [2, 3, 1]
    assert [hit.rank for hit in hits] == sorted(hit.rank for hit in hits)
    assert [hit.page for hit in search(store, "fire", limit=1)] == [2]


def test_hits_in_a_long_review_give_the_right_page_and_paragraph(store, tmp_path):
    review = build_review_pdf(tmp_path / "review.pdf", pages=12)
    import_pdfs(store, [review.path])
    for page in (3, 9, 12):
        expected = review.paragraph_on_page(page)
        [hit] = search(store, f'"{expected.dated_phrase}"')
        assert (hit.page, hit.paragraph) == (page, expected.number)


@pytest.mark.parametrize("query", ["", "   ", '"unclosed phrase', "AND", "fire AND",
                                   "(fire", "NOT"])
def test_a_malformed_query_gets_a_clear_error(store, documents, query):
    with pytest.raises(SearchQueryError) as raised:
        search(store, query)
    message = str(raised.value)
    assert "search for" in message
    assert "Traceback" not in message


def test_search_command(store, documents, project_path, capsys):
    store.close()
    assert main(["search", str(project_path), '"missed opportunity"']) == 0
    out = capsys.readouterr().out
    assert out.startswith("-\toverview.pdf\tp. 2, para 4.12\t")  # "-": in no case yet
    assert "[missed opportunity]" in out
    assert main(["search", str(project_path), "absent"]) == 0
    assert "No matches for absent." in capsys.readouterr().err
    assert main(["search", str(project_path), "(fire"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("casecoder: error: cannot search for '(fire'")
    assert err.count("\n") == 1
