"""A codebook section in the form: a header that collapses it, over its fields or items."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from schema.codebook_model import Section
from schema.records import Answer, Entity, Evidence
from widgets.coding_form.events import FormEvents
from widgets.coding_form.field_group import FieldGroup
from widgets.coding_form.field_row import FieldRow
from widgets.coding_form.repeat_group import RepeatGroup


class SectionPanel(QWidget):
    """Header (click to collapse), a line of help, then a FieldGroup or a RepeatGroup."""

    toggled = Signal(bool)

    def __init__(self, section: Section, events: FormEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._header())
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #d5dbe2;")
        layout.addWidget(line)
        self.body = QWidget(self)
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(14, 4, 0, 6)
        body_layout.setSpacing(8)
        if section.help:
            help_label = QLabel(section.help, self.body)
            help_label.setWordWrap(True)
            help_label.setStyleSheet("color: #6b7280;")
            body_layout.addWidget(help_label)
        self.group: FieldGroup | None = None
        self.repeat: RepeatGroup | None = None
        if section.repeat:
            self.repeat = RepeatGroup(section, events, self.body)
            body_layout.addWidget(self.repeat)
        else:
            self.group = FieldGroup(section, events, self.body)
            body_layout.addWidget(self.group)
        self._binding = False
        (self.repeat or self.group).done_changed.connect(self._on_done_changed)
        layout.addWidget(self.body)

    def _header(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setText(self.section.label)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setToolTip("Collapse or expand this section")
        font = QFont(self.toggle.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.toggle.setFont(font)
        self.toggle.toggled.connect(self.set_expanded)
        self.count = QLabel(self)
        self.count.setStyleSheet("color: #6b7280;")
        bar.addWidget(self.toggle)
        bar.addStretch(1)
        bar.addWidget(self.count)
        return bar

    # Collapsing ---------------------------------------------------------------------------

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)  # comes back here through `toggled`
            return
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)
        self.toggled.emit(expanded)

    # Content ------------------------------------------------------------------------------

    def bind(self, entities: list[Entity], answers: dict[str, dict[str, Answer]],
             evidence: dict[tuple[str, str], list[Evidence]], titles: dict[str, str],
             show_titles: bool, not_applicable: bool = False) -> None:
        self._binding = True  # one count at the end, not one per field
        try:
            if self.repeat is not None:
                self.repeat.show_items(entities, answers, evidence, titles, show_titles,
                                       not_applicable)
            else:
                entity_id = entities[0].id if entities else None
                self.group.bind(entity_id, answers.get(entity_id, {}), evidence, titles,
                                show_titles)
        finally:
            self._binding = False
        self.refresh_count()

    def _on_done_changed(self) -> None:
        """A field was answered, marked or cleared: the count follows at once, before the
        store has confirmed the edit."""
        if not self._binding:
            self.refresh_count()

    def groups(self) -> list[FieldGroup]:
        if self.repeat is not None:
            return [item.group for item in self.repeat.visible_items()]
        return [self.group]

    def rows(self) -> list[FieldRow]:
        return [row for group in self.groups() for row in group.rows.values()]

    def group_for(self, entity_id: str) -> FieldGroup | None:
        return next((g for g in self.groups() if g.entity_id == entity_id), None)

    def first_focus_widget(self) -> QWidget:
        """Where focus lands when the section is jumped to."""
        groups = [g for g in self.groups() if g.entity_id is not None]
        if groups:
            return groups[0].first_row().editor.focus_widget()
        if self.repeat is not None:
            add = self.repeat.add_button
            return add if add.isEnabled() else self.repeat.na_button
        return self.toggle

    def refresh_count(self) -> None:
        """"6 of 9 done" for a section; "2 items · 5 of 14 done" for a repeating one;
        a repeating section marked not applicable is done."""
        if self.repeat is not None and self.repeat.not_applicable:
            self.count.setText("not applicable · done")
        elif self.repeat is not None:
            shown = self.repeat.shown
            self.count.setText("none yet" if not shown else
                               f"{shown} item{'s' if shown != 1 else ''} · "
                               f"{self.repeat.done_count()} of {self.repeat.field_count()} "
                               "done")
        else:
            done = self.group.done_count() if self.group.entity_id else 0
            self.count.setText(f"{done} of {len(self.group.rows)} done")
