"""What every field editor shares: a value in the codebook's stored form, set without signals,
and a message line under the editor for input it refused or could not match.

An editor emits `committed(value)` only when the person changes it (value None means they
emptied it). `set_value` never emits, so filling the form from a snapshot is silent.

Input the editor cannot save is never dropped quietly: the editor keeps or names it in a
one-line message under the field (`problem`), the saved answer stays as it was, and Escape
puts the saved answer back on show.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from schema.codebook_model import Field

PROBLEM_STYLE = "color: #b3261e;"
_WHOLE_NUMBER = re.compile(r"[+-]?\d+")


class FieldEditor(QWidget):
    """Base class: subclasses build their widgets in `layout_` and implement `_show` and
    `value`; they call `show_problem` when they refuse input and `clear_problem` when the
    input is fine again."""

    committed = Signal(object)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._committed: object = None
        self._loading = False
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        self.layout_ = QHBoxLayout()
        self.layout_.setSpacing(6)
        self._column.addLayout(self.layout_)
        self.message: QLabel | None = None  # made when first needed: most fields never are

    @property
    def problem(self) -> str | None:
        """The message about input this editor shows but did not save, or None."""
        if self.message is None or self.message.isHidden():
            return None
        return self.message.text()

    def show_problem(self, text: str) -> None:
        """Say under the field what was refused and what to do (the saved answer is kept)."""
        if self.message is None:
            self.message = QLabel(self)
            self.message.setWordWrap(True)
            self.message.setStyleSheet(PROBLEM_STYLE)
            self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._column.addWidget(self.message)
        self.message.setText(text)
        self.message.show()
        self.focus_widget().setAccessibleDescription(text)

    def clear_problem(self) -> None:
        if self.problem is not None:
            self.message.hide()
            self.message.clear()
            self.focus_widget().setAccessibleDescription("")

    def restore_saved(self) -> None:
        """Put the saved answer back on show and drop the message (Escape does this)."""
        self.set_value(self._committed)

    def watch_escape(self, widget: QWidget) -> None:
        """Let Escape in `widget` put the saved answer back while a problem is shown."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and \
                self.problem is not None:
            self.restore_saved()
            return True
        return super().eventFilter(watched, event)

    def set_value(self, value: object) -> None:
        """Show a stored value (None shows empty) without emitting `committed`."""
        self._loading = True
        try:
            self.clear_problem()
            self._show(value)
        finally:
            self._loading = False
        self._committed = value

    def value(self) -> object:
        """The value the editor shows now, in stored form, or None when empty."""
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        """The widget that takes keyboard focus when the field is focused."""
        return self

    def _show(self, value: object) -> None:
        raise NotImplementedError

    def _commit(self, value: object = ...) -> None:
        """Emit the shown value if it differs from what was last shown or committed."""
        if self._loading:
            return
        if value is ...:
            value = self.value()
        self.clear_problem()
        if value == self._committed and type(value) is type(self._committed):
            return
        self._committed = value
        self.committed.emit(value)


class QuietComboBox(QComboBox):
    """A combo box that ignores the mouse wheel unless it has focus, so scrolling the form
    never changes an answer by accident."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class OptionalSpinBox(QSpinBox):
    """A whole-number spin box that can be empty: the value one below the range shows blank.

    Values change only when editing finishes or an arrow is used (no keyboard tracking), so
    typing "2019" commits once, not four times. Any text may be typed; text that is not a
    whole number in range is refused when editing finishes: `refused(text)` is emitted and the
    box goes back to its last value, so the editor can say what was refused; good text emits
    `accepted_input`.
    """

    refused = Signal(str)
    accepted_input = Signal()

    def __init__(self, minimum: int, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(minimum - 1, maximum)
        self.setKeyboardTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setValue(minimum - 1)

    @property
    def blank(self) -> int:
        return self.minimum()

    def number(self) -> int | None:
        return None if self.value() == self.blank else self.value()

    def set_number(self, number: int | None) -> None:
        self.setValue(self.blank if number is None else number)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt override)
        return "" if value == self.blank else str(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt override)
        text = text.strip()
        if not text:
            return self.blank
        return int(text) if _WHOLE_NUMBER.fullmatch(text) else self.value()

    def validate(self, text: str, pos: int) -> object:
        """Blank or a whole number in range is acceptable; anything else may be typed but is
        refused when editing finishes (never dropped a keystroke at a time)."""
        stripped = text.strip()
        if not stripped or (_WHOLE_NUMBER.fullmatch(stripped) and
                            self.blank < int(stripped) <= self.maximum()):
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        self._refuse_if_invalid()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._refuse_if_invalid()
        super().keyPressEvent(event)

    def _refuse_if_invalid(self) -> None:
        text = self.lineEdit().text()
        if self.validate(text, 0)[0] != QValidator.State.Acceptable:
            self.refused.emit(text.strip())
        else:
            self.accepted_input.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()
