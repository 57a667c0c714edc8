"""Store methods for blind second coding (the rule is schema.blind_coding's) and for each
coding's own status."""

from __future__ import annotations

from schema import blind_coding
from schema.errors import ValidationError
from schema.records import CASE_STATUSES, Coding
from schema.transactions import transaction


class BlindCodingMixin:
    """Mixed into Store, which provides `db`, `actor`, `_audit`, `_update` and the case and
    coding reads."""

    @property
    def blind_coding(self) -> bool:
        """Whether the project hides other coders' codings of a case until all are done."""
        return blind_coding.is_on(self.db)

    def set_blind_coding(self, on: bool) -> bool:
        """Turn blind coding on or off (audited); True when the setting changed."""
        before = self.blind_coding
        if before == on:
            return False
        value = "on" if on else "off"
        with transaction(self.db):
            self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                            "DO UPDATE SET value = excluded.value",
                            [blind_coding.SETTING, value])
            self._audit("update", "meta", blind_coding.SETTING, None, f"blind coding {value}",
                        before="on" if before else "off", after=value)
        self.meta[blind_coding.SETTING] = value
        return True

    def set_coding_status(self, coding_id: str, status: str) -> Coding:
        """The coder's own mark of how far one coding has got (audited)."""
        if status not in CASE_STATUSES:
            raise ValidationError(f"unknown status {status!r}; expected one of "
                                  f"{', '.join(CASE_STATUSES)}")
        before = self.get_coding(coding_id)
        if before.status != status:
            with transaction(self.db):
                self._update("codings", coding_id, {"status": status})
                self._audit("update", "codings", coding_id, before.case_id,
                            f"{before.kind} coding by {before.coder} marked "
                            f"{status.replace('_', ' ')}",
                            before={"status": before.status}, after={"status": status})
        return self.get_coding(coding_id)

    def set_case_and_coding_status(self, case_id: str, case_status: str,
                                   coding_id: str | None, coding_status: str) -> None:
        """Mark a case and the coding shown of it in one transaction (the window's status
        control; undo calls it again with the statuses from before)."""
        with transaction(self.db):
            self.set_case_status(case_id, case_status)
            if coding_id is not None:
                self.set_coding_status(coding_id, coding_status)

    def visible_codings(self, case_id: str) -> list[Coding]:
        """The codings of a case this store's coder may see (all, unless it is blind)."""
        return blind_coding.visible(self.codings(case_id), self.actor, self.blind_coding)

    def is_blind(self, case_id: str) -> bool:
        """True while others' codings of this case are hidden from this store's coder."""
        return len(self.visible_codings(case_id)) < len(self.codings(case_id))

    def coding_shown(self, case_id: str) -> Coding | None:
        """The coding the analysis views show for a case: the one that speaks for it, or,
        while the case is blind to this coder, their own coding (None if they have none)."""
        if self.blind_coding:
            codings = self.codings(case_id)
            if not blind_coding.complete(codings):
                return blind_coding.own_coding(codings, self.actor)
        return self.coding_for_tables(case_id)

    def hidden_codings(self) -> list[Coding]:
        """Every coding the coder may not see yet, across the project (none when blind
        coding is off)."""
        if not self.blind_coding:
            return []
        by_case: dict[str, list[Coding]] = {}
        for coding in self.all_codings():
            by_case.setdefault(coding.case_id, []).append(coding)
        hidden = []
        for codings in by_case.values():
            shown = {c.id for c in blind_coding.visible(codings, self.actor, True)}
            hidden += [c for c in codings if c.id not in shown]
        return hidden

    def check_comparable(self, case_id: str) -> None:
        """Refuse (ValidationError, one line) to compare the codings of a blind case."""
        if self.blind_coding:
            codings = self.codings(case_id)
            if not blind_coding.complete(codings):
                raise ValidationError(blind_coding.waiting_message(
                    self.get_case(case_id).reference, codings))
