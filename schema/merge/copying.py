"""Copying rows from a source connection into the target, matched by UUID.

Rows stream from the source's read-only connection straight into the target's open
transaction (never ATTACH: SQLite allows ten attached databases and cannot detach one that a
transaction has read). Rows the target already has are kept, or replaced by the source's
version when that one was changed later; a merge adds and updates, it never deletes.
Columns are those both files have, so a source with an older schema still merges.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from schema.project import now

CHUNK = 500


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]


def shared_columns(src: sqlite3.Connection, dst: sqlite3.Connection, table: str,
                   leave_out: Iterable[str] = ()) -> list[str]:
    present = set(columns(src, table))
    return [c for c in columns(dst, table) if c in present and c not in set(leave_out)]


def existing_ids(dst: sqlite3.Connection, table: str, ids: list[str],
                 column: str = "id") -> set[str]:
    """Which of `ids` the target already holds, asked in chunks."""
    found: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        marks = ", ".join("?" for _ in chunk)
        found.update(r[0] for r in dst.execute(
            f"SELECT [{column}] FROM [{table}] WHERE [{column}] IN ({marks})", chunk))
    return found


def upsert(src: sqlite3.Connection, dst: sqlite3.Connection, table: str, *,
           conflict: str = "id", update: Iterable[str] = (), rows: Iterable | None = None,
           cols: list[str] | None = None) -> int:
    """Insert the source's rows of `table`; on a key clash, take the source's `update` columns
    only when its row was changed later. Returns the number of rows written."""
    cols = cols or shared_columns(src, dst, table)
    update = [c for c in update if c in cols]
    sql = (f"INSERT INTO [{table}] ({', '.join(cols)}) VALUES "
           f"({', '.join('?' for _ in cols)}) ON CONFLICT ({conflict}) DO ")
    if update:
        sets = ", ".join(f"{c} = excluded.{c}" for c in update)
        sql += f"UPDATE SET {sets} WHERE excluded.updated_at > [{table}].updated_at"
    else:
        sql += "NOTHING"
    before = dst.total_changes
    dst.executemany(sql, rows if rows is not None else
                    src.execute(f"SELECT {', '.join(cols)} FROM [{table}]"))
    return dst.total_changes - before


def copy_codebooks(src: sqlite3.Connection, dst: sqlite3.Connection) -> int:
    """Every codebook the source's codings may refer to (stored codebooks never change)."""
    return upsert(src, dst, "codebooks", conflict="key")


def copy_codings(src: sqlite3.Connection, dst: sqlite3.Connection,
                 case_map: dict[str, str]) -> tuple[int, int]:
    """Codings keep their own id, coder and site; their case id follows the case plan."""
    cols = shared_columns(src, dst, "codings")
    rows = [list(r) for r in src.execute(f"SELECT {', '.join(cols)} FROM codings ORDER BY id")]
    at = cols.index("case_id")
    for row in rows:
        row[at] = case_map.get(row[at], row[at])
    present = existing_ids(dst, "codings", [r[cols.index("id")] for r in rows])
    upsert(src, dst, "codings", cols=cols, rows=rows,
           update=("case_id", "coder", "site", "kind", "codebook_key", "status",
                   "updated_at", "updated_by"))
    return len(rows) - len(present), len(present)


def copy_section_states(src: sqlite3.Connection, dst: sqlite3.Connection) -> int:
    """Section marks (migration 7) travel with their codings, whose ids never change: the
    later of two versions of a coding's mark wins, so a mark taken back ('applies') replaces
    the old one and merging again changes nothing."""
    return upsert(src, dst, "section_states", conflict="coding_id, section",
                  update=("state", "updated_at", "updated_by"))


def copy_case_rows(src: sqlite3.Connection, dst: sqlite3.Connection, table: str,
                   case_map: dict[str, str], update: Iterable[str] = ()) -> int:
    """Rows of a table keyed to a case (pseudonyms), re-pointed at the surviving case."""
    cols = shared_columns(src, dst, table)
    at = cols.index("case_id")
    rows = (_remapped(r, at, case_map) for r in
            src.execute(f"SELECT {', '.join(cols)} FROM [{table}]"))
    return upsert(src, dst, table, cols=cols, rows=rows, update=update)


def copy_case_documents(src: sqlite3.Connection, dst: sqlite3.Connection,
                        case_map: dict[str, str]) -> int:
    cols = shared_columns(src, dst, "case_documents")
    at = cols.index("case_id")
    rows = (_remapped(r, at, case_map) for r in
            src.execute(f"SELECT {', '.join(cols)} FROM case_documents"))
    return upsert(src, dst, "case_documents", conflict="case_id, document_id", cols=cols,
                  rows=rows)


def copy_aliases(src: sqlite3.Connection, dst: sqlite3.Connection,
                 case_map: dict[str, str]) -> None:
    """Aliases a source recorded in its own merges, pointed at the target's cases."""
    rows = [(alias, case_map.get(case_id, case_id), now()) for alias, case_id in
            src.execute("SELECT alias_id, case_id FROM case_aliases")
            if alias != case_map.get(case_id, case_id)]
    dst.executemany(
        "INSERT INTO case_aliases (alias_id, case_id, recorded_at) VALUES (?, ?, ?) "
        "ON CONFLICT (alias_id) DO UPDATE SET case_id = excluded.case_id "
        "WHERE case_id != excluded.case_id", rows)


def case_ids(src: sqlite3.Connection) -> set[str]:
    """Every case id a project holds, with the ids its own merges folded into them."""
    found = {r[0] for r in src.execute("SELECT id FROM cases")}
    if src.execute("SELECT 1 FROM sqlite_master WHERE name = 'case_aliases'").fetchone():
        found |= {r[0] for r in src.execute("SELECT alias_id FROM case_aliases")}
    return found


def _remapped(row: tuple, at: int, case_map: dict[str, str]) -> list:
    row = list(row)
    row[at] = case_map.get(row[at], row[at])
    return row
