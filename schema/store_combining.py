"""Store methods for the same review held as two cases: finding look-alikes, combining two
cases (and undoing it), and recording that two look-alikes are different reviews."""

from __future__ import annotations

from schema.case_combining import CombineRecord, combine_cases, resolve_case, uncombine_cases
from schema.transactions import transaction


class CombiningMixin:
    """Mixed into Store, which provides `db`, `actor`, `site` and `_audit`."""

    def combine_cases(self, first: str, second: str, *,
                      details_from: str | None = None) -> CombineRecord:
        """Make two cases one (schema.case_combining); returns what undo needs."""
        with transaction(self.db):
            return combine_cases(self.db, first, second, actor=self.actor, site=self.site,
                                 details_from=details_from)

    def uncombine_cases(self, record: CombineRecord) -> None:
        with transaction(self.db):
            uncombine_cases(self.db, record, actor=self.actor, site=self.site)

    def keep_cases_apart(self, first: str, second: str) -> None:
        """Record that two look-alike cases are different reviews, so no merge combines
        them or asks about them again."""
        from schema.same_review import record_distinction

        with transaction(self.db):
            record_distinction(self.db, first, second, actor=self.actor, site=self.site)

    def same_review_candidates(self, *, with_pages: bool = False) -> list[dict]:
        """Pairs of cases in this project that may be the same review, most alike first,
        described for a person to decide (schema.merge.candidate_report)."""
        from schema.merge.candidate_report import describe_candidates
        from schema.same_review import find_candidates

        found = find_candidates(self.db.conn)
        return describe_candidates(self.db.conn, found, with_pages=with_pages)

    def compare_documents(self, first: str, second: str) -> list[dict] | None:
        """Which pages of two documents differ, with their text (None if this project
        holds no text for either)."""
        from schema.merge.candidate_report import compare_documents

        return compare_documents((first, second), [self.db.conn])

    def resolve_case(self, case_id: str) -> str | None:
        """The case an id or alias names now, or None."""
        return resolve_case(self.db, case_id)

    def apply_decisions(self, decisions: list, *, source: str = "the decisions"
                        ) -> tuple[int, int]:
        """Carry out decisions on pairs (schema.merge.decisions.Decision), all or none;
        returns how many pairs were combined and how many kept apart."""
        from schema.merge.decisions import apply_decisions, check_known, known_ids

        check_known(decisions, known_ids(self.db.conn), source)
        with transaction(self.db):
            return apply_decisions(self.db, decisions, actor=self.actor, site=self.site)
