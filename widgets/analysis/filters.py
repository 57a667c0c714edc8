"""A compact bar of drop-downs that narrow a cross-case view: case, category, review type,
site and, where asked for, coder. "Any …" (None) is always first and means no filter."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from schema.codebook_model import Codebook
from schema.records import Case

FILTER_LABELS = {"case_id": "Case", "category": "Category", "review_type": "Review type",
                 "site": "Site", "coder": "Coder"}


class CaseFilterBar(QWidget):
    """Labelled drop-downs in a grid of `columns` pairs to a row."""

    changed = Signal()

    def __init__(self, keys: tuple[str, ...], parent: QWidget | None = None, *,
                 columns: int = 2) -> None:
        super().__init__(parent)
        self.combos: dict[str, QComboBox] = {}
        self._labels: dict[str, QLabel] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(3)
        for key in keys:
            combo = QComboBox(objectName=f"filter_{key}")
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.addItem(f"Any {FILTER_LABELS[key].lower()}", None)
            combo.activated.connect(lambda _i: self.changed.emit())
            self.combos[key] = combo
            self._labels[key] = QLabel(FILTER_LABELS[key])
        self.columns = 0
        self.set_columns(columns)

    def set_columns(self, columns: int) -> None:
        """Lay the drop-downs out `columns` to a row: all in one row in a wide, short dock,
        two to a row in a narrow one."""
        if columns == self.columns:
            return
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        for key in self.combos:
            self._grid.removeWidget(self._labels[key])
            self._grid.removeWidget(self.combos[key])
        for number, key in enumerate(self.combos):
            row, column = divmod(number, columns)
            self._grid.addWidget(self._labels[key], row, column * 2)
            self._grid.addWidget(self.combos[key], row, column * 2 + 1)
            self._grid.setColumnStretch(column * 2 + 1, 1)
        self.columns = columns

    def set_choices(self, codebook: Codebook | None, cases: list[Case],
                    coders: list[str] = ()) -> None:
        """Fill the drop-downs from the project, keeping what is chosen where it still exists."""
        choices = {
            "case_id": [(c.reference, c.id) for c in cases],
            "category": [(o.label, o.key) for o in codebook.categories] if codebook else [],
            "review_type": [(o.label, o.key) for o in codebook.review_types] if codebook else [],
            "site": [(s, s) for s in sorted({c.site for c in cases if c.site})],
            "coder": [(name, name) for name in coders],
        }
        for key, combo in self.combos.items():
            chosen = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in choices[key]:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)

    def values(self) -> dict[str, str | None]:
        return {key: combo.currentData() for key, combo in self.combos.items()}

    def choose(self, key: str, value: str | None) -> bool:
        """Pick a value as the user would (False if it is not offered)."""
        combo = self.combos[key]
        index = combo.findData(value) if value else 0
        if index < 0:
            return False
        combo.setCurrentIndex(index)
        return True
