"""Each coding records how far it has got (not started ... checked), as a case does.

A case's status is shared by everyone who codes it; a coding's is its coder's own. Blind
second coding (schema.blind_coding) waits until every coding of a case is coded or checked.
Codings that exist when a project is upgraded take the status of their case, so a project
whose cases were already marked coded does not have to be marked again.
"""

from __future__ import annotations

import sqlite3

VERSION = 8
NAME = "status of each coding"


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE codings ADD COLUMN status TEXT NOT NULL DEFAULT 'not_started'")
    conn.execute("UPDATE codings SET status = (SELECT c.status FROM cases c "
                 "WHERE c.id = codings.case_id)")
