"""Writing an extracted document into the project: the document row, its pages and an audit
entry, all in one transaction, so a failure leaves the project exactly as it was."""

from __future__ import annotations

import json
from dataclasses import dataclass

from schema.documents.extraction import PageResult
from schema.documents.fingerprint_store import store_fingerprint
from schema.documents.paragraphs import assign_paragraphs
from schema.transactions import transaction

TEXT_STATUS = {"imported": "ok", "partial": "partial", "no_text": "no_text"}


@dataclass(frozen=True)
class StoredDocument:
    """What `store_document` is asked to write."""

    sha256: str
    file_name: str
    data: bytes
    status: str  # imported | partial | no_text
    pages: list[PageResult]
    password_protected: bool
    summary: str


def store_document(store, document: StoredDocument) -> None:
    """Insert the document with its pages and audit entry, atomically."""
    failed = [p.number for p in document.pages if p.status in ("failed", "timeout")]
    with_text = sum(1 for p in document.pages if p.status == "ok")
    row = {"id": document.sha256, "file_name": document.file_name,
           "size_bytes": len(document.data), "pdf": document.data,
           "page_count": len(document.pages), "pages_with_text": with_text,
           "text_status": TEXT_STATUS[document.status], "failed_pages": json.dumps(failed),
           "password_protected": int(document.password_protected), **store._stamps()}
    rows = _page_rows(document.sha256, document.pages)
    with transaction(store.db):
        store._insert("documents", row)
        store.db.conn.executemany(
            "INSERT INTO pages (document_id, page, status, width, height, text, lines_json, "
            "carry_in, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows)
        store_fingerprint(store.db.conn, document.sha256,
                          [page[5] for page in rows if page[2] == "ok"])
        store._audit("import", "documents", document.sha256, None, document.summary,
                     after={"file_name": document.file_name, "page_count": len(document.pages),
                            "pages_with_text": with_text, "failed_pages": failed,
                            "text_status": row["text_status"]})


def _page_rows(document_id: str, pages: list[PageResult]) -> list[tuple]:
    ordered = sorted(pages, key=lambda p: p.number)
    paragraphs = assign_paragraphs([p.lines for p in ordered])
    rows = []
    for page, labels in zip(ordered, paragraphs, strict=True):
        text = "\n".join(line[0] for line in page.lines)
        boxes = [[line[1], line[2], line[3], line[4], label]
                 for line, label in zip(page.lines, labels.line_paragraphs, strict=True)]
        rows.append((document_id, page.number, page.status, page.width, page.height, text,
                     json.dumps(boxes, separators=(",", ":")), labels.carry_in, page.error))
    return rows
