"""Store methods for what a coding holds: entities (victims, perpetrators, ...), answers and
the evidence behind them. Mixed into `Store`; relies on its row and audit helpers."""

from __future__ import annotations

import json

from schema.codebook_model import ANSWER_STATES, Field, Section
from schema.errors import NotFoundError, ValidationError
from schema.project import new_id, now
from schema.records import Answer, Entity, Evidence
from schema.transactions import transaction


class EntityMixin:
    # Entities ----------------------------------------------------------------------------

    def entities(self, coding_id: str, section: str | None = None) -> list[Entity]:
        sql = "SELECT * FROM entities WHERE coding_id = ?"
        params = [coding_id]
        if section:
            sql += " AND section = ?"
            params.append(section)
        rows = self.db.query(sql + " ORDER BY section, position", params)
        return [_entity(r) for r in rows]

    def get_entity(self, entity_id: str) -> Entity:
        return _entity(self._row("entities", entity_id))

    def section_entity(self, coding_id: str, section: str) -> Entity:
        """The single entity of a non-repeating section of a coding."""
        found = self.entities(coding_id, section)
        if not found:
            raise NotFoundError(f"coding {coding_id} has no '{section}' entity")
        return found[0]

    def add_entity(self, coding_id: str, section: str) -> Entity:
        """Add one item to a repeating group, at the end (refused while the section is
        marked not applicable: see schema.store_sections)."""
        if not self.codebook.section(section).repeat:
            raise ValidationError(f"section '{section}' does not repeat")
        self._refuse_if_not_applicable(coding_id, section)
        case_id = self.get_coding(coding_id).case_id
        with transaction(self.db):
            position = self.db.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM entities "
                "WHERE coding_id = ? AND section = ?", [coding_id, section]).fetchone()[0]
            entity_id = self._insert_entity(coding_id, section, position, case_id)
        return self.get_entity(entity_id)

    def _insert_entity(self, coding_id: str, section: str, position: int, case_id: str,
                       entity_id: str | None = None) -> str:
        row = {"id": entity_id or new_id(), "coding_id": coding_id, "section": section,
               "position": position, **self._stamps()}
        self._insert("entities", row)
        self._audit("create", "entities", row["id"], case_id,
                    f"{section} #{position + 1}", after={"section": section,
                                                         "position": position})
        return row["id"]

    def remove_entity(self, entity_id: str) -> dict:
        """Remove an item of a repeating group with its answers and evidence.

        Returns a snapshot that `restore_entity` puts back exactly (used by undo).
        """
        entity, case_id = self._entity_context(entity_id)
        if not self.codebook.section(entity.section).repeat:
            raise ValidationError(f"section '{entity.section}' does not repeat")
        snapshot = {"entity": entity.__dict__,
                    "answers": [a.__dict__ for a in self.answers(entity_id).values()],
                    "evidence": [e.__dict__ for e in self.evidence_for(entity_id)]}
        with transaction(self.db):
            self.db.execute("DELETE FROM entities WHERE id = ?", [entity_id])
            self.db.execute(
                "UPDATE entities SET position = position - 1 WHERE coding_id = ? AND "
                "section = ? AND position > ?",
                [entity.coding_id, entity.section, entity.position])
            self._audit("delete", "entities", entity_id, case_id,
                        f"{entity.section} #{entity.position + 1}", before=snapshot)
        return snapshot

    def restore_entity(self, snapshot: dict) -> Entity:
        """Put back an entity removed by `remove_entity`, at its old position."""
        entity = Entity(**snapshot["entity"])
        case_id = self.get_coding(entity.coding_id).case_id
        with transaction(self.db):
            self.db.execute(
                "UPDATE entities SET position = position + 1 WHERE coding_id = ? AND "
                "section = ? AND position >= ?",
                [entity.coding_id, entity.section, entity.position])
            self._insert_entity(entity.coding_id, entity.section, entity.position, case_id,
                                entity_id=entity.id)
            for answer in snapshot["answers"]:
                self.set_answer_state(entity.id, answer["field"], answer["state"],
                                      answer["value"])
            for item in snapshot["evidence"]:
                self.restore_evidence(Evidence(**item))
        return self.get_entity(entity.id)

    def move_entity(self, entity_id: str, new_position: int) -> Entity:
        """Reorder an item within its group; positions stay 0..n-1."""
        entity, case_id = self._entity_context(entity_id)
        siblings = [e.id for e in self.entities(entity.coding_id, entity.section)]
        new_position = max(0, min(new_position, len(siblings) - 1))
        siblings.remove(entity_id)
        siblings.insert(new_position, entity_id)
        with transaction(self.db):
            for position, sibling in enumerate(siblings):
                self.db.execute("UPDATE entities SET position = ? WHERE id = ?",
                                [position, sibling])
            self._audit("move", "entities", entity_id, case_id, entity.section,
                        before={"position": entity.position}, after={"position": new_position})
        return self.get_entity(entity_id)

    def _entity_context(self, entity_id: str) -> tuple[Entity, str]:
        entity = self.get_entity(entity_id)
        return entity, self.get_coding(entity.coding_id).case_id

    def _field(self, entity: Entity, field: str) -> Field:
        section: Section = self.codebook.section(entity.section)
        found = section.field(field)
        if found is None:
            raise ValidationError(f"section '{entity.section}' has no field '{field}'")
        return found

    # Answers -----------------------------------------------------------------------------

    def set_answer(self, entity_id: str, field: str, value: object) -> Answer:
        return self.set_answer_state(entity_id, field, "answered", value)

    def mark_not_reported(self, entity_id: str, field: str) -> Answer:
        """The review does not say: distinct from an answer of "no" or "none"."""
        return self.set_answer_state(entity_id, field, "not_reported")

    def mark_not_applicable(self, entity_id: str, field: str) -> Answer:
        return self.set_answer_state(entity_id, field, "not_applicable")

    def set_answer_state(self, entity_id: str, field: str, state: str,
                         value: object = None) -> Answer:
        """Write one answer in its own transaction, with an audit entry of before and after."""
        entity, case_id = self._entity_context(entity_id)
        spec = self._field(entity, field)
        if state not in ANSWER_STATES:
            raise ValidationError(f"unknown answer state {state!r}")
        if state == "not_applicable" and not spec.allow_na:
            raise ValidationError(f"{spec.path} cannot be marked not applicable")
        stored = spec.check_value(value) if state == "answered" else None
        before = self.answer(entity_id, field)
        stamp = now()
        with transaction(self.db):
            self.db.execute(
                "INSERT INTO answers (id, entity_id, field, state, value_json, created_at, "
                "created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (entity_id, field) DO UPDATE SET state = excluded.state, "
                "value_json = excluded.value_json, updated_at = excluded.updated_at, "
                "updated_by = excluded.updated_by",
                [new_id(), entity_id, field, state, _dump(stored), stamp, self.actor, stamp,
                 self.actor])
            self._audit("update" if before else "create", "answers", entity_id, case_id,
                        spec.path, before=_answer_state(before),
                        after={"state": state, "value": stored})
        return self.answer(entity_id, field)

    def clear_answer(self, entity_id: str, field: str) -> Answer | None:
        """Remove an answer so the field is unanswered again; returns what was there."""
        entity, case_id = self._entity_context(entity_id)
        spec = self._field(entity, field)
        before = self.answer(entity_id, field)
        if before is None:
            return None
        with transaction(self.db):
            self.db.execute("DELETE FROM answers WHERE entity_id = ? AND field = ?",
                            [entity_id, field])
            self._audit("delete", "answers", entity_id, case_id, spec.path,
                        before=_answer_state(before))
        return before

    def answer(self, entity_id: str, field: str) -> Answer | None:
        rows = list(self.db.query("SELECT * FROM answers WHERE entity_id = ? AND field = ?",
                                  [entity_id, field]))
        return _answer(rows[0]) if rows else None

    def answers(self, entity_id: str) -> dict[str, Answer]:
        rows = self.db.query("SELECT * FROM answers WHERE entity_id = ?", [entity_id])
        return {r["field"]: _answer(r) for r in rows}

    def coding_answers(self, coding_id: str) -> dict[str, dict[str, Answer]]:
        """Every answer of a coding in one query, keyed by entity id then field."""
        rows = self.db.query(
            "SELECT a.* FROM answers a JOIN entities e ON e.id = a.entity_id "
            "WHERE e.coding_id = ?", [coding_id])
        result: dict[str, dict[str, Answer]] = {}
        for row in rows:
            result.setdefault(row["entity_id"], {})[row["field"]] = _answer(row)
        return result

    # Evidence ----------------------------------------------------------------------------

    def attach_evidence(self, entity_id: str, field: str, *, document_id: str | None,
                        page: int | None, quote: str, paragraph: str = "",
                        rects: list | tuple = ()) -> Evidence:
        """Cite the page, paragraph and quote of a document that supports a field's answer."""
        entity, _ = self._entity_context(entity_id)
        self._field(entity, field)
        if document_id is not None and self.db.execute(
                "SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is None:
            raise NotFoundError(f"no document {document_id} in this project")
        evidence = Evidence(id=new_id(), entity_id=entity_id, field=field,
                            document_id=document_id, page=page, paragraph=paragraph or "",
                            quote=quote, rects=[list(r) for r in rects], created_at=now(),
                            created_by=self.actor)
        self.restore_evidence(evidence)
        return evidence

    def restore_evidence(self, evidence: Evidence) -> None:
        """Insert an evidence record as given (new, or put back by undo)."""
        entity, case_id = self._entity_context(evidence.entity_id)
        spec = self._field(entity, evidence.field)
        row = {**evidence.__dict__, "rects_json": json.dumps(evidence.rects)}
        del row["rects"]
        with transaction(self.db):
            self._insert("evidence", row)
            self._audit("create", "evidence", evidence.id, case_id, spec.path,
                        after={"document_id": evidence.document_id, "page": evidence.page,
                               "paragraph": evidence.paragraph, "quote": evidence.quote})

    def remove_evidence(self, evidence_id: str) -> Evidence:
        evidence = _evidence(self._row("evidence", evidence_id))
        _, case_id = self._entity_context(evidence.entity_id)
        with transaction(self.db):
            self.db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
            self._audit("delete", "evidence", evidence_id, case_id, evidence.field,
                        before={"document_id": evidence.document_id, "page": evidence.page,
                                "quote": evidence.quote})
        return evidence

    def evidence_for(self, entity_id: str, field: str | None = None) -> list[Evidence]:
        sql, params = "SELECT * FROM evidence WHERE entity_id = ?", [entity_id]
        if field:
            sql += " AND field = ?"
            params.append(field)
        return [_evidence(r) for r in self.db.query(sql + " ORDER BY created_at", params)]

    def coding_evidence(self, coding_id: str) -> list[Evidence]:
        rows = self.db.query(
            "SELECT v.* FROM evidence v JOIN entities e ON e.id = v.entity_id "
            "WHERE e.coding_id = ? ORDER BY v.created_at", [coding_id])
        return [_evidence(r) for r in rows]


def _dump(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _answer_state(answer: Answer | None) -> dict | None:
    return None if answer is None else {"state": answer.state, "value": answer.value}


def _entity(row: dict) -> Entity:
    return Entity(id=row["id"], coding_id=row["coding_id"], section=row["section"],
                  position=row["position"])


def _answer(row: dict) -> Answer:
    value = None if row["value_json"] is None else json.loads(row["value_json"])
    return Answer(entity_id=row["entity_id"], field=row["field"], state=row["state"],
                  value=value, updated_at=row["updated_at"], updated_by=row["updated_by"])


def _evidence(row: dict) -> Evidence:
    return Evidence(id=row["id"], entity_id=row["entity_id"], field=row["field"],
                    document_id=row["document_id"], page=row["page"],
                    paragraph=row["paragraph"], quote=row["quote"],
                    rects=json.loads(row["rects_json"]), created_at=row["created_at"],
                    created_by=row["created_by"])
