"""Editors for numbers: a plain count or year, and an age in years or as a band."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from schema.codebook_model import Field
from widgets.coding_form.editor_base import FieldEditor, OptionalSpinBox, QuietComboBox

_NO_LIMIT = 1_000_000_000


class NumberEditor(FieldEditor):
    """A whole number within the codebook's minimum and maximum; empty means unanswered."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        low = int(field.minimum) if field.minimum is not None else -_NO_LIMIT
        high = int(field.maximum) if field.maximum is not None else _NO_LIMIT
        self._spin = OptionalSpinBox(low, high, self)
        self._spin.setMinimumWidth(110)
        self._spin.valueChanged.connect(lambda _value: self._commit())
        if field.minimum is not None and field.maximum is not None:
            self._spin.setToolTip(f"A whole number from {low} to {high}")
        self.layout_.addWidget(self._spin)
        self.layout_.addStretch(1)

    def focus_widget(self) -> QWidget:
        return self._spin

    def value(self) -> object:
        return self._spin.number()

    def _show(self, value: object) -> None:
        number = round(value) if isinstance(value, int | float) and \
            not isinstance(value, bool) else None
        self._spin.set_number(number)


class AgeEditor(FieldEditor):
    """Whole years (0-120) or, when the review gives only a range, one of the age bands.
    Choosing one clears the other, so the answer is always one or the other."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self._years = OptionalSpinBox(0, 120, self)
        self._years.setMinimumWidth(80)
        self._years.valueChanged.connect(self._on_years)
        self._band = QuietComboBox(self)
        self._band.addItem("", None)
        for option in field.options:
            self._band.addItem(option.label, option.key)
        self._band.setMinimumWidth(100)
        self._band.currentIndexChanged.connect(self._on_band)
        self.layout_.addWidget(self._years)
        self.layout_.addWidget(QLabel("years", self))
        if field.options:
            self.layout_.addSpacing(10)
            self.layout_.addWidget(QLabel("or band", self))
            self.layout_.addWidget(self._band)
        else:
            self._band.hide()
        self.layout_.addStretch(1)

    def focus_widget(self) -> QWidget:
        return self._years

    def value(self) -> object:
        years = self._years.number()
        if years is not None:
            return years
        return self._band.currentData() if self._band.currentIndex() > 0 else None

    def _show(self, value: object) -> None:
        is_years = isinstance(value, int) and not isinstance(value, bool)
        self._years.set_number(value if is_years else None)
        index = self._band.findData(value) if isinstance(value, str) else 0
        self._band.setCurrentIndex(max(index, 0))

    def _on_years(self, _value: int) -> None:
        if self._years.number() is not None and self._band.currentIndex() > 0:
            self._band.blockSignals(True)
            self._band.setCurrentIndex(0)
            self._band.blockSignals(False)
        self._commit()

    def _on_band(self, index: int) -> None:
        if index > 0 and self._years.number() is not None:
            self._years.blockSignals(True)
            self._years.set_number(None)
            self._years.blockSignals(False)
        self._commit()
