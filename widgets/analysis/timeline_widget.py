"""Painting a timeline `Picture` (exports.timeline) with QPainter, in the same DejaVu Sans the
files use, so the window shows exactly the layout that the PDF, SVG and PNG carry."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from exports.brief.fonts import FACES, FONT_DIR
from exports.timeline.shapes import Box, Dot, Label, Line, Picture


@cache
def _family() -> str:
    """Load the DejaVu faces into Qt once; the family name they register under."""
    families = []
    for file_name, *_ in FACES.values():
        font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / file_name))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else "DejaVu Sans"


def paint_picture(painter: QPainter, picture: Picture, scale: float = 1.0) -> None:
    """Draw every shape of the picture, `scale` pixels per point."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    painter.fillRect(QRectF(0, 0, picture.width, picture.height), QColor("#FFFFFF"))
    for shape in picture.shapes:
        if isinstance(shape, Box):
            _box(painter, shape)
        elif isinstance(shape, Line):
            pen = QPen(QColor(shape.colour), shape.width)
            if shape.dashed:
                pen.setDashPattern([2 / max(shape.width, 0.1)] * 2)
            painter.setPen(pen)
            painter.drawLine(QPointF(shape.x1, shape.y1), QPointF(shape.x2, shape.y2))
        elif isinstance(shape, Dot):
            painter.setPen(QPen(QColor(shape.stroke), 0.8) if shape.stroke else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(shape.fill))
            painter.drawEllipse(QPointF(shape.x, shape.y), shape.r, shape.r)
        elif isinstance(shape, Label):
            _label(painter, shape)
    painter.restore()


def _box(painter: QPainter, box: Box) -> None:
    painter.setPen(QPen(QColor(box.stroke), box.width) if box.stroke else Qt.PenStyle.NoPen)
    painter.setBrush(QColor(box.fill) if box.fill else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(box.x, box.y, box.w, box.h), box.radius, box.radius)


def _label(painter: QPainter, label: Label) -> None:
    font = QFont(_family())
    font.setPointSizeF(label.size * 72 / max(painter.device().logicalDpiY(), 1))
    font.setBold(label.bold)
    font.setItalic(label.italic)
    painter.setFont(font)
    painter.setPen(QColor(label.colour))
    width = QFontMetricsF(font, painter.device()).horizontalAdvance(label.text)
    x = label.x - {"start": 0.0, "middle": width / 2, "end": width}[label.anchor]
    painter.drawText(QPointF(x, label.y), label.text)


class TimelineWidget(QWidget):
    """Shows one picture at its natural size times `zoom` (put it in a QScrollArea)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture: Picture | None = None
        self.zoom = 1.25
        self.setAutoFillBackground(True)

    def set_picture(self, picture: Picture | None) -> None:
        self.picture = picture
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        if self.picture is None:
            return QSize(200, 100)
        return QSize(round(self.picture.width * self.zoom),
                     round(self.picture.height * self.zoom))

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        if self.picture is None:
            return
        painter = QPainter(self)
        paint_picture(painter, self.picture, self.zoom)
        painter.end()
