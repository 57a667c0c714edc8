"""Small projects for merge tests: one site each, cases coded through the store API."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from schema.project import create_project, now, open_project
from schema.store import Store


def make_project(path: Path, codebook, site: str, coder: str) -> Store:
    create_project(path, site=site, coder=coder, codebook=codebook).conn.close()
    return Store(open_project(path), coder)


def add_document(store: Store, content: bytes, name: str = "overview.pdf",
                 page_text: str | None = None) -> str:
    """Store PDF bytes as a document (keyed by sha256), as the import would."""
    document_id = hashlib.sha256(content).hexdigest()
    stamp = now()
    store.db.execute(
        "INSERT INTO documents (id, file_name, size_bytes, pdf, page_count, pages_with_text, "
        "text_status, created_at, created_by, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, 1, 1, 'ok', ?, ?, ?, ?)",
        [document_id, name, len(content), content, stamp, store.actor, stamp, store.actor])
    if page_text is not None:
        store.db.execute("INSERT INTO pages (document_id, page, status, text) "
                         "VALUES (?, 1, 'ok', ?)", [document_id, page_text])
    return document_id


def code_review(store: Store, reference: str, *, gender: str = "female", age: object = 34,
                method: str = "sharp_instrument", document: str | None = None,
                quote: str = "") -> str:
    """One case with one coding: a victim, the method, and optionally a linked document."""
    case = store.create_case(reference, "DHR", category="intimate_partner")
    if document:
        store.link_document(case.id, document)
    coding = store.add_coding(case.id)
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "gender", gender)
    store.set_answer(victim.id, "age", age)
    store.set_answer(victim.id, "characteristics", ["alcohol_misuse"])
    incident = store.section_entity(coding.id, "incident")
    store.set_answer(incident.id, "method", method)
    if quote:
        store.attach_evidence(incident.id, "method", document_id=document, page=1,
                              quote=quote, paragraph="2.3")
    return case.id


def content(path: Path) -> dict[str, set]:
    """What a project holds, as sets of rows, leaving out what records the merge itself."""
    conn = sqlite3.connect(path)
    queries = {
        "cases": "SELECT id, reference, title, review_type, category, status FROM cases",
        "codings": "SELECT id, case_id, coder, site, kind FROM codings",
        "entities": "SELECT id, coding_id, section, position FROM entities",
        "answers": "SELECT entity_id, field, state, value_json FROM answers",
        "evidence": "SELECT id, entity_id, field, document_id, page, quote FROM evidence",
        "documents": "SELECT id, file_name, pdf IS NULL FROM documents",
        "links": "SELECT case_id, document_id FROM case_documents",
        "aliases": "SELECT alias_id, case_id FROM case_aliases",
        "section_states": "SELECT coding_id, section, state FROM section_states",
        "audit": "SELECT id, action, row_id, case_id FROM audit_log WHERE action != 'merge'",
        "codebooks": "SELECT key, sha256 FROM codebooks",
    }
    try:
        return {name: set(conn.execute(sql)) for name, sql in queries.items()}
    finally:
        conn.close()
