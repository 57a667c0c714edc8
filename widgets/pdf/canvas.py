"""The page area of the PDF viewer: QPdfView plus drag-to-select, highlights and zoom steps.

QPdfView renders the pages asynchronously. This subclass draws the text selection, the
evidence highlight and the current search hit on top of them, maps mouse drags to page
coordinates through `pdf_layout`, and keeps the reading position when the zoom changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPainter
from PySide6.QtPdfWidgets import QPdfView

from widgets.pdf.layout import PageLayout, page_layout, screen_resolution
from widgets.pdf.selection import (
    CURRENT_HIT_STYLE,
    HIGHLIGHT_STYLE,
    SELECTION_STYLE,
    Rect,
    TextSelection,
    select_text,
    to_qrect,
)

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
DRAG_THRESHOLD = 3  # pixels a press must move before it counts as a selection drag
TARGET_HEIGHT = 0.35  # where a highlighted rectangle lands, as a fraction of the view height


@dataclass
class _Drag:
    page: int  # 0-based
    start: QPointF  # PDF points
    origin: QPointF  # viewport pixels
    had_selection: bool = False  # whether a selection existed before this press
    moved: bool = False


class PdfCanvas(QPdfView):
    """Continuous pages with a mouse-drag text selection and drawn highlights."""

    selection_finished = Signal(object)  # TextSelection, or None when a click cleared it
    zoom_step_requested = Signal(int)  # +1 / -1 from Ctrl+wheel

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self._layout_key: tuple | None = None
        self._layout = PageLayout((), ())
        self._drag: _Drag | None = None
        self.selection: TextSelection | None = None
        self.highlight: tuple[int, tuple[Rect, ...]] | None = None  # 0-based page
        self._waiting: list[Callable[[], None]] = []

    # -- geometry -------------------------------------------------------------------------

    def page_layout(self) -> PageLayout:
        """The current page layout, recomputed only when something it depends on changed."""
        document = self.document()
        if document is None:
            return PageLayout((), ())
        margins = self.documentMargins()
        key = (
            id(document), document.status(), document.pageCount(), self.viewport().size(),
            self.zoomMode(), self.zoomFactor(), self.pageSpacing(),
            (margins.left(), margins.top(), margins.right(), margins.bottom()),
        )
        if key != self._layout_key:
            self._layout_key, self._layout = key, page_layout(self, document)
        return self._layout

    def when_laid_out(self, action: Callable[[], None]) -> None:
        """Run `action` now if the pages have a layout, else once they get one."""
        if self.page_layout().rects:
            action()
        else:
            self._waiting.append(action)

    def run_waiting(self) -> None:
        """Run the actions queued by `when_laid_out` if the pages have a layout now."""
        if self._waiting and self.page_layout().rects:
            waiting, self._waiting = self._waiting, []
            for action in waiting:
                action()

    def forget_waiting(self) -> None:
        self._waiting.clear()

    def resizeEvent(self, event) -> None:
        """Keep the point at the top of the view in place when the page size changes."""
        old = self._layout  # still the layout for the old size: nothing has asked since
        anchor = self._anchor(old) if old.rects else None
        super().resizeEvent(event)
        if anchor is not None and self.page_layout().rects:
            self._scroll_to_anchor(anchor)
        self.run_waiting()

    def _anchor(self, layout: PageLayout) -> tuple[int, QPointF]:
        top_left = self.to_document(QPointF(0, 0))
        page = layout.page_at(top_left)
        return page, layout.to_points(page, top_left)

    def _scroll_to_anchor(self, anchor: tuple[int, QPointF]) -> None:
        page, point = anchor
        layout = self.page_layout()
        if page < len(layout.rects):
            spot = layout.to_pixels(page, QRectF(point, point))
            self.verticalScrollBar().setValue(round(spot.top()))
            self.horizontalScrollBar().setValue(round(spot.left()))

    def scroll_offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def to_document(self, viewport_pos: QPointF) -> QPointF:
        return viewport_pos + self.scroll_offset()

    def current_page_index(self) -> int:
        return self.pageNavigator().currentPage()

    def effective_zoom(self) -> float:
        """The zoom in use now, whatever the mode (1.0 = one point per pixel at 72 dpi)."""
        layout = self.page_layout()
        if not layout.rects:
            return self.zoomFactor()
        page = min(max(self.current_page_index(), 0), len(layout.rects) - 1)
        return layout.scale(page) / screen_resolution()

    # -- navigation -----------------------------------------------------------------------

    def go_to_page_index(self, page: int) -> None:
        """Scroll so that the top of a 0-based page is at the top of the view."""
        layout = self.page_layout()
        if not layout.rects:
            return
        page = min(max(page, 0), len(layout.rects) - 1)
        top = layout.rects[page].top() - self.pageSpacing()
        self.verticalScrollBar().setValue(top)
        if self.current_page_index() != page and self.verticalScrollBar().value() == top:
            self.pageNavigator().jump(page, QPointF(), self.zoomFactor())

    def reveal(self, page: int, rect: QRectF) -> None:
        """Scroll so that a rectangle (PDF points) on a 0-based page is well inside the view."""
        layout = self.page_layout()
        if not layout.rects or not 0 <= page < len(layout.rects):
            return
        target = layout.to_pixels(page, rect)
        height = self.viewport().height()
        self.verticalScrollBar().setValue(int(target.center().y() - height * TARGET_HEIGHT))
        left = self.horizontalScrollBar().value()
        if target.left() < left or target.right() > left + self.viewport().width():
            self.horizontalScrollBar().setValue(int(target.left() - 24))

    def set_zoom(self, mode: QPdfView.ZoomMode, factor: float | None = None) -> None:
        """Change the zoom and keep the point at the top of the view where it was."""
        layout = self.page_layout()
        anchor = self._anchor(layout) if layout.rects else None
        if factor is not None:
            self.setZoomFactor(factor)
        self.setZoomMode(mode)
        if anchor is not None and self.page_layout().rects:
            self._scroll_to_anchor(anchor)

    def zoom_step(self, direction: int) -> None:
        """Zoom in (+1) or out (-1) to the next step from the zoom in use."""
        now = self.effective_zoom()
        if direction > 0:
            factor = next((z for z in ZOOM_STEPS if z > now * 1.01), ZOOM_STEPS[-1])
        else:
            factor = next((z for z in reversed(ZOOM_STEPS) if z < now * 0.99), ZOOM_STEPS[0])
        self.set_zoom(QPdfView.ZoomMode.Custom, factor)

    # -- selection ------------------------------------------------------------------------

    def clear_selection(self) -> None:
        self.selection = None
        self.viewport().update()

    def copy_selection(self) -> bool:
        if self.selection is None:
            return False
        QGuiApplication.clipboard().setText(self.selection.text)
        return True

    def mousePressEvent(self, event) -> None:
        layout = self.page_layout()
        if event.button() == Qt.MouseButton.LeftButton and layout.rects:
            point = self.to_document(event.position())
            page = layout.page_at(point)
            start = layout.to_points(page, point)
            self._drag = _Drag(page, start, event.position(), self.selection is not None)
            self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._drag is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend_drag(event.position())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        drag = self._drag
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self._drag = None
        self._extend_drag(event.position(), drag)
        if not drag.moved:
            self.clear_selection()
            super().mouseReleaseEvent(event)
        if self.selection is not None or drag.had_selection:
            self.selection_finished.emit(self.selection)

    def _extend_drag(self, position: QPointF, drag: _Drag | None = None) -> None:
        drag = drag or self._drag
        if drag is None or self.document() is None:
            return
        if not drag.moved:
            if (position - drag.origin).manhattanLength() < DRAG_THRESHOLD:
                return
            drag.moved = True
        layout = self.page_layout()
        end = layout.to_points(drag.page, self.to_document(position))
        self.selection = select_text(self.document(), drag.page, drag.start, end)
        self.viewport().update()

    # -- keys and wheel -------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Copy) and self.copy_selection():
            return
        pages = {Qt.Key.Key_PageDown: 1, Qt.Key.Key_PageUp: -1}
        if key in pages and not event.modifiers():
            self.go_to_page_index(self.current_page_index() + pages[key])
            return
        if key == Qt.Key.Key_Home and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.go_to_page_index(0)
            return
        if key == Qt.Key.Key_End and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.go_to_page_index(len(self.page_layout().rects) - 1)
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_step_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        layout = self.page_layout()
        if not layout.rects:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        offset = self.scroll_offset()
        painter.translate(-offset.x(), -offset.y())
        for style, page, rects in self._overlays():
            if 0 <= page < len(layout.rects):
                style.paint(painter, [layout.to_pixels(page, rect) for rect in rects])
        painter.end()

    def _overlays(self):
        """(style, 0-based page, rects in points) for everything drawn over the pages."""
        if self.highlight is not None:
            page, rects = self.highlight
            yield HIGHLIGHT_STYLE, page, [to_qrect(rect) for rect in rects]
        hit = self._current_hit()
        if hit is not None:
            yield CURRENT_HIT_STYLE, hit[0], hit[1]
        if self.selection is not None:
            rects = [to_qrect(rect) for rect in self.selection.rects]
            yield SELECTION_STYLE, self.selection.page - 1, rects

    def _current_hit(self) -> tuple[int, list[QRectF]] | None:
        model, index = self.searchModel(), self.currentSearchResultIndex()
        if model is None or index < 0 or index >= model.count():
            return None
        link = model.resultAtIndex(index)
        return (link.page(), list(link.rectangles())) if link.isValid() else None
