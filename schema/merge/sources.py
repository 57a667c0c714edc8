"""Checking a source project before anything is written to the target.

A source is opened read-only, so a merge never changes it. It is refused with a one-line
reason when it is missing, not a project, damaged, from a newer Casecoder, or its codebook
cannot be read.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from schema.codebook_loader import parse_codebook
from schema.codebook_model import Codebook
from schema.encryption import DRIVER_ERRORS
from schema.errors import CasecoderError, ProjectError
from schema.project import open_project, read_meta


class MergeError(CasecoderError):
    """A merge was refused or failed; the target was left as it was."""


@dataclass
class Source:
    """A source project opened read-only, with what the merge needs to know about it."""

    path: Path
    conn: sqlite3.Connection
    database_id: str
    site: str
    codebook: Codebook
    schema_version: int

    def tables(self) -> set[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in rows}

    def close(self) -> None:
        self.conn.close()


def open_source(path: str | Path) -> Source:
    """Open and check one source; raise MergeError saying what is wrong with it."""
    path = Path(path)
    try:
        db = open_project(path, readonly=True)
    except ProjectError as exc:
        raise MergeError(f"source refused: {exc}") from None
    conn = db.conn
    try:
        _quick_check(conn, path)
        meta = read_meta(db)
        codebook = _active_codebook(conn, meta, path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        refuse_shared_documents(conn, f"source refused: {path}")
    except MergeError:
        conn.close()
        raise
    except DRIVER_ERRORS as exc:
        conn.close()
        raise MergeError(f"source refused: {path} is damaged ({exc}). Ask its site for a "
                         f"fresh copy, or run 'check' on it.") from None
    return Source(path=path, conn=conn, database_id=meta.get("database_id", ""),
                  site=meta.get("site", ""), codebook=codebook, schema_version=version)


def refuse_shared_documents(conn: sqlite3.Connection, where: str) -> None:
    """A document held by two cases of one project would join those cases on a merge without
    anyone deciding it; the merge is refused until a person combines them or unlinks it."""
    row = conn.execute(
        "SELECT d.file_name, group_concat(c.reference, ' and ') FROM case_documents l "
        "JOIN cases c ON c.id = l.case_id JOIN documents d ON d.id = l.document_id "
        "GROUP BY l.document_id HAVING count(*) > 1 ORDER BY d.file_name LIMIT 1").fetchone()
    if row:
        raise MergeError(f"{where}: cases {row[1]} both hold the document {row[0]}. Combine "
                         f"them ('combine-cases') or unlink the document from one, then merge "
                         f"again.")


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise MergeError(f"source refused: {path} is damaged ({'; '.join(problems)}). Ask "
                         f"its site for a fresh copy, or run 'check' on it.")


def _active_codebook(conn: sqlite3.Connection, meta: dict[str, str], path: Path) -> Codebook:
    key = meta.get("codebook_key")
    row = conn.execute("SELECT yaml_text, sha256 FROM codebooks WHERE key = ?",
                       [key]).fetchone()
    if row is None:
        raise MergeError(f"source refused: {path} names codebook {key} but does not hold it.")
    try:
        return stored_codebook(row[0], row[1], f"codebook {key} stored in {path}")
    except CasecoderError as exc:
        raise MergeError(f"source refused: {exc}") from None


def stored_codebook(text: str, sha256: str, source: str) -> Codebook:
    """Parse a stored codebook; boroughs share one, so each distinct text is parsed once."""
    cached = _parsed.get(sha256)
    if cached is None or cached.source_text != text:
        cached = parse_codebook(text, source=source)
        _parsed[sha256] = cached
    return cached


_parsed: dict[str, Codebook] = {}
