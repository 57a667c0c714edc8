"""Section-level states of a coding: a repeating section that does not apply to the case.

A suicide has no perpetrator; a review may list no training links. Without a state of its
own, an empty repeating section reads as "nothing recorded yet". One row per coding and
section says otherwise. `state` is 'not_applicable', or 'applies' once the mark has been
taken back: the row is kept (with its new time stamp) rather than deleted, so a later merge
of the coding carries the change instead of bringing the old mark back. The set of states is
checked by the store (schema.store_sections.SECTION_STATES) and by `check`, not by a CHECK
constraint, so a later version can add a state without rebuilding the table.

Rows go with their coding: deleted with it, and moved with it when its case is combined with
another (the coding keeps its id, so its rows need no change).
"""

from __future__ import annotations

import sqlite3

VERSION = 7
NAME = "section states"

STATEMENTS = [
    """CREATE TABLE section_states (
        coding_id TEXT NOT NULL REFERENCES codings (id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (coding_id, section))""",
]


def apply(conn: sqlite3.Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
