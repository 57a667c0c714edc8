"""Extracting a PDF's text in worker processes, page by page, within time limits.

The parent hands pages out one at a time to each worker (see `extract_worker`), so it always
knows which page a worker is on and since when. A worker that runs past the page time limit,
or dies, is killed and replaced, and its page is recorded as `timeout` or `failed`; the rest
of the document carries on. Workers use the `spawn` start method, so this is safe to call
from any thread, including a GUI's background thread. Workers are reused across files.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import resource_tracker
from multiprocessing.connection import wait

from schema.documents.extract_worker import serve

POLL_SECONDS = 0.1  # how often cancel() is polled while pages are being read


@dataclass
class PageResult:
    """One page's outcome: status ok | empty | failed | timeout; lines as the worker sent them."""

    number: int
    status: str
    width: float = 0.0
    height: float = 0.0
    lines: list[tuple] = field(default_factory=list)
    error: str = ""


@dataclass
class Extraction:
    """A file's outcome: status opened | needs_password | wrong_password |
    unsupported_encryption | unreadable | cancelled. Only an opened file has pages."""

    status: str
    message: str = ""
    page_count: int = 0
    needed_password: bool = False
    pages: dict[int, PageResult] = field(default_factory=dict)


def start_worker(process) -> None:
    """Start `process` with SIGINT blocked in this thread, so the new process begins life
    with it blocked and a Ctrl+C cannot interrupt its start-up with a traceback; the worker
    then ignores SIGINT for good (`extract_worker.serve`). This thread's own mask is restored
    at once, so the parent still gets its KeyboardInterrupt. The standard library's
    `multiprocessing.resource_tracker` starts its process the same way, but then unblocks
    SIGINT outright, so it is started first, outside the blocked window."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        process.start()
        return
    resource_tracker.ensure_running()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        process.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class _Worker:
    def __init__(self, context) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=serve, args=(child,), daemon=True,
                                       name="casecoder-pdf-text")
        start_worker(self.process)
        child.close()
        self.state = "idle"  # idle | opening | ready | busy
        self.page = 0
        self.started = 0.0

    def send(self, request: tuple, state: str, page: int = 0) -> None:
        self.conn.send(request)
        self.state, self.page, self.started = state, page, time.monotonic()

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class ExtractionPool:
    """Worker processes for one import. Use as a context manager so they are always stopped."""

    def __init__(self, workers: int = 2, page_timeout: float = 10.0) -> None:
        self.size = max(1, int(workers))
        self.page_timeout = page_timeout
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers.clear()

    def extract(self, path: str, password: str | None, *, file_timeout: float,
                cancel: Callable[[], bool] | None = None,
                on_page: Callable[[int, int], None] | None = None) -> Extraction:
        """Read every page of `path`. `on_page(done, page_count)` is called after each page."""
        run = _FileRun(self, str(path), password, time.monotonic() + file_timeout,
                       cancel or (lambda: False), on_page or (lambda done, total: None))
        return run.execute()

    def _ensure_workers(self) -> list[_Worker]:
        for worker in [w for w in self._workers if not w.process.is_alive()]:
            worker.kill()
            self._workers.remove(worker)
        while len(self._workers) < self.size:
            self._workers.append(_Worker(self._context))
        return self._workers

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        self._workers.remove(worker)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        fresh = _Worker(self._context)
        self._workers[self._workers.index(worker)] = fresh
        return fresh


class _FileRun:
    """The extraction of one file: opening it in every worker, then handing out pages."""

    def __init__(self, pool: ExtractionPool, path: str, password: str | None,
                 deadline: float, cancel: Callable[[], bool],
                 on_page: Callable[[int, int], None]) -> None:
        self.pool, self.path, self.password = pool, path, password
        self.deadline, self.cancel, self.on_page = deadline, cancel, on_page
        self.result = Extraction(status="opening")
        self.pending: deque[int] = deque()

    def execute(self) -> Extraction:
        for worker in self.pool._ensure_workers():
            worker.send(("open", self.path, self.password), "opening")
        try:
            self._loop()
        except BaseException:
            self._kill_busy()
            raise
        return self.result

    def _loop(self) -> None:
        while self._active():
            if self.cancel():
                self._kill_busy()
                self.result = Extraction(status="cancelled", message="cancelled")
                return
            now = time.monotonic()
            if now >= self.deadline:
                self._give_up_on_time()
                return
            for worker in self._overdue(now):
                self._on_page_timeout(worker)
            ready = wait(self._waitables(), timeout=self._wait_time(now))
            for worker in self._active():
                if worker.conn in ready or worker.process.sentinel in ready:
                    self._receive(worker)
        if self.result.status == "opening":
            self.result = Extraction(status="unreadable",
                                     message="the text reader stopped while opening it")
        while self.result.status == "opened" and self.pending:
            self._store(PageResult(self.pending.popleft(), "failed",
                                   error="no text reader could open the file again"))

    def _active(self) -> list[_Worker]:
        return [w for w in self.pool._workers if w.state in ("opening", "busy")]

    def _waitables(self) -> list:
        found = []
        for worker in self._active():
            found += [worker.conn, worker.process.sentinel]
        return found

    def _wait_time(self, now: float) -> float:
        limits = [self.deadline - now, POLL_SECONDS]
        limits += [w.started + self.pool.page_timeout - now
                   for w in self._active() if w.state == "busy"]
        return max(0.0, min(limits))

    def _overdue(self, now: float) -> list[_Worker]:
        return [w for w in self._active()
                if w.state == "busy" and now - w.started > self.pool.page_timeout]

    def _receive(self, worker: _Worker) -> None:
        try:
            reply = worker.conn.recv()
        except (EOFError, OSError):
            self._on_worker_died(worker)
            return
        kind = reply[0]
        if kind == "opened":
            self._on_opened(worker, reply)
        elif kind == "open_failed":
            worker.state = "idle"
            if self.result.status == "opening":
                self.result = Extraction(status=reply[1], message=reply[2])
        else:
            self._record_page(worker, reply)

    def _on_opened(self, worker: _Worker, reply: tuple) -> None:
        worker.state = "ready"
        if self.result.status == "opening":
            self.result = Extraction(status="opened", page_count=reply[1],
                                     needed_password=reply[2])
            self.pending = deque(range(1, reply[1] + 1))
        if self.result.status == "opened":
            self._hand_out(worker)

    def _hand_out(self, worker: _Worker) -> None:
        if self.pending:
            number = self.pending.popleft()
            worker.send(("page", number), "busy", number)
        else:
            worker.state = "ready"

    def _record_page(self, worker: _Worker, reply: tuple) -> None:
        if reply[0] == "page":
            _, number, width, height, lines = reply
            status = "ok" if lines else "empty"
            self._store(PageResult(number, status, width, height, lines))
        else:
            self._store(PageResult(reply[1], "failed", error=reply[2]))
        self._hand_out(worker)

    def _store(self, page: PageResult) -> None:
        self.result.pages[page.number] = page
        self.on_page(len(self.result.pages), self.result.page_count)

    def _on_page_timeout(self, worker: _Worker) -> None:
        limit = self.pool.page_timeout
        self._store(PageResult(worker.page, "timeout",
                               error=f"took longer than {limit:g} s to read"))
        self._restart(worker)

    def _on_worker_died(self, worker: _Worker) -> None:
        code = worker.process.exitcode
        if worker.state == "busy":
            self._store(PageResult(worker.page, "failed",
                                   error=f"the text reader stopped (exit code {code})"))
            self._restart(worker)
        else:
            self.pool._discard(worker)

    def _restart(self, worker: _Worker) -> None:
        fresh = self.pool._replace(worker)
        if self.pending:
            fresh.send(("open", self.path, self.password), "opening")

    def _give_up_on_time(self) -> None:
        if self.result.status != "opened":
            self._kill_busy()
            self.result = Extraction(status="unreadable", message="it took too long to open")
            return
        for worker in self._active():
            if worker.state == "busy":
                self.pending.appendleft(worker.page)
        self._kill_busy()
        while self.pending:
            self._store(PageResult(self.pending.popleft(), "timeout",
                                   error="not read within the time limit for the file"))

    def _kill_busy(self) -> None:
        for worker in self._active():
            self.pool._discard(worker)
