"""Building a consensus coding of a case from its codings and the reconciler's choices.

Fields on which the codings agree are copied as they are; for each field that differs the
reconciler picks one coding's value or enters another. The result is one coding of kind
`consensus` (created the first time, updated after), written through the Store API so every
answer lands in the audit log, with one more entry recording the reconciliation. Evidence
behind the kept values is copied to the consensus, so its quotes stay visible. Summary
tables read the consensus coding where one exists (Store.coding_for_tables).
"""

from __future__ import annotations

from dataclasses import dataclass

from schema.errors import ValidationError
from schema.merge.conflicts import FieldConflict, case_conflicts, comparable
from schema.records import Coding
from schema.store import Store
from schema.store_sections import NOT_APPLICABLE
from schema.transactions import transaction


@dataclass(frozen=True)
class Choice:
    """The reconciler's decision for one field of one item; state None leaves it unanswered.
    `from_coding` names the coding whose value was picked, so its evidence comes along."""

    section: str
    position: int
    field: str
    state: str | None
    value: object = None
    from_coding: str | None = None

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.section, self.position, self.field)


def consensus_coding(store: Store, case_id: str) -> Coding | None:
    return next((c for c in store.codings(case_id) if c.kind == "consensus"), None)


def build_consensus(store: Store, case_id: str, choices: list[Choice]) -> Coding:
    """Create or update the case's consensus coding; returns it. Differing fields without a
    choice are left as they are in the consensus (unanswered the first time)."""
    sources = [c for c in store.codings(case_id) if c.kind != "consensus"]
    if len(sources) < 2:
        raise ValidationError("a consensus needs a case with two or more codings")
    conflicts = {(c.section, c.position, c.field): c
                 for c in case_conflicts(store.db, store.codebook, case_id)}
    chosen = {c.key: c for c in choices}
    with transaction(store.db):
        consensus = consensus_coding(store, case_id) or store.add_coding(
            case_id, coder=store.actor, kind="consensus")
        targets = _entities_by_place(store, consensus.id)
        changed = 0
        for section, position, entity_ids in _places(store, sources):
            target = targets.get((section, position)) or _new_item(store, consensus, section)
            for spec in store.codebook.section(section).fields:
                key = (section, position, spec.key)
                if key in conflicts:
                    if key not in chosen:
                        continue
                    decision = chosen[key]
                else:
                    decision = _agreed(store, entity_ids[0], section, position, spec.key,
                                       sources[0].id)
                changed += _apply(store, target, decision, entity_ids, sources)
        changed += _agreed_section_marks(store, consensus, sources)
        store._audit("reconcile", "codings", consensus.id, case_id,
                     f"consensus coding saved ({changed} field(s) changed, "
                     f"{len(chosen)} decided by the reconciler)",
                     after={"choices": len(chosen), "changed": changed})
    return store.get_coding(consensus.id)


def _agreed_section_marks(store: Store, consensus: Coding, sources: list[Coding]) -> int:
    """Mark a repeating section not applicable in the consensus where every coding did (a
    suicide's perpetrators); where the coders differ, one of them coded items, and those
    items came across as places to decide. Returns how many sections were marked."""
    marks = [store.section_states(c.id) for c in sources]
    agreed = set.intersection(*(set(k for k, v in m.items() if v == NOT_APPLICABLE)
                                for m in marks))
    done = store.section_states(consensus.id)
    marked = 0
    for section in sorted(agreed):
        if done.get(section) != NOT_APPLICABLE and not store.entities(consensus.id, section):
            store.mark_section_not_applicable(consensus.id, section)
            marked += 1
    return marked


def _places(store: Store, sources: list[Coding]) -> list[tuple[str, int, list]]:
    """(section, position, entity id per source coding or None) for every item any coding
    has, in codebook order."""
    found: dict[tuple[str, int], list] = {}
    for index, coding in enumerate(sources):
        for entity in store.entities(coding.id):
            slot = found.setdefault((entity.section, entity.position), [None] * len(sources))
            slot[index] = entity.id
    order = {s.key: n for n, s in enumerate(store.codebook.sections)}
    return [(sec, pos, ids) for (sec, pos), ids in
            sorted(found.items(), key=lambda item: (order.get(item[0][0], 99), item[0][1]))]


def _entities_by_place(store: Store, coding_id: str) -> dict[tuple[str, int], str]:
    return {(e.section, e.position): e.id for e in store.entities(coding_id)}


def _new_item(store: Store, consensus: Coding, section: str) -> str:
    return store.add_entity(consensus.id, section).id


def _agreed(store: Store, entity_id: str | None, section: str, position: int, field: str,
            coding_id: str) -> Choice:
    answer = store.answer(entity_id, field) if entity_id else None
    state, value = (answer.state, answer.value) if answer else (None, None)
    return Choice(section, position, field, state, value, from_coding=coding_id)


def _apply(store: Store, entity_id: str, decision: Choice, entity_ids: list,
           sources: list[Coding]) -> int:
    """Write one decided field to the consensus entity if it differs; copy its evidence."""
    current = store.answer(entity_id, decision.field)
    now = comparable(current.state, current.value) if current else (None, None)
    wanted = comparable(decision.state, decision.value)
    changed = 0
    if now != wanted:
        if decision.state is None:
            store.clear_answer(entity_id, decision.field)
        else:
            store.set_answer_state(entity_id, decision.field, decision.state, decision.value)
        changed = 1
    if decision.from_coding and decision.state is not None:
        index = next((i for i, c in enumerate(sources) if c.id == decision.from_coding), None)
        if index is not None and entity_ids[index]:
            _copy_evidence(store, entity_ids[index], entity_id, decision.field)
    return changed


def _copy_evidence(store: Store, source_entity: str, target_entity: str, field: str) -> None:
    have = {(e.document_id, e.page, e.quote) for e in store.evidence_for(target_entity, field)}
    for item in store.evidence_for(source_entity, field):
        if (item.document_id, item.page, item.quote) not in have:
            store.attach_evidence(target_entity, field, document_id=item.document_id,
                                  page=item.page, quote=item.quote, paragraph=item.paragraph,
                                  rects=item.rects)


def open_conflicts(store: Store, case_id: str) -> list[FieldConflict]:
    """The fields that differ between the case's codings (what the reconciler decides)."""
    return case_conflicts(store.db, store.codebook, case_id)
