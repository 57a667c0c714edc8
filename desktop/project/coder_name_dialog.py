"""Asks once for the name recorded against every edit (kept in settings afterwards)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class CoderNameDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Your name")
        self.setMinimumWidth(420)
        self.name_edit = QLineEdit(name, placeholderText="e.g. A. Analyst")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        explain = QLabel("Casecoder records who made each change. Enter the name to record "
                         "for your coding; you are asked only once.")
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def name(self) -> str:
        return self.name_edit.text().strip()
