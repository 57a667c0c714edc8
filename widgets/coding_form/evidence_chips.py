"""Evidence shown under its field: a chip per quote with where it comes from.

A chip reads `“quote excerpt…”  p. 12 ¶4.12`; clicking it asks to open the document at that
page, and its × asks to remove the evidence. The widget itself changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from schema.records import Evidence

EXCERPT_CHARS = 70


def excerpt(quote: str, limit: int = EXCERPT_CHARS) -> str:
    """The quote on one line, cut at a word boundary with an ellipsis when long."""
    text = " ".join(quote.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(",;:.") + "…"


def location(evidence: Evidence, document_title: str = "") -> str:
    """Where the quote is: "p. 12 ¶4.12", led by a short document name when given."""
    parts = [document_title] if document_title else []
    if evidence.page is not None:
        parts.append(f"p. {evidence.page}")
    if evidence.paragraph:
        parts.append(f"¶{evidence.paragraph}")
    return " ".join(parts)


class EvidenceChip(QWidget):
    """One piece of evidence as a rounded chip; emits `activated` on click, `remove` on ×."""

    activated = Signal(object)
    remove = Signal(str)

    def __init__(self, evidence: Evidence, document_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.evidence = evidence
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(9, 1, 2, 1)
        layout.setSpacing(8)
        quote = QLabel(f"“{excerpt(evidence.quote)}”", self)
        quote.setStyleSheet("color: #1f3b57;")
        # A long quote may be cut at the chip's edge rather than widen the form; the tooltip
        # holds all of it.
        quote.setMinimumWidth(80)
        quote.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        where = QLabel(location(evidence, _short(document_title)), self)
        where.setStyleSheet("color: #5f7185;")
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setToolTip("Remove this evidence (Undo brings it back)")
        close.clicked.connect(lambda: self.remove.emit(evidence.id))
        layout.addWidget(quote, 1)
        layout.addWidget(where)
        layout.addWidget(close)
        full = location(evidence, document_title) or "no page"
        self.setToolTip(f"{evidence.quote}\n\n{full}. Click to open it in the document.")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return super().sizeHint().expandedTo(QSize(0, 24))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.activated.emit(self.evidence)
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#c5d3e2"))
        painter.setBrush(QColor("#dde8f3" if self.underMouse() else "#edf3f9"))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 9, 9)

    def enterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.update()
        super().leaveEvent(event)


class EvidenceChipList(QWidget):
    """The chips of one field, one per line, in the order they were cited."""

    activated = Signal(object)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 3, 0, 0)
        self._layout.setSpacing(3)
        self._chips: list[EvidenceChip] = []
        self._shown: list[tuple] = []
        self.hide()

    def chips(self) -> list[EvidenceChip]:
        return list(self._chips)

    def set_evidence(self, items: list[Evidence], titles: dict[str, str],
                     show_titles: bool = False) -> None:
        """Show these items; unchanged lists are left alone (switching cases stays cheap)."""
        key = [(e, show_titles and titles.get(e.document_id or "", "")) for e in items]
        if key == self._shown:
            return
        self._shown = key
        for chip in self._chips:
            chip.deleteLater()
        self._chips = []
        for evidence, title in key:
            chip = EvidenceChip(evidence, title or "", self)
            chip.activated.connect(self.activated)
            chip.remove.connect(self._on_remove)
            self._layout.addWidget(chip)
            self._chips.append(chip)
        self.setVisible(bool(self._chips))

    def _on_remove(self, evidence_id: str) -> None:
        """Hide the chip at once; the form's owner removes it from the store and confirms."""
        for chip in [c for c in self._chips if c.evidence.id == evidence_id]:
            chip.hide()
            chip.deleteLater()
            self._chips.remove(chip)
        self._shown = [k for k in self._shown if k[0].id != evidence_id]
        self.setVisible(bool(self._chips))
        self.remove_requested.emit(evidence_id)


def _short(title: str, limit: int = 22) -> str:
    stem = title.rsplit(".", 1)[0] if title.lower().endswith(".pdf") else title
    return stem if len(stem) <= limit else stem[: limit - 1] + "…"
