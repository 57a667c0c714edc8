"""The rows of one section for one entity: the body of a section or of a repeating item."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from schema.codebook_model import Section
from schema.records import Answer, Evidence
from widgets.coding_form.events import FormEvents
from widgets.coding_form.field_row import FieldRow


class FieldGroup(QWidget):
    """One FieldRow per field of the section, in codebook order, bound to one entity."""

    done_changed = Signal()  # a row's answer state changed: the done count may differ

    def __init__(self, section: Section, events: FormEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.entity_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.rows: dict[str, FieldRow] = {}
        for field in section.fields:
            row = FieldRow(field, events, self)
            layout.addWidget(row)
            row.state_shown.connect(self.done_changed)
            self.rows[field.key] = row

    def bind(self, entity_id: str | None, answers: dict[str, Answer],
             evidence: dict[tuple[str, str], list[Evidence]], titles: dict[str, str],
             show_titles: bool) -> None:
        """Show one entity's answers and evidence; None shows empty rows that cannot edit."""
        self.entity_id = entity_id
        self.setEnabled(entity_id is not None)
        for key, row in self.rows.items():
            row.bind(entity_id, answers.get(key))
            row.show_evidence(evidence.get((entity_id, key), []), titles, show_titles)

    def row(self, field: str) -> FieldRow | None:
        return self.rows.get(field)

    def first_row(self) -> FieldRow:
        return next(iter(self.rows.values()))

    def done_count(self) -> int:
        """How many fields have an answer or are marked not reported / not applicable."""
        return sum(1 for row in self.rows.values() if row.state is not None)
