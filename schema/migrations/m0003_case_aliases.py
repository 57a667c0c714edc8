"""Case aliases: which case ids a merge folded into which surviving case.

When two boroughs coded the same review under different case UUIDs, a merge keeps one case
(the smallest UUID of all the ids the review has had, so the order of sources does not matter)
and records every other id here. Merging the same source again finds its case through this
table, and audit entries written under an old id can still be traced to the case.
"""

from __future__ import annotations

import sqlite3

VERSION = 3
NAME = "case aliases for merges"

STATEMENTS = [
    """CREATE TABLE case_aliases (
        alias_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        recorded_at TEXT NOT NULL)""",
    "CREATE INDEX case_aliases_case ON case_aliases (case_id)",
]


def apply(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
