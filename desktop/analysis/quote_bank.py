"""The quote bank panel: every quote behind a field's answers across the cases, in a dock.

The list is gathered through the store thread; a quote opens its case, document and page with
the quote highlighted; the export buttons write the list shown as CSV or PDF on a background
task (desktop.workers), so the window stays responsive while reportlab lays out the pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QFileDialog

from desktop.analysis.navigation import open_place
from desktop.ops import StoreOp
from desktop.workers import start_task
from exports.quotes import (
    QuoteBank,
    QuoteFilter,
    QuoteRow,
    build_quote_bank,
    pseudonymised,
    write_quotes,
)
from schema.errors import CasecoderError
from widgets.analysis.quote_view import QuoteBankView

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

EXPORT_FILTERS = {".csv": "CSV files (*.csv)", ".pdf": "PDF files (*.pdf)"}


def read_bank(store, query: QuoteFilter) -> tuple[QuoteBank, list[str]]:
    """The bank and the project's coders (for the coder filter), on the store thread."""
    coders = sorted({c.coder for c in store.all_codings()}, key=str.lower)
    return build_quote_bank(store, query), coders


class QuoteBankPanel(QDockWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__("Quote bank", window, objectName="analysisQuoteDock")
        self.window = window
        self.view = QuoteBankView(self)
        self.setWidget(self.view)
        self._op: StoreOp | None = None
        self._task = None
        self._project = None
        self.view.query_changed.connect(self.gather)
        self.view.quote_activated.connect(self.open_quote)
        self.view.export_requested.connect(self.export)

    def present(self) -> None:
        """Show the panel, offering the open project's fields, and list its quotes."""
        workspace = self.window.workspace
        self.show()
        self.raise_()
        if workspace is None or workspace.overview is None:
            self.view.clear()
            return
        self.view.set_project(workspace.codebook, workspace.overview.cases, self._coders())
        self.view.request()

    def gather(self, query: QuoteFilter) -> None:
        workspace = self.window.workspace
        if workspace is None:
            self.view.show_problem("Open a project first.")
            return
        if self._op is not None and not self._op.finished:
            self._op.cancel()
        self._op = StoreOp(lambda store, _p: read_bank(store, query),
                           on_success=lambda result: self._show(workspace, *result),
                           on_failure=self._failed).run_on(workspace.store_thread)

    def _show(self, workspace, bank: QuoteBank, coders: list[str]) -> None:
        if workspace is not self.window.workspace:
            return
        if workspace is not self._project or coders != self._coders():
            self._project = workspace
            self.view.filters.set_choices(workspace.codebook, workspace.overview.cases,
                                          coders)
        self.view.show_bank(bank)

    def _coders(self) -> list[str]:
        combo = self.view.filters.combos["coder"]
        return [combo.itemData(i) for i in range(1, combo.count())]

    def _failed(self, error: Exception) -> None:
        self.view.show_problem(str(error) if isinstance(error, CasecoderError)
                               else f"The quotes could not be read: {error}")

    def open_quote(self, row: QuoteRow) -> None:
        workspace = self.window.workspace
        if workspace is None or workspace is not self._project:
            self.view.show_problem("Another project is open now: choose the field again.")
            return
        if not row.document_id or not row.page:
            self.view.status.setText("This evidence names no document page to open.")
            return
        open_place(workspace, row.case_id, row.document_id, row.page, row.rects, row.quote)

    def export(self, suffix: str) -> None:
        bank, book = self.view.bank, self.view.codebook
        if bank is None or book is None:
            return
        name = "quote-bank" + suffix
        path, _ = QFileDialog.getSaveFileName(self, "Export the quote bank", name,
                                              EXPORT_FILTERS[suffix])
        if path:
            self.write(bank, book, Path(path).with_suffix(suffix))

    def write(self, bank: QuoteBank, book, path: Path) -> None:
        """Replace registered real names (on the store thread), then write the file off the
        GUI thread; the save dialog has already asked about replacing an existing file."""
        workspace = self.window.workspace
        if workspace is None:
            return
        self.view.status.setText(f"Writing {path.name}…")
        self._op = StoreOp(lambda store, _p: pseudonymised(store, bank),
                           on_success=lambda cleaned: self._write_file(cleaned, book, path),
                           on_failure=self._failed).run_on(workspace.store_thread)

    def _write_file(self, bank: QuoteBank, book, path: Path) -> None:
        self._task = start_task(lambda _p: write_quotes(bank, book, path, force=True),
                                on_success=lambda written: self.view.status.setText(
                                    f"Wrote {len(bank.rows)} quote(s) to {written}."),
                                on_failure=lambda message: self.view.status.setText(
                                    f"Not written: {message}"))
