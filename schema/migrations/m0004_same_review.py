"""Recognising the same review across sites: text fingerprints and decisions kept apart.

`document_fingerprints` holds, per document with a text layer, the bottom-k MinHash sketch of
its word shingles (see schema.documents.fingerprint): `sketch` is `shingles`-many or at most
256 64-bit hashes, big-endian, ascending. Documents imported before this version get theirs
when they are first compared (on a merge), not here, so upgrading a large project stays quick.

`case_distinctions` records pairs of cases a person said are different reviews although they
look alike, so that no later merge puts them to the user again or combines them. `case_a` is
the smaller id. Ids are those the cases had when the decision was made; a case that is later
combined keeps its decisions through `case_aliases`.
"""

from __future__ import annotations

import sqlite3

VERSION = 4
NAME = "text fingerprints and case distinctions"

STATEMENTS = [
    """CREATE TABLE document_fingerprints (
        document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        method TEXT NOT NULL,
        shingles INTEGER NOT NULL,
        sketch BLOB NOT NULL)""",
    """CREATE TABLE case_distinctions (
        case_a TEXT NOT NULL,
        case_b TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        PRIMARY KEY (case_a, case_b),
        CHECK (case_a < case_b))""",
]


def apply(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
