"""Keyword suggestions a coder dismissed, so a dismissed passage is not offered again.

One row per case, field, option and passage (the document's sha256, the page and the quote
as offered). The column is called `document_sha` rather than `document_id` on purpose: a
merge copies every table with a `document_id` column as part of a document's text layer,
and dismissals belong to a case, not to a document. Rows go with their case: deleted with
it, and moved with it when two cases are combined (its foreign key says so). A merge does not
carry dismissals between projects; each project keeps its own.
"""

from __future__ import annotations

import sqlite3

VERSION = 6
NAME = "dismissed keyword suggestions"

STATEMENTS = [
    """CREATE TABLE suggestion_dismissals (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        option TEXT NOT NULL,
        document_sha TEXT NOT NULL,
        page INTEGER NOT NULL,
        quote TEXT NOT NULL,
        dismissed_at TEXT NOT NULL,
        dismissed_by TEXT NOT NULL,
        UNIQUE (case_id, field, option, document_sha, page, quote))""",
]


def apply(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
