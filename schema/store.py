"""The store API: the one way the GUI and the command line read and change a project.

Each public method that changes data runs in one transaction and appends to the audit log in
that same transaction. Widgets and commands never write SQL; they call these methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import sqlite_utils

from schema import audit
from schema.codebook_loader import parse_codebook
from schema.codebook_model import Codebook
from schema.counting import counting_coding_sql
from schema.errors import NotFoundError, ValidationError
from schema.project import new_id, now, read_meta
from schema.records import CASE_STATUSES, CODING_KINDS, Case, CaseFilter, Coding
from schema.store_blind import BlindCodingMixin
from schema.store_combining import CombiningMixin
from schema.store_documents import DocumentMixin
from schema.store_entities import EntityMixin
from schema.store_pseudonyms import PseudonymMixin
from schema.store_reports import ReportMixin
from schema.store_sections import SectionStateMixin
from schema.store_suggestions import SuggestionMixin
from schema.transactions import transaction

CASE_COLUMNS = ("reference", "title", "review_type", "category", "site", "publication_year",
                "status", "notes")


class Store(EntityMixin, DocumentMixin, PseudonymMixin, ReportMixin, CombiningMixin,
            SuggestionMixin, SectionStateMixin, BlindCodingMixin):
    """A project opened for a named person (the actor recorded in the audit log)."""

    def __init__(self, db: sqlite_utils.Database, actor: str) -> None:
        self.db = db
        self.actor = actor or "unknown"
        self.meta = read_meta(db)
        self.site = self.meta.get("site", "")
        self.on_close: list = []  # callables run once the connection is closed (e.g. unlock)

    @cached_property
    def codebook(self) -> Codebook:
        """The project's active codebook, read from inside the project file."""
        return self.codebook_by_key(self.meta["codebook_key"])

    def codebook_by_key(self, key: str) -> Codebook:
        row = self.db.execute("SELECT yaml_text FROM codebooks WHERE key = ?", [key]).fetchone()
        if row is None:
            raise NotFoundError(f"the project does not hold codebook {key}")
        return parse_codebook(row[0], source=f"codebook {key} stored in the project")

    def close(self) -> None:
        self.db.conn.close()
        callbacks, self.on_close = self.on_close, []
        for callback in callbacks:
            callback()

    def _audit(self, action: str, table: str, row_id: str, case_id: str | None,
               summary: str = "", before: object = None, after: object = None) -> None:
        audit.record(self.db, actor=self.actor, site=self.site, action=action, table=table,
                     row_id=row_id, case_id=case_id, summary=summary, before=before,
                     after=after)

    def _stamps(self) -> dict[str, str]:
        stamp = now()
        return {"created_at": stamp, "created_by": self.actor,
                "updated_at": stamp, "updated_by": self.actor}

    # Cases -------------------------------------------------------------------------------

    def create_case(self, reference: str, review_type: str, *, title: str = "",
                    category: str | None = None, site: str | None = None,
                    publication_year: int | None = None) -> Case:
        reference = reference.strip()
        if not reference:
            raise ValidationError("a case needs a reference")
        self._check_case_values(review_type=review_type, category=category)
        row = {"id": new_id(), "reference": reference, "title": title,
               "review_type": review_type, "category": category,
               "site": self.site if site is None else site,
               "publication_year": publication_year, "status": "not_started", "notes": "",
               **self._stamps()}
        with transaction(self.db):
            self._insert("cases", row)
            self._audit("create", "cases", row["id"], row["id"], f"case {reference}",
                        after=_public(row))
        return self.get_case(row["id"])

    def update_case(self, case_id: str, **changes: object) -> Case:
        unknown = set(changes) - set(CASE_COLUMNS)
        if unknown:
            raise ValidationError(f"cases have no column {', '.join(sorted(unknown))}")
        self._check_case_values(**changes)
        before = self.get_case(case_id)
        with transaction(self.db):
            self._update("cases", case_id, changes)
            self._audit("update", "cases", case_id, case_id, f"case {before.reference}",
                        before={k: getattr(before, k) for k in changes}, after=changes)
        return self.get_case(case_id)

    def set_case_status(self, case_id: str, status: str) -> Case:
        return self.update_case(case_id, status=status)

    def delete_case(self, case_id: str) -> None:
        """Remove a case with its codings, answers, evidence, names register and document
        links (the documents stay in the project). The audit entry says what went."""
        case = self.get_case(case_id)
        summary = self.case_summary(case_id)
        with transaction(self.db):
            self.db.execute("DELETE FROM cases WHERE id = ?", [case_id])
            self._audit("delete", "cases", case_id, case_id,
                        f"case {case.reference} ({summary.describe()})",
                        before={**case.__dict__, "removed": summary.describe()})

    def case_summary(self, case_id: str) -> CaseSummary:
        """What deleting a case would remove, for the confirmation and the audit log."""
        case = self.get_case(case_id)

        def count(sql: str) -> int:
            return self.db.execute(sql, [case_id]).fetchone()[0]
        scope = "JOIN entities e ON e.id = x.entity_id JOIN codings g ON g.id = e.coding_id " \
                "WHERE g.case_id = ?"
        return CaseSummary(
            reference=case.reference,
            codings=tuple((c.coder, c.kind) for c in self.codings(case_id)),
            answers=count(f"SELECT count(*) FROM answers x {scope}"),
            evidence=count(f"SELECT count(*) FROM evidence x {scope}"),
            documents=tuple(d.file_name for d in self.case_documents(case_id)),
            pseudonyms=count("SELECT count(*) FROM pseudonyms WHERE case_id = ?"))

    def edit_case(self, case_id: str, changes: dict, links: list[DocumentLink] | None = None
                  ) -> Case:
        """Change a case's details and (given `links`) make its document links exactly
        these, in one transaction; undo calls it again with what `case_links` gave before."""
        with transaction(self.db):
            before = self.get_case(case_id)
            changed = {k: v for k, v in changes.items() if getattr(before, k) != v}
            if "reference" in changed and not str(changed["reference"]).strip():
                raise ValidationError("a case needs a reference")
            if changed:
                self.update_case(case_id, **changed)
            if links is not None:
                self._set_links(case_id, links)
        return self.get_case(case_id)

    def case_links(self, case_id: str) -> list[DocumentLink]:
        rows = self.db.execute("SELECT document_id, role, position FROM case_documents "
                               "WHERE case_id = ? ORDER BY position", [case_id]).fetchall()
        return [DocumentLink(*row) for row in rows]

    def _set_links(self, case_id: str, links: list[DocumentLink]) -> None:
        current = {link.document_id: link for link in self.case_links(case_id)}
        for document_id in current.keys() - {link.document_id for link in links}:
            self.unlink_document(case_id, document_id)
        for link in links:
            old = current.get(link.document_id)
            if old is None:
                self.link_document(case_id, link.document_id, link.role)
            if old != link:
                self.db.execute("UPDATE case_documents SET role = ?, position = ? WHERE "
                                "case_id = ? AND document_id = ?",
                                [link.role, link.position, case_id, link.document_id])

    def document_cases(self) -> dict[str, list[str]]:
        """Each linked document's id -> the references of the cases it belongs to."""
        found: dict[str, list[str]] = {}
        for document_id, reference in self.db.execute(
                "SELECT l.document_id, c.reference FROM case_documents l JOIN cases c "
                "ON c.id = l.case_id ORDER BY c.reference COLLATE NOCASE"):
            found.setdefault(document_id, []).append(reference)
        return found

    def get_case(self, case_id: str) -> Case:
        row = self._row("cases", case_id)
        return _case(row)

    def find_cases(self, reference: str) -> list[Case]:
        rows = self.db.query("SELECT * FROM cases WHERE reference = ? COLLATE NOCASE",
                             [reference.strip()])
        return [_case(r) for r in rows]

    def list_cases(self, case_filter: CaseFilter | None = None) -> list[Case]:
        f = case_filter or CaseFilter()
        clauses, params = [], []
        for column in ("category", "review_type", "status", "site"):
            value = getattr(f, column)
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if f.text.strip():
            clauses.append("(reference LIKE ? OR title LIKE ? OR notes LIKE ?)")
            params += [f"%{f.text.strip()}%"] * 3
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT * FROM cases{where} ORDER BY reference COLLATE NOCASE, created_at"
        return [_case(r) for r in self.db.query(sql, params)]

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]

    def _check_case_values(self, **values: object) -> None:
        book = self.codebook
        if "review_type" in values and book.review_types and \
                values["review_type"] not in {o.key for o in book.review_types}:
            raise ValidationError(f"unknown review type {values['review_type']!r}; expected one "
                                  f"of {', '.join(o.key for o in book.review_types)}")
        category = values.get("category")
        if category and book.categories and category not in {o.key for o in book.categories}:
            raise ValidationError(f"unknown category {category!r}; expected one of "
                                  f"{', '.join(o.key for o in book.categories)}")
        if "status" in values and values["status"] not in CASE_STATUSES:
            raise ValidationError(f"unknown status {values['status']!r}; expected one of "
                                  f"{', '.join(CASE_STATUSES)}")

    # Codings -----------------------------------------------------------------------------

    def add_coding(self, case_id: str, *, coder: str | None = None, kind: str = "primary",
                   site: str | None = None) -> Coding:
        """Start a coding of a case, with one entity for each non-repeating section."""
        if kind not in CODING_KINDS:
            raise ValidationError(f"unknown coding kind {kind!r}")
        case = self.get_case(case_id)
        row = {"id": new_id(), "case_id": case_id, "coder": coder or self.actor,
               "site": self.site if site is None else site, "kind": kind,
               "codebook_key": self.codebook.key, **self._stamps()}
        with transaction(self.db):
            self._insert("codings", row)
            self._audit("create", "codings", row["id"], case_id,
                        f"{kind} coding of {case.reference} by {row['coder']}",
                        after=_public(row))
            for section in self.codebook.sections:
                if not section.repeat:
                    self._insert_entity(row["id"], section.key, 0, case_id)
        return self.get_coding(row["id"])

    def get_coding(self, coding_id: str) -> Coding:
        return _coding(self._row("codings", coding_id))

    def codings(self, case_id: str) -> list[Coding]:
        rows = self.db.query("SELECT * FROM codings WHERE case_id = ? ORDER BY created_at",
                             [case_id])
        return [_coding(r) for r in rows]

    def all_codings(self) -> list[Coding]:
        """Every coding of the project, in one read (by case, then as made)."""
        rows = self.db.query("SELECT * FROM codings ORDER BY case_id, created_at")
        return [_coding(r) for r in rows]

    def answered_count(self, coding_id: str) -> int:
        """How many fields of a coding hold an answer ("not reported" marks excluded)."""
        return self.db.execute(
            "SELECT count(*) FROM answers a JOIN entities e ON e.id = a.entity_id "
            "WHERE e.coding_id = ? AND a.state = 'answered'", [coding_id]).fetchone()[0]

    def coding_for_tables(self, case_id: str) -> Coding | None:
        """The coding that speaks for a case (the rule is schema.counting's)."""
        row = self.db.execute(f"SELECT {counting_coding_sql('c')} FROM cases c WHERE c.id = ?",
                              [case_id]).fetchone()
        return self.get_coding(row[0]) if row and row[0] else None

    # Row helpers -------------------------------------------------------------------------

    def _insert(self, table: str, row: dict) -> None:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))

    def _update(self, table: str, row_id: str, changes: dict) -> None:
        changes = {**changes, "updated_at": now(), "updated_by": self.actor}
        sets = ", ".join(f"{column} = ?" for column in changes)
        self.db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*changes.values(), row_id])

    def _row(self, table: str, row_id: str) -> dict:
        rows = list(self.db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
        if not rows:
            raise NotFoundError(f"no {table[:-1]} with id {row_id}")
        return rows[0]


@dataclass(frozen=True)
class DocumentLink:
    """One document linked to a case: its role there and its place in the case's list."""

    document_id: str
    role: str = ""
    position: int = 0


@dataclass(frozen=True)
class CaseSummary:
    """What a case holds beyond its own row: what deleting it removes."""

    reference: str
    codings: tuple[tuple[str, str], ...]  # (coder, kind)
    answers: int
    evidence: int
    documents: tuple[str, ...]  # file names; the documents themselves stay
    pseudonyms: int = 0

    def describe(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"
        return (f"{n(len(self.codings), 'coding')}, {n(self.answers, 'answer')}, "
                f"{n(self.evidence, 'piece')} of evidence, "
                f"{n(len(self.documents), 'document link')}")


def _public(row: dict) -> dict:
    return {k: v for k, v in row.items() if not k.endswith(("_at", "_by"))}


def _case(row: dict) -> Case:
    return Case(id=row["id"], reference=row["reference"], title=row["title"],
                review_type=row["review_type"], category=row["category"], site=row["site"],
                publication_year=row["publication_year"], status=row["status"],
                notes=row["notes"], updated_at=row["updated_at"])


def _coding(row: dict) -> Coding:
    return Coding(id=row["id"], case_id=row["case_id"], coder=row["coder"], site=row["site"],
                  kind=row["kind"], codebook_key=row["codebook_key"],
                  created_at=row["created_at"], status=row.get("status") or "not_started")
