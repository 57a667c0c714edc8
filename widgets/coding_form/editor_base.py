"""What every field editor shares: a value in the codebook's stored form, set without signals.

An editor emits `committed(value)` only when the person changes it (value None means they
emptied it). `set_value` never emits, so filling the form from a snapshot is silent.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator, QWheelEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from schema.codebook_model import Field


class FieldEditor(QWidget):
    """Base class: subclasses build their widgets and implement `_show` and `value`."""

    committed = Signal(object)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._committed: object = None
        self._loading = False
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(6)

    def set_value(self, value: object) -> None:
        """Show a stored value (None shows empty) without emitting `committed`."""
        self._loading = True
        try:
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
    typing "2019" commits once, not four times.
    """

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
        return self.blank if not text else int(text)

    def validate(self, text: str, pos: int) -> object:
        if not text.strip():
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()
