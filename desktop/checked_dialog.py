"""The shape the app's small form dialogs share: a red line saying what is wrong, and an OK
button that accepts only once `check()` finds nothing wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel


class CheckedDialog(QDialog):
    """Subclasses call `make_problem_and_buttons(ok_text)` and implement `check()`."""

    def make_problem_and_buttons(self, ok_text: str) -> None:
        self.problem = QLabel(objectName="problem")
        self.problem.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)

    def check(self) -> str:
        """What stops the dialog from being accepted, or ""."""
        raise NotImplementedError

    def _accept_if_valid(self) -> None:
        problem = self.check()
        self.problem.setText(problem)
        if not problem:
            self.accept()


def reference_problem(reference: str, taken: frozenset[str] | set[str]) -> str:
    """Why a case reference cannot be used ("" if it can): empty, or another case's."""
    if not reference:
        return "Enter the review's reference."
    if reference.casefold() in taken:
        return f"Another case already has the reference {reference}."
    return ""


def choice_combo(items: list[tuple[str, str]]) -> QComboBox:
    """A combo box of (key, label) items, the key kept as each item's data."""
    combo = QComboBox()
    for key, label in items:
        combo.addItem(label, key)
    return combo
