"""The find bar of the PDF viewer: a QPdfSearchModel, next/previous and an "n of m" count.

QPdfSearchModel searches the document incrementally off the caller's back, so the count grows
while results arrive. The view draws every hit on the visible pages; the canvas outlines the
current one, and the bar scrolls to it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from widgets.pdf.canvas import PdfCanvas

TYPING_PAUSE_MS = 250


class FindBar(QWidget):
    """Search box, previous/next buttons, hit count and a close button."""

    closed = Signal()

    def __init__(self, canvas: PdfCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self.model = QPdfSearchModel(self)
        canvas.setSearchModel(self.model)
        self._delay = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._delay.timeout.connect(self._start_search)
        self._build()
        self.model.countChanged.connect(self._on_results_changed)
        self.model.modelReset.connect(self._on_results_changed)

    def _build(self) -> None:
        self.edit = QLineEdit(self, placeholderText="Find in document", clearButtonEnabled=True)
        self.edit.textEdited.connect(lambda _text: self._delay.start())
        self.edit.installEventFilter(self)
        self.count_label = QLabel("", self)
        self.count_label.setMinimumWidth(90)
        previous = QToolButton(self, text="▲", toolTip="Previous match (Shift+Enter, Shift+F3)")
        following = QToolButton(self, text="▼", toolTip="Next match (Enter, F3)")
        close = QToolButton(self, text="✕", toolTip="Close the find bar (Esc)")
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.edit, previous, following, self.count_label, close):
            layout.addWidget(widget)
        layout.setStretch(0, 1)

    # -- public ---------------------------------------------------------------------------

    def set_document(self, document: QPdfDocument | None) -> None:
        self.model.setDocument(document)
        self._canvas.setCurrentSearchResultIndex(-1)
        self._update_count()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._canvas.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def hit_count(self) -> int:
        return self.model.count()

    def current_index(self) -> int:
        return self._canvas.currentSearchResultIndex()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    # -- internals ------------------------------------------------------------------------

    def _start_search(self) -> None:
        self._delay.stop()
        self._canvas.setCurrentSearchResultIndex(-1)
        self.model.setSearchString(self.edit.text().strip())
        self._update_count()

    def _step(self, direction: int) -> None:
        if self._delay.isActive() or self.model.searchString() != self.edit.text().strip():
            self._start_search()
        count = self.model.count()
        if count == 0:
            return
        index = self.current_index()
        if index < 0:
            index = self._first_from_current_page(direction)
        else:
            index = (index + direction) % count
        self._select(index)

    def _first_from_current_page(self, direction: int) -> int:
        """The first hit on or after the current page (or before it, going backwards)."""
        page = self._canvas.current_page_index()
        pages = [self.model.resultAtIndex(i).page() for i in range(self.model.count())]
        if direction > 0:
            return next((i for i, p in enumerate(pages) if p >= page), 0)
        return next((i for i in reversed(range(len(pages))) if pages[i] <= page), len(pages) - 1)

    def _select(self, index: int) -> None:
        self._canvas.setCurrentSearchResultIndex(index)
        link = self.model.resultAtIndex(index)
        rects = list(link.rectangles())
        target = rects[0] if rects else QRectF(link.location(), link.location())
        self._canvas.reveal(link.page(), target)
        self._canvas.viewport().update()
        self._update_count()

    def _on_results_changed(self, *_args) -> None:
        self._update_count()

    def _update_count(self) -> None:
        count, index = self.model.count(), self.current_index()
        if not self.model.searchString():
            text = ""
        elif count == 0:
            text = "No matches"
        elif 0 <= index < count:
            text = f"{index + 1} of {count}"
        else:
            text = f"{count} matches" if count != 1 else "1 match"
        self.count_label.setText(text)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and event.type() == event.Type.KeyPress:
            return self._handle_key(event)
        return super().eventFilter(watched, event)

    def _handle_key(self, event) -> bool:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
            self._step(-1 if shift else 1)
            return True
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if event.matches(QKeySequence.StandardKey.Find):
            self.open_bar()
            return True
        return False
