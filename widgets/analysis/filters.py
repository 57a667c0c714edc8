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
    """Drop-downs in a two-column grid (it fits a narrow dock)."""

    changed = Signal()

    def __init__(self, keys: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        for number, key in enumerate(keys):
            combo = QComboBox(objectName=f"filter_{key}")
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.addItem(f"Any {FILTER_LABELS[key].lower()}", None)
            combo.activated.connect(lambda _i: self.changed.emit())
            row, column = divmod(number, 2)
            grid.addWidget(QLabel(FILTER_LABELS[key]), row, column * 2)
            grid.addWidget(combo, row, column * 2 + 1)
            self.combos[key] = combo
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

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
