"""The initial schema: project metadata, codebooks, cases, codings, answers, evidence, audit.

Every row that can leave the file (through merges or JSON) is keyed by a UUID text id, and
carries who created and last changed it and when. Names are spelled out so the file reads
well in the plain sqlite3 shell.
"""

from __future__ import annotations

import sqlite3

VERSION = 1
NAME = "initial schema"

_STAMPS = """
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL"""

STATEMENTS = [
    """CREATE TABLE migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)""",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE codebooks (
        key TEXT PRIMARY KEY,
        codebook_id TEXT NOT NULL,
        version TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        yaml_text TEXT NOT NULL,
        stored_at TEXT NOT NULL)""",
    f"""CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        review_type TEXT NOT NULL,
        category TEXT,
        site TEXT NOT NULL DEFAULT '',
        publication_year INTEGER,
        status TEXT NOT NULL DEFAULT 'not_started'
            CHECK (status IN ('not_started', 'in_progress', 'coded', 'checked')),
        notes TEXT NOT NULL DEFAULT '',{_STAMPS})""",
    "CREATE INDEX cases_reference ON cases (reference)",
    f"""CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        pdf BLOB,
        page_count INTEGER NOT NULL DEFAULT 0,
        pages_with_text INTEGER NOT NULL DEFAULT 0,
        text_status TEXT NOT NULL DEFAULT 'pending'
            CHECK (text_status IN ('pending', 'ok', 'partial', 'no_text', 'not_extracted')),
        failed_pages TEXT NOT NULL DEFAULT '[]',
        password_protected INTEGER NOT NULL DEFAULT 0,{_STAMPS})""",
    """CREATE TABLE case_documents (
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents (id),
        role TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL,
        PRIMARY KEY (case_id, document_id))""",
    f"""CREATE TABLE codings (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        coder TEXT NOT NULL,
        site TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'primary'
            CHECK (kind IN ('primary', 'second', 'consensus')),
        codebook_key TEXT NOT NULL REFERENCES codebooks (key),{_STAMPS})""",
    "CREATE INDEX codings_case ON codings (case_id)",
    f"""CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        coding_id TEXT NOT NULL REFERENCES codings (id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,{_STAMPS})""",
    "CREATE INDEX entities_coding ON entities (coding_id, section, position)",
    f"""CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('answered', 'not_reported', 'not_applicable')),
        value_json TEXT,{_STAMPS},
        UNIQUE (entity_id, field))""",
    """CREATE TABLE evidence (
        id TEXT PRIMARY KEY,
        entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        document_id TEXT REFERENCES documents (id),
        page INTEGER,
        paragraph TEXT NOT NULL DEFAULT '',
        quote TEXT NOT NULL DEFAULT '',
        rects_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL)""",
    "CREATE INDEX evidence_entity ON evidence (entity_id, field)",
    f"""CREATE TABLE pseudonyms (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        real_name TEXT NOT NULL,
        pseudonym TEXT NOT NULL,{_STAMPS})""",
    """CREATE TABLE merge_reports (
        id TEXT PRIMARY KEY,
        merged_at TEXT NOT NULL,
        merged_by TEXT NOT NULL,
        source_path TEXT NOT NULL,
        source_database_id TEXT NOT NULL,
        source_site TEXT NOT NULL,
        report_json TEXT NOT NULL)""",
    """CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        site TEXT NOT NULL,
        action TEXT NOT NULL,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        case_id TEXT,
        summary TEXT NOT NULL DEFAULT '',
        before_json TEXT,
        after_json TEXT)""",
    "CREATE INDEX audit_log_at ON audit_log (at)",
    "CREATE INDEX audit_log_case ON audit_log (case_id)",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE VIEW case_overview AS
        SELECT c.reference, c.title, c.review_type, c.category, c.site, c.status,
               c.publication_year,
               (SELECT count(*) FROM codings g WHERE g.case_id = c.id) AS codings,
               (SELECT count(*) FROM case_documents d WHERE d.case_id = c.id) AS documents,
               c.id AS case_id
        FROM cases c""",
    """CREATE VIEW answer_overview AS
        SELECT c.reference, g.coder, g.site AS coding_site, g.kind AS coding_kind,
               e.section, e.position + 1 AS item, a.field, a.state, a.value_json,
               (SELECT count(*) FROM evidence v
                 WHERE v.entity_id = e.id AND v.field = a.field) AS evidence,
               a.updated_at, a.updated_by, c.id AS case_id, g.id AS coding_id,
               e.id AS entity_id
        FROM answers a
        JOIN entities e ON e.id = a.entity_id
        JOIN codings g ON g.id = e.coding_id
        JOIN cases c ON c.id = g.case_id""",
]


def apply(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
