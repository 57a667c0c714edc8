"""Reading a source's bulky tables at C speed, before the merge transaction begins.

SQLite cannot DETACH a database that the open transaction has read, and allows only ten
attached at once; so sources cannot all be attached during the one merge transaction. Before
it starts, each source is attached on its own (read-only) and:
  - checked for anything the merge would add or update; a source with nothing new is
    skipped, which keeps a repeated merge quick;
  - otherwise its entities, answers, evidence and audit entries are copied into temporary
    tables of the target connection, which the transaction then merges with set-based SQL.
Temporary tables are outside the project file, so this step never changes the target.
Encrypted files cannot be attached this way; their rows are staged through the source's own
connection instead, which is slower but gives the same result.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from schema.merge.copying import shared_columns

STAGED = ("entities", "answers", "evidence", "audit_log")

# Each query finds one row the target lacks or holds in an older version.
_NEWER = {
    "codebooks": "SELECT 1 FROM src.codebooks s WHERE NOT EXISTS "
                 "(SELECT 1 FROM main.codebooks m WHERE m.key = s.key)",
    "codings": "SELECT 1 FROM src.codings s WHERE NOT EXISTS (SELECT 1 FROM main.codings m "
               "WHERE m.id = s.id AND m.updated_at >= s.updated_at AND m.case_id = "
               "coalesce((SELECT case_id FROM main.case_aliases a WHERE a.alias_id = s.case_id),"
               " s.case_id))",
    "cases": "SELECT 1 FROM src.cases s WHERE NOT EXISTS (SELECT 1 FROM main.cases m WHERE "
             "m.id = coalesce((SELECT case_id FROM main.case_aliases a WHERE a.alias_id = s.id),"
             " s.id) AND m.updated_at >= s.updated_at)",
    "case_documents": "SELECT 1 FROM src.case_documents s WHERE NOT EXISTS (SELECT 1 FROM "
                      "main.case_documents m WHERE m.document_id = s.document_id AND m.case_id ="
                      " coalesce((SELECT case_id FROM main.case_aliases a "
                      "WHERE a.alias_id = s.case_id), s.case_id))",
    "entities": "SELECT 1 FROM src.entities s WHERE NOT EXISTS (SELECT 1 FROM main.entities m "
                "WHERE m.id = s.id AND m.updated_at >= s.updated_at)",
    "answers": "SELECT 1 FROM src.answers s WHERE NOT EXISTS (SELECT 1 FROM main.answers m "
               "WHERE m.entity_id = s.entity_id AND m.field = s.field "
               "AND m.updated_at >= s.updated_at)",
    "evidence": "SELECT 1 FROM src.evidence s WHERE NOT EXISTS "
                "(SELECT 1 FROM main.evidence m WHERE m.id = s.id)",
    "audit_log": "SELECT 1 FROM src.audit_log s WHERE NOT EXISTS "
                 "(SELECT 1 FROM main.audit_log m WHERE m.id = s.id)",
}
_NEWER_DOCUMENTS = ("SELECT 1 FROM src.documents s WHERE NOT EXISTS (SELECT 1 FROM "
                    "main.documents m WHERE m.id = s.id {bytes})")
_NEWER_PSEUDONYMS = ("SELECT 1 FROM src.pseudonyms s WHERE NOT EXISTS (SELECT 1 FROM "
                     "main.pseudonyms m WHERE m.id = s.id AND m.updated_at >= s.updated_at)")
_NEWER_SECTION_STATES = (
    "SELECT 1 FROM src.section_states s WHERE NOT EXISTS (SELECT 1 FROM main.section_states m "
    "WHERE m.coding_id = s.coding_id AND m.section = s.section "
    "AND m.updated_at >= s.updated_at)")
_NEWER_ALIASES = ("SELECT 1 FROM src.case_aliases s WHERE NOT EXISTS (SELECT 1 FROM "
                  "main.case_aliases m WHERE m.alias_id = s.alias_id) AND NOT EXISTS "
                  "(SELECT 1 FROM main.cases c WHERE c.id = s.alias_id)")


def stage_name(number: int, table: str) -> str:
    return f"stage{number}_{table}"


def can_attach(conn: sqlite3.Connection, src: sqlite3.Connection) -> bool:
    """Whether the source can be attached to the target connection: only when both are plain
    files opened with the stdlib driver. Decided from the connections, so neither file is read
    with plain file I/O while SQLite holds it (that would drop this process's locks on it)."""
    return isinstance(conn, sqlite3.Connection) and isinstance(src, sqlite3.Connection)


@contextmanager
def attached(conn: sqlite3.Connection, path: Path) -> Iterator[None]:
    conn.execute("ATTACH DATABASE ? AS src", [f"{path.resolve().as_uri()}?mode=ro"])
    try:
        yield
    finally:
        conn.execute("DETACH DATABASE src")


def has_news(conn: sqlite3.Connection, *, include_documents: bool) -> bool:
    """Whether the attached source holds any row the merge would add or update."""
    queries = list(_NEWER.values())
    queries.append(_NEWER_DOCUMENTS.format(
        bytes="AND (m.pdf IS NOT NULL OR s.pdf IS NULL)" if include_documents else ""))
    tables = {r[0] for r in conn.execute("SELECT name FROM src.sqlite_master")}
    if include_documents:
        queries.append(_NEWER_PSEUDONYMS)
    if "case_aliases" in tables:
        queries.append(_NEWER_ALIASES)
    if "section_states" in tables:
        queries.append(_NEWER_SECTION_STATES)
    return any(conn.execute(f"SELECT EXISTS ({q})").fetchone()[0] for q in queries)


def stage_attached(conn: sqlite3.Connection, number: int) -> None:
    """Copy the attached source's bulky tables into temporary tables."""
    for table in STAGED:
        cols = ", ".join(_target_columns(conn, table))
        conn.execute(f"CREATE TEMP TABLE {stage_name(number, table)} AS "
                     f"SELECT {cols} FROM src.[{table}]")


def stage_streamed(conn: sqlite3.Connection, src: sqlite3.Connection, number: int) -> None:
    """The same as `stage_attached`, reading through the source's own connection."""
    for table in STAGED:
        cols = shared_columns(src, conn, table)
        name = stage_name(number, table)
        conn.execute(f"CREATE TEMP TABLE {name} AS SELECT {', '.join(cols)} "
                     f"FROM main.[{table}] WHERE 0")
        conn.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' for _ in cols)})",
                         src.execute(f"SELECT {', '.join(cols)} FROM [{table}]"))


def drop_stages(conn: sqlite3.Connection, numbers: list[int]) -> None:
    for number in numbers:
        for table in STAGED:
            conn.execute(f"DROP TABLE IF EXISTS temp.{stage_name(number, table)}")


def _target_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    present = {r[1] for r in conn.execute(f"PRAGMA src.table_info([{table}])")}
    return [r[1] for r in conn.execute(f"PRAGMA main.table_info([{table}])") if r[1] in present]


def merge_staged(conn: sqlite3.Connection, number: int) -> dict[str, int]:
    """Merge one source's staged rows into the target (inside the merge transaction)."""
    counts = {}
    counts["entities"] = _from_stage(conn, number, "entities", "id",
                                     ("position", "updated_at", "updated_by"))
    counts["answers"] = _from_stage(conn, number, "answers", "entity_id, field",
                                    ("state", "value_json", "updated_at", "updated_by"))
    for table in ("evidence", "audit_log"):
        total = conn.execute(f"SELECT count(*) FROM temp.{stage_name(number, table)}")
        counts[f"{table}_total"] = total.fetchone()[0]
        counts[table] = _from_stage(conn, number, table, "id", ())
    return counts


def _from_stage(conn: sqlite3.Connection, number: int, table: str, conflict: str,
                update: tuple[str, ...]) -> int:
    name = stage_name(number, table)
    cols = [r[1] for r in conn.execute(f"PRAGMA temp.table_info({name})")]
    action = "NOTHING"
    if update:
        sets = ", ".join(f"{c} = excluded.{c}" for c in update)
        action = f"UPDATE SET {sets} WHERE excluded.updated_at > [{table}].updated_at"
    before = conn.total_changes
    conn.execute(f"INSERT INTO main.[{table}] ({', '.join(cols)}) SELECT {', '.join(cols)} "
                 f"FROM temp.{name} WHERE true "
                 f"ON CONFLICT ({conflict}) DO {action}")
    return conn.total_changes - before
