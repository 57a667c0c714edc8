"""Combining two cases that are one review, and taking it back.

Either case id may be given, or an alias of one. The combined case keeps the smaller id, as
merges do (so merging either project again lands on it), and the details (reference, title,
review type, ...) of the case the person chose, or else of the one changed last. Every
coding, document link, evidence and pseudonym of both is kept. Distinctions ("these are
different reviews") between the two are withdrawn. The audit log records both the combining
and any undoing.

Refused, changing nothing: a case with itself, an unknown id, and two cases coded with
different codebooks.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from schema import audit
from schema.case_folding import CASE_COLUMNS, FoldRecord, case_row, fold_case, unfold_case
from schema.errors import CasecoderError
from schema.project import now

DETAIL_COLUMNS = ("reference", "title", "review_type", "category", "site",
                  "publication_year", "status", "notes")


class CombineError(CasecoderError):
    """Two cases cannot be combined; nothing was changed."""


@dataclass(frozen=True)
class CombineRecord:
    """What combining changed: enough to undo it while the project stays open."""

    survivor: str
    folded: str
    fold: FoldRecord


def resolve_case(db: sqlite_utils.Database, case_id: str) -> str | None:
    """The case an id names now: itself, the case an alias points at, or None."""
    if db.execute("SELECT 1 FROM cases WHERE id = ?", [case_id]).fetchone():
        return case_id
    row = db.execute("SELECT case_id FROM case_aliases WHERE alias_id = ?",
                     [case_id]).fetchone()
    return row[0] if row else None


def check_combinable(db: sqlite_utils.Database, first: str, second: str) -> tuple[str, str]:
    """The two current case ids, or CombineError saying why they cannot be combined."""
    resolved = []
    for given in (first, second):
        case_id = resolve_case(db, given)
        if case_id is None:
            raise CombineError(f"there is no case {given} in this project; list them with "
                               f"'cases PROJECT'.")
        resolved.append(case_id)
    if resolved[0] == resolved[1]:
        raise CombineError(f"{first} and {second} are already one case; choose two cases.")
    books = [_codebooks(db, case_id) for case_id in resolved]
    if books[0] and books[1] and books[0] != books[1]:
        raise CombineError(
            f"the cases are coded with different codebooks ({', '.join(sorted(books[0]))} "
            f"and {', '.join(sorted(books[1]))}); only cases coded with the same codebook "
            f"can be combined.")
    return resolved[0], resolved[1]


def _codebooks(db: sqlite_utils.Database, case_id: str) -> set[str]:
    """The codebooks (by id, any version) a case's codings use. Versions of one codebook
    only add fields to each other, as merges require, so they may be combined."""
    return {r[0] for r in db.execute(
        "SELECT DISTINCT b.codebook_id FROM codings g JOIN codebooks b ON b.key = "
        "g.codebook_key WHERE g.case_id = ?", [case_id])}


def combine_cases(db: sqlite_utils.Database, first: str, second: str, *, actor: str,
                  site: str, details_from: str | None = None) -> CombineRecord:
    """Fold one case into the other (call inside a transaction)."""
    a, b = check_combinable(db, first, second)
    rows = {a: case_row(db.conn, a), b: case_row(db.conn, b)}
    chosen = resolve_case(db, details_from) if details_from else None
    if details_from and chosen not in rows:
        raise CombineError(f"--details-from {details_from} is neither of the two cases.")
    if chosen is None:
        chosen = max(rows, key=lambda c: (rows[c]["updated_at"], c == min(rows)))
    survivor, folded = min(a, b), max(a, b)
    fold = fold_case(db.conn, folded, survivor)
    details = {c: rows[chosen][c] for c in DETAIL_COLUMNS}
    db.conn.execute(f"UPDATE cases SET {', '.join(f'{c} = ?' for c in DETAIL_COLUMNS)}, "
                    f"updated_at = ?, updated_by = ? WHERE id = ?",
                    [*details.values(), now(), actor, survivor])
    audit.record(db, actor=actor, site=site, action="combine", table="cases", row_id=folded,
                 case_id=survivor,
                 summary=f"cases {rows[survivor]['reference']} and "
                         f"{rows[folded]['reference']} combined as {details['reference']}",
                 before={c: {k: rows[c][k] for k in CASE_COLUMNS} for c in (a, b)},
                 after={"id": survivor, "alias": folded, **details})
    return CombineRecord(survivor, folded, fold)


def uncombine_cases(db: sqlite_utils.Database, record: CombineRecord, *, actor: str,
                    site: str) -> None:
    """Part the two cases again, as they were before `combine_cases` (inside a
    transaction)."""
    unfold_case(db.conn, record.fold)
    audit.record(db, actor=actor, site=site, action="uncombine", table="cases",
                 row_id=record.folded, case_id=record.survivor,
                 summary=f"combining {record.fold.survivor_row['reference']} and "
                         f"{record.fold.old_row['reference']} undone",
                 before={"id": record.survivor, "alias": record.folded},
                 after={"ids": [record.survivor, record.folded]})
