"""A new case: its reference, title, review type, category, year and the documents it uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from desktop.checked_dialog import CheckedDialog, choice_combo, reference_problem
from schema.codebook_model import Codebook
from schema.records import Document


class NewCaseDialog(CheckedDialog):
    def __init__(self, codebook: Codebook, documents: list[Document], *,
                 checked: set[str] = frozenset(), taken: set[str] = frozenset(),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New case")
        self.setMinimumWidth(480)
        self._taken = {t.casefold() for t in taken}
        self.reference_edit = QLineEdit(placeholderText="e.g. DHR-2019-03")
        self.title_edit = QLineEdit(placeholderText="e.g. Review into the death of 'Rosa'")
        self.type_combo = choice_combo([(o.key, o.label) for o in codebook.review_types])
        self.category_combo = choice_combo([("", "Not yet decided")]
                                     + [(o.key, o.label) for o in codebook.categories])
        self.year_spin = QSpinBox(minimum=1990, maximum=2100, value=2019)
        self.year_spin.setSpecialValueText("Not known")
        self.year_spin.setMinimum(1989)
        self.documents = QListWidget(objectName="caseDocuments")
        for document in documents:
            item = QListWidgetItem(f"{document.file_name}  ({document.page_count} pages)")
            item.setData(Qt.ItemDataRole.UserRole, document.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if document.id in checked
                               else Qt.CheckState.Unchecked)
            self.documents.addItem(item)
        self.make_problem_and_buttons("Create case")
        form = QFormLayout(self)
        form.addRow("Reference", self.reference_edit)
        form.addRow("Title", self.title_edit)
        form.addRow("Review type", self.type_combo)
        form.addRow("Category", self.category_combo)
        form.addRow("Published", self.year_spin)
        form.addRow("Documents", self.documents if documents else
                    QLabel("No documents yet: import the review PDFs, then link them."))
        form.addRow(self.problem)
        form.addRow(self.buttons)

    def values(self) -> dict:
        """Keyword arguments for creating the case and linking its documents."""
        year = self.year_spin.value()
        return {"reference": self.reference_edit.text().strip(),
                "title": self.title_edit.text().strip(),
                "review_type": self.type_combo.currentData(),
                "category": self.category_combo.currentData() or None,
                "publication_year": None if year == self.year_spin.minimum() else year,
                "document_ids": self.checked_documents()}

    def checked_documents(self) -> list[str]:
        items = (self.documents.item(row) for row in range(self.documents.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def check(self) -> str:
        return reference_problem(self.reference_edit.text().strip(), self._taken)

