"""Where QPdfView draws each page, so viewport pixels and PDF points can be mapped both ways.

QPdfView keeps its page layout private. In MultiPage mode it stacks the pages top to bottom,
`pageSpacing` apart, inside `documentMargins`, each page centred horizontally and sized from
its point size, the screen's logical DPI and the zoom mode. `page_layout` repeats that
calculation with the same Qt integer rounding; the tests check the result against rendered
pixels. All rectangles here are in document pixels: viewport pixels plus the scroll offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView


@dataclass(frozen=True)
class PageLayout:
    """Page rectangles (document pixels) and point sizes, indexed by 0-based page."""

    rects: tuple[QRect, ...]
    point_sizes: tuple[QSizeF, ...]

    def page_at(self, point: QPointF) -> int | None:
        """The page under a document-pixel point, or the nearest page by height; None if empty."""
        if not self.rects:
            return None
        for index, rect in enumerate(self.rects):
            if point.y() < rect.top() + rect.height() + 1:
                return index
        return len(self.rects) - 1

    def to_points(self, page: int, point: QPointF) -> QPointF:
        """A document-pixel point as PDF points on `page` (top-left origin), clamped to it."""
        rect, size = self.rects[page], self.point_sizes[page]
        x = (point.x() - rect.left()) * size.width() / rect.width()
        y = (point.y() - rect.top()) * size.height() / rect.height()
        return QPointF(min(max(x, 0.0), size.width()), min(max(y, 0.0), size.height()))

    def to_pixels(self, page: int, rect: QRectF) -> QRectF:
        """A rectangle in PDF points on `page` as a document-pixel rectangle."""
        page_rect, size = self.rects[page], self.point_sizes[page]
        sx = page_rect.width() / size.width()
        sy = page_rect.height() / size.height()
        return QRectF(
            page_rect.left() + rect.left() * sx,
            page_rect.top() + rect.top() * sy,
            rect.width() * sx,
            rect.height() * sy,
        )

    def scale(self, page: int) -> float:
        """Pixels per point on `page` at the current zoom."""
        return self.rects[page].width() / self.point_sizes[page].width()


def screen_resolution() -> float:
    """Logical pixels per point, as QPdfView computes it when it is created."""
    return QGuiApplication.primaryScreen().logicalDotsPerInch() / 72.0


def _page_size(view: QPdfView, point_size: QSizeF, viewport: QSize) -> QSize:
    """The pixel size QPdfView gives one page in the current zoom mode."""
    resolution = screen_resolution()
    margins = view.documentMargins()
    mode = view.zoomMode()
    if mode == QPdfView.ZoomMode.Custom:
        return (point_size * resolution * view.zoomFactor()).toSize()
    natural = (point_size * resolution).toSize()
    if natural.width() < 1 or natural.height() < 1:
        return natural
    if mode == QPdfView.ZoomMode.FitToWidth:
        available = viewport.width() - margins.left() - margins.right()
        return natural * (available / natural.width())
    fit = QSize(
        viewport.width() - margins.left() - margins.right(),
        viewport.height() - view.pageSpacing(),
    )
    return natural.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio)


def page_layout(view: QPdfView, document: QPdfDocument) -> PageLayout:
    """The layout of every page of `document` in `view` (MultiPage mode)."""
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        return PageLayout((), ())
    viewport = view.viewport().size()
    margins = view.documentMargins()
    point_sizes = tuple(document.pagePointSize(i) for i in range(document.pageCount()))
    sizes = [_page_size(view, size, viewport) for size in point_sizes]
    if any(size.width() < 1 or size.height() < 1 for size in sizes):
        return PageLayout((), ())  # a view too small to show a page yet
    total_width = max(size.width() for size in sizes) + margins.left() + margins.right()
    rects = []
    top = margins.top()
    for size in sizes:
        left = (max(total_width, viewport.width()) - size.width()) // 2
        rects.append(QRect(left, top, size.width(), size.height()))
        top += size.height() + view.pageSpacing()
    return PageLayout(tuple(rects), point_sizes)
