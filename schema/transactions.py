"""One helper for atomic writes. Every store change runs inside `transaction`.

Connections are in autocommit mode; `transaction` opens BEGIN IMMEDIATE at the outermost level
and a SAVEPOINT when nested, so a store call made inside a larger operation (an import, a
merge) joins it, and a failure anywhere rolls the whole of it back.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager

import sqlite_utils

_savepoints = itertools.count(1)


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    conn = db.conn
    if conn.in_transaction:
        name = f"sp{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
