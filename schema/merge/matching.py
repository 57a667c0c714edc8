"""Recognising the same review coded in two places, and which case id survives.

Records are matched by UUID, never by name. Two different case ids are the same review when
they share a document (documents are keyed by the sha256 of their bytes), or when neither has
a document and their references are equal once trimmed and compared case-insensitively. A
case with documents is matched by its documents only: a reference can be reused or mistyped,
a hash cannot; a same-reference pair that was not matched is listed in the report instead.

All the ids of one review end in a single case whose id is the smallest of them. The others
are recorded as aliases, so a repeated merge finds the case again and the result does not
depend on the order in which sources are merged.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field


def normal_reference(reference: str) -> str:
    return " ".join(reference.split()).casefold()


@dataclass
class SourceCase:
    """A case as it arrives from a source, with its documents and former ids."""

    row: dict
    documents: set[str]
    aliases: set[str] = field(default_factory=set)

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
    """The target's cases by id, document and reference, kept current during a merge."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.references: dict[str, str] = {}
        self.by_reference: dict[str, set[str]] = defaultdict(set)
        self.documents: dict[str, set[str]] = defaultdict(set)
        self.by_document: dict[str, set[str]] = defaultdict(set)
        self.aliases: dict[str, str] = dict(conn.execute(
            "SELECT alias_id, case_id FROM case_aliases"))
        for case_id, reference in conn.execute("SELECT id, reference FROM cases"):
            self._set_reference(case_id, reference)
        for case_id, document_id in conn.execute(
                "SELECT case_id, document_id FROM case_documents"):
            self.add_document(case_id, document_id)

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

    def add_document(self, case_id: str, document_id: str) -> None:
        self.documents[case_id].add(document_id)
        self.by_document[document_id].add(case_id)

    def plan(self, case: SourceCase) -> CasePlan:
        by_uuid = {self.aliases.get(i, i) for i in {case.id, *case.aliases}}
        by_uuid = {i for i in by_uuid if i in self.references}
        by_document = {c for d in case.documents for c in self.by_document.get(d, ())}
        by_reference: set[str] = set()
        if not case.documents:
            wanted = normal_reference(case.row["reference"])
            by_reference = {c for c in self.by_reference.get(wanted, ())
                            if not self.documents.get(c)}
        matched = by_uuid | by_document | by_reference
        how = ("uuid" if by_uuid else "document" if by_document
               else "reference" if by_reference else "new")
        survivor = min({case.id, *matched})
        return CasePlan(case, survivor, matched, how)

    def apply(self, plan: CasePlan, reference: str) -> None:
        """Record that the matched cases are now the survivor (with this reference), holding
        the source's document links."""
        survivor = plan.survivor
        for old in plan.matched - {survivor}:
            for document_id in self.documents.pop(old, set()):
                self.by_document[document_id].discard(old)
                self.add_document(survivor, document_id)
            self._forget(old)
            self.aliases[old] = survivor
        for alias, target in list(self.aliases.items()):
            if target in plan.matched and target != survivor:
                self.aliases[alias] = survivor
        for other in {plan.source.id, *plan.source.aliases} - {survivor}:
            self.aliases[other] = survivor
        self._set_reference(survivor, reference)
        for document_id in plan.source.documents:
            self.add_document(survivor, document_id)

    def same_reference_elsewhere(self, plan: CasePlan) -> list[str]:
        """Other cases with the plan's reference that were not matched (possible duplicates)."""
        wanted = normal_reference(plan.source.row["reference"])
        return sorted(self.by_reference.get(wanted, set()) - {plan.survivor})
