"""A person's decisions on candidate pairs: the same review (combine the two cases) or
different reviews (keep them apart on every later merge).

On the command line they come in a CSV file with the columns `case_id`, `other_case_id` and
`decision` (`same`, `different`, or empty for "decide later"), the shape `merge
--candidates-out` and `candidates --out` write, so a person fills in the last column. Ids may
be those of any project in the merge, or aliases; every id is checked before anything is
written, and an unknown one refuses the whole merge.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from schema.case_combining import CombineError, combine_cases, resolve_case
from schema.merge.sources import MergeError
from schema.same_review import Candidate, DistinctionError, record_distinction

COLUMNS = ("case_id", "other_case_id", "decision", "basis", "similarity", "reference",
           "other_reference")
CHOICES = {"same": True, "different": False}


@dataclass(frozen=True)
class Decision:
    first: str
    second: str
    same: bool


def read_decisions(path: Path) -> list[Decision]:
    """The decisions in a CSV file; MergeError naming the line that cannot be read."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise MergeError(f"cannot read the decisions file {path}: {exc.strerror}.") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise MergeError(f"{path} is not a CSV file of decisions ({exc}).") from None
    found = []
    for line, row in enumerate(rows, start=2):
        if not {"case_id", "other_case_id", "decision"} <= set(row):
            raise MergeError(f"{path} needs the columns case_id, other_case_id and decision; "
                             f"write a template with 'merge ... --candidates-out FILE'.")
        choice = (row["decision"] or "").strip().casefold()
        if not choice:
            continue
        if choice not in CHOICES:
            raise MergeError(f"{path}, line {line}: decision {row['decision']!r} is not "
                             f"'same', 'different' or empty.")
        found.append(Decision(row["case_id"].strip(), row["other_case_id"].strip(),
                              CHOICES[choice]))
    return found


def check_known(decisions: Iterable[Decision], known: set[str], path: str) -> None:
    """Refuse decisions that name ids no project in the merge holds."""
    unknown = sorted({i for d in decisions for i in (d.first, d.second)} - known)
    if unknown:
        shown = ", ".join(unknown[:3]) + (" ..." if len(unknown) > 3 else "")
        raise MergeError(f"the decisions name {len(unknown)} case id(s) that no project "
                         f"here holds ({shown}); check {path}. Nothing was changed.")


def apply_decisions(db: sqlite_utils.Database, decisions: Iterable[Decision], *, actor: str,
                    site: str) -> tuple[int, int]:
    """Carry out the decisions (inside the merge transaction); returns how many pairs were
    combined and how many kept apart. A "different" for two ids that are already one case
    refuses the merge, since nothing can part them."""
    combined = apart = 0
    for decision in decisions:
        a, b = resolve_case(db, decision.first), resolve_case(db, decision.second)
        if decision.same:
            if a != b:
                _combine(db, decision, actor, site)
                combined += 1
            continue
        try:
            record_distinction(db, decision.first, decision.second, actor=actor, site=site)
        except DistinctionError as exc:
            raise MergeError(f"decision {decision.first} / {decision.second}: {exc} "
                             f"Nothing was changed.") from None
        apart += 1
    return combined, apart


def _combine(db: sqlite_utils.Database, decision: Decision, actor: str, site: str) -> None:
    try:
        combine_cases(db, decision.first, decision.second, actor=actor, site=site)
    except CombineError as exc:
        raise MergeError(f"decision {decision.first} / {decision.second}: {exc} "
                         f"Nothing was changed.") from None


def write_candidates(path: Path, candidates: list[dict]) -> None:
    """A decisions template: one row per candidate pair (as `describe_candidates` gives
    them), the decision left for a person."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for c in candidates:
            score = "" if c["similarity"] is None else f"{c['similarity']:.2f}"
            first, second = c["cases"]
            writer.writerow([c["case_id"], c["other_case_id"], "", c["basis"], score,
                             first["reference"], second["reference"]])


def accept_all(candidates: Iterable[Candidate]) -> list[Decision]:
    return [Decision(c.first, c.second, True) for c in candidates]


def known_ids(conn) -> set[str]:
    """Every case id and alias a project holds."""
    ids = {r[0] for r in conn.execute("SELECT id FROM cases")}
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'case_aliases'").fetchone():
        ids |= {r[0] for r in conn.execute("SELECT alias_id FROM case_aliases")}
    return ids
