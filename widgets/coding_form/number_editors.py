"""Editors for numbers: a plain count or year, and an age in years or as a band.

A number outside the field's range, or text that is not a whole number, is refused at the
field: the box goes back to the saved answer and a message says what was typed and what the
field takes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from schema.codebook_model import Field
from widgets.coding_form.editor_base import FieldEditor, OptionalSpinBox, QuietComboBox

_NO_LIMIT = 1_000_000_000


def refusal_message(text: str, low: int, high: int, saved: object, unit: str = "numbers") -> str:
    """One line saying why `text` was not saved and what is kept instead."""
    try:
        number = int(text)
    except ValueError:
        reason = f"'{text}' is not a whole number"
    else:
        reason = f"{number} is below the lowest allowed, {low}" if number < low else \
            f"{number} is above the highest allowed, {high}"
    limits = f"whole {unit}"
    if low > -_NO_LIMIT:
        limits += f" from {low}"
    if high < _NO_LIMIT:
        limits += f" to {high}" if low > -_NO_LIMIT else f" up to {high}"
    kept = "the field stays empty" if saved is None else f"the saved answer {saved} is kept"
    return f"Not saved: {reason} ({limits}); {kept}."


class NumberEditor(FieldEditor):
    """A whole number within the codebook's minimum and maximum; empty means unanswered."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        low = int(field.minimum) if field.minimum is not None else -_NO_LIMIT
        high = int(field.maximum) if field.maximum is not None else _NO_LIMIT
        self._spin = OptionalSpinBox(low, high, self)
        self._spin.setMinimumWidth(110)
        self._spin.valueChanged.connect(lambda _value: self._commit())
        self._spin.refused.connect(lambda text: self.show_problem(
            refusal_message(text, low, high, self._committed)))
        self._spin.accepted_input.connect(self.clear_problem)
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
        self._years.refused.connect(lambda text: self.show_problem(
            refusal_message(text, 0, 120, self._saved_text(), "years")))
        self._years.accepted_input.connect(self.clear_problem)
        self._years.setToolTip("Whole years from 0 to 120")
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

    def _saved_text(self) -> object:
        """The saved age as the person knows it: years, or the band's label."""
        if isinstance(self._committed, str):
            return f"'{self.field.option_label(self._committed)}'"
        return self._committed

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
