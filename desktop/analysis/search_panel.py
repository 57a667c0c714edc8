"""The search panel: full-text search across every review of the open project, in a dock.

Queries run through the store thread (desktop.ops.StoreOp); a hit opens its case and page
with the sentence highlighted, and "Cite for the focused field" attaches that sentence as
evidence through the coding controller, as one undoable edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget

from desktop.analysis.navigation import open_place
from desktop.ops import StoreOp
from schema.documents.search import SearchFilter, SearchHit
from schema.errors import CasecoderError
from widgets.analysis.search_view import SearchView

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

HIT_LIMIT = 50


class SearchPanel(QDockWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__("Search reviews", window, objectName="analysisSearchDock")
        self.window = window
        self.view = SearchView(self)
        self.setWidget(self.view)
        self._op: StoreOp | None = None
        self._project = None  # the workspace the shown hits came from
        self.view.search_requested.connect(self.search)
        self.view.hit_activated.connect(self.open_hit)
        self.view.cite_requested.connect(self.cite)

    def present(self) -> None:
        """Show the panel with the project's filter choices, the query box focused."""
        workspace = self.window.workspace
        if workspace is not None and workspace.overview is not None:
            self.view.filters.set_choices(workspace.codebook, workspace.overview.cases)
        if workspace is not self._project:
            self.view.clear()
        self.show()
        self.raise_()
        self.view.query.setFocus()
        self.view.query.selectAll()

    def search(self, query: str, where: SearchFilter) -> None:
        workspace = self.window.workspace
        if workspace is None:
            self.view.show_problem("Open a project first.")
            return
        if self._op is not None and not self._op.finished:
            self._op.cancel()
        self._op = StoreOp(lambda store, _p: store.search_pages(query, where, HIT_LIMIT),
                           on_success=lambda hits: self._show(workspace, hits),
                           on_failure=self._failed).run_on(workspace.store_thread)

    def _show(self, workspace, hits: list[SearchHit]) -> None:
        if workspace is not self.window.workspace:
            return
        self._project = workspace
        self.view.show_hits(hits, HIT_LIMIT)

    def _failed(self, error: Exception) -> None:
        self.view.show_problem(str(error) if isinstance(error, CasecoderError)
                               else f"The search failed: {error}")

    def _workspace_for_hits(self):
        workspace = self.window.workspace
        if workspace is None or workspace is not self._project:
            self.view.show_problem("Another project is open now: search again.")
            return None
        return workspace

    def open_hit(self, hit: SearchHit) -> None:
        workspace = self._workspace_for_hits()
        if workspace is not None:
            open_place(workspace, hit.case_id, hit.document_id, hit.page, hit.rects, hit.quote)

    def cite(self, hit: SearchHit) -> None:
        """Attach the hit's sentence to the focused field of the open case's coding."""
        workspace = self._workspace_for_hits()
        if workspace is None:
            return
        current = workspace.current
        if current is None or hit.document_id not in {d.id for d in current.documents}:
            self.view.status.setText(
                f"This page belongs to {hit.case_reference or 'no case'}; open it (click the "
                f"hit) and cite it there, so the quote supports that case's coding.")
            return
        if not hit.quote:
            self.view.status.setText("This hit has no text to quote.")
            return
        if workspace.form.focused_field() is None:
            self.view.status.setText("Click into the field the sentence supports in the "
                                     "coding form first, then cite it.")
            return
        if workspace.edits.cite(hit.document_id, hit.page, hit.quote, hit.rects):
            open_place(workspace, hit.case_id, hit.document_id, hit.page, hit.rects, hit.quote)
            self.view.status.setText(f"Cited p. {hit.page} for the focused field "
                                     f"(Ctrl+Z undoes it).")
