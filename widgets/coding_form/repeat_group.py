"""A repeating section's items (Victim 1, Victim 2, ...) with add, remove and reorder.

Item widgets are kept and re-bound when the form shows another coding: building a row of
editors is slow, re-filling it is fast. Buttons only ask; the form's owner changes the store
and shows the new snapshot. Removing asks no question because Undo brings an item back.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from schema.codebook_model import Section
from schema.records import Answer, Entity, Evidence
from widgets.coding_form.events import FormEvents
from widgets.coding_form.field_group import FieldGroup
from widgets.coding_form.field_row import FieldRow

# The field whose answer names an item in its title, in order of preference.
TITLE_FIELDS = ("pseudonym", "agency", "title", "theme")


class RepeatItem(QFrame):
    """One item: a title bar with move and remove buttons over the section's fields."""

    def __init__(self, section: Section, events: FormEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.events = events
        self.index = 0
        self.count = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 10, 10)
        layout.setSpacing(6)
        layout.addLayout(self._title_bar())
        self.group = FieldGroup(section, events, self)
        layout.addWidget(self.group)
        self._title_field = next((k for k in TITLE_FIELDS if k in self.group.rows), None)
        if self._title_field:
            self.group.rows[self._title_field].on_display_change = self._on_title_row

    def _title_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(2)
        self.title = QLabel(self)
        self.title.setWordWrap(True)  # a long answered title wraps rather than widen the form
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        bar.addWidget(self.title, 1)
        label = self.section.item_label or "item"
        self.up = _tool_button("↑", f"Move this {label.lower()} up", self)
        self.down = _tool_button("↓", f"Move this {label.lower()} down", self)
        self.remove = _tool_button("Remove", f"Remove this {label.lower()} and its answers "
                                   "(Undo brings it back)", self)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(+1))
        self.remove.clicked.connect(self._remove)
        for button in (self.up, self.down, self.remove):
            bar.addWidget(button)
        return bar

    @property
    def entity_id(self) -> str | None:
        return self.group.entity_id

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """A quiet card: a light border and background around the item."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#d5dbe2"))
        painter.setBrush(QColor("#fafbfc"))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)

    def bind(self, entity: Entity, index: int, count: int, answers: dict[str, Answer],
             evidence: dict[tuple[str, str], list[Evidence]], titles: dict[str, str],
             show_titles: bool) -> None:
        self.index, self.count = index, count
        self.group.bind(entity.id, answers, evidence, titles, show_titles)
        self.up.setEnabled(index > 0)
        self.down.setEnabled(index < count - 1)
        self.refresh_title()

    def refresh_title(self) -> None:
        """"Victim 2", or "Victim 2 — Ruth" once the pseudonym (or agency) is answered."""
        text = f"{self.section.item_label or self.section.label} {self.index + 1}"
        row = self.group.rows.get(self._title_field) if self._title_field else None
        name = _display_value(row) if row is not None else ""
        self.title.setText(f"{text} — {name}" if name else text)

    def _on_title_row(self, _row: FieldRow) -> None:
        self.refresh_title()

    def _move(self, step: int) -> None:
        target = self.index + step
        if self.entity_id and 0 <= target < self.count:
            self.events.entity_move_requested.emit(self.entity_id, target)

    def _remove(self) -> None:
        if self.entity_id:
            self.events.entity_remove_requested.emit(self.entity_id)


class RepeatGroup(QWidget):
    """The items of one repeating section, its Add button and its Not applicable toggle.

    Toggling asks the owner to mark the section (or take the mark back); the form shows the
    result when the owner sends the new snapshot. While marked, the group shows a banner and
    Add is disabled: the coder takes the mark back first (schema.store_sections)."""

    done_changed = Signal()  # an answer state changed in one of the items

    def __init__(self, section: Section, events: FormEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.events = events
        self.items: list[RepeatItem] = []
        self.shown = 0
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        label = (section.item_label or "item").lower()
        self.not_applicable = False
        self.empty = QLabel(f"No {label} added yet.", self)
        self.empty.setStyleSheet("color: #6b7280;")
        self.na_banner = QLabel("Not applicable for this case", self)
        self.na_banner.setObjectName("notApplicableBanner")
        self.na_banner.setWordWrap(True)
        self.na_banner.setStyleSheet(
            "#notApplicableBanner { color: #374151; background: #eef0f3; font-weight: 600;"
            " border: 1px dashed #9aa3af; border-radius: 6px; padding: 8px 12px; }")
        self.na_banner.setVisible(False)
        self.add_button = QPushButton(f"Add {label}", self)
        self.add_button.clicked.connect(lambda: events.entity_add_requested.emit(section.key))
        self.na_button = QPushButton("Not applicable", self)
        self.na_button.setCheckable(True)
        self.na_button.clicked.connect(
            lambda checked: events.section_state_requested.emit(section.key, checked))
        self._label = label
        self._binding = False
        self.done_changed.connect(lambda: None if self._binding else self._show_state())
        self._show_state()
        footer = QHBoxLayout()
        footer.addWidget(self.add_button)
        footer.addWidget(self.na_button)
        footer.addStretch(1)
        self._layout.addWidget(self.empty)
        self._layout.addWidget(self.na_banner)
        self._layout.addLayout(footer)

    def _show_state(self) -> None:
        """The banner, the buttons and their tips follow the section's mark. The toggle is
        offered while the items (if any) hold nothing; answered items must go first."""
        na, label = self.not_applicable, self._label
        holding = not na and any(i.group.done_count() for i in self.visible_items())
        self.na_banner.setVisible(na)
        self.empty.setVisible(not na and not self.shown)
        self.na_button.setChecked(na)
        self.na_button.setEnabled(not holding)
        self.add_button.setEnabled(not na)
        self.add_button.setToolTip(
            f"Marked not applicable: click Not applicable again to add a {label}" if na
            else f"Add a {label} at the end of the list")
        self.na_button.setToolTip(
            "Take the mark back: the section applies to this case after all" if na else
            "This section holds answers: remove its items first to mark it not applicable"
            if holding else
            "Mark this section as not applying to the case (for example, no perpetrator "
            "when the death was a suicide)")

    def show_items(self, entities: list[Entity], answers: dict[str, dict[str, Answer]],
                   evidence: dict[tuple[str, str], list[Evidence]], titles: dict[str, str],
                   show_titles: bool, not_applicable: bool = False) -> None:
        """Bind the first len(entities) item widgets, creating only the ones missing, and
        show whether the section is marked not applicable."""
        self._binding = True
        try:
            self._bind_items(entities, answers, evidence, titles, show_titles)
        finally:
            self._binding = False
        self.not_applicable = not_applicable
        self._show_state()

    def _bind_items(self, entities: list[Entity], answers: dict[str, dict[str, Answer]],
                    evidence: dict[tuple[str, str], list[Evidence]], titles: dict[str, str],
                    show_titles: bool) -> None:
        while len(self.items) < len(entities):
            item = RepeatItem(self.section, self.events, self)
            item.group.done_changed.connect(self.done_changed)
            self._layout.insertWidget(len(self.items), item)
            self.items.append(item)
        for index, entity in enumerate(entities):
            self.items[index].bind(entity, index, len(entities), answers.get(entity.id, {}),
                                   evidence, titles, show_titles)
        for index, item in enumerate(self.items):
            if index >= len(entities) and item.entity_id is not None:
                item.group.bind(None, {}, {}, titles, False)
            item.setVisible(index < len(entities))
        self.shown = len(entities)

    def visible_items(self) -> list[RepeatItem]:
        return self.items[: self.shown]

    def item(self, entity_id: str) -> RepeatItem | None:
        return next((i for i in self.visible_items() if i.entity_id == entity_id), None)

    def done_count(self) -> int:
        return sum(item.group.done_count() for item in self.visible_items())

    def field_count(self) -> int:
        """How many fields the shown items have between them."""
        return self.shown * len(self.section.fields)


def _tool_button(text: str, tip: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def _display_value(row: FieldRow) -> str:
    """What an answered title field reads as: the text, or the chosen option's label."""
    value = row.value() if row.state == "answered" else None
    if value is None:
        return ""
    if row.field.options and isinstance(value, str):
        return row.field.option_label(value)
    return str(value)
