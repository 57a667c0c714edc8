"""Store methods for keyword suggestions: reading them for a case, accepting and dismissing.

Accepting a suggestion is one transaction that cites the passage and ticks the option, and
undoing it is one transaction that takes both back. A dismissal is remembered per case (see
migration 6), so a dismissed passage is not offered again for that case, by any coder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from schema.codebook_model import Field
from schema.documents.text_layer import document_lines
from schema.errors import ValidationError
from schema.project import new_id, now
from schema.records import Answer, Evidence
from schema.suggestions import PageText, Suggestion, find_suggestions
from schema.transactions import transaction


@dataclass(frozen=True)
class AcceptedSuggestion:
    """What accepting wrote, and the answer it replaced, so that it can be undone.
    `evidence` is None when the passage was already cited for the field (for another of a
    multi field's options): it is not cited twice."""

    entity_id: str
    field: str
    evidence: Evidence | None
    before: Answer | None
    after: Answer


class SuggestionMixin:
    def case_suggestions(self, case_id: str, check: Callable[[], None] = lambda: None
                         ) -> list[Suggestion]:
        """Passages in the case's documents that match its codebook's option keywords,
        leaving out those dismissed for this case. `check` runs between pages."""
        dismissed = self.dismissed_suggestions(case_id)
        return find_suggestions(self.codebook, self._case_pages(case_id),
                                skip=lambda s: s.key in dismissed, check=check)

    def _case_pages(self, case_id: str) -> Iterator[PageText]:
        for document in self.case_documents(case_id):
            for page, lines in document_lines(self, document.id):
                yield PageText(document.id, page, lines)

    def dismissed_suggestions(self, case_id: str) -> set[tuple[str, str, str, int, str]]:
        """The keys (Suggestion.key) dismissed for the case. A project opened read-only from
        before dismissals existed has none."""
        if self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'suggestion_dismissals'"
                           ).fetchone() is None:
            return set()
        rows = self.db.execute(
            "SELECT field, option, document_sha, page, quote FROM suggestion_dismissals "
            "WHERE case_id = ?", [case_id]).fetchall()
        return {tuple(row) for row in rows}

    def dismiss_suggestion(self, case_id: str, suggestion: Suggestion) -> None:
        """Remember that the coder does not want this passage offered for the case again."""
        case = self.get_case(case_id)
        field, option, document, page, quote = suggestion.key
        with transaction(self.db):
            row_id = new_id()
            self.db.execute(
                "INSERT OR IGNORE INTO suggestion_dismissals (id, case_id, field, option, "
                "document_sha, page, quote, dismissed_at, dismissed_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [row_id, case_id, field, option, document, page, quote, now(), self.actor])
            self._audit("dismiss", "suggestion_dismissals", row_id, case_id,
                        f"suggestion {field} = {option} (p. {page}) for {case.reference}",
                        after={"field": field, "option": option, "page": page,
                               "quote": quote})

    def undismiss_suggestion(self, case_id: str, suggestion: Suggestion) -> None:
        """Offer a dismissed passage again (the undo of a dismissal)."""
        field, option, document, page, quote = suggestion.key
        with transaction(self.db):
            self.db.execute(
                "DELETE FROM suggestion_dismissals WHERE case_id = ? AND field = ? AND "
                "option = ? AND document_sha = ? AND page = ? AND quote = ?",
                [case_id, field, option, document, page, quote])
            self._audit("undismiss", "suggestion_dismissals", f"{field}={option}", case_id,
                        f"suggestion {field} = {option} (p. {page}) offered again",
                        before={"field": field, "option": option, "page": page})

    def accept_suggestion(self, entity_id: str, suggestion: Suggestion) -> AcceptedSuggestion:
        """Cite the passage for the entity's field and tick its option (a single choice is
        set to it, a multi field gets it added), in one transaction. A passage the field
        already cites is not cited again."""
        entity, _ = self._entity_context(entity_id)
        spec = self._field(entity, suggestion.field.partition(".")[2])
        if spec.path != suggestion.field:
            raise ValidationError(f"the suggestion is for {suggestion.field}, not {spec.path}")
        before = self.answer(entity_id, spec.key)
        value = _ticked(spec, before, suggestion.option)
        cited = any((e.document_id, e.page, e.quote) == (
            suggestion.document_id, suggestion.page, suggestion.quote)
            for e in self.evidence_for(entity_id, spec.key))
        with transaction(self.db):
            after = self.set_answer_state(entity_id, spec.key, "answered", value)
            evidence = None if cited else self.attach_evidence(
                entity_id, spec.key, document_id=suggestion.document_id, page=suggestion.page,
                quote=suggestion.quote, paragraph=suggestion.paragraph,
                rects=[list(r) for r in suggestion.rects])
        return AcceptedSuggestion(entity_id, spec.key, evidence, before, after)

    def revert_suggestion(self, accepted: AcceptedSuggestion) -> Answer | None:
        """Undo `accept_suggestion`: remove the citation and put the answer back."""
        entity_id, field, before = accepted.entity_id, accepted.field, accepted.before
        with transaction(self.db):
            if accepted.evidence is not None:
                self.remove_evidence(accepted.evidence.id)
            if before is None:
                self.clear_answer(entity_id, field)
                return None
            return self.set_answer_state(entity_id, field, before.state, before.value)

    def reapply_suggestion(self, accepted: AcceptedSuggestion) -> None:
        """Redo an accepted suggestion exactly as first written (the same evidence record)."""
        with transaction(self.db):
            self.set_answer_state(accepted.entity_id, accepted.field, "answered",
                                  accepted.after.value)
            if accepted.evidence is not None:
                self.restore_evidence(accepted.evidence)


def _ticked(spec: Field, before: Answer | None, option: str) -> object:
    """The field's value with `option` chosen; refuses, saying why, where a multi field's
    exclusive option would have to stand beside another."""
    if spec.option(option) is None:
        raise ValidationError(f"{spec.path} has no option '{option}'")
    if spec.type != "multi":
        return option
    chosen = list(before.value or []) if before and before.state == "answered" else []
    if option in chosen:
        return chosen
    clash = next((k for k in chosen if spec.option(k) and spec.option(k).exclusive), None)
    if spec.option(option).exclusive and chosen or clash:
        other = spec.option_label(clash) if clash else ", ".join(
            spec.option_label(k) for k in chosen)
        raise ValidationError(f"not accepted: '{spec.option_label(option)}' cannot be ticked "
                              f"beside '{other}'; untick it first")
    return spec.check_value([*chosen, option])
