"""The GUI's one way into the database: a background thread that owns its own Store.

The GUI thread never touches SQLite. It hands `submit(fn, on_done, on_error)` a function of
the store; the function runs on the store thread, in submission order, and its result (or
error message) comes back to the GUI thread through a queued Qt signal. Each write the GUI
makes is one submitted call that makes one store call, so it is one transaction.

Jobs run strictly in order, so a read submitted after a write sees that write.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot

from schema.backup import claim_rolling_backup, start_rolling_backup
from schema.errors import CasecoderError, ProjectError
from schema.opening import open_store
from schema.store import Store

Job = Callable[[Store], object]
_STOP = object()


class _Relay(QObject):
    """Lives on the GUI thread; its signal carries results across threads."""

    delivered = Signal(object, object)  # callback, argument
    pending_changed = Signal(int)
    backup_reported = Signal(str, bool)  # message, whether a good backup exists

    @Slot(object, object)
    def call(self, callback: Callable[[object], None], argument: object) -> None:
        callback(argument)


class StoreThread:
    """One project opened for one coder on a dedicated thread, fed through a queue."""

    def __init__(self, path: str | Path, coder: str,
                 opener: Callable[[Path, str], Store] | None = None, *,
                 readonly: bool = False) -> None:
        self.path = Path(path)
        self.coder = coder
        self.readonly = readonly
        self._opener = opener or (_open_read_only if readonly else _open_store)
        self._queue: queue.Queue = queue.Queue()
        self._relay = _Relay()
        self._relay.delivered.connect(self._relay.call, Qt.ConnectionType.QueuedConnection)
        self.pending_changed = self._relay.pending_changed
        self.backup_reported = self._relay.backup_reported
        self.open_exception: Exception | None = None  # why opening failed, for the window
        self._pending = 0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="casecoder-store", daemon=True)
        self._thread.start()

    # GUI-thread side ----------------------------------------------------------------------

    def submit(self, fn: Job, on_done: Callable[[object], None] | None = None,
               on_error: Callable[[str], None] | None = None) -> None:
        """Queue `fn(store)`; `on_done(result)` or `on_error(message)` runs on the GUI thread."""
        self._enqueue(fn, on_done, on_error, typed=False)

    def submit_typed(self, fn: Job, on_done: Callable[[object], None],
                     on_error: Callable[[Exception], None]) -> None:
        """Like `submit`, but a failure reaches `on_error` as the exception itself (for
        desktop.ops, whose callers tell a locked or damaged project from other failures)."""
        self._enqueue(fn, on_done, on_error, typed=True)

    def _enqueue(self, fn: Job, on_done, on_error, *, typed: bool) -> None:
        if not self._thread.is_alive():
            if on_error:
                closed = ProjectError(f"{self.path} is closed")
                on_error(closed if typed else str(closed))
            return
        with self._lock:
            self._pending += 1
        self._relay.pending_changed.emit(self._pending)
        self._queue.put((fn, on_done, on_error, typed))

    @property
    def pending(self) -> int:
        """Jobs submitted whose callbacks have not yet run."""
        return self._pending

    def is_idle(self) -> bool:
        return self._pending == 0

    def close(self, timeout: float = 10.0) -> bool:
        """Finish every queued job, close the connection and stop. Returns False on timeout.

        Called when a project is closed: queued edits are written before the thread ends, so
        closing never loses work.
        """
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)
        return not self._thread.is_alive()

    # Store-thread side --------------------------------------------------------------------

    def _run(self) -> None:
        store: Store | None = None
        open_error = ""
        try:
            store = self._opener(self.path, self.coder)
        except Exception as exc:  # noqa: BLE001 - every later job reports it
            self.open_exception = exc
            open_error = _describe(exc)
        else:
            self._start_backup()
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            fn, on_done, on_error, typed = item
            if store is None:
                self._finish(on_error, self.open_exception if typed else open_error)
                continue
            try:
                result = fn(store)
            except Exception as exc:  # noqa: BLE001 - handed to the GUI as a message
                self._finish(on_error, exc if typed else _describe(exc), failed=True)
            else:
                self._finish(on_done, result)
        if store is not None:
            store.close()

    def _start_backup(self) -> None:
        """Once the project is open for writing, back it up on a thread of its own: the
        window is usable at once, and the outcome arrives as `backup_reported`."""
        if self.readonly or self._opener is not _open_store or not claim_rolling_backup(
                self.path):
            return
        start_rolling_backup(self.path, self._report_backup)

    def _report_backup(self, message: str, ok: bool) -> None:
        """From the backup thread, which may outlive a project closed meanwhile."""
        with contextlib.suppress(RuntimeError):  # the relay went with its window
            self._relay.backup_reported.emit(message, ok)

    def _finish(self, callback: Callable | None, argument: object, *,
                failed: bool = False) -> None:
        if failed and callback is None:
            print(f"casecoder: a background database call failed: {argument}")
        self._relay.delivered.emit(self._done_wrapper(callback), argument)

    def _done_wrapper(self, callback: Callable | None) -> Callable[[object], None]:
        def done(argument: object) -> None:
            with self._lock:
                self._pending -= 1
            try:
                if callback is not None:
                    callback(argument)
            finally:
                self._relay.pending_changed.emit(self._pending)
        return done


def _describe(exc: Exception) -> str:
    if isinstance(exc, CasecoderError):
        return str(exc)
    traceback.print_exception(exc)
    return f"{type(exc).__name__}: {exc}"


def _open_store(path: Path, coder: str) -> Store:
    return open_store(path, coder=coder, backup=False)


def _open_read_only(path: Path, coder: str) -> Store:
    return open_store(path, coder=coder, readonly=True)
