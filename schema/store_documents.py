"""Store methods linking cases to their review documents and reading documents back.

Importing and text extraction live in the documents modules; this part only relates stored
documents to cases, because a review often arrives as several PDFs (overview report,
executive summary, action plan)."""

from __future__ import annotations

import json

from schema.errors import NotFoundError, ValidationError
from schema.project import now
from schema.records import Document
from schema.transactions import transaction

_DOCUMENT_COLUMNS = ("d.id, d.file_name, d.size_bytes, d.page_count, d.pages_with_text, "
                     "d.text_status, d.failed_pages, d.pdf IS NOT NULL AS has_pdf")


class DocumentMixin:
    def documents(self) -> list[Document]:
        rows = self.db.query(f"SELECT {_DOCUMENT_COLUMNS}, '' AS role FROM documents d "
                             "ORDER BY d.file_name")
        return [_document(r) for r in rows]

    def get_document(self, document_id: str) -> Document:
        rows = list(self.db.query(f"SELECT {_DOCUMENT_COLUMNS}, '' AS role FROM documents d "
                                  "WHERE d.id = ?", [document_id]))
        if not rows:
            raise NotFoundError(f"no document {document_id} in this project")
        return _document(rows[0])

    def document_pdf(self, document_id: str) -> bytes | None:
        """The stored PDF bytes, or None where a merge left the document out."""
        row = self.db.execute("SELECT pdf FROM documents WHERE id = ?", [document_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no document {document_id} in this project")
        return row[0]

    def case_documents(self, case_id: str) -> list[Document]:
        rows = self.db.query(
            f"SELECT {_DOCUMENT_COLUMNS}, l.role FROM case_documents l "
            "JOIN documents d ON d.id = l.document_id WHERE l.case_id = ? "
            "ORDER BY l.position, d.file_name", [case_id])
        return [_document(r) for r in rows]

    def link_document(self, case_id: str, document_id: str, role: str = "") -> None:
        """Attach a stored document to a case; linking twice changes nothing. A document
        belongs to one case: one review is one case, and a merge recognises the case by its
        documents, so a document held by another case is refused."""
        case = self.get_case(case_id)
        document = self.get_document(document_id)
        with transaction(self.db):
            holders = dict(self.db.execute(
                "SELECT l.case_id, c.reference FROM case_documents l JOIN cases c ON "
                "c.id = l.case_id WHERE l.document_id = ?", [document_id]).fetchall())
            if case_id in holders:
                return
            if holders:
                raise ValidationError(
                    f"{document.file_name} already belongs to case "
                    f"{', '.join(sorted(holders.values()))}; unlink it there first, or "
                    f"combine the two cases if they are the same review.")
            position = self.db.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM case_documents WHERE case_id = ?",
                [case_id]).fetchone()[0]
            self.db.execute(
                "INSERT INTO case_documents (case_id, document_id, role, position, added_at, "
                "added_by) VALUES (?, ?, ?, ?, ?, ?)",
                [case_id, document_id, role, position, now(), self.actor])
            self._audit("link", "case_documents", document_id, case_id,
                        f"document linked to {case.reference}", after={"role": role})

    def unlink_document(self, case_id: str, document_id: str) -> None:
        with transaction(self.db):
            self.db.execute("DELETE FROM case_documents WHERE case_id = ? AND document_id = ?",
                            [case_id, document_id])
            self._audit("unlink", "case_documents", document_id, case_id,
                        "document unlinked")


def _document(row: dict) -> Document:
    return Document(id=row["id"], file_name=row["file_name"], size_bytes=row["size_bytes"],
                    page_count=row["page_count"], pages_with_text=row["pages_with_text"],
                    text_status=row["text_status"], failed_pages=json.loads(row["failed_pages"]),
                    has_pdf=bool(row["has_pdf"]), role=row["role"] or "")
