"""The text layer of stored documents: one row per page, and an FTS5 index over page text.

`pages.text` is the page's lines joined with "\\n", in reading order. `pages.lines_json` holds
one entry per line of that text, `[x0, top, x1, bottom, paragraph]`, in PDF points with a
top-left origin (y grows downwards), so line i of the text has box i. `paragraph` is the
numbered paragraph ("4.12") the line belongs to, carried over from earlier pages, or "".
`carry_in` is the paragraph still running when the page starts.

A page's status is `ok` (text found), `empty` (no text: an image or blank page), `failed`
(the extractor raised an error, kept in `error`) or `timeout` (it ran past the time limit).
`pages_fts` is an external-content FTS5 table kept in step with `pages` by triggers.
"""

from __future__ import annotations

import sqlite3

VERSION = 2
NAME = "text layer and full-text index"

STATEMENTS = [
    """CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        page INTEGER NOT NULL CHECK (page >= 1),
        status TEXT NOT NULL CHECK (status IN ('ok', 'empty', 'failed', 'timeout')),
        width REAL NOT NULL DEFAULT 0,
        height REAL NOT NULL DEFAULT 0,
        text TEXT NOT NULL DEFAULT '',
        lines_json TEXT NOT NULL DEFAULT '[]',
        carry_in TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT '',
        UNIQUE (document_id, page))""",
    """CREATE VIRTUAL TABLE pages_fts USING fts5(
        text, content = 'pages', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN
        INSERT INTO pages_fts (rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN
        INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER pages_fts_update AFTER UPDATE OF text ON pages BEGIN
        INSERT INTO pages_fts (pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO pages_fts (rowid, text) VALUES (new.id, new.text);
    END""",
]


def apply(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
