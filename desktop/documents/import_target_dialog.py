"""Asking which case imported documents belong to, before anything is imported.

Three answers: a new case made from the files (its reference and review type guessed from the
first file's name, both editable), an existing case (the open one offered first), or no case
for now (link them later in the case editor). Nothing is attached silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.checked_dialog import CheckedDialog
from schema.codebook_model import Codebook
from schema.records import Case

NEW, EXISTING, NONE = "new", "existing", "none"


@dataclass(frozen=True)
class ImportTarget:
    """Where the imported documents go: `kind` NEW (with `new_case` values for
    Store.create_case_with_documents), EXISTING (with `case_id`) or NONE."""

    kind: str
    case_id: str | None = None
    new_case: dict | None = None


def guess_case(file_name: str, codebook: Codebook) -> tuple[str, str | None]:
    """A reference and review type from a file name: 'DHR-2022-01 overview.pdf' gives
    ('DHR-2022-01', 'DHR'); without a review type key in it, the name itself and None."""
    stem = Path(file_name).stem.strip()
    keys = sorted((o.key for o in codebook.review_types), key=len, reverse=True)
    if keys:
        found = re.search(rf"\b({'|'.join(map(re.escape, keys))})[-_ ]?(\d{{2,4}}"
                          rf"(?:[-_ ]\d{{1,3}})?)?\b", stem, flags=re.IGNORECASE)
        if found:
            key = next(k for k in keys if k.casefold() == found.group(1).casefold())
            return (f"{key}-{found.group(2).replace('_', '-').replace(' ', '-')}"
                    if found.group(2) else stem), key
    return stem, None


class ImportTargetDialog(CheckedDialog):
    def __init__(self, paths: list[str], cases: list[Case], codebook: Codebook, *,
                 current_case_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import documents into…")
        self.setObjectName("importTarget")
        self.setMinimumWidth(520)
        self._taken = {c.reference.casefold() for c in cases}
        names = [Path(p).name for p in paths]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        intro = QLabel(f"Which case do {'these' if len(paths) > 1 else 'this'} "
                       f"{len(paths)} document{'s' if len(paths) > 1 else ''} belong to?\n"
                       f"{shown}", wordWrap=True)
        self.new_radio = QRadioButton("A new case made from the file" +
                                      ("s" if len(paths) > 1 else ""))
        self.existing_radio = QRadioButton("An existing case")
        self.none_radio = QRadioButton("No case for now (link them later: Edit case…)")
        self.group = QButtonGroup(self)
        for button in (self.new_radio, self.existing_radio, self.none_radio):
            self.group.addButton(button)
        self._new_fields(names[0], codebook)
        self.case_combo = QComboBox(objectName="existingCase")
        for case in cases:
            self.case_combo.addItem(f"{case.reference} · {case.title}" if case.title
                                    else case.reference, case.id)
        self.case_combo.setCurrentIndex(max(self.case_combo.findData(current_case_id), 0))
        self.existing_radio.setEnabled(bool(cases))
        (self.existing_radio if current_case_id else self.new_radio).setChecked(True)
        self.group.buttonToggled.connect(lambda *_a: self._update_enabled())
        self.make_problem_and_buttons("Import")
        self._layout(intro)
        self._update_enabled()

    def _new_fields(self, first_name: str, codebook: Codebook) -> None:
        reference, review_type = guess_case(first_name, codebook)
        self.reference_edit = QLineEdit(reference)
        self.title_edit = QLineEdit(placeholderText="e.g. Review into the death of 'Rosa'")
        self.type_combo = QComboBox()
        for option in codebook.review_types:
            self.type_combo.addItem(option.label, option.key)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(review_type), 0))

    def _layout(self, intro: QLabel) -> None:
        new_form = QFormLayout()
        new_form.setContentsMargins(24, 0, 0, 0)
        new_form.addRow("Reference", self.reference_edit)
        new_form.addRow("Title", self.title_edit)
        new_form.addRow("Review type", self.type_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.new_radio)
        layout.addLayout(new_form)
        layout.addWidget(self.existing_radio)
        existing = QFormLayout()
        existing.setContentsMargins(24, 0, 0, 0)
        existing.addRow("Case", self.case_combo)
        layout.addLayout(existing)
        layout.addWidget(self.none_radio)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _update_enabled(self) -> None:
        for widget in (self.reference_edit, self.title_edit, self.type_combo):
            widget.setEnabled(self.new_radio.isChecked())
        self.case_combo.setEnabled(self.existing_radio.isChecked())

    def target(self) -> ImportTarget:
        if self.existing_radio.isChecked():
            return ImportTarget(EXISTING, case_id=self.case_combo.currentData())
        if self.none_radio.isChecked():
            return ImportTarget(NONE)
        return ImportTarget(NEW, new_case={
            "reference": self.reference_edit.text().strip(),
            "title": self.title_edit.text().strip(),
            "review_type": self.type_combo.currentData(), "category": None,
            "publication_year": None})

    def check(self) -> str:
        if not self.new_radio.isChecked():
            return ""
        reference = self.reference_edit.text().strip()
        if not reference:
            return "Enter the new case's reference."
        if reference.casefold() in self._taken:
            return (f"A case with reference {reference} already exists; choose it under "
                    f"'An existing case', or give the new case another reference.")
        return ""
