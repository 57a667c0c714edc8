"""Folding one case into another, and unfolding it again.

Used when a merge finds that two case ids are one review, and when a person combines two
cases. Every row that belongs to the folded case (its codings, document links, pseudonyms,
and rows of any table a later version adds with a foreign key to cases) moves to the
surviving case; the folded id becomes an alias of the survivor, so a later merge of either id
lands on the combined case.

A fold returns a `FoldRecord` of everything it changed, which `unfold` uses to put the two
cases back exactly as they were (the window's undo). A row that cannot move because the
survivor already has its twin (the same document linked to both cases) is kept in the record
and removed, so unfolding restores it too.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from schema.project import now

CASE_COLUMNS = ("id", "reference", "title", "review_type", "category", "site",
                "publication_year", "status", "notes", "created_at", "created_by",
                "updated_at", "updated_by")


@dataclass
class FoldRecord:
    """What one fold changed, in the order needed to undo it."""

    old_row: dict
    survivor_row: dict
    moved: list[tuple[str, str, list[str], list[tuple]]] = field(default_factory=list)
    clashed: list[tuple[str, list[str], list[tuple]]] = field(default_factory=list)
    repointed_aliases: list[str] = field(default_factory=list)
    previous_alias: str | None = None
    distinctions: list[tuple] = field(default_factory=list)


def case_row(conn: sqlite3.Connection, case_id: str) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(CASE_COLUMNS)} FROM cases WHERE id = ?",
                       [case_id]).fetchone()
    return None if row is None else dict(zip(CASE_COLUMNS, row, strict=True))


def fold_case(conn: sqlite3.Connection, old: str, survivor: str,
              children: list[tuple[str, str]] | None = None) -> FoldRecord:
    """Move everything of case `old` to `survivor`, delete `old` and make it an alias.
    `children` is `tables_referencing_cases(conn)`, passed in by callers folding many."""
    old_row, survivor_row = case_row(conn, old), case_row(conn, survivor)
    if old_row is None or survivor_row is None:
        raise KeyError(f"no case {old if old_row is None else survivor}")
    record = FoldRecord(old_row, survivor_row)
    for table, column in children if children is not None else tables_referencing_cases(conn):
        _move_rows(conn, table, column, old, survivor, record)
    record.distinctions = _take_distinction(conn, old, survivor)
    conn.execute("DELETE FROM cases WHERE id = ?", [old])
    record.repointed_aliases = [r[0] for r in conn.execute(
        "SELECT alias_id FROM case_aliases WHERE case_id = ?", [old])]
    conn.execute("UPDATE case_aliases SET case_id = ? WHERE case_id = ?", [survivor, old])
    record.previous_alias = _alias(conn, old, survivor)
    return record


def _move_rows(conn: sqlite3.Connection, table: str, column: str, old: str, survivor: str,
               record: FoldRecord) -> None:
    keys = _key_columns(conn, table)
    select = ", ".join(f"[{k}]" for k in keys)
    before = [tuple(r) for r in conn.execute(
        f"SELECT {select} FROM [{table}] WHERE [{column}] = ?", [old])]
    if not before:
        return
    conn.execute(f"UPDATE OR IGNORE [{table}] SET [{column}] = ? WHERE [{column}] = ?",
                 [survivor, old])
    names = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]
    stuck = [tuple(r) for r in conn.execute(
        f"SELECT {', '.join(f'[{n}]' for n in names)} FROM [{table}] WHERE [{column}] = ?",
        [old])]
    if stuck:
        record.clashed.append((table, names, stuck))
        conn.execute(f"DELETE FROM [{table}] WHERE [{column}] = ?", [old])
    stuck_keys = {tuple(row[names.index(k)] for k in keys) for row in stuck}
    moved = [key for key in before if key not in stuck_keys]
    if moved:
        record.moved.append((table, column, keys, moved))


def unfold_case(conn: sqlite3.Connection, record: FoldRecord) -> None:
    """Undo `fold_case`: the folded case comes back with every row it had, and the survivor
    gets back its own attributes. Must run on the state the fold left (the undo stack
    guarantees later edits were undone first)."""
    old = record.old_row["id"]
    marks = ", ".join("?" for _ in CASE_COLUMNS)
    conn.execute(f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) VALUES ({marks})",
                 [record.old_row[c] for c in CASE_COLUMNS])
    _restore_case_row(conn, record.survivor_row)
    survivor = record.survivor_row["id"]
    for table, column, keys, moved in record.moved:
        where = " AND ".join(f"[{k}] = ?" for k in keys)
        # A key that includes the case column (case_documents) now holds the survivor.
        now_keys = [[survivor if k == column else v for k, v in zip(keys, key, strict=True)]
                    for key in moved]
        conn.executemany(f"UPDATE [{table}] SET [{column}] = ? WHERE {where}",
                         [(old, *key) for key in now_keys])
    for table, names, rows in record.clashed:
        conn.executemany(f"INSERT INTO [{table}] ({', '.join(f'[{n}]' for n in names)}) "
                         f"VALUES ({', '.join('?' for _ in names)})", rows)
    conn.execute("DELETE FROM case_aliases WHERE alias_id = ?", [old])
    if record.previous_alias is not None:
        conn.execute("INSERT INTO case_aliases (alias_id, case_id, recorded_at) "
                     "VALUES (?, ?, ?)", [old, record.previous_alias, now()])
    conn.executemany("UPDATE case_aliases SET case_id = ? WHERE alias_id = ?",
                     [(old, alias) for alias in record.repointed_aliases])
    conn.executemany("INSERT OR IGNORE INTO case_distinctions (case_a, case_b, decided_at, "
                     "decided_by) VALUES (?, ?, ?, ?)", record.distinctions)


def _restore_case_row(conn: sqlite3.Connection, row: dict) -> None:
    columns = [c for c in CASE_COLUMNS if c != "id"]
    conn.execute(f"UPDATE cases SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                 [row[c] for c in columns] + [row["id"]])


def _alias(conn: sqlite3.Connection, alias: str, case_id: str) -> str | None:
    """Point `alias` at `case_id`; returns the case it pointed at before, if any."""
    before = conn.execute("SELECT case_id FROM case_aliases WHERE alias_id = ?",
                          [alias]).fetchone()
    conn.execute(
        "INSERT INTO case_aliases (alias_id, case_id, recorded_at) VALUES (?, ?, ?) "
        "ON CONFLICT (alias_id) DO UPDATE SET case_id = excluded.case_id "
        "WHERE case_id != excluded.case_id", [alias, case_id, now()])
    return None if before is None else before[0]


def _take_distinction(conn: sqlite3.Connection, first: str, second: str) -> list[tuple]:
    """Remove a recorded "different reviews" decision between the two (combining them
    overrides it); returns it so an undo can put it back."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'case_distinctions'"
                    ).fetchone() is None:
        return []
    pair = sorted((first, second))
    rows = [tuple(r) for r in conn.execute(
        "SELECT case_a, case_b, decided_at, decided_by FROM case_distinctions "
        "WHERE case_a = ? AND case_b = ?", pair)]
    conn.execute("DELETE FROM case_distinctions WHERE case_a = ? AND case_b = ?", pair)
    return rows


def _key_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The primary key columns of `table`, or rowid for a table without one."""
    info = sorted((r[5], r[1]) for r in conn.execute(f"PRAGMA table_info([{table}])") if r[5])
    return [name for _, name in info] or ["rowid"]


def tables_referencing_cases(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to cases(id), found rather than listed, so tables
    other features add later move with their case too."""
    found = []
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        for fk in conn.execute(f"PRAGMA foreign_key_list([{table}])"):
            if fk[2] == "cases":
                found.append((table, fk[3]))
    return sorted(found)
