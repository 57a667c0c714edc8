"""Store methods for each case's register of real names and the pseudonyms that replace them
in everything that leaves the app (briefs, quotes, exports)."""

from __future__ import annotations

from dataclasses import dataclass

from schema.errors import NotFoundError, ValidationError
from schema.project import new_id
from schema.transactions import transaction


@dataclass(frozen=True)
class Pseudonym:
    id: str
    case_id: str
    real_name: str
    pseudonym: str


class PseudonymMixin:
    def pseudonyms(self, case_id: str) -> list[Pseudonym]:
        rows = self.db.query("SELECT id, case_id, real_name, pseudonym FROM pseudonyms "
                             "WHERE case_id = ? ORDER BY created_at", [case_id])
        return [Pseudonym(**row) for row in rows]

    def add_pseudonym(self, case_id: str, real_name: str, pseudonym: str) -> Pseudonym:
        real_name, pseudonym = real_name.strip(), pseudonym.strip()
        if not real_name or not pseudonym:
            raise ValidationError("both the real name and the pseudonym are needed")
        if real_name.casefold() == pseudonym.casefold():
            raise ValidationError("the pseudonym must differ from the real name")
        case = self.get_case(case_id)
        row = {"id": new_id(), "case_id": case_id, "real_name": real_name,
               "pseudonym": pseudonym, **self._stamps()}
        with transaction(self.db):
            self._insert("pseudonyms", row)
            # The real name is deliberately kept out of the audit log.
            self._audit("create", "pseudonyms", row["id"], case_id,
                        f"pseudonym registered for {case.reference}",
                        after={"pseudonym": pseudonym})
        return Pseudonym(row["id"], case_id, real_name, pseudonym)

    def remove_pseudonym(self, pseudonym_id: str) -> None:
        rows = list(self.db.query("SELECT case_id, pseudonym FROM pseudonyms WHERE id = ?",
                                  [pseudonym_id]))
        if not rows:
            raise NotFoundError(f"no pseudonym {pseudonym_id}")
        with transaction(self.db):
            self.db.execute("DELETE FROM pseudonyms WHERE id = ?", [pseudonym_id])
            self._audit("delete", "pseudonyms", pseudonym_id, rows[0]["case_id"],
                        "pseudonym removed", before={"pseudonym": rows[0]["pseudonym"]})
