"""Store methods that read across the project (agreement, conflicts, the audit log, the
values present) or manage the file (schema version, backups), so that callers outside
`schema/` and `exports/` never reach for `store.db`."""

from __future__ import annotations

from pathlib import Path

from schema import audit
from schema.records import Case
from schema.transactions import transaction


class ReportMixin:
    """Mixed into Store, which provides `db`, `codebook` and the case and document methods."""

    @property
    def path(self) -> Path:
        """The project file this store has open."""
        row = self.db.execute("PRAGMA database_list").fetchone()
        return Path(row[2])

    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def agreement(self) -> list:
        """Coder agreement for every categorical field (schema.agreement.FieldAgreement)."""
        from schema.agreement import project_agreement

        return project_agreement(self.db, self.codebook)

    def agreement_details(self) -> list:
        """The units on which the codings disagree, per field and per option
        (schema.agreement_details.Disagreement). With blind coding on, the cases whose
        codings this coder may not see yet are left out."""
        from schema.agreement_details import disagreements

        hidden = frozenset(c.case_id for c in self.hidden_codings())
        return disagreements(self.db, self.codebook, leave_out=hidden)

    def cases_with_several_codings(self) -> list[str]:
        from schema.merge.conflicts import cases_with_several_codings

        return cases_with_several_codings(self.db)

    def case_conflicts(self, case_id: str) -> list:
        """The fields on which a case's codings differ (schema.merge.conflicts)."""
        from schema.merge.conflicts import case_conflicts

        return case_conflicts(self.db, self.codebook, case_id)

    def search_pages(self, query: str, where=None, limit: int = 50) -> list:
        """Full-text search over the documents' pages, best first, within `where` (a
        schema.documents.search.SearchFilter): schema.documents.search.SearchHit records."""
        from schema.documents.search import search

        return search(self, query, limit=limit, where=where)

    def audit_entries(self, **filters) -> list[audit.AuditEntry]:
        """The audit log, newest first, filtered as schema.audit.entries allows."""
        return audit.entries(self.db, **filters)

    def set_backups_to_keep(self, keep: int) -> None:
        from schema.backup import set_backups_to_keep

        set_backups_to_keep(self.db, keep)

    def backup_to(self, out: Path) -> Path:
        """A backup of the open project written to the new file `out`."""
        from schema.backup import write_backup

        return write_backup(self.db.conn, self.path, out)

    def create_case_with_documents(self, *, reference: str, review_type: str, title: str,
                                   category: str | None, publication_year: int | None,
                                   document_ids: list[str]) -> Case:
        """A new case and its document links in one transaction: all of it, or none."""
        with transaction(self.db):
            case = self.create_case(reference, review_type, title=title, category=category,
                                    publication_year=publication_year)
            for document_id in document_ids:
                self.link_document(case.id, document_id)
        return case
