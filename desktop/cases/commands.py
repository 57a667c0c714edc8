"""The undoable edit of a case's details and document links, on the window's undo stack.

Like the coding edits (desktop.coding.undo_commands), redo and undo each submit one job to
the store thread, making one store call (`Store.edit_case`, one transaction, audited). What
undo puts back is read inside the first job, so it is what the write really replaced.
"""

from __future__ import annotations

from typing import Protocol

from desktop.coding.undo_commands import _StoreCommand
from desktop.store_thread import StoreThread
from schema.records import Case
from schema.store import DocumentLink, Store

CASE_FIELDS = ("reference", "title", "review_type", "category", "site", "publication_year",
               "notes")


class CaseEditTarget(Protocol):
    store_thread: StoreThread

    def case_edited(self, case: Case, links_changed: bool) -> None: ...

    def edit_failed(self, message: str, coding_id: str | None) -> None: ...


class EditCaseCommand(_StoreCommand):
    """Change a case's columns and make its document links exactly `links`."""

    def __init__(self, target: CaseEditTarget, case: Case, changes: dict,
                 links: list[DocumentLink]) -> None:
        super().__init__(target, "", f"Edit case {case.reference}")
        self.case_id = case.id
        self.changes = {k: v for k, v in changes.items() if k in CASE_FIELDS}
        self.links = links
        self.before: tuple[dict, list[DocumentLink]] | None = None

    def _do(self, store: Store) -> Case:
        if self.before is None:
            case = store.get_case(self.case_id)
            self.before = ({k: getattr(case, k) for k in self.changes},
                           store.case_links(self.case_id))
        return store.edit_case(self.case_id, self.changes, self.links)

    def _undo(self, store: Store) -> Case:
        changes, links = self.before
        return store.edit_case(self.case_id, changes, links)

    def _after(self, result: object, initial: bool) -> None:
        old_links = self.before[1] if self.before else []
        changed = [x.document_id for x in old_links] != [x.document_id for x in self.links]
        self.target.case_edited(result, changed)  # type: ignore[arg-type]


def is_change(case: Case, changes: dict, old: list[DocumentLink],
              new: list[DocumentLink]) -> bool:
    """Whether saving the editor would change anything at all."""
    differs = any(getattr(case, k) != v for k, v in changes.items() if k in CASE_FIELDS)
    return differs or [x.document_id for x in old] != [x.document_id for x in new]
