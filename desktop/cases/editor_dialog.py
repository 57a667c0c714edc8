"""Editing a case: its reference, title, review type, category, site, year, notes and the
documents linked to it.

The dialog only collects the change; `desktop.cases.actions` turns it into one undoable
command. Unlinking keeps the document in the project; linking offers every stored document,
saying which cases it already belongs to (a document can serve several cases).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.checked_dialog import CheckedDialog, choice_combo, reference_problem
from schema.codebook_model import Codebook
from schema.records import Case, Document
from schema.store import DocumentLink

NO_YEAR = 1989
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class EditorData:
    """What the editor shows, read on the store thread (see actions.read_editor_data)."""

    case: Case
    codebook: Codebook
    links: list[DocumentLink]
    documents: list[Document]
    document_cases: dict[str, list[str]] = field(default_factory=dict)
    taken: frozenset[str] = frozenset()  # other cases' references, case-folded


class CaseEditorDialog(CheckedDialog):
    def __init__(self, data: EditorData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self._by_id = {d.id: d for d in data.documents}
        self._roles = {link.document_id: link.role for link in data.links}
        self.setWindowTitle(f"Edit case {data.case.reference}")
        self.setObjectName("caseEditor")
        self.setMinimumWidth(660)
        self._setup_ui()
        self._load(data.case)

    def _setup_ui(self) -> None:
        book = self.data.codebook
        self.reference_edit = QLineEdit()
        self.title_edit = QLineEdit()
        self.type_combo = choice_combo([(o.key, o.label) for o in book.review_types])
        self.category_combo = choice_combo([("", "Not yet decided")]
                                     + [(o.key, o.label) for o in book.categories])
        self.site_edit = QLineEdit(placeholderText="The site (borough) that holds the review")
        self.year_spin = QSpinBox(minimum=NO_YEAR, maximum=2100)
        self.year_spin.setSpecialValueText("Not known")
        self.notes_edit = QPlainTextEdit(placeholderText="Anything the coders should know")
        self.notes_edit.setMaximumHeight(90)
        self.make_problem_and_buttons("Save changes")
        form = QFormLayout()
        for label, widget in (("Reference", self.reference_edit), ("Title", self.title_edit),
                              ("Review type", self.type_combo),
                              ("Category", self.category_combo), ("Site", self.site_edit),
                              ("Published", self.year_spin), ("Notes", self.notes_edit)):
            form.addRow(label, widget)
        form.addRow("Documents", self._documents_box())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Saving can be undone with Edit ▸ Undo (Ctrl+Z). Unlinking "
                                "keeps the document in the project.", wordWrap=True))
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _documents_box(self) -> QWidget:
        box = QWidget()
        self.linked = QListWidget(objectName="linkedDocuments")
        self.linked.setMaximumHeight(110)
        self.unlink_button = QPushButton("Unlink")
        self.unlink_button.setToolTip("Take the chosen document off this case (it stays in "
                                      "the project)")
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.link_combo = QComboBox(objectName="linkChoice")
        self.link_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.link_combo.setMinimumContentsLength(24)
        self.link_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.link_combo.currentIndexChanged.connect(self._link_choice_changed)
        self.link_button = QPushButton("Link")
        self.link_button.clicked.connect(self.link_chosen)
        self.linked.currentRowChanged.connect(lambda _row: self._update_buttons())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.link_combo, 1)
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.linked)
        layout.addLayout(row)
        return box

    def _load(self, case: Case) -> None:
        self.reference_edit.setText(case.reference)
        self.title_edit.setText(case.title)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(case.review_type), 0))
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(
            case.category or ""), 0))
        self.site_edit.setText(case.site)
        self.year_spin.setValue(case.publication_year or NO_YEAR)
        self.notes_edit.setPlainText(case.notes)
        for link in self.data.links:
            self._add_linked(link.document_id)
        self._fill_link_choices()

    # Documents -------------------------------------------------------------------------

    def _describe(self, document_id: str) -> str:
        document = self._by_id.get(document_id)
        name = document.file_name if document else document_id[:12]
        pages = f"{document.page_count} pages" if document else "not in the project"
        role = self._roles.get(document_id)
        return f"{name}  ({pages}{f', {role}' if role else ''})"

    def _add_linked(self, document_id: str) -> None:
        item = QListWidgetItem(self._describe(document_id))
        item.setData(DOCUMENT_ROLE, document_id)
        self.linked.addItem(item)

    def linked_ids(self) -> list[str]:
        return [self.linked.item(r).data(DOCUMENT_ROLE) for r in range(self.linked.count())]

    def _fill_link_choices(self) -> None:
        self.link_combo.clear()
        linked = set(self.linked_ids())
        own = self.data.case.reference
        for document in self.data.documents:
            if document.id in linked:
                continue
            others = [r for r in self.data.document_cases.get(document.id, []) if r != own]
            if others:  # a document belongs to one case (see Store.link_document)
                self.link_combo.addItem(f"{document.file_name} (in {', '.join(others)}: "
                                        f"unlink it there first)", None)
                self.link_combo.model().item(self.link_combo.count() - 1).setEnabled(False)
            else:
                self.link_combo.addItem(f"{document.file_name} (in no case)", document.id)
        if not self.link_combo.count():
            self.link_combo.addItem("No other documents in the project", None)
        free = [i for i in range(self.link_combo.count()) if self.link_combo.itemData(i)]
        self.link_combo.setCurrentIndex(free[0] if free else 0)
        self._update_buttons()

    def _link_choice_changed(self, _index: int) -> None:
        self.link_combo.setToolTip(self.link_combo.currentText())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.link_button.setEnabled(self.link_combo.currentData() is not None)
        self.unlink_button.setEnabled(self.linked.currentRow() >= 0)

    def unlink_selected(self) -> None:
        row = self.linked.currentRow()
        if row >= 0:
            self.linked.takeItem(row)
            self._fill_link_choices()

    def link_chosen(self) -> None:
        document_id = self.link_combo.currentData()
        if document_id:
            self._add_linked(document_id)
            self._fill_link_choices()

    # Result ----------------------------------------------------------------------------

    def changes(self) -> dict:
        """The case's columns as the dialog now has them (unchanged ones included)."""
        year = self.year_spin.value()
        return {"reference": self.reference_edit.text().strip(),
                "title": self.title_edit.text().strip(),
                "review_type": self.type_combo.currentData(),
                "category": self.category_combo.currentData() or None,
                "site": self.site_edit.text().strip(),
                "publication_year": None if year == NO_YEAR else year,
                "notes": self.notes_edit.toPlainText().strip()}

    def links(self) -> list[DocumentLink]:
        """The case's document links as the dialog has them, in list order."""
        return [DocumentLink(document_id, self._roles.get(document_id, ""), position)
                for position, document_id in enumerate(self.linked_ids())]

    def check(self) -> str:
        return reference_problem(self.reference_edit.text().strip(), self.data.taken)

