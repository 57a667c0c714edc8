"""Copying review documents and their text layer, or leaving the bytes out.

Documents are keyed by the sha256 of their bytes, so the same PDF from two boroughs is one
document. With `include_documents=False` (the `--no-documents` share for use outside the
borough) a document arrives as a record only: name, size and page count, no PDF bytes, no
page text, and its text status says it was not extracted. A later full merge fills the
bytes in.

The text layer (pages, lines, search index) belongs to another part of the schema. Rather
than depend on its table names, the tables that hold a `document_id` column are found in
both files and copied for the documents whose bytes were copied; full-text indexes that no
trigger keeps in step are rebuilt.
"""

from __future__ import annotations

import json
import sqlite3

from schema.merge.copying import columns, existing_ids, shared_columns

CORE_TABLES = {"documents", "case_documents", "evidence"}


def copy_documents(src: sqlite3.Connection, dst: sqlite3.Connection, *,
                   include_documents: bool) -> tuple[int, int]:
    """Add the source's documents; returns (added, already present)."""
    cols = shared_columns(src, dst, "documents", leave_out=("pdf",))
    rows = [dict(zip(cols, r, strict=True)) for r in src.execute(
        f"SELECT {', '.join(cols)} FROM documents ORDER BY id")]
    present = existing_ids(dst, "documents", [r["id"] for r in rows])
    with_text: list[str] = []
    for row in rows:
        if row["id"] in present:
            if include_documents and _fill_missing_bytes(src, dst, row):
                with_text.append(row["id"])
            continue
        pdf = _pdf(src, row["id"]) if include_documents else None
        if pdf is None:
            row = {**row, "pages_with_text": 0, "text_status": "not_extracted"}
        else:
            with_text.append(row["id"])
        dst.execute(f"INSERT INTO documents ({', '.join(cols)}, pdf) VALUES "
                    f"({', '.join('?' for _ in cols)}, ?)", [*row.values(), pdf])
    if with_text:
        copy_text_layer(src, dst, with_text)
    return len(rows) - len(present), len(present)


def _pdf(src: sqlite3.Connection, document_id: str) -> bytes | None:
    return src.execute("SELECT pdf FROM documents WHERE id = ?", [document_id]).fetchone()[0]


def _fill_missing_bytes(src: sqlite3.Connection, dst: sqlite3.Connection, row: dict) -> bool:
    """A document the target holds without bytes (from a codings-only merge) gets them."""
    has_pdf = dst.execute("SELECT pdf IS NOT NULL FROM documents WHERE id = ?",
                          [row["id"]]).fetchone()[0]
    if has_pdf:
        return False
    pdf = _pdf(src, row["id"])
    if pdf is None:
        return False
    dst.execute("UPDATE documents SET pdf = ?, pages_with_text = ?, text_status = ?, "
                "failed_pages = ? WHERE id = ?",
                [pdf, row.get("pages_with_text", 0), row.get("text_status", "pending"),
                 row.get("failed_pages", "[]"), row["id"]])
    return True


def text_tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables other than the core ones that hold rows per document."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    return [n for n in names if n not in CORE_TABLES and "document_id" in columns(conn, n)]


def copy_text_layer(src: sqlite3.Connection, dst: sqlite3.Connection,
                    document_ids: list[str]) -> None:
    """Copy the per-document text rows of the given documents where the target has none."""
    wanted = json.dumps(document_ids)
    filled = []
    for table in sorted(set(text_tables(src)) & set(text_tables(dst))):
        cols = [c for c in shared_columns(src, dst, table) if c not in _rowid_key(dst, table)]
        select = (f"SELECT {', '.join(cols)} FROM [{table}] WHERE document_id IN "
                  f"(SELECT value FROM json_each(?))")
        dst.execute(f"DELETE FROM [{table}] WHERE document_id IN "
                    f"(SELECT value FROM json_each(?))", [wanted])
        dst.executemany(f"INSERT INTO [{table}] ({', '.join(cols)}) VALUES "
                        f"({', '.join('?' for _ in cols)})", src.execute(select, [wanted]))
        filled.append(table)
    _rebuild_unsynced_indexes(dst, filled)


def _rowid_key(conn: sqlite3.Connection, table: str) -> set[str]:
    """An INTEGER PRIMARY KEY is a local row number: the target numbers its own rows."""
    info = list(conn.execute(f"PRAGMA table_info([{table}])"))
    keys = [r for r in info if r[5]]
    if len(keys) == 1 and keys[0][2].upper() == "INTEGER":
        return {keys[0][1]}
    return set()


def _rebuild_unsynced_indexes(dst: sqlite3.Connection, filled: list[str]) -> None:
    for name, sql in dst.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                 "AND sql LIKE 'CREATE VIRTUAL TABLE%fts%'").fetchall():
        content = _content_table(sql)
        if content not in filled:
            continue
        triggers = dst.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                               "AND tbl_name = ? AND sql LIKE ?",
                               [content, f"%{name}%"]).fetchone()[0]
        if not triggers:
            dst.execute(f"INSERT INTO [{name}] ([{name}]) VALUES ('rebuild')")


def _content_table(sql: str) -> str | None:
    lowered = sql.replace('"', "'").replace(" ", "")
    marker = "content='"
    if marker not in lowered:
        return None
    rest = lowered[lowered.index(marker) + len(marker):]
    return rest[:rest.index("'")] if "'" in rest else None
