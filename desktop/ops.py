"""The window's one way to run work against its project, after Anki's CollectionOp/QueryOp.

    StoreOp(lambda store, progress: store.agreement(), on_success=show).run_on(store_thread)

The work runs on the project's store thread, after every edit queued before it, with the
store the window has open. It may report progress (`progress.update(done, total, text)`) and
should call `progress.check()` between steps, which ends it once the user has cancelled.
Success, failure and cancellation come back on the GUI thread; a failure arrives as the
exception itself, so a caller can tell a locked or damaged project (schema.errors) from a
bug. Long work that needs no store (writing export files) stays with desktop.workers.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop.store_thread import StoreThread
from desktop.workers import Cancelled, Progress, progress_dialog
from schema.errors import CasecoderError
from schema.store import Store

T = TypeVar("T")


class _OpSignals(QObject):
    progress = Signal(int, int, str)


class StoreOp(Generic[T]):
    """A read or a write of the project, with progress and cancel. Keep a reference to it
    until it has finished (dialogs keep theirs as an attribute)."""

    def __init__(self, work: Callable[[Store, Progress], T], *,
                 on_success: Callable[[T], None] | None = None,
                 on_failure: Callable[[Exception], None] | None = None,
                 on_progress: Callable[[int, int, str], None] | None = None,
                 on_cancel: Callable[[], None] | None = None) -> None:
        self._work = work
        self._signals = _OpSignals()
        self.progress = Progress(self._signals)
        self.on_success, self.on_failure, self.on_cancel = on_success, on_failure, on_cancel
        if on_progress is not None:
            self._signals.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        self.finished = False

    def run_on(self, store_thread: StoreThread) -> StoreOp[T]:
        store_thread.submit_typed(self._run, self._succeeded, self._failed)
        return self

    def cancel(self) -> None:
        self.progress.cancel()

    def _run(self, store: Store) -> T:
        self.progress.check()
        return self._work(store, self.progress)

    def _succeeded(self, result: T) -> None:
        self.finished = True
        if self.progress.cancelled:
            self._cancelled()
        elif self.on_success is not None:
            self.on_success(result)

    def _failed(self, error: Exception) -> None:
        self.finished = True
        if isinstance(error, Cancelled):
            self._cancelled()
            return
        if not isinstance(error, CasecoderError):
            traceback.print_exception(error)
        if self.on_failure is not None:
            self.on_failure(error)

    def _cancelled(self) -> None:
        if self.on_cancel is not None:
            self.on_cancel()


def run_with_dialog(parent: QWidget | None, title: str, store_thread: StoreThread,
                    work: Callable[[Store, Progress], T], *,
                    on_success: Callable[[T], None] | None = None,
                    on_failure: Callable[[Exception], None] | None = None,
                    on_cancel: Callable[[], None] | None = None) -> StoreOp[T]:
    """A StoreOp shown with a progress dialog whose Cancel button stops it."""
    dialog, progressed, finish = progress_dialog(parent, title)
    op = StoreOp(work, on_success=finish(on_success), on_failure=finish(on_failure),
                 on_cancel=finish(on_cancel), on_progress=progressed)
    dialog.canceled.connect(op.cancel)
    dialog.show()
    return op.run_on(store_thread)
