"""Readable tables for other tools: a page index Datasette finds, and one view per section.

`pages_fts` is declared again with `content="pages"` written without spaces and in double
quotes. The index and its triggers behave as before; the spelling matters because Datasette
recognises a table's full-text index only by the pattern `content="T"` (or `content=[T]`) in
its CREATE statement, so the old `content = 'pages'` left `datasette PROJECT` without search.
The index is rebuilt from `pages`, which costs a pass over the text of every stored page.

`page_text` is each page's text beside its document's file name (Datasette searches it through
`pages_fts` when its metadata says so: exports.datasette).

The `section_<key>` views (schema.section_views) show a coding's answers to one section of the
project's active codebook, one row per case and coding (per item in a repeating section), one
readable column per field. They are built here from the codebook active at the time of the
upgrade, and rebuilt whenever the active codebook changes (see schema.section_views).
"""

from __future__ import annotations

import sqlite3

from schema.section_views import refresh_section_views

VERSION = 5
NAME = "page index Datasette finds and one view per codebook section"

STATEMENTS = [
    "DROP TABLE pages_fts",
    """CREATE VIRTUAL TABLE pages_fts USING fts5(
        text, content="pages", content_rowid="id",
        tokenize = 'unicode61 remove_diacritics 2')""",
    "INSERT INTO pages_fts (pages_fts) VALUES ('rebuild')",
    """CREATE VIEW page_text AS
        SELECT p.id, d.file_name, p.page, p.status, p.text, p.document_id
        FROM pages p JOIN documents d ON d.id = p.document_id""",
]


def apply(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
    refresh_section_views(conn)
