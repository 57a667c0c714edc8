"""Describing candidate pairs for the person deciding: both cases side by side (reference,
title, type, year, site, who coded them, which document) and, when asked, which pages of
their two most alike documents differ."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from schema.documents.fingerprint_store import page_texts
from schema.documents.page_compare import differing_pages
from schema.same_review import Candidate

MAX_COMPARED = 100


def describe_candidates(conn: sqlite3.Connection, candidates: Sequence[Candidate], *,
                        text_from: Sequence[sqlite3.Connection] = (),
                        with_pages: bool = False) -> list[dict]:
    """Plain data for each candidate (for JSON, the wizard and the printed report). Page
    text is looked for in `conn`, then in `text_from` (the merge's sources: a codings-only
    merge leaves the text in them)."""
    described = []
    for number, candidate in enumerate(candidates):
        item = candidate.as_dict()
        item["cases"] = [_case(conn, candidate.first), _case(conn, candidate.second)]
        if candidate.documents:
            item["document_names"] = [_document_name(conn, d) for d in candidate.documents]
            if with_pages and number < MAX_COMPARED:
                item["pages"] = compare_documents(candidate.documents, [conn, *text_from])
        described.append(item)
    return described


def _case(conn: sqlite3.Connection, case_id: str) -> dict:
    row = conn.execute("SELECT reference, title, review_type, publication_year, site, status "
                       "FROM cases WHERE id = ?", [case_id]).fetchone()
    keys = ("reference", "title", "review_type", "publication_year", "site", "status")
    found = dict(zip(keys, row, strict=True)) if row else {k: None for k in keys}
    found["id"] = case_id
    found["codings"] = [f"{coder} ({site or 'no site'}, {kind})" for coder, site, kind in
                        conn.execute("SELECT coder, site, kind FROM codings WHERE case_id = ?"
                                     " ORDER BY created_at", [case_id])]
    found["documents"] = [f"{name} ({pages} pages)" for name, pages in conn.execute(
        "SELECT d.file_name, d.page_count FROM case_documents l JOIN documents d ON d.id = "
        "l.document_id WHERE l.case_id = ? ORDER BY l.position, d.file_name", [case_id])]
    return found


def _document_name(conn: sqlite3.Connection, document_id: str) -> str:
    row = conn.execute("SELECT file_name FROM documents WHERE id = ?",
                       [document_id]).fetchone()
    return row[0] if row else document_id[:12]


def compare_documents(documents: tuple[str, str], conns: Sequence[sqlite3.Connection]
                      ) -> list[dict] | None:
    """The pages that differ between two documents, each with an excerpt of both pages'
    text; None when the text of either is in none of `conns`."""
    texts = [_text(d, conns) for d in documents]
    if texts[0] is None or texts[1] is None:
        return None
    found = [p.as_dict() for p in differing_pages(texts[0], texts[1])]
    for page in found:
        page["first_text"] = _excerpt(texts[0], page["first_page"])
        page["second_text"] = _excerpt(texts[1], page["second_page"])
    return found


def _text(document_id: str, conns: Sequence[sqlite3.Connection]) -> list[str] | None:
    for conn in conns:
        found = page_texts(conn, document_id)
        if found is not None:
            return found
    return None


def _excerpt(pages: list[str], number: int | None, limit: int = 1200) -> str:
    if number is None:
        return ""
    text = pages[number - 1]
    return text if len(text) <= limit else text[:limit].rstrip() + " …"
