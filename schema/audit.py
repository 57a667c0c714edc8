"""The append-only audit log: who changed what, when, from what to what.

The store writes an entry in the same transaction as every change it makes, so the log and the
data can never disagree. Triggers in the schema refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from schema.project import new_id, now


@dataclass(frozen=True)
class AuditEntry:
    id: str
    at: str
    actor: str
    site: str
    action: str
    table_name: str
    row_id: str
    case_id: str | None
    summary: str
    before: object
    after: object


def record(db: sqlite_utils.Database, *, actor: str, site: str, action: str, table: str,
           row_id: str, case_id: str | None, summary: str = "", before: object = None,
           after: object = None) -> None:
    """Append one entry. Call inside the transaction that makes the change."""
    db.execute(
        "INSERT INTO audit_log (id, at, actor, site, action, table_name, row_id, case_id, "
        "summary, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (new_id(), now(), actor, site, action, table, row_id, case_id, summary,
         _dump(before), _dump(after)),
    )


def entries(db: sqlite_utils.Database, *, case_id: str | None = None, actor: str | None = None,
            action: str | None = None, text: str = "", limit: int | None = None
            ) -> list[AuditEntry]:
    """Entries oldest first, optionally filtered."""
    clauses, params = [], []
    for column, value in (("case_id", case_id), ("actor", actor), ("action", action)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if text:
        clauses.append("(summary LIKE ? OR before_json LIKE ? OR after_json LIKE ?)")
        params += [f"%{text}%"] * 3
    sql = "SELECT * FROM audit_log"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY at, rowid"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_entry(row) for row in db.query(sql, params)]


def _entry(row: dict) -> AuditEntry:
    return AuditEntry(
        id=row["id"], at=row["at"], actor=row["actor"], site=row["site"],
        action=row["action"], table_name=row["table_name"], row_id=row["row_id"],
        case_id=row["case_id"], summary=row["summary"],
        before=_load(row["before_json"]), after=_load(row["after_json"]),
    )


def _dump(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _load(text: str | None) -> object:
    return None if text is None else json.loads(text)
