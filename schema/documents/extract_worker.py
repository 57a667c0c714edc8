"""The pdfminer.six side of extraction. It runs in a worker process started with `spawn`.

The parent sends requests over a pipe and the worker answers each one:

    ("open", path, password)  ->  ("opened", page_count, needed_password)
                                  or ("open_failed", kind, message), kind in
                                  "needs_password" | "wrong_password" |
                                  "unsupported_encryption" | "unreadable"
    ("page", number)          ->  ("page", number, width, height, lines) or
                                  ("page_failed", number, message)
    None                      ->  the worker exits

`number` is 1-based. `lines` is a list of (text, x0, top, x1, bottom) in reading order, in
PDF points with a top-left origin (y grows downwards). Only one page's layout is held at a
time. pdfminer.six lets ValueError, binascii.Error and others escape on damaged files, so
every request is answered, whatever it raises; the parent bounds the time each one takes.

A worker ends quietly, without a traceback: it ignores Ctrl+C (SIGINT goes to the whole
process group, and the parent alone decides what to do: it stops its workers), it stops
when its pipe breaks, and a watcher thread ends it at once, even in the middle of a page,
when the parent process dies.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import unicodedata
from multiprocessing.connection import Connection, wait

from schema.documents.messages import short_text

try:
    import resource  # POSIX: a memory limit per worker
except ImportError:  # pragma: no cover - Windows has no rlimits; the page timeout still holds
    resource = None
from schema.documents.reading_order import reading_order

MEMORY_LIMIT_BYTES = 2 * 1024**3  # a runaway page fails with MemoryError, not the machine
DETAIL_CHARS = 60  # of an error message shown to the user


class _OpenDocument:
    """One opened PDF: its pages, and the pdfminer objects reused for every page."""

    def __init__(self, path: str, password: str) -> None:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.layout import LAParams
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        self._file = open(path, "rb")  # noqa: SIM115 - kept open while pages are served
        self.needed_password = False
        try:
            document = PDFDocument(PDFParser(self._file), password="")
        except Exception as exc:
            if not password or type(exc).__name__ != "PDFPasswordIncorrect":
                raise
            self._file.seek(0)
            document = PDFDocument(PDFParser(self._file), password=password)
            self.needed_password = True
        self.pages = list(PDFPage.create_pages(document))
        manager = PDFResourceManager(caching=True)
        self._device = PDFPageAggregator(manager, laparams=LAParams(boxes_flow=None))
        self._interpreter = PDFPageInterpreter(manager, self._device)

    def close(self) -> None:
        self._file.close()

    def page_lines(self, number: int) -> tuple[float, float, list[tuple]]:
        self._interpreter.process_page(self.pages[number - 1])
        layout = self._device.get_result()
        return layout.width, layout.height, reading_order(_lines_of(layout), layout.width)


def _lines_of(layout) -> list[tuple]:
    from pdfminer.layout import LTTextBox, LTTextLine

    found = []
    for box in layout:
        if not isinstance(box, LTTextBox):
            continue
        for line in box:
            if not isinstance(line, LTTextLine):
                continue
            text = _clean(line.get_text())
            if text:
                found.append((text, round(line.x0 - layout.x0, 2),
                              round(layout.y1 - line.y1, 2),
                              round(line.x1 - layout.x0, 2),
                              round(layout.y1 - line.y0, 2)))
    return found


def _clean(text: str) -> str:
    """NFKC turns ligatures into letters so search finds them; line breaks are dropped."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.replace("\x00", "").split())


def _open(request: tuple) -> tuple[_OpenDocument | None, tuple]:
    _, path, password = request
    try:
        opened = _OpenDocument(path, password or "")
    except Exception as exc:
        return None, _open_failure(exc, password)
    if not opened.pages:
        opened.close()
        return None, ("open_failed", "unreadable", "no pages could be found in it")
    return opened, ("opened", len(opened.pages), opened.needed_password)


def _open_failure(exc: Exception, password: str | None) -> tuple:
    """The reply for a file that could not be opened: the kind of failure and a short reason.
    Never the exception's raw text: pdfminer puts whole dictionaries, bytes and all, in it."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSEOF

    if isinstance(exc, PDFPasswordIncorrect):
        kind = "wrong_password" if password else "needs_password"
        return ("open_failed", kind, "it is protected by a password")
    if isinstance(exc, PDFEncryptionError):  # a security handler pdfminer cannot decrypt
        reason = short_text(str(exc), DETAIL_CHARS) or type(exc).__name__
        return ("open_failed", "unsupported_encryption", reason)
    if isinstance(exc, PSEOF):
        return ("open_failed", "unreadable", "it ends before the PDF is complete, so it was "
                                             "probably cut short; copy or download it again")
    return ("open_failed", "unreadable", f"it is damaged ({_describe(exc)}); get a fresh copy "
                                         f"of the file")


def _describe(exc: BaseException) -> str:
    """The error's type and the start of its message, printable and short."""
    detail = short_text(str(exc), DETAIL_CHARS)
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _page(opened: _OpenDocument | None, number: int) -> tuple:
    if opened is None:
        return ("page_failed", number, "no document is open")
    try:
        width, height, lines = opened.page_lines(number)
    except (Exception, RecursionError, MemoryError) as exc:
        return ("page_failed", number, _describe(exc))
    return ("page", number, width, height, lines)


def serve(conn: Connection) -> None:
    """The worker process's main loop: answer requests until told to stop, or until the
    parent is gone; either way the worker ends quietly."""
    _ignore_interrupts()
    _exit_with_parent()
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)  # damage is reported in replies
    with contextlib.suppress(ValueError, OSError, AttributeError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    opened: _OpenDocument | None = None
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        if request[0] == "open":
            if opened is not None:
                opened.close()
            opened, reply = _open(request)
        else:
            reply = _page(opened, request[1])
        try:
            conn.send(reply)
        except OSError:  # BrokenPipeError and kin: the parent has gone, nobody reads replies
            return


def _ignore_interrupts() -> None:
    """Ignore SIGINT from now on. The parent starts workers with SIGINT blocked (see
    `extraction.start_worker`), so a Ctrl+C during start-up is held back, not raised; setting
    SIG_IGN discards it, and unblocking afterwards is then harmless."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _exit_with_parent() -> None:
    """End this process as soon as its parent dies, whatever the main thread is doing: a
    page may take seconds, and its answer would have no reader."""
    parent = multiprocessing.parent_process()
    if parent is None:  # not started by multiprocessing: serve() called in-process
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="casecoder-parent-watch", daemon=True).start()
