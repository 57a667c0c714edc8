"""Full-text search over every stored document's pages, with SQLite FTS5.

Queries use FTS5 syntax: words (all must occur: AND is implied), "a quoted phrase", prefix*
and the operators AND, OR, NOT (in capitals) with parentheses. A word holding punctuation,
such as non-fatal or 4.12, is searched as a phrase of its parts. Results are ranked by bm25;
each gives the document, page, numbered paragraph and a snippet in which every matched term
is marked as [term] (HIT_START and HIT_END).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

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
class SearchHit:
    """One matching page. `page` is 1-based; `paragraph` is "" when none has begun; `rank` is
    FTS5's bm25 score, where lower (more negative) is a better match."""

    document_id: str
    file_name: str
    page: int
    paragraph: str
    snippet: str
    rank: float


def search(store, query: str, *, limit: int = 20) -> list[SearchHit]:
    """The best `limit` pages matching `query`, best first."""
    prepared = prepare_query(query)
    try:
        ranked = store.db.execute(
            "SELECT rowid, rank FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rank LIMIT ?",
            [prepared, max(1, int(limit))]).fetchall()
    except sqlite3.OperationalError as exc:
        raise _query_error(query, exc) from None
    return [_hit(store, prepared, rowid, rank) for rowid, rank in ranked]


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


def _hit(store, prepared: str, rowid: int, rank: float) -> SearchHit:
    row = store.db.execute(
        "SELECT snippet(pages_fts, 0, ?, ?, ?, ?), highlight(pages_fts, 0, ?, ?), "
        "p.document_id, d.file_name, p.page, p.lines_json, p.carry_in "
        "FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid "
        "JOIN documents d ON d.id = p.document_id "
        "WHERE pages_fts MATCH ? AND pages_fts.rowid = ?",
        [HIT_START, HIT_END, ELLIPSIS, SNIPPET_TOKENS, _MARK_START, _MARK_END, prepared,
         rowid]).fetchone()
    snippet, marked, document_id, file_name, page, lines_json, carry_in = row
    return SearchHit(document_id=document_id, file_name=file_name, page=page,
                     paragraph=_first_hit_paragraph(marked, lines_json, carry_in),
                     snippet=" ".join(snippet.split()), rank=rank)


def _first_hit_paragraph(marked: str, lines_json: str, carry_in: str) -> str:
    at = marked.find(_MARK_START)
    boxes = json.loads(lines_json)
    if at < 0 or not boxes:
        return carry_in
    line = marked.count("\n", 0, at)
    return boxes[min(line, len(boxes) - 1)][4]
