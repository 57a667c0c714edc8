"""Text selected on one PDF page, and how selections and highlights are drawn over a page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtPdf import QPdfDocument

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class TextSelection:
    """A quote: its text, 1-based page and line boxes in PDF points (x0, y0, x1, y1, top-left)."""

    text: str
    page: int
    rects: tuple[Rect, ...]

    def as_tuple(self) -> tuple[str, int, list[Rect]]:
        return self.text, self.page, list(self.rects)


def select_text(
    document: QPdfDocument, page_index: int, start: QPointF, end: QPointF
) -> TextSelection | None:
    """The text between two points (PDF points) on a 0-based page, or None if there is none."""
    selection = document.getSelection(page_index, start, end)
    text = " ".join(selection.text().split()) if selection.isValid() else ""
    if not text:
        return None
    rects = []
    for polygon in selection.bounds():
        box = polygon.boundingRect()
        if box.width() > 0 and box.height() > 0:
            rects.append((box.left(), box.top(), box.right(), box.bottom()))
    return TextSelection(text, page_index + 1, tuple(rects))


def normalised_rects(rects) -> tuple[Rect, ...]:
    """Rectangles given as 4-sequences, as float tuples with x0 <= x1 and y0 <= y1."""
    result = []
    for rect in rects:
        x0, y0, x1, y1 = (float(value) for value in rect)
        result.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return tuple(result)


def to_qrect(rect: Rect) -> QRectF:
    x0, y0, x1, y1 = rect
    return QRectF(x0, y0, x1 - x0, y1 - y0)


@dataclass(frozen=True)
class OverlayStyle:
    """Fill and outline for one kind of overlay."""

    fill: QColor
    outline: QColor
    outline_width: float = 1.0
    padding: float = 1.0  # pixels added left and right; twice that above and below

    def paint(self, painter: QPainter, rects: list[QRectF]) -> None:
        painter.setPen(QPen(self.outline, self.outline_width) if self.outline.alpha() else Qt.NoPen)
        painter.setBrush(self.fill)
        pad = self.padding
        for rect in rects:
            painter.drawRect(rect.adjusted(-pad, -2 * pad, pad, 2 * pad))


SELECTION_STYLE = OverlayStyle(QColor(40, 110, 220, 80), QColor(40, 110, 220, 0), padding=1.0)
HIGHLIGHT_STYLE = OverlayStyle(QColor(255, 220, 0, 110), QColor(214, 140, 0, 230), 2.0, 2.0)
CURRENT_HIT_STYLE = OverlayStyle(QColor(255, 140, 0, 0), QColor(230, 100, 0, 255), 2.0, 2.0)
