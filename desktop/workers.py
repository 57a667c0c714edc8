"""Running slow work off the GUI thread, with progress and cancel.

The GUI thread never touches the database for slow work, never extracts PDF text, never builds
exports. It hands a function to `start_task`; the function runs on a thread of its own and
receives a `Progress` it can report through and poll for cancellation. Results and errors come
back as Qt signals, delivered on the GUI thread.

Tasks run on plain Python threads rather than a QThreadPool: a QRunnable made in Python can be
collected by the garbage collector while the pool still holds it, which crashed the app. The
signals object is made on the GUI thread and lives as long as the task object.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from schema.errors import CasecoderError


class Cancelled(Exception):
    """Raised inside a task by `Progress.check()` once the user has cancelled."""


class Progress:
    """Handed to a task: report how far it got, and learn whether to stop."""

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def update(self, done: int, total: int, message: str = "") -> None:
        self._signals.progress.emit(done, total, message)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()


class _TaskSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Task:
    """One piece of background work. Keep a reference until it has finished."""

    def __init__(self, work: Callable[[Progress], object]) -> None:
        self.signals = _TaskSignals()
        self.progress = Progress(self.signals)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except CasecoderError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never swallowed silently
            traceback.print_exc()
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            if self.progress.cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)

    def cancel(self) -> None:
        self.progress.cancel()


_running: set[Task] = set()


def start_task(work: Callable[[Progress], object], *,
               on_success: Callable[[object], None] | None = None,
               on_failure: Callable[[str], None] | None = None,
               on_progress: Callable[[int, int, str], None] | None = None,
               on_cancel: Callable[[], None] | None = None) -> Task:
    """Run `work(progress)` on the thread pool; callbacks run on the GUI thread."""
    task = Task(work)
    queued = Qt.ConnectionType.QueuedConnection
    if on_progress:
        task.signals.progress.connect(on_progress, queued)
    for signal, callback in ((task.signals.succeeded, on_success),
                             (task.signals.failed, on_failure),
                             (task.signals.cancelled, on_cancel)):
        if callback:
            signal.connect(callback, queued)
        signal.connect(lambda *_: _running.discard(task), queued)
    _running.add(task)
    # Not a daemon: work that writes files finishes before the process ends.
    threading.Thread(target=task.run, name="casecoder-task").start()
    return task


def start_task_with_dialog(parent: QWidget | None, title: str,
                           work: Callable[[Progress], object], *,
                           on_success: Callable[[object], None] | None = None,
                           on_failure: Callable[[str], None] | None = None,
                           on_cancel: Callable[[], None] | None = None) -> Task:
    """Like `start_task`, showing a progress dialog whose Cancel button stops the work."""
    dialog, progressed, finish = progress_dialog(parent, title)
    task = start_task(work, on_success=finish(on_success), on_failure=finish(on_failure),
                      on_cancel=finish(on_cancel), on_progress=progressed)
    dialog.canceled.connect(task.cancel)
    dialog.show()
    return task


def progress_dialog(parent: QWidget | None, title: str):
    """A progress dialog with Cancel; returns it, a progress slot, and `finish(callback)`,
    which wraps a callback so that the dialog closes first."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if message:
            dialog.setLabelText(message)

    def finish(callback: Callable | None) -> Callable:
        def handler(*args: object) -> None:
            dialog.close()
            if callback:
                callback(*args)
        return handler

    return dialog, progressed, finish
