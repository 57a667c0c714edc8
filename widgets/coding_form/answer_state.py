"""The visible answer state of a field: a small badge beside it, with a menu to change it.

States: unanswered (faint dash), answered (a tick), not reported (an amber "NR" pill) and not
applicable (a grey "N/A" pill). "Not reported in the review" is a state of its own and never
looks like an answer of No.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

NOT_REPORTED_TEXT = "Not reported in the review"
NOT_APPLICABLE_TEXT = "Not applicable"

# state -> (badge text, text colour, fill colour or None, tooltip)
_LOOK = {
    None: ("–", "#a0a0a0", None, "Unanswered"),
    "answered": ("✓", "#2e7d32", None, "Answered"),
    "not_reported": ("NR", "#7a4b00", "#fbe7c0", NOT_REPORTED_TEXT),
    "not_applicable": ("N/A", "#505050", "#e3e3e3", NOT_APPLICABLE_TEXT),
}


class AnswerStateButton(QToolButton):
    """Shows a field's answer state; clicking opens a menu to mark or clear it.

    It takes no keyboard focus (Tab goes from field to field); the form offers the same
    choices as shortcuts on the focused field.
    """

    state_requested = Signal(str)   # "not_reported" or "not_applicable"
    clear_requested = Signal()
    cite_requested = Signal()

    def __init__(self, allow_na: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allow_na = allow_na
        self.state: str | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clicked.connect(self._open_menu)
        self._apply_tooltip()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(38, 22)

    def set_state(self, state: str | None) -> None:
        if state != self.state:
            self.state = state
            self._apply_tooltip()
            self.update()

    def build_menu(self) -> QMenu:
        """The state menu (built when opened: most fields are never clicked)."""
        menu = QMenu(self)
        action = menu.addAction(NOT_REPORTED_TEXT, lambda: self.state_requested.emit(
            "not_reported"))
        action.setCheckable(True)
        action.setChecked(self.state == "not_reported")
        if self.allow_na:
            action = menu.addAction(NOT_APPLICABLE_TEXT, lambda: self.state_requested.emit(
                "not_applicable"))
            action.setCheckable(True)
            action.setChecked(self.state == "not_applicable")
        menu.addSeparator()
        clear = menu.addAction("Clear answer", self.clear_requested.emit)
        clear.setEnabled(self.state is not None)
        menu.addSeparator()
        menu.addAction("Cite the selected text", self.cite_requested.emit)
        return menu

    def _open_menu(self) -> None:
        menu = self.build_menu()
        menu.exec(self.mapToGlobal(QPoint(0, self.height())))
        menu.deleteLater()

    def _apply_tooltip(self) -> None:
        tip = _LOOK[self.state][3]
        self.setToolTip(f"{tip}. Click to mark not reported, not applicable or clear.")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        text, colour, fill, _tip = _LOOK[self.state]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(2, 3, -2, -3)
        if self.underMouse():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e8eef5"))
            painter.drawRoundedRect(box, 6, 6)
        if fill:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(fill))
            painter.drawRoundedRect(box, 7, 7)
        font = QFont(self.font())
        font.setBold(self.state in ("not_reported", "not_applicable"))
        font.setPointSizeF(font.pointSizeF() * (0.85 if fill else 1.0))
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
