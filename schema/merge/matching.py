"""Recognising the same review coded in two places, and which case id survives.

Records are matched by UUID, never by name. Two different case ids are the same review when
  - they share a document (documents are keyed by the sha256 of their bytes);
  - a document of one has the same text as a document of the other, by the fingerprints of
    schema.documents.fingerprint (similarity at least `SAME_TEXT`), and the two came from
    different projects: within one project such a pair is only a candidate (see
    `candidates`), since its coder kept them apart on purpose or by mistake;
  - or neither has a document and their references are equal once trimmed and compared
    case-insensitively.
A case with documents is matched by its documents only: a reference can be reused or
mistyped, a text cannot. Pairs a person said are different reviews (`case_distinctions`)
are never matched.

All the ids of one review end in a single case whose id is the smallest of them. The others
are recorded as aliases, so a repeated merge finds the case again and the result does not
depend on the order in which sources are merged.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from schema.documents.fingerprint import SAME_TEXT, Fingerprint, lookup_keys, similarity


def normal_reference(reference: str) -> str:
    return " ".join(reference.split()).casefold()


@dataclass
class SourceCase:
    """A case as it arrives from a source, with its documents and former ids."""

    row: dict
    documents: set[str]
    aliases: set[str] = field(default_factory=set)
    prints: dict[str, Fingerprint] = field(default_factory=dict)
    origin: int = -1

    @property
    def id(self) -> str:
        return self.row["id"]


@dataclass
class CasePlan:
    """Where one source case goes: the surviving id, the target cases folded into it, and
    how it was recognised ('new', 'uuid', 'document' or 'reference')."""

    source: SourceCase
    survivor: str
    matched: set[str]
    how: str


class TargetIndex:
    """The target's cases by id, document, text and reference, kept current during a merge.

    `prints` are the target's document fingerprints; `distinct` holds the pairs of case ids
    people said are different reviews (from the target, the sources and the decisions)."""

    def __init__(self, conn: sqlite3.Connection, prints: dict[str, Fingerprint],
                 distinct: set[frozenset[str]]) -> None:
        self.references: dict[str, str] = {}
        self.by_reference: dict[str, set[str]] = defaultdict(set)
        self.documents: dict[str, set[str]] = defaultdict(set)
        self.by_document: dict[str, set[str]] = defaultdict(set)
        self.aliases: dict[str, str] = dict(conn.execute(
            "SELECT alias_id, case_id FROM case_aliases"))
        self.distinct = distinct
        self.prints: dict[str, Fingerprint] = {}
        self.by_key: dict[int, set[str]] = defaultdict(set)
        # Which sources each document came in with during this merge; -1 is the target.
        self.origins: dict[str, set[int]] = defaultdict(set)
        for case_id, reference in conn.execute("SELECT id, reference FROM cases"):
            self._set_reference(case_id, reference)
        for case_id, document_id in conn.execute(
                "SELECT case_id, document_id FROM case_documents"):
            self.add_document(case_id, document_id, -1)
        for document_id, fingerprint in prints.items():
            self.add_print(document_id, fingerprint)

    def _set_reference(self, case_id: str, reference: str) -> None:
        old = self.references.get(case_id)
        if old is not None:
            self.by_reference[old].discard(case_id)
        self.references[case_id] = normal_reference(reference)
        self.by_reference[self.references[case_id]].add(case_id)

    def _forget(self, case_id: str) -> None:
        old = self.references.pop(case_id, None)
        if old is not None:
            self.by_reference[old].discard(case_id)

    def add_document(self, case_id: str, document_id: str, origin: int) -> None:
        self.documents[case_id].add(document_id)
        self.by_document[document_id].add(case_id)
        self.origins[document_id].add(origin)

    def add_print(self, document_id: str, fingerprint: Fingerprint) -> None:
        if document_id in self.prints or not fingerprint.usable:
            return
        self.prints[document_id] = fingerprint
        for key in lookup_keys(fingerprint):
            self.by_key[key].add(document_id)

    def plan(self, case: SourceCase) -> CasePlan:
        by_uuid = {self.aliases.get(i, i) for i in {case.id, *case.aliases}}
        by_uuid = {i for i in by_uuid if i in self.references}
        by_document = {c for d in case.documents for c in self.by_document.get(d, ())}
        by_text: set[str] = set()
        if not by_uuid:
            by_text = self._same_text(case) - by_document
        by_reference: set[str] = set()
        if not case.documents:
            wanted = normal_reference(case.row["reference"])
            by_reference = {c for c in self.by_reference.get(wanted, ())
                            if not self.documents.get(c)}
        matched = by_uuid | by_document | by_text | by_reference
        how = ("uuid" if by_uuid else "document" if by_document else "text" if by_text
               else "reference" if by_reference else "new")
        survivor = min({case.id, *matched})
        return CasePlan(case, survivor, matched, how)

    def _same_text(self, case: SourceCase) -> set[str]:
        """Target cases holding a document with the same text as one of the case's, from
        another project. None if any two of them (or the case) were said to be different."""
        found: set[str] = set()
        for document_id in sorted(case.documents):
            fingerprint = case.prints.get(document_id)
            if fingerprint is None or not fingerprint.usable:
                continue
            for other in self._look_alikes(fingerprint, case.origin):
                if similarity(fingerprint, self.prints[other]) >= SAME_TEXT:
                    found |= self.by_document.get(other, set())
        ids = [{case.id, *case.aliases}] + [self.names_of(c) for c in sorted(found)]
        if any(self._said_different(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]):
            return set()
        return found

    def _look_alikes(self, fingerprint: Fingerprint, origin: int) -> set[str]:
        """Indexed documents sharing a lookup key, that came from somewhere other than the
        source `origin`."""
        found: set[str] = set()
        for key in lookup_keys(fingerprint):
            found |= self.by_key.get(key, set())
        return {d for d in found if self.origins.get(d, {-1}) - {origin}}

    def names_of(self, case_id: str) -> set[str]:
        """A target case's id and every alias pointing at it."""
        return {case_id, *(a for a, c in self.aliases.items() if c == case_id)}

    def _said_different(self, first: set[str], second: set[str]) -> bool:
        return any(frozenset((a, b)) in self.distinct for a in first for b in second)

    def apply(self, plan: CasePlan, reference: str) -> None:
        """Record that the matched cases are now the survivor (with this reference), holding
        the source's document links."""
        survivor = plan.survivor
        for old in plan.matched - {survivor}:
            for document_id in self.documents.pop(old, set()):
                self.by_document[document_id].discard(old)
                self.by_document[document_id].add(survivor)
                self.documents[survivor].add(document_id)
            self._forget(old)
            self.aliases[old] = survivor
        for alias, target in list(self.aliases.items()):
            if target in plan.matched and target != survivor:
                self.aliases[alias] = survivor
        for other in {plan.source.id, *plan.source.aliases} - {survivor}:
            self.aliases[other] = survivor
        self._set_reference(survivor, reference)
        for document_id in plan.source.documents:
            self.add_document(survivor, document_id, plan.source.origin)
            fingerprint = plan.source.prints.get(document_id)
            if fingerprint is not None:
                self.add_print(document_id, fingerprint)
