"""The store side of managing cases: one-transaction edits that undo exactly, and the summary
a delete confirmation shows."""

from __future__ import annotations

import pytest

from schema.errors import NotFoundError, ValidationError
from schema.store import DocumentLink


def _documents(store, tmp_path) -> tuple[str, str]:
    from schema.documents.importer import import_pdfs
    from tests.documents.pdf_files import overview_pdf, summary_pdf

    outcomes = import_pdfs(store, [overview_pdf(tmp_path), summary_pdf(tmp_path)])
    return outcomes[0].document_id, outcomes[1].document_id


def test_edit_case_sets_details_and_links_and_puts_them_back(store, tmp_path):
    overview, summary = _documents(store, tmp_path)
    case = store.create_case("DHR-1", "DHR")
    store.link_document(case.id, overview, "overview report")
    store.link_document(case.id, summary, "executive summary")
    before = store.case_links(case.id)
    edited = store.edit_case(case.id, {"title": "Adult A", "site": "Croydon"},
                             [DocumentLink(summary, "executive summary", 0)])
    assert (edited.title, edited.site) == ("Adult A", "Croydon")
    assert store.case_links(case.id) == [DocumentLink(summary, "executive summary", 0)]
    store.edit_case(case.id, {"title": "", "site": "Lambeth"}, before)
    assert store.case_links(case.id) == before  # roles and order as they were
    assert [d.role for d in store.case_documents(case.id)] == ["overview report",
                                                               "executive summary"]
    actions = [e.action for e in store.audit_entries(case_id=case.id)]
    assert actions.count("unlink") == 1 and actions.count("link") == 3


def test_a_refused_edit_changes_nothing(store, tmp_path):
    overview, _ = _documents(store, tmp_path)
    case = store.create_case("DHR-1", "DHR")
    store.edit_case(case.id, {"title": "New"}, [DocumentLink(overview)])
    with pytest.raises(ValidationError, match="unknown category"):
        store.edit_case(case.id, {"title": "Other", "category": "nope"}, [])
    with pytest.raises(ValidationError, match="a case needs a reference"):
        store.edit_case(case.id, {"reference": "  ", "title": "Other"}, [])
    with pytest.raises(NotFoundError):  # the title was written first: all of it rolls back
        store.edit_case(case.id, {"title": "Other"}, [DocumentLink("no-such-document")])
    assert store.get_case(case.id).title == "New"
    assert store.case_links(case.id) == [DocumentLink(overview)]


def test_case_summary_counts_what_a_delete_removes(store, tmp_path):
    overview, _ = _documents(store, tmp_path)
    case = store.create_case("DHR-1", "DHR")
    store.link_document(case.id, overview)
    coding = store.add_coding(case.id, coder="A")
    review = store.section_entity(coding.id, "review")
    store.set_answer(review.id, "subject", "Adult A")
    store.mark_not_reported(review.id, "summary")
    store.attach_evidence(review.id, "subject", document_id=overview, page=1, quote="x")
    store.add_pseudonym(case.id, "Jane Roe", "Adult A")
    summary = store.case_summary(case.id)
    assert (summary.codings, summary.answers, summary.evidence, summary.documents,
            summary.pseudonyms) == ((("A", "primary"),), 2, 1, ("overview.pdf",), 1)
    assert summary.describe() == "1 coding, 2 answers, 1 piece of evidence, 1 document link"
    store.delete_case(case.id)
    assert store.count("answers") == store.count("evidence") == store.count("codings") == 0
    assert store.count("documents") == 2
