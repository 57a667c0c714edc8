"""Combining two cases as an undoable edit: Ctrl+Z parts them again, as long as the project
stays open (the record of what moved lives in the undo stack, not in the file)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from desktop.store_thread import StoreThread
from schema.case_combining import CombineRecord
from schema.store import Store


class CasesTarget(Protocol):
    """What the command reports back to: the workspace."""

    store_thread: StoreThread

    def reload_cases(self, select: str | None = None) -> None: ...

    def show_case(self, case_id: str) -> None: ...


class CombineCasesCommand(QUndoCommand):
    """Combine `first` and `second`, keeping the details of `details_from`."""

    def __init__(self, target: CasesTarget, first: str, second: str, details_from: str,
                 label: str, on_failure) -> None:
        super().__init__(f"Combine {label}")
        self.target = target
        self.first, self.second, self.details_from = first, second, details_from
        self.on_failure = on_failure
        self.record: CombineRecord | None = None

    def redo(self) -> None:
        self.target.store_thread.submit_typed(self._combine, self._combined, self._failed)

    def undo(self) -> None:
        record = self.record
        if record is None:
            return
        self.target.store_thread.submit_typed(
            lambda store: store.uncombine_cases(record),
            lambda _result: self._show(self.first), self._failed)

    def _combine(self, store: Store) -> CombineRecord:
        self.record = store.combine_cases(self.first, self.second,
                                          details_from=self.details_from)
        return self.record

    def _combined(self, record: CombineRecord) -> None:
        self._show(record.survivor)

    def _show(self, case_id: str) -> None:
        self.target.reload_cases(select=case_id)
        self.target.show_case(case_id)

    def _failed(self, error: Exception) -> None:
        self.setObsolete(True)
        self.on_failure(str(error))
