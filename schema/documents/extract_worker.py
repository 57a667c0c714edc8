"""The pdfminer.six side of extraction. It runs in a worker process started with `spawn`.

The parent sends requests over a pipe and the worker answers each one:

    ("open", path, password)  ->  ("opened", page_count, needed_password)
                                  or ("open_failed", kind, message), kind in
                                  "needs_password" | "wrong_password" | "unreadable"
    ("page", number)          ->  ("page", number, width, height, lines) or
                                  ("page_failed", number, message)
    None                      ->  the worker exits

`number` is 1-based. `lines` is a list of (text, x0, top, x1, bottom) in reading order, in
PDF points with a top-left origin (y grows downwards). Only one page's layout is held at a
time. pdfminer.six lets ValueError, binascii.Error and others escape on damaged files, so
every request is answered, whatever it raises; the parent bounds the time each one takes.
"""

from __future__ import annotations

import contextlib
import logging
import resource
import unicodedata
from multiprocessing.connection import Connection

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
    name = type(exc).__name__
    if name == "PDFPasswordIncorrect":
        kind = "wrong_password" if password else "needs_password"
        return ("open_failed", kind, "it is protected by a password")
    if name == "PDFEncryptionError":
        return ("open_failed", "unreadable", f"its encryption is not supported ({exc})")
    if name == "PSEOF":
        return ("open_failed", "unreadable", "it ends before the PDF is complete, so it was "
                                             "probably cut short; copy or download it again")
    return ("open_failed", "unreadable", f"it is damaged ({_describe(exc)}); get a fresh copy "
                                         f"of the file")


def _describe(exc: BaseException) -> str:
    """The error's type and the start of its message, printable and short."""
    lines = str(exc).strip().splitlines()
    detail = "".join(ch if ch.isprintable() else "?" for ch in (lines[0] if lines else ""))
    if len(detail) > DETAIL_CHARS:
        detail = detail[:DETAIL_CHARS].rstrip() + "…"
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
    """The worker process's main loop: answer requests until told to stop."""
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)  # damage is reported in replies
    with contextlib.suppress(ValueError, OSError):
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
        conn.send(reply)
