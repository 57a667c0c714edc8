"""The PDF viewer beside the coding form: pages, find, thumbnails, quote capture, highlights.

`PdfViewer` shows one document of a case at a time. The owner gives it the case's documents
(`set_documents`), answers `document_requested(id)` by calling `load_pdf(bytes, id, title)`,
listens to `selection_changed` to capture quotes, and calls `highlight` to show evidence.
Nothing here reads the project database or extracts text: QtPdf renders off the GUI thread
and the page list renders thumbnails only for rows on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QRectF, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from widgets.pdf.canvas import PdfCanvas
from widgets.pdf.find import FindBar
from widgets.pdf.pages import PageList
from widgets.pdf.selection import Rect, TextSelection, normalised_rects
from widgets.pdf.state import ZOOM_MODES, ViewState, parse_view_state
from widgets.pdf.toolbar import PdfToolbar

_LOAD_ERRORS = {
    QPdfDocument.Error.InvalidFileFormat: "the file is not a valid PDF",
    QPdfDocument.Error.IncorrectPassword: "it is protected by a password",
    QPdfDocument.Error.UnsupportedSecurityScheme: "its encryption is not supported",
    QPdfDocument.Error.FileNotFound: "the document data is missing",
    QPdfDocument.Error.DataNotYetAvailable: "the document data is incomplete",
}
NO_DOCUMENT = "No document open. Choose a case with a document, or import one."


class PdfViewer(QWidget):
    """One PDF at a time, with page, zoom, find, page list, selection and highlight."""

    load_failed = Signal(str)  # a message for the user
    document_requested = Signal(str)  # document id the owner should load with load_pdf
    page_changed = Signal(int)  # 1-based
    selection_changed = Signal(str, int, list)  # text, 1-based page, [(x0, y0, x1, y1)]; "" = none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: QPdfDocument | None = None
        self._empty = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._document_id: str | None = None
        self._documents: list[tuple[str, str]] = []
        self._pending_state: ViewState | None = None
        self._message_text = ""
        self._last_page = 0
        self._highlight_quote = ""
        self._build()
        self._connect()
        self._show_message(NO_DOCUMENT)

    # -- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        self.toolbar = PdfToolbar(self)
        self.canvas = PdfCanvas(self)
        self.find_bar = FindBar(self.canvas, self)
        self.find_bar.hide()
        self.page_list = PageList(self)
        self.page_list.hide()
        pages_area = QWidget(self)
        pages_layout = QVBoxLayout(pages_area)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        pages_layout.setSpacing(0)
        pages_layout.addWidget(self.find_bar)
        pages_layout.addWidget(self.canvas)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.page_list)
        self.splitter.addWidget(pages_area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.message_page = QWidget(self)
        self.message = QLabel(self.message_page, wordWrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMaximumWidth(520)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        message_layout = QHBoxLayout(self.message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message, 6)
        message_layout.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.message_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)

    def _connect(self) -> None:
        bar = self.toolbar
        bar.document_chosen.connect(self.document_requested)
        bar.page_chosen.connect(self.go_to_page)
        bar.previous.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        bar.next.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        bar.zoom_in.clicked.connect(lambda: self.canvas.zoom_step(1))
        bar.zoom_out.clicked.connect(lambda: self.canvas.zoom_step(-1))
        bar.fit_width.clicked.connect(self.fit_width)
        bar.fit_page.clicked.connect(self.fit_page)
        bar.find.clicked.connect(self.find_bar.open_bar)
        bar.pages_toggle.toggled.connect(self._show_page_list)
        self.canvas.pageNavigator().currentPageChanged.connect(self._on_page_changed)
        self.canvas.zoomFactorChanged.connect(self._show_zoom)
        self.canvas.zoomModeChanged.connect(self._show_zoom)
        self.canvas.zoom_step_requested.connect(self.canvas.zoom_step)
        self.canvas.selection_finished.connect(self._on_selection_finished)
        self.canvas.installEventFilter(self)
        self.page_list.page_activated.connect(lambda index: self.go_to_page(index + 1))
        shortcuts = {
            QKeySequence.StandardKey.Find: self.find_bar.open_bar,
            QKeySequence.StandardKey.FindNext: self.find_bar.find_next,
            QKeySequence.StandardKey.FindPrevious: self.find_bar.find_previous,
            QKeySequence.StandardKey.ZoomIn: lambda: self.canvas.zoom_step(1),
            QKeySequence.StandardKey.ZoomOut: lambda: self.canvas.zoom_step(-1),
            QKeySequence("Ctrl+="): lambda: self.canvas.zoom_step(1),
        }
        for keys, action in shortcuts.items():
            shortcut = QShortcut(keys, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # -- documents ------------------------------------------------------------------------

    def set_documents(self, documents: list[tuple[str, str]]) -> None:
        """The documents of the current case, as (document id, title), for the switcher."""
        self._documents = [(str(doc_id), str(title or "")) for doc_id, title in documents]
        self.toolbar.set_documents(self._documents, self._document_id)

    def document_id(self) -> str | None:
        return self._document_id

    def load_pdf(self, data: bytes, document_id: str, title: str = "") -> None:
        """Show a PDF from its bytes. Failure shows a message here and emits `load_failed`."""
        self._drop_document()
        self._document_id = document_id
        self.toolbar.show_document(document_id)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(bytes(data)))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        self._buffer, self._document = buffer, document
        name = title or self._title_of(document_id)
        document.statusChanged.connect(lambda status: self._on_status(document, name, status))
        document.load(buffer)
        self._on_status(document, name, document.status())

    def clear(self) -> None:
        """Forget the document and the list of documents; show the empty message."""
        self._drop_document()
        self._document_id = None
        self._pending_state = None
        self.set_documents([])
        self._show_message(NO_DOCUMENT)

    def _title_of(self, document_id: str) -> str:
        return next((title for doc_id, title in self._documents if doc_id == document_id), "")

    def _on_status(self, document: QPdfDocument, name: str, status) -> None:
        # Closing/Unavailable also arrive while the document is being destroyed: ignore them.
        if status not in (QPdfDocument.Status.Ready, QPdfDocument.Status.Error):
            return
        if document is not self._document or self.canvas.document() is document:
            return
        if status == QPdfDocument.Status.Ready and document.pageCount() > 0:
            self._show_document(document)
        elif status == QPdfDocument.Status.Ready:
            self._fail(name, "it has no pages")
        elif status == QPdfDocument.Status.Error:
            self._fail(name, _LOAD_ERRORS.get(document.error(), "QtPdf could not read it"))

    def _show_document(self, document: QPdfDocument) -> None:
        self.canvas.setDocument(document)
        self.find_bar.set_document(document)
        self.page_list.set_document(document)
        self.stack.setCurrentWidget(self.splitter)
        self.toolbar.set_controls_enabled(True)
        self._last_page = 0
        state, self._pending_state = self._pending_state, None
        if state is not None and state.document_id == self._document_id:
            self._apply_state(state)
        else:
            self.canvas.when_laid_out(lambda: self.canvas.go_to_page_index(0))
        self._on_page_changed(self.canvas.current_page_index())
        self._show_zoom()

    def _fail(self, name: str, reason: str) -> None:
        label = f"“{name}”" if name else "This document"
        message = (
            f"{label} could not be opened: {reason}. "
            "Import it again from the original file, or check that the file opens in another "
            "PDF reader."
        )
        self._drop_document()
        self._show_message(message)
        self.load_failed.emit(message)

    def _drop_document(self) -> None:
        """Detach and delete the current document and its buffer; forget marks on it."""
        self.canvas.forget_waiting()
        self.clear_selection()  # tells the owner, so a quote from the old document is not kept
        self.canvas.highlight = None
        self.canvas.setCurrentSearchResultIndex(-1)
        # An empty document rather than None: QtPdf warns when its models lose their document.
        self.canvas.setDocument(self._empty)
        self.find_bar.set_document(self._empty)
        self.page_list.set_document(self._empty)
        for old in (self._document, self._buffer):
            if old is not None:
                old.deleteLater()
        self._document = self._buffer = None

    def _show_message(self, text: str) -> None:
        self._message_text = text
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message_page)
        self.toolbar.zoom_label.setText("")
        self.toolbar.set_controls_enabled(False)
        self.toolbar.show_page(0, 0)
        self.find_bar.hide()

    def message_text(self) -> str:
        """The message shown instead of pages, or "" when a document is shown."""
        return self._message_text if self.stack.currentWidget() is self.message_page else ""

    # -- pages and zoom -------------------------------------------------------------------

    def page_count(self) -> int:
        return self.canvas.document().pageCount() if self.canvas.document() else 0

    def current_page(self) -> int:
        """The 1-based page in view (0 when no document is shown)."""
        return self.canvas.current_page_index() + 1 if self.page_count() else 0

    def go_to_page(self, page: int) -> None:
        """Show a 1-based page (clamped to the document)."""
        if self.page_count():
            self.canvas.when_laid_out(lambda: self.canvas.go_to_page_index(page - 1))

    def fit_width(self) -> None:
        self.canvas.set_zoom(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.canvas.set_zoom(QPdfView.ZoomMode.FitInView)

    def set_zoom_factor(self, factor: float) -> None:
        self.canvas.set_zoom(QPdfView.ZoomMode.Custom, factor)

    def _show_page_list(self, visible: bool) -> None:
        """Show or hide the thumbnails; shown, they get just the width they need."""
        self.page_list.setVisible(visible)
        if visible:
            width = self.page_list.preferred_width()
            self.splitter.setSizes([width, max(self.splitter.width() - width, 1)])
            self.page_list.show_current(self.canvas.current_page_index())

    def _on_page_changed(self, index: int) -> None:
        count = self.page_count()
        page = index + 1 if count else 0
        self.toolbar.show_page(page, count)
        if count:
            self.page_list.show_current(index)
        if page != self._last_page:
            self._last_page = page
            if page:
                self.page_changed.emit(page)

    def _show_zoom(self, *_args) -> None:
        mode = self.canvas.zoomMode()
        self.toolbar.show_zoom(
            round(self.canvas.effective_zoom() * 100),
            mode == QPdfView.ZoomMode.FitToWidth,
            mode == QPdfView.ZoomMode.FitInView,
        )

    def eventFilter(self, watched, event) -> bool:
        if watched is self.canvas and event.type() == QEvent.Type.Resize:
            self._show_zoom()
        return super().eventFilter(watched, event)

    # -- selection and highlight ----------------------------------------------------------

    def _on_selection_finished(self, selection: TextSelection | None) -> None:
        if selection is None:
            self.selection_changed.emit("", 0, [])
        else:
            self.selection_changed.emit(*selection.as_tuple())

    def current_selection(self) -> tuple[str, int, list[Rect]] | None:
        selection = self.canvas.selection
        return selection.as_tuple() if selection is not None else None

    def clear_selection(self) -> None:
        if self.canvas.selection is not None:
            self.canvas.clear_selection()
            self.selection_changed.emit("", 0, [])

    def copy_selection(self) -> bool:
        """Put the selected text on the clipboard; False when nothing is selected."""
        return self.canvas.copy_selection()

    def highlight(self, page: int, rects, quote: str = "") -> None:
        """Go to a 1-based page and mark rectangles (PDF points) on it, e.g. an evidence quote."""
        if not self.page_count():
            return
        index = min(max(page, 1), self.page_count()) - 1
        boxes = normalised_rects(rects or [])
        self.canvas.highlight = (index, boxes)
        self._highlight_quote = quote
        self.canvas.setToolTip(f"Evidence: “{quote}”" if quote else "")
        if boxes:
            union = QRectF()
            for x0, y0, x1, y1 in boxes:
                union = union.united(QRectF(x0, y0, x1 - x0, y1 - y0))
            self.canvas.when_laid_out(lambda: self.canvas.reveal(index, union))
        else:
            self.canvas.when_laid_out(lambda: self.canvas.go_to_page_index(index))
        self.canvas.viewport().update()

    def current_highlight(self) -> tuple[int, list[Rect], str] | None:
        if self.canvas.highlight is None:
            return None
        index, rects = self.canvas.highlight
        return index + 1, list(rects), self._highlight_quote

    def clear_highlight(self) -> None:
        self.canvas.highlight = None
        self._highlight_quote = ""
        self.canvas.setToolTip("")
        self.canvas.viewport().update()

    # -- session state --------------------------------------------------------------------

    def view_state(self) -> dict:
        """Document, page, zoom and page-list visibility, for restoring the session."""
        mode = next(name for name, value in ZOOM_MODES.items() if value == self.canvas.zoomMode())
        return ViewState(
            self._document_id, self.current_page(), mode, self.canvas.zoomFactor(),
            self.toolbar.pages_toggle.isChecked(),
        ).as_dict()

    def restore_view_state(self, state: dict) -> None:
        """Apply a saved state; asks for its document with `document_requested` if needed."""
        parsed = parse_view_state(state)
        if parsed.document_id and parsed.document_id != self._document_id:
            self._pending_state = parsed
            self.document_requested.emit(parsed.document_id)
        elif self.page_count():
            self._apply_state(parsed)

    def _apply_state(self, state: ViewState) -> None:
        self.toolbar.pages_toggle.setChecked(state.pages_panel)
        self.canvas.set_zoom(ZOOM_MODES[state.zoom_mode], state.zoom_factor)
        if state.page:
            self.go_to_page(state.page)
