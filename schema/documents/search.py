"""Full-text search over every stored document's pages, with SQLite FTS5.

Queries use FTS5 syntax: words (all must occur: AND is implied), "a quoted phrase", prefix*
and the operators AND, OR, NOT (in capitals) with parentheses. A word holding punctuation,
such as non-fatal or 4.12, is searched as a phrase of its parts. Results are ranked by bm25;
each gives the document, page, numbered paragraph and a snippet in which every matched term
is marked as [term] (HIT_START and HIT_END).

A `SearchFilter` keeps the pages of the documents of one case, or of the cases of a category,
review type or site. Each hit names the cases its document belongs to, and carries the
sentence holding its first match with the boxes of the lines it spans, so that the window can
highlight it on the page and cite it as evidence (schema.documents.search_quote).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, replace

from schema.documents.search_quote import hit_quote
from schema.errors import ValidationError

HIT_START = "["
HIT_END = "]"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
_MARK_START, _MARK_END = "\x02", "\x03"  # for finding the first hit's line

_TOKENS = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_BAREWORD = re.compile(r"^[\w]+\*?$")
_OPERATORS = frozenset({"AND", "OR", "NOT"})


class SearchQueryError(ValidationError):
    """The search text is not a valid query. The message says how to write one."""


@dataclass(frozen=True)
class SearchFilter:
    """Which documents to search: those of one case, or of the cases matching every value
    given. Empty values do not filter; with none given, every page is searched, linked to a
    case or not."""

    case_id: str | None = None
    category: str | None = None
    review_type: str | None = None
    site: str | None = None

    def is_empty(self) -> bool:
        return not (self.case_id or self.category or self.review_type or self.site)


@dataclass(frozen=True)
class CaseRef:
    """A case a hit's document belongs to."""

    id: str
    reference: str


@dataclass(frozen=True)
class SearchHit:
    """One matching page. `page` is 1-based; `paragraph` is "" when none has begun; `rank` is
    FTS5's bm25 score, where lower (more negative) is a better match. `cases` are the cases
    holding the document (none for a document not linked yet). `quote` is the sentence with
    the first match, and `rects` the boxes (x0, top, x1, bottom, in PDF points) of its lines."""

    document_id: str
    file_name: str
    page: int
    paragraph: str
    snippet: str
    rank: float
    cases: tuple[CaseRef, ...] = ()
    quote: str = ""
    rects: tuple[tuple[float, float, float, float], ...] = ()

    @property
    def case_reference(self) -> str:
        """The references of the document's cases, or "" when it belongs to none."""
        return ", ".join(c.reference for c in self.cases)

    @property
    def case_id(self) -> str | None:
        """The document's case (the first, in the rare file that links it to several)."""
        return self.cases[0].id if self.cases else None


def search(store, query: str, *, limit: int = 20,
           where: SearchFilter | None = None) -> list[SearchHit]:
    """The best `limit` pages matching `query` (within `where`), best first."""
    prepared = prepare_query(query)
    documents = None if where is None or where.is_empty() else _documents_in(store, where)
    if documents == []:
        return []
    # One statement: with only MATCH and ORDER BY rank for FTS5 to see (the "+" keeps the
    # document filter from it), FTS5 ranks the matches itself and the snippet functions run
    # for the rows returned alone, rather than once more per hit.
    sql = ("SELECT rowid, rank, snippet(pages_fts, 0, ?, ?, ?, ?), "
           "highlight(pages_fts, 0, ?, ?) FROM pages_fts WHERE pages_fts MATCH ? ")
    params: list = [HIT_START, HIT_END, ELLIPSIS, SNIPPET_TOKENS, _MARK_START, _MARK_END,
                    prepared]
    if documents is not None:
        sql += ("AND +rowid IN (SELECT id FROM pages WHERE document_id IN "
                "(SELECT value FROM json_each(?))) ")
        params.append(json.dumps(documents))
    try:
        ranked = store.db.execute(sql + "ORDER BY rank LIMIT ?",
                                  [*params, max(1, int(limit))]).fetchall()
    except sqlite3.OperationalError as exc:
        raise _query_error(query, exc) from None
    pages = _pages(store, [row[0] for row in ranked])
    hits = [_hit(pages[rowid], rank, snippet, marked)
            for rowid, rank, snippet, marked in ranked]
    holders = _cases_of(store, {h.document_id for h in hits})
    return [replace(h, cases=holders.get(h.document_id, ())) for h in hits]


def _documents_in(store, where: SearchFilter) -> list[str]:
    clauses, params = [], []
    for column in ("category", "review_type", "site"):
        value = getattr(where, column)
        if value:
            clauses.append(f"c.{column} = ?")
            params.append(value)
    if where.case_id:
        clauses.append("c.id = ?")
        params.append(where.case_id)
    rows = store.db.execute(
        "SELECT DISTINCT l.document_id FROM case_documents l JOIN cases c ON c.id = l.case_id "
        f"WHERE {' AND '.join(clauses)}", params).fetchall()
    return sorted(row[0] for row in rows)


def _cases_of(store, document_ids: set[str]) -> dict[str, tuple[CaseRef, ...]]:
    found: dict[str, list[CaseRef]] = {}
    rows = store.db.execute(
        "SELECT l.document_id, c.id, c.reference FROM case_documents l "
        "JOIN cases c ON c.id = l.case_id WHERE l.document_id IN (SELECT value FROM "
        "json_each(?)) ORDER BY c.reference COLLATE NOCASE", [json.dumps(sorted(document_ids))])
    for document_id, case_id, reference in rows:
        found.setdefault(document_id, []).append(CaseRef(case_id, reference))
    return {k: tuple(v) for k, v in found.items()}


def prepare_query(query: str) -> str:
    """The FTS5 query for what the user typed: words with punctuation become phrases."""
    if not query or not query.strip():
        raise SearchQueryError("type a word or \"a phrase\" to search for")
    parts = []
    for token in _TOKENS.findall(query):
        if token.startswith('"') or token in "()" or token in _OPERATORS \
                or _BAREWORD.match(token):
            parts.append(token)
        else:
            parts.append(_as_phrase(token))
    return " ".join(parts)


def _as_phrase(token: str) -> str:
    prefix = token.endswith("*")
    core = token.rstrip("*")
    return f'"{core}"' + ("*" if prefix else "")


def _query_error(query: str, exc: sqlite3.OperationalError) -> SearchQueryError:
    detail = str(exc).removeprefix("fts5: ")
    return SearchQueryError(
        f"cannot search for {query!r} ({detail}). Write words, \"a phrase\" in double quotes, "
        f"word* for a prefix, and AND, OR, NOT in capitals between complete terms.")


def _pages(store, rowids: list[int]) -> dict[int, tuple]:
    """rowid -> (document id, file name, page, lines_json, carry_in) for the hits' pages."""
    rows = store.db.execute(
        "SELECT p.id, p.document_id, d.file_name, p.page, p.lines_json, p.carry_in "
        "FROM pages p JOIN documents d ON d.id = p.document_id "
        "WHERE p.id IN (SELECT value FROM json_each(?))", [json.dumps(rowids)])
    return {row[0]: row[1:] for row in rows}


def _hit(page_row: tuple, rank: float, snippet: str, marked: str) -> SearchHit:
    document_id, file_name, page, lines_json, carry_in = page_row
    boxes = json.loads(lines_json)
    quote, rects = hit_quote(marked, boxes, _MARK_START, _MARK_END)
    return SearchHit(document_id=document_id, file_name=file_name, page=page,
                     paragraph=_first_hit_paragraph(marked, boxes, carry_in),
                     snippet=" ".join(snippet.split()), rank=rank, quote=quote, rects=rects)


def _first_hit_paragraph(marked: str, boxes: list, carry_in: str) -> str:
    at = marked.find(_MARK_START)
    if at < 0 or not boxes:
        return carry_in
    line = marked.count("\n", 0, at)
    return boxes[min(line, len(boxes) - 1)][4]
