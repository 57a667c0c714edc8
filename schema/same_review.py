"""Pairs of cases that may be the same review, for a person to decide.

A merge combines cases on its own only when it is sure (schema.merge.matching). What it cannot
decide it lists here, as a candidate pair, on one of three grounds:
  - `text`: a document of each has similar text (from `CANDIDATE_TEXT` up), but not so
    similar, or not from two different projects, that the merge took them to be one;
  - `reference`: the two cases have the same reference but different documents;
  - `details`: the same review type and title, and no contradicting year, where at least one
    of the two has no document text to compare (a scanned review without a text layer is
    never combined without asking).
A pair recorded as different reviews (`case_distinctions`, kept through aliases when either
case is later combined) is never listed again.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass

import sqlite_utils

from schema import audit
from schema.documents.fingerprint import CANDIDATE_TEXT, Fingerprint, lookup_keys, similarity
from schema.documents.fingerprint_store import read_fingerprints
from schema.errors import CasecoderError
from schema.project import now


@dataclass(frozen=True)
class Candidate:
    """Two cases (first < second) that may be one review, why, and how alike their most
    alike documents are (None when judged on details alone)."""

    first: str
    second: str
    basis: str
    similarity: float | None = None
    documents: tuple[str, str] | None = None

    def as_dict(self) -> dict:
        return {"case_id": self.first, "other_case_id": self.second, "basis": self.basis,
                "similarity": None if self.similarity is None else round(self.similarity, 3),
                "documents": list(self.documents) if self.documents else None}


def normal_words(text: str | None) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in (text or "").casefold()
                            ).split())


class _Project:
    """What candidate finding reads from a project: cases, their documents, fingerprints
    and decisions."""

    def __init__(self, conn: sqlite3.Connection, prints: dict[str, Fingerprint] | None) -> None:
        self.cases = {r[0]: r[1:] for r in conn.execute(
            "SELECT id, reference, title, review_type, publication_year FROM cases")}
        self.documents: dict[str, set[str]] = defaultdict(set)
        self.holders: dict[str, set[str]] = defaultdict(set)
        for case_id, document_id in conn.execute(
                "SELECT case_id, document_id FROM case_documents"):
            self.documents[case_id].add(document_id)
            self.holders[document_id].add(case_id)
        every = read_fingerprints(conn) if prints is None else prints
        self.prints = {d: fp for d, fp in every.items() if fp.usable and d in self.holders}
        self.distinct = resolved_distinctions(conn)

    def has_text(self, case_id: str) -> bool:
        return any(d in self.prints for d in self.documents.get(case_id, ()))


def find_candidates(conn: sqlite3.Connection, among: set[str] | None = None,
                    prints: dict[str, Fingerprint] | None = None) -> list[Candidate]:
    """Candidate pairs of the project's cases, those with a case in `among` (all when None),
    most alike first."""
    project = _Project(conn, prints)
    found: dict[frozenset[str], Candidate] = {}
    for candidate in (*_by_text(project, among), *_by_reference(project),
                      *_by_details(project)):
        pair = frozenset((candidate.first, candidate.second))
        if pair in project.distinct or pair in found:
            continue
        if among is None or pair & among:
            found[pair] = candidate
    return sorted(found.values(), key=lambda c: (-(c.similarity or 0.0), c.first, c.second))


def _by_text(project: _Project, among: set[str] | None) -> list[Candidate]:
    by_key: dict[int, set[str]] = defaultdict(set)
    for document_id, fingerprint in project.prints.items():
        for key in lookup_keys(fingerprint):
            by_key[key].add(document_id)
    best: dict[tuple[str, str], Candidate] = {}
    wanted = project.prints if among is None else {
        d for c in among for d in project.documents.get(c, ()) if d in project.prints}
    for document_id in sorted(wanted):
        alike = {o for k in lookup_keys(project.prints[document_id]) for o in by_key[k]}
        for other in sorted(alike - {document_id}):
            pairs = {tuple(sorted((a, b))) for a in project.holders[document_id]
                     for b in project.holders[other] if a != b}
            pairs -= set(best)
            if not pairs:
                continue
            score = similarity(project.prints[document_id], project.prints[other])
            if score < CANDIDATE_TEXT:
                continue
            for first, second in pairs:
                documents = (document_id, other) if first in project.holders[document_id] \
                    else (other, document_id)
                best[(first, second)] = Candidate(first, second, "text", score, documents)
    return list(best.values())


def _by_reference(project: _Project) -> list[Candidate]:
    groups: dict[str, list[str]] = defaultdict(list)
    for case_id, (reference, *_rest) in project.cases.items():
        if normal_words(reference):
            groups[normal_words(reference)].append(case_id)
    return [Candidate(a, b, "reference") for ids in groups.values() if len(ids) > 1
            for a, b in _pairs(ids)]


def _by_details(project: _Project) -> list[Candidate]:
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for case_id, (_reference, title, review_type, _year) in project.cases.items():
        if normal_words(title):
            groups[(review_type, normal_words(title))].append(case_id)
    found = []
    for ids in groups.values():
        for a, b in _pairs(ids):
            years = {project.cases[a][3], project.cases[b][3]} - {None}
            if len(years) <= 1 and not (project.has_text(a) and project.has_text(b)):
                found.append(Candidate(a, b, "details"))
    return found


def _pairs(ids: list[str]) -> list[tuple[str, str]]:
    ordered = sorted(ids)
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]]


def resolved_distinctions(conn: sqlite3.Connection) -> set[frozenset[str]]:
    """Every recorded distinction, as pairs of the case ids they name now."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'case_distinctions'"
                        ).fetchone():
        return set()
    aliases = dict(conn.execute("SELECT alias_id, case_id FROM case_aliases"))
    return {frozenset((aliases.get(a, a), aliases.get(b, b)))
            for a, b in conn.execute("SELECT case_a, case_b FROM case_distinctions")}


def raw_distinctions(conn: sqlite3.Connection) -> set[frozenset[str]]:
    """Every recorded distinction with the ids as they were recorded."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'case_distinctions'"
                        ).fetchone():
        return set()
    return {frozenset(r) for r in conn.execute("SELECT case_a, case_b FROM case_distinctions")}


class DistinctionError(CasecoderError):
    """Two ids cannot be recorded as different reviews; nothing was changed."""


def record_distinction(db: sqlite_utils.Database, first: str, second: str, *, actor: str,
                       site: str) -> None:
    """Record (inside a transaction) that two cases are different reviews."""
    from schema.case_combining import resolve_case

    a, b = resolve_case(db, first), resolve_case(db, second)
    for given, case_id in ((first, a), (second, b)):
        if case_id is None:
            raise DistinctionError(f"there is no case {given} in this project.")
    if a == b:
        raise DistinctionError(f"{first} and {second} are already one case; they cannot be "
                               f"recorded as different reviews.")
    pair = sorted((a, b))
    db.execute("INSERT OR IGNORE INTO case_distinctions (case_a, case_b, decided_at, "
               "decided_by) VALUES (?, ?, ?, ?)", [*pair, now(), actor])
    audit.record(db, actor=actor, site=site, action="keep apart", table="case_distinctions",
                 row_id=f"{pair[0]}|{pair[1]}", case_id=pair[0],
                 summary="two look-alike cases recorded as different reviews",
                 after={"cases": pair})
