"""Helpers for the PDF viewer tests: where a generated line is on screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF

from tests.widgets.make_pdf import PlacedLine
from widgets.pdf.viewer import PdfViewer


def line_on_screen(viewer: PdfViewer, line: PlacedLine) -> QRectF:
    """Where a line of the generated PDF is in viewport pixels, by the viewer's layout."""
    canvas = viewer.canvas
    box = QRectF(line.x0, line.top, line.x1 - line.x0, line.bottom - line.top)
    return canvas.page_layout().to_pixels(line.page - 1, box).translated(-canvas.scroll_offset())


def at(rect: QRectF, x_fraction: float) -> QPoint:
    """A point across a rectangle at mid-height, `x_fraction` of the way from its left."""
    point = QPointF(rect.left() + rect.width() * x_fraction, rect.center().y())
    return point.toPoint()
