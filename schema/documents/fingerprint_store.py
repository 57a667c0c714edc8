"""Keeping documents' text fingerprints in the project, and reading them for comparison.

A fingerprint is written when a document is imported. Documents stored before fingerprints
existed, or that arrived by merge without one, get theirs computed from their page text the
first time they are compared; a writable project keeps the result.
"""

from __future__ import annotations

import json
import sqlite3
from itertools import groupby

from schema.documents.fingerprint import METHOD, Fingerprint, fingerprint_text


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        [name]).fetchone() is not None


def store_fingerprint(conn: sqlite3.Connection, document_id: str, pages: list[str]) -> None:
    """Write (or replace) the fingerprint of one document from its pages' text."""
    _write(conn, {document_id: fingerprint_text(pages)})


def _write(conn: sqlite3.Connection, found: dict[str, Fingerprint]) -> None:
    conn.executemany(
        "INSERT INTO document_fingerprints (document_id, method, shingles, sketch) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET method = excluded.method,"
        " shingles = excluded.shingles, sketch = excluded.sketch",
        [(doc, METHOD, fp.shingles, fp.to_blob()) for doc, fp in found.items()])


def read_fingerprints(conn: sqlite3.Connection, *, keep: bool = False
                      ) -> dict[str, Fingerprint]:
    """Every document's fingerprint. Those missing (or made by another method) are computed
    from the page text, and written back when `keep` is true (the caller holds a write
    transaction). Documents without page text get none."""
    stored: dict[str, Fingerprint] = {}
    if has_table(conn, "document_fingerprints"):
        stored = {doc: Fingerprint.from_blob(blob, shingles) for doc, shingles, blob in
                  conn.execute("SELECT document_id, shingles, sketch FROM "
                               "document_fingerprints WHERE method = ?", [METHOD])}
    missing = _computed(conn, _unprinted(conn, set(stored)))
    if keep and missing:
        _write(conn, missing)
    return {**stored, **missing}


def _unprinted(conn: sqlite3.Connection, printed: set[str]) -> list[str]:
    if not has_table(conn, "pages"):
        return []
    rows = conn.execute("SELECT DISTINCT document_id FROM pages WHERE status = 'ok'")
    return sorted(doc for (doc,) in rows if doc not in printed)


def _computed(conn: sqlite3.Connection, document_ids: list[str]) -> dict[str, Fingerprint]:
    if not document_ids:
        return {}
    rows = conn.execute(
        "SELECT document_id, text FROM pages WHERE status = 'ok' AND document_id IN "
        "(SELECT value FROM json_each(?)) ORDER BY document_id, page",
        [json.dumps(document_ids)])
    return {doc: fingerprint_text(text for _, text in group)
            for doc, group in groupby(rows, key=lambda row: row[0])}


def page_texts(conn: sqlite3.Connection, document_id: str) -> list[str] | None:
    """A document's page text in page order (empty pages as ""), or None when this file holds
    no text for it."""
    if not has_table(conn, "pages"):
        return None
    rows = conn.execute("SELECT page, text FROM pages WHERE document_id = ? ORDER BY page",
                        [document_id]).fetchall()
    if not rows:
        return None
    texts = [""] * max(page for page, _ in rows)
    for page, text in rows:
        texts[page - 1] = text
    return texts

