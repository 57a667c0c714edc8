"""One open project in the main window: its store thread, undo stack, and what is on screen.

The workspace switches cases (form and documents), loads PDFs into the viewer, and remembers
the case, document and page in settings as they change. Edits are handled by its
`CodingController`. Every database call goes through the project's `StoreThread`; results that
arrive for a case the user has already left are dropped, so fast switching stays correct.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.coding.case_loading import CaseView, ProjectOverview, read_case, read_overview
from desktop.coding.controller import CodingController
from desktop.coding.suggestions import SuggestionsController
from desktop.settings import AppSettings
from desktop.store_thread import StoreThread
from schema.records import Case, Document

PDF_CACHE_SIZE = 6


class Workspace(QObject):
    opened = Signal(object)  # ProjectOverview
    open_failed = Signal(str)
    case_shown = Signal(object)  # Case
    case_updated = Signal(object)  # Case
    message = Signal(str)
    backup_reported = Signal(str, bool)  # the rolling backup made on opening: message, ok

    def __init__(self, path: str | Path, coder: str, settings: AppSettings, *, panel, viewer,
                 form, parent: QObject | None = None, readonly: bool = False) -> None:
        super().__init__(parent)
        self.path = Path(path).resolve()
        self.coder = coder
        self.settings = settings
        self.panel, self.viewer, self.form = panel, viewer, form
        self.readonly = readonly  # opened while another Casecoder writes: edits are refused
        self.store_thread = StoreThread(self.path, coder, readonly=readonly)
        self.store_thread.backup_reported.connect(self.backup_reported)
        self.undo_stack = QUndoStack(self)
        self.overview: ProjectOverview | None = None
        self.current: CaseView | None = None
        self.current_document: str | None = None
        self._connections: list[tuple[object, object]] = []
        self._case_request = 0
        self._restoring: dict = settings.project_place(self.path)
        self._pdf_cache: OrderedDict[str, bytes] = OrderedDict()
        self._pages: dict[str, int] = {}
        self._case_documents: dict[str, str] = {}
        self._coding_case: dict[str, str] = {}
        self._chosen_coding: dict[str, str] = {}  # case id -> coding picked in the switcher
        self.switcher = None  # widgets.cases.coding_switcher.CodingSwitcher, once attached
        self.edits = CodingController(self)
        self.suggestions = SuggestionsController(self)
        self._connect(panel.case_selected, self.show_case)
        self._connect(viewer.document_requested, self.open_document)
        self._connect(viewer.page_changed, self._on_page_changed)
        self._connect(viewer.load_failed, self._on_load_failed)
        self.store_thread.submit(read_overview, self._on_overview, self.open_failed.emit)

    def _connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    @property
    def codebook(self):
        return self.overview.codebook if self.overview else None

    # Project ---------------------------------------------------------------------------

    def _on_overview(self, overview: ProjectOverview) -> None:
        self.overview = overview
        self.form.set_codebook(overview.codebook)
        self.panel.set_cases(overview.cases, overview.codebook)
        self.opened.emit(overview)
        case_id = self._restoring.get("case_id")
        if not (case_id and self.panel.select_case(case_id)):
            self._restoring = {}
            if overview.cases:
                self.panel.next_case()

    def reload_cases(self, select: str | None = None) -> None:
        """Read the case list again (after a new case or an import), keeping the selection."""
        def done(overview: ProjectOverview) -> None:
            self.overview = overview
            self.panel.set_cases(overview.cases, overview.codebook)
            if select:
                self.panel.select_case(select)
        self.store_thread.submit(read_overview, done, self._fail)

    def refresh_case(self, case_id: str) -> None:
        def done(case: Case) -> None:
            self.panel.update_case(case)
            if self.current and self.current.case.id == case.id:
                self.current = replace(self.current, case=case)
            self.case_updated.emit(case)
        self.store_thread.submit(lambda store: store.get_case(case_id), done, self._fail)

    def close(self) -> bool:
        """Remember where work stopped, write every queued edit, and release the project."""
        self.save_place()
        for signal, slot in self._connections:
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        self._connections.clear()
        if self.switcher is not None:
            self.switcher.clear()
        self.undo_stack.clear()
        return self.store_thread.close()

    # Cases -----------------------------------------------------------------------------

    def show_case(self, case_id: str) -> None:
        self._case_request += 1
        token = self._case_request
        self.settings.set_project_place(self.path, case_id=case_id)
        self.store_thread.submit(partial(read_case, case_id=case_id, coder=self.coder,
                                         readonly=self.readonly,
                                         coding_id=self._chosen_coding.get(case_id)),
                                 lambda view: self._on_case(view, token), self._fail)

    def attach_coding_switcher(self, switcher) -> None:
        """Name the coding shown in `switcher`, and open the one the user picks there."""
        self.switcher = switcher
        self._connect(switcher.coding_chosen, self.show_coding)

    def show_coding(self, coding_id: str) -> None:
        """Show another coding of the open case in the form (it stays chosen for the case)."""
        if self.current is not None:
            self._chosen_coding[self.current.case.id] = coding_id
            self.show_case(self.current.case.id)

    def choose_coding(self, case_id: str, coding_id: str) -> None:
        """Show this coding of the case the next time it opens (the analysis views open a
        case in the coding they read)."""
        self._chosen_coding[case_id] = coding_id

    def _on_case(self, view: CaseView, token: int) -> None:
        if token != self._case_request:
            return  # the user has moved on to another case
        self.current = view
        if view.coding is not None:
            self._coding_case[view.coding.id] = view.case.id
        self.form.show_coding(view.snapshot)
        if self.switcher is not None:
            self.switcher.show_codings(view.codings, view.coding, self.overview.site
                                       if self.overview else "", hidden=view.hidden)
        self.viewer.set_documents([(d.id, d.file_name) for d in view.documents])
        self.case_shown.emit(view.case)
        document, page, view_state = self._place_for(view)
        if document is None:
            self.current_document = None
            self.viewer.clear()
        else:
            self.open_document(document.id, page, view_state=view_state)

    def _place_for(self, view: CaseView) -> tuple[Document | None, int | None, dict | None]:
        """Which document and page to show: as left at the last session, else as last seen."""
        by_id = {d.id: d for d in view.documents}
        restoring, self._restoring = self._restoring, {}
        if restoring.get("case_id") == view.case.id and restoring.get("document_id") in by_id:
            document = by_id[restoring["document_id"]]
            return document, restoring.get("page"), restoring.get("view")
        remembered = self._case_documents.get(view.case.id)
        document = by_id.get(remembered) or (view.documents[0] if view.documents else None)
        return document, None, None

    def case_of_coding(self, coding_id: str) -> str | None:
        return self._coding_case.get(coding_id)

    # Documents -------------------------------------------------------------------------

    def document_title(self, document_id: str) -> str:
        docs = self.current.documents if self.current else []
        return next((d.file_name for d in docs if d.id == document_id), document_id[:12])

    def open_document(self, document_id: str, page: int | None = None, *,
                      view_state: dict | None = None, then=None) -> None:
        """Show a document (from the cache, else read through the store thread), at a page."""
        if document_id == self.current_document:
            self._arrive(document_id, page, view_state, then)
            return
        data = self._pdf_cache.get(document_id)
        if data is not None:
            self._pdf_cache.move_to_end(document_id)
            self._show_pdf(document_id, data, page, view_state, then)
            return
        case_id = self.current.case.id if self.current else None

        def loaded(pdf: bytes | None) -> None:
            if self.current is None or self.current.case.id != case_id:
                return
            if pdf is None:
                self.message.emit("This document's PDF is not in the project (a merge may "
                                  "have left it out).")
                return
            self._pdf_cache[document_id] = pdf
            while len(self._pdf_cache) > PDF_CACHE_SIZE:
                self._pdf_cache.popitem(last=False)
            self._show_pdf(document_id, pdf, page, view_state, then)
        self.store_thread.submit(lambda store: store.document_pdf(document_id), loaded,
                                 self._fail)

    def _show_pdf(self, document_id: str, data: bytes, page: int | None,
                  view_state: dict | None, then) -> None:
        if self.current_document:
            self._pages[self.current_document] = self.viewer.current_page()
        self.current_document = document_id
        self.viewer.load_pdf(data, document_id, self.document_title(document_id))
        if self.current:
            self._case_documents[self.current.case.id] = document_id
        if page is None:
            page = self._pages.get(document_id)
        self._arrive(document_id, page, view_state, then)

    def _arrive(self, document_id: str, page: int | None, view_state: dict | None,
                then) -> None:
        if view_state:
            self.viewer.restore_view_state(view_state)
        if page is not None:
            self.viewer.go_to_page(page)
        if page is not None:
            self._pages[document_id] = page
        self.settings.set_project_place(
            self.path, document_id=document_id,
            page=page if page is not None else self.viewer.current_page())
        if then is not None:
            then()

    def _on_page_changed(self, page: int) -> None:
        if self.current_document:
            self._pages[self.current_document] = page
            self.settings.set_project_place(self.path, page=page)

    def _on_load_failed(self, reason: str) -> None:
        self.message.emit(f"The PDF could not be shown: {reason}")

    def save_place(self) -> None:
        if self.current is None:
            return
        place = {"case_id": self.current.case.id, "document_id": self.current_document}
        if self.current_document:
            place["page"] = self.viewer.current_page()
            place["view"] = self.viewer.view_state()
        self.settings.set_project_place(self.path, **place)
        self.settings.sync()

    def _fail(self, message: str) -> None:
        self.message.emit(message)
