"""What a REFI-QDA export reads from a project, as plain records (read-only SQL)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from schema.counting import counting_coding_sql
from schema.store import Store


@dataclass(frozen=True)
class Quote:
    """One evidence quote with the answer it supports and who coded that answer."""

    id: str
    section: str
    field: str
    document_id: str | None
    page: int | None
    paragraph: str
    quote: str
    rects: list
    created_at: str
    created_by: str
    coder: str
    case_id: str
    state: str | None
    value_json: str | None


@dataclass(frozen=True)
class CaseRow:
    id: str
    reference: str
    title: str
    review_type: str
    category: str | None
    site: str
    publication_year: int | None
    status: str
    documents: tuple[str, ...] = ()
    answers: tuple[tuple[str, str, str, str | None], ...] = ()  # section, field, state, value

    def answer(self, section: str, field_key: str) -> tuple[str, str | None] | None:
        """(state, value_json) of a field of a case-level section, or None if unanswered."""
        if not hasattr(self, "_by_field"):
            by_field = {}
            for sec, key, state, value_json in self.answers:
                by_field.setdefault((sec, key), (state, value_json))
            object.__setattr__(self, "_by_field", by_field)
        return self._by_field.get((section, field_key))


@dataclass
class ProjectData:
    meta: dict
    cases: list[CaseRow]
    documents: list[dict]
    quotes: list[Quote]
    page_heights: dict[tuple[str, int], float] = field(default_factory=dict)
    text_paths: dict[str, str] = field(default_factory=dict)  # document id -> internal path

    def coders(self) -> list[str]:
        """Everyone named as a coder or as the maker of a quote, sorted."""
        return sorted({q.coder for q in self.quotes} | {q.created_by for q in self.quotes})


def read_project(store: Store) -> ProjectData:
    """Everything the export needs, read in a handful of queries."""
    db = store.db
    return ProjectData(meta=dict(store.meta), cases=_cases(db), documents=_documents(db),
                       quotes=_quotes(db), page_heights=_page_heights(db))


def _cases(db) -> list[CaseRow]:
    links: dict[str, list[str]] = {}
    for case_id, document_id in db.execute(
            "SELECT case_id, document_id FROM case_documents ORDER BY case_id, position"):
        links.setdefault(case_id, []).append(document_id)
    answers: dict[str, list] = {}
    for row in db.execute(
            f"SELECT c.id, e.section, a.field, a.state, a.value_json FROM cases c "
            f"JOIN entities e ON e.coding_id = {counting_coding_sql('c')} "
            f"JOIN answers a ON a.entity_id = e.id ORDER BY c.id, e.section, e.position"):
        answers.setdefault(row[0], []).append(tuple(row[1:]))
    rows = db.execute("SELECT id, reference, title, review_type, category, site, "
                      "publication_year, status FROM cases ORDER BY reference, id").fetchall()
    return [CaseRow(*row, documents=tuple(links.get(row[0], ())),
                    answers=tuple(answers.get(row[0], ()))) for row in rows]


def _documents(db) -> list[dict]:
    cursor = db.execute("SELECT id, file_name, page_count, pdf IS NOT NULL AS has_pdf, "
                        "created_at FROM documents ORDER BY file_name, id")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _quotes(db) -> list[Quote]:
    rows = db.execute(
        "SELECT v.id, e.section, v.field, v.document_id, v.page, v.paragraph, v.quote, "
        "v.rects_json, v.created_at, v.created_by, g.coder, g.case_id, a.state, a.value_json "
        "FROM evidence v JOIN entities e ON e.id = v.entity_id "
        "JOIN codings g ON g.id = e.coding_id "
        "LEFT JOIN answers a ON a.entity_id = v.entity_id AND a.field = v.field "
        "ORDER BY v.document_id, v.page, v.created_at, v.id").fetchall()
    return [Quote(*row[:7], json.loads(row[7] or "[]"), *row[8:]) for row in rows]


def _page_heights(db) -> dict[tuple[str, int], float]:
    return {(doc, page): height for doc, page, height in db.execute(
        "SELECT document_id, page, height FROM pages WHERE height > 0")}


def page_text(store: Store, document_id: str) -> str:
    """A document's text layer, pages separated by a blank line, or "" when it has none."""
    pages = [row[0] for row in store.db.execute(
        "SELECT text FROM pages WHERE document_id = ? ORDER BY page", [document_id])]
    return "\n\n".join(pages) if any(pages) else ""
