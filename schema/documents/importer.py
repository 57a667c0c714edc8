"""Importing review PDFs into a project, with one clear status per file.

    outcomes = import_pdfs(store, ["overview.pdf", "summary.pdf"], case_id=case.id)

Each file is read and hashed first: a file whose sha256 is already stored is reported as
already present without any parsing. Otherwise its text is extracted in worker processes
(see `extraction`), and the document, its pages and the audit entry are written in one
transaction at the end. A file that is cancelled or cannot be read leaves the project exactly
as it was. Safe to call from a background thread.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from schema.documents.extraction import Extraction, ExtractionPool
from schema.documents.messages import short_text
from schema.documents.pdf_probe import ProbedFile, probe_file
from schema.documents.text_store import StoredDocument, store_document
from schema.errors import ValidationError
from schema.transactions import transaction

STATUSES = ("imported", "already_present", "needs_password", "no_text", "partial",
            "unreadable", "cancelled")
FINE_STATUSES = frozenset({"imported", "already_present"})
MESSAGE_CHARS = 200  # the most a status message may take, with a file name before it
DETAIL_CHARS = 60  # of an error's text embedded in a status message
PAGES_LISTED = 6  # page numbers named in a "partly extracted" message

ProgressCallback = Callable[[int, int, str], None]


@dataclass
class ImportOutcome:
    """The result for one file. `message` is the one-line status shown to the user."""

    path: Path
    status: str
    document_id: str | None = None
    page_count: int = 0
    pages_with_text: int = 0
    failed_pages: list[int] = field(default_factory=list)
    message: str = ""

    @property
    def ok(self) -> bool:
        """True for imported and already present: nothing for the user to act on."""
        return self.status in FINE_STATUSES


def import_pdfs(store, paths: Iterable[str | Path], *, case_id: str | None = None,
                password: str | None = None, workers: int = 2,
                progress: ProgressCallback | None = None,
                cancel: Callable[[], bool] | None = None, page_timeout: float = 10.0,
                file_timeout: float = 300.0) -> list[ImportOutcome]:
    """Import each PDF in `paths` into `store`; link each to `case_id` if given.

    `progress(done_pages, total_pages, message)` is called as pages are read (the total grows
    as each file is opened); `cancel()` is polled between pages. Once cancelled, the file in
    progress and every later file get the status "cancelled"; earlier files stay imported.
    """
    if case_id is not None:
        store.get_case(case_id)
    run = _ImportRun(store, case_id, password, progress, cancel or (lambda: False))
    with ExtractionPool(workers=workers, page_timeout=page_timeout) as pool:
        for path in paths:
            run.import_one(Path(path), pool, file_timeout)
    return run.outcomes


class _ImportRun:
    def __init__(self, store, case_id: str | None, password: str | None,
                 progress: ProgressCallback | None, cancel: Callable[[], bool]) -> None:
        self.store, self.case_id, self.password = store, case_id, password
        self.progress = progress or (lambda done, total, message: None)
        self.cancel = cancel
        self.outcomes: list[ImportOutcome] = []
        self.pages_done = 0
        self.pages_known = 0

    def import_one(self, path: Path, pool: ExtractionPool, file_timeout: float) -> None:
        if self.cancel():
            self._finish(_cancelled(path))
            return
        try:
            probed = probe_file(path)
        except OSError as exc:
            reason = _detail(exc.strerror or str(exc))
            self._finish(_failed(path, "unreadable", f"cannot be read ({reason})"))
            return
        if probed.problem:
            self._finish(_failed(path, "unreadable", f"not a readable PDF: {probed.problem}"))
            return
        existing = self._existing(probed)
        if existing is not None:
            self._finish(existing)
            return
        self.progress(self.pages_done, self.pages_known, f"{path.name}: opening")
        extraction = pool.extract(str(path), self.password, file_timeout=file_timeout,
                                  cancel=self.cancel, on_page=self._page_callback(path.name))
        self._finish(self._conclude(probed, extraction))

    def _page_callback(self, name: str) -> Callable[[int, int], None]:
        base_done, base_known = self.pages_done, self.pages_known

        def on_page(done: int, total: int) -> None:
            self.pages_done, self.pages_known = base_done + done, base_known + total
            self.progress(self.pages_done, self.pages_known, f"{name}: page {done} of {total}")
        return on_page

    def _existing(self, probed: ProbedFile) -> ImportOutcome | None:
        """The outcome for a file whose hash is already stored (linking it), else None."""
        row = self.store.db.execute(
            "SELECT file_name, page_count, pages_with_text, failed_pages FROM documents "
            "WHERE id = ?", [probed.sha256]).fetchone()
        if row is None:
            return None
        note = ""
        if self.case_id is not None:
            try:
                self.store.link_document(self.case_id, probed.sha256)
            except ValidationError as exc:
                note = f"; not added to this case: {exc}"
        name = "" if row[0] == probed.path.name else f" as {row[0]}"
        return ImportOutcome(
            probed.path, "already_present", probed.sha256, row[1], row[2],
            json.loads(row[3] or "[]"), f"already in project{name} ({_pages(row[1])}){note}")

    def _conclude(self, probed: ProbedFile, extraction: Extraction) -> ImportOutcome:
        path = probed.path
        if extraction.status == "cancelled":
            return _cancelled(path)
        if extraction.status in ("needs_password", "wrong_password"):
            given = "the password given is wrong" if extraction.status == "wrong_password" \
                else "no password was given"
            return _failed(path, "needs_password", f"needs a password ({given})")
        if extraction.status == "unsupported_encryption":
            return _failed(path, "unreadable", f"is encrypted in a way Casecoder cannot read "
                                               f"({_detail(extraction.message)}): open it in "
                                               f"a PDF reader, save an unprotected copy, and "
                                               f"import that")
        if extraction.status != "opened":
            return _failed(path, "unreadable",
                           f"not a readable PDF: {_detail(extraction.message, 150)}")
        outcome = classify_pages(path, probed.sha256, extraction)
        if outcome.status == "unreadable":
            return outcome
        return self._store(probed, extraction, outcome)

    def _store(self, probed: ProbedFile, extraction: Extraction,
               outcome: ImportOutcome) -> ImportOutcome:
        document = StoredDocument(
            sha256=probed.sha256, file_name=probed.path.name, data=probed.data,
            status=outcome.status, pages=list(extraction.pages.values()),
            password_protected=extraction.needed_password,
            summary=f"{probed.path.name}: {outcome.message}")
        try:
            with transaction(self.store.db):
                store_document(self.store, document)
                if self.case_id is not None:
                    self.store.link_document(self.case_id, probed.sha256)
        except sqlite3.IntegrityError:
            existing = self._existing(probed)  # stored meanwhile by another import
            if existing is None:
                raise
            return existing
        return outcome

    def _finish(self, outcome: ImportOutcome) -> None:
        self.outcomes.append(outcome)
        self.progress(self.pages_done, self.pages_known, f"{outcome.path.name}: "
                                                         f"{outcome.message}")


def classify_pages(path: Path, sha256: str, extraction: Extraction) -> ImportOutcome:
    """The status of an opened file from its pages' statuses."""
    pages = extraction.pages.values()
    count = extraction.page_count
    with_text = sum(1 for p in pages if p.status == "ok")
    failed = sorted(p.number for p in pages if p.status in ("failed", "timeout"))
    if len(failed) == count:
        first = _detail(extraction.pages[failed[0]].error)
        return _failed(path, "unreadable", f"not a readable PDF: none of its {count} pages "
                                           f"could be read ({first})")
    if failed:
        first = _detail(extraction.pages[failed[0]].error)
        message = (f"partly extracted ({_pages(count)}, {with_text} with text); "
                   f"{_page_list(failed)} could not be read ({first})")
        return ImportOutcome(path, "partial", sha256, count, with_text, failed, message)
    if with_text == 0:
        return ImportOutcome(path, "no_text", sha256, count, 0, [],
                             f"no text layer ({_pages(count)}): a scanned document; it can be "
                             f"viewed and coded, but needs OCR before it can be searched")
    return ImportOutcome(path, "imported", sha256, count, with_text, [],
                         f"imported ({_pages(count)}, {with_text} with text)")


def _pages(count: int) -> str:
    return f"{count} page{'' if count == 1 else 's'}"


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:PAGES_LISTED])
    more = f" and {len(numbers) - PAGES_LISTED} more" if len(numbers) > PAGES_LISTED else ""
    return f"page{'s' if len(numbers) > 1 else ''} {shown}{more}"


def _detail(text: str, limit: int = DETAIL_CHARS) -> str:
    """`text` (an error from a worker or the system) as one short printable line, so that a
    status message stays one line of at most MESSAGE_CHARS."""
    return short_text(text, limit)


def _failed(path: Path, status: str, reason: str) -> ImportOutcome:
    return ImportOutcome(path, status, message=f"{reason}; nothing stored")


def _cancelled(path: Path) -> ImportOutcome:
    return ImportOutcome(path, "cancelled", message="cancelled; nothing stored")
