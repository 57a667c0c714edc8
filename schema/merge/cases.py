"""Writing source cases into the target: new cases, updated ones, and folding the cases that
turn out to be one review into the surviving id.

The surviving case takes the attributes (reference, title, status, ...) of whichever of its
versions was changed last; equal timestamps go to the smallest id. Like the choice of id,
this makes the result independent of the order in which sources are merged.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from schema import audit
from schema.case_folding import CASE_COLUMNS, fold_case, tables_referencing_cases
from schema.documents.fingerprint import Fingerprint
from schema.merge.matching import CasePlan, SourceCase, TargetIndex
from schema.project import now


def dict_rows(cursor: sqlite3.Cursor) -> list[dict]:
    """A query's rows as dicts keyed by column name. Built from the cursor's description rather
    than a row factory, so it works the same for stdlib sqlite3 and sqlcipher3 connections
    (sqlite3.Row accepts only stdlib cursors) and leaves the shared connection untouched."""
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def read_source_cases(conn: sqlite3.Connection, has_aliases: bool,
                      prints: dict[str, Fingerprint], origin: int) -> list[SourceCase]:
    """Every case of source number `origin` with its document ids and fingerprints, and any
    aliases the source recorded."""
    rows = dict_rows(conn.execute(f"SELECT {', '.join(CASE_COLUMNS)} FROM cases ORDER BY id"))
    cases = {row["id"]: SourceCase(row, set(), origin=origin) for row in rows}
    for case_id, document_id in conn.execute("SELECT case_id, document_id FROM case_documents"):
        cases[case_id].documents.add(document_id)
        if document_id in prints:
            cases[case_id].prints[document_id] = prints[document_id]
    if has_aliases:
        for alias_id, case_id in conn.execute("SELECT alias_id, case_id FROM case_aliases"):
            if case_id in cases:
                cases[case_id].aliases.add(alias_id)
    return list(cases.values())


class CaseWriter:
    """Applies case plans to the target connection, keeping the index in step."""

    def __init__(self, db: sqlite_utils.Database, index: TargetIndex, actor: str,
                 site: str) -> None:
        self.db = db
        self.conn = db.conn
        self.index = index
        self.actor = actor
        self.site = site
        self.children = tables_referencing_cases(db.conn)

    def write(self, plan: CasePlan) -> None:
        rows = [self._target_row(i) for i in sorted(plan.matched)] + [plan.source.row]
        rows.sort(key=lambda r: r["id"])
        winner = max(rows, key=lambda r: r["updated_at"])
        survivor_row = {**winner, "id": plan.survivor}
        if plan.survivor in plan.matched:
            current = self._target_row(plan.survivor)
            if current != survivor_row:
                self._update(survivor_row)
        else:
            self._insert(survivor_row)
        for old in sorted(plan.matched - {plan.survivor}):
            self._fold(old, plan.survivor, survivor_row["reference"])
        for alias in sorted({plan.source.id, *plan.source.aliases} - {plan.survivor}):
            self._alias(alias, plan.survivor)
        self.index.apply(plan, survivor_row["reference"])

    def _target_row(self, case_id: str) -> dict:
        [row] = dict_rows(self.conn.execute(
            f"SELECT {', '.join(CASE_COLUMNS)} FROM cases WHERE id = ?", [case_id]))
        return row

    def _insert(self, row: dict) -> None:
        marks = ", ".join("?" for _ in CASE_COLUMNS)
        self.conn.execute(f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) VALUES ({marks})",
                          [row[c] for c in CASE_COLUMNS])

    def _update(self, row: dict) -> None:
        columns = [c for c in CASE_COLUMNS if c != "id"]
        sets = ", ".join(f"{c} = ?" for c in columns)
        self.conn.execute(f"UPDATE cases SET {sets} WHERE id = ?",
                          [row[c] for c in columns] + [row["id"]])

    def _fold(self, old: str, survivor: str, reference: str) -> None:
        """Move everything that belongs to case `old` to `survivor`, then drop `old`."""
        fold_case(self.conn, old, survivor, self.children)
        audit.record(self.db, actor=self.actor, site=self.site, action="merge",
                     table="cases", row_id=old, case_id=survivor,
                     summary=f"case {reference}: id {old} merged into {survivor}",
                     before={"id": old}, after={"id": survivor})

    def _alias(self, alias: str, case_id: str) -> None:
        self.conn.execute(
            "INSERT INTO case_aliases (alias_id, case_id, recorded_at) VALUES (?, ?, ?) "
            "ON CONFLICT (alias_id) DO UPDATE SET case_id = excluded.case_id "
            "WHERE case_id != excluded.case_id", [alias, case_id, now()])

