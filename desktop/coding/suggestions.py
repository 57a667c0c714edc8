"""Keyword suggestions in the coding workspace: read after a case is shown, offered in the
form, and accepted or dismissed as undoable steps.

Reading runs on the store thread through a StoreOp, a moment after the case is on screen, so
switching cases is never held up: a switch cancels the read of the case left behind. What a
case offers is kept for the session, so coming back to a case shows its suggestions at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from desktop.coding.undo_commands import StoreCommand
from desktop.ops import StoreOp
from schema.records import Evidence
from schema.store import Store
from schema.store_suggestions import AcceptedSuggestion
from schema.suggestions import Suggestion

if TYPE_CHECKING:
    from desktop.coding.workspace import Workspace

READ_DELAY_MS = 250  # after a case is shown, so fast switching reads no suggestions
CACHE_SIZE = 20


class SuggestionsController(QObject):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self._cache: dict[tuple[str, tuple[str, ...]], list[Suggestion]] = {}
        self._op: StoreOp | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(READ_DELAY_MS)
        self._timer.timeout.connect(self._read)
        form = workspace.form
        workspace._connect(workspace.case_shown, self._on_case_shown)
        workspace._connect(form.suggestion_accepted, self.accept)
        workspace._connect(form.suggestion_dismissed, self.dismiss)
        workspace._connect(form.suggestion_viewed, self.view)

    def _place(self) -> tuple[str, tuple[str, ...]] | None:
        """The open case and its documents (a new document means new suggestions)."""
        current = self.workspace.current
        if current is None or current.coding is None or self.workspace.readonly:
            return None
        return current.case.id, tuple(d.id for d in current.documents)

    def _on_case_shown(self, _case) -> None:
        if self._op is not None and not self._op.finished:
            self._op.cancel()
        place = self._place()
        if place is None:
            return
        if place in self._cache:
            self._show(place, self._cache[place])
        else:
            self._timer.start()

    def _read(self) -> None:
        place = self._place()
        if place is None or not place[1]:
            return
        case_id = place[0]
        self._op = StoreOp(lambda store, progress: store.case_suggestions(
            case_id, check=progress.check),
            on_success=lambda found: self._read_done(place, found),
            on_failure=lambda error: self.workspace.message.emit(
                f"Suggestions could not be read: {error}"))
        self._op.run_on(self.workspace.store_thread)

    def _read_done(self, place: tuple[str, tuple[str, ...]], found: list[Suggestion]) -> None:
        self._cache[place] = found
        while len(self._cache) > CACHE_SIZE:
            self._cache.pop(next(iter(self._cache)))
        if self._place() == place:
            self._show(place, found)

    def _show(self, place: tuple[str, tuple[str, ...]], found: list[Suggestion]) -> None:
        self.workspace.form.show_suggestions(self.workspace.current.coding.id, found)

    def shown_for(self, case_id: str) -> list[Suggestion] | None:
        """What the case offers, as last read this session (None if not read yet)."""
        return next((v for k, v in self._cache.items() if k[0] == case_id), None)

    # Show, accept and dismiss -----------------------------------------------------------

    def view(self, item: Suggestion) -> None:
        """Open the passage's page with the passage marked, as evidence is shown."""
        self.workspace.edits.show_evidence(Evidence(
            id="", entity_id="", field=item.field, document_id=item.document_id,
            page=item.page, paragraph=item.paragraph, quote=item.quote,
            rects=[list(r) for r in item.rects]))

    def accept(self, entity_id: str, item: Suggestion) -> None:
        current = self.workspace.current
        if current is None or current.coding is None:
            return
        book = self.workspace.codebook
        label = book.field(item.field).option_label(item.option) if book else item.option
        self.workspace.edits._push(AcceptSuggestionCommand(
            self.workspace.edits, current.coding.id, entity_id, item, label))

    def dismiss(self, item: Suggestion) -> None:
        current = self.workspace.current
        if current is None or current.coding is None:
            return
        self.workspace.edits._push(DismissSuggestionCommand(
            self.workspace.edits, current.coding.id, current.case.id, item, self),
            is_edit=False)

    def dismissal_written(self, case_id: str, item: Suggestion, dismissed: bool) -> None:
        """Keep the session's list in step with the project, and the form with it."""
        for place, found in self._cache.items():
            if place[0] != case_id:
                continue
            kept = [s for s in found if s.key != item.key]
            self._cache[place] = kept if dismissed else sorted(
                [*kept, item], key=_original_order(found, item))
            if self._place() == place:
                self._show(place, self._cache[place])


def _original_order(found: list[Suggestion], item: Suggestion):
    """Put a suggestion back where the read placed it: by field, then page."""
    fields = list(dict.fromkeys(s.field for s in [*found, item]))
    return lambda s: (fields.index(s.field), s.option, s.document_id, s.page)


class AcceptSuggestionCommand(StoreCommand):
    """Cite a suggested passage and tick its option: one undo step, one transaction."""

    def __init__(self, target, coding_id: str, entity_id: str, item: Suggestion,
                 label: str) -> None:
        super().__init__(target, coding_id, f"Accept suggestion {label}")
        self.entity_id, self.item = entity_id, item
        self.accepted: AcceptedSuggestion | None = None

    def _do(self, store: Store) -> None:
        if self.accepted is None:
            self.accepted = store.accept_suggestion(self.entity_id, self.item)
        else:
            store.reapply_suggestion(self.accepted)

    def _undo(self, store: Store) -> None:
        if self.accepted is not None:  # None: the accept was refused, nothing to take back
            store.revert_suggestion(self.accepted)


class DismissSuggestionCommand(StoreCommand):
    """Remember that a passage is not wanted for the case; undo offers it again."""

    def __init__(self, target, coding_id: str, case_id: str, item: Suggestion,
                 owner: SuggestionsController) -> None:
        super().__init__(target, coding_id, "Dismiss suggestion")
        self.case_id, self.item, self.owner = case_id, item, owner
        self.dismissed = True

    def _do(self, store: Store) -> None:
        store.dismiss_suggestion(self.case_id, self.item)
        self.dismissed = True

    def _undo(self, store: Store) -> None:
        store.undismiss_suggestion(self.case_id, self.item)
        self.dismissed = False

    def _after(self, result: object, initial: bool) -> None:
        self.owner.dismissal_written(self.case_id, self.item, self.dismissed)

