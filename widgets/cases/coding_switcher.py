"""Whose coding the form shows, and a way to show another one of the same case.

A case coded twice (a second coder, a consensus, or a merge from another site) has several
codings; the form shows one at a time. This small widget names it (coder and kind, and the
site when it came from elsewhere) and lists the others. It emits `coding_chosen(coding_id)`
when the user picks one; its owner then opens that coding. It holds only `Coding` records.
In a blind-coded project it is given only the codings the coder may see, and says how many
others there are without naming them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from schema.records import Coding

KIND_LABELS = {"primary": "primary", "second": "second coding", "consensus": "consensus"}


def coding_label(coding: Coding, home_site: str = "") -> str:
    """'A. Analyst · primary', with '· Croydon' for a coding made at another site."""
    parts = [coding.coder, KIND_LABELS.get(coding.kind, coding.kind)]
    if coding.site and coding.site != home_site:
        parts.append(coding.site)
    return " · ".join(parts)


class CodingSwitcher(QWidget):
    coding_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingSwitcher")
        self.label = QLabel(" Coding shown: ")
        self.combo = QComboBox(objectName="codingChoice")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setToolTip("Whose coding of this case the form shows; pick another to "
                              "see or edit it")
        self.combo.activated.connect(self._on_activated)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.clear()

    def show_codings(self, codings: list[Coding], shown: Coding | None,
                     home_site: str = "", hidden: int = 0) -> None:
        """List a case's codings with `shown` selected; one coding or none: just named.
        `hidden` codings (blind coding) are counted in the label, never listed."""
        self.combo.blockSignals(True)
        self.combo.clear()
        for coding in codings:
            self.combo.addItem(coding_label(coding, home_site), coding.id)
        if shown is not None and self.combo.findData(shown.id) < 0:
            self.combo.addItem(coding_label(shown, home_site), shown.id)
        if shown is None:
            self.combo.addItem("not coded yet", None)
        self.combo.setCurrentIndex(max(self.combo.findData(shown.id) if shown else 0, 0))
        self.combo.blockSignals(False)
        self.combo.setEnabled(self.combo.count() > 1)
        self.label.setText(" Coding shown (blind): " if hidden else " Coding shown: ")
        tip = f"This case has {len(codings)} codings" if len(codings) > 1 else ""
        if hidden:
            tip = (f"Blind coding: {hidden} other coding(s) of this case stay hidden until two "
                   f"coders or more have coded it and each coding is marked coded or checked.")
        self.setToolTip(tip)

    def clear(self) -> None:
        self.combo.clear()
        self.label.setText(" Coding shown: ")
        self.combo.setEnabled(False)

    def shown_id(self) -> str | None:
        return self.combo.currentData()

    def _on_activated(self, index: int) -> None:
        coding_id = self.combo.itemData(index)
        if coding_id:
            self.coding_chosen.emit(coding_id)
