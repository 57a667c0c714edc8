"""One field of one entity: its label, editor, answer state badge, evidence and cite button.

A row is bound to an entity and can be re-bound to another (repeating items are reused when
the form switches cases). It updates its own display at once when the person edits, then
reports the edit on the form's event hub; the store's confirmation comes back through
`show_answer`, which changes nothing when the display already agrees.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from schema.codebook_model import Field
from schema.records import Answer, Evidence
from widgets.coding_form.answer_state import (
    NOT_APPLICABLE_TEXT,
    NOT_REPORTED_TEXT,
    AnswerStateButton,
)
from widgets.coding_form.events import FormEvents
from widgets.coding_form.evidence_chips import EvidenceChipList
from widgets.coding_form.field_editors import make_editor
from widgets.coding_form.suggestions import SuggestionButton

LABEL_CHARS = 25  # a label column about this many average characters wide
_MARKED = ("not_reported", "not_applicable")


class FieldRow(QWidget):
    """The editor of `field` for the entity it is bound to."""

    state_shown = Signal()  # the shown answer state changed (for live section counters)

    def __init__(self, field: Field, events: FormEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.events = events
        self.entity_id: str | None = None
        self.state: str | None = None
        self.on_display_change: Callable[[FieldRow], None] | None = None
        self._note: QLabel | None = None
        self._suggestions: list = []  # schema Suggestion, for this field of the open case
        self._build()

    def _build(self) -> None:
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(10)
        self.label = label = QLabel(self.field.label, self)
        label.setWordWrap(True)
        label.setContentsMargins(0, 4, 0, 0)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if self.field.help:
            label.setToolTip(self.field.help)
        self.editor = make_editor(self.field, self)
        self.editor.committed.connect(self._on_committed)
        label.setBuddy(self.editor.focus_widget())
        self.badge = AnswerStateButton(self.field.allow_na, self)
        self.badge.state_requested.connect(self.mark)
        self.badge.clear_requested.connect(self.clear)
        self.badge.cite_requested.connect(self.request_cite)
        self.cite = _cite_button(self)
        self.cite.clicked.connect(self.request_cite)
        self.chips = EvidenceChipList(self)
        self.chips.activated.connect(self.events.evidence_activated)
        self.chips.remove_requested.connect(self.events.evidence_remove_requested)
        self.suggested = SuggestionButton(self)
        self.suggested.accept_requested.connect(self._accept_suggestion)
        self.suggested.dismiss_requested.connect(self.events.suggestion_dismissed)
        self.suggested.view_requested.connect(self.events.suggestion_viewed)
        self._column = QVBoxLayout()
        self._column.setSpacing(2)
        self._column.addWidget(self.editor)
        self._column.addWidget(self.suggested, 0, Qt.AlignmentFlag.AlignLeft)
        self._column.addWidget(self.chips)
        self.compact: bool | None = None
        self.set_compact(False)

    def set_compact(self, compact: bool) -> None:
        """Side by side (label | editor | badge | cite) or, when the form is narrow, the label
        over the editor so the editor gets the whole width. Long option lists always sit
        under their label. The badge and Cite stay at the right edge either way."""
        if compact == self.compact:
            return
        self.compact = compact
        grid, label = self._grid, self.label
        for widget in (label, self.badge, self.cite):
            grid.removeWidget(widget)
        grid.removeItem(self._column)
        top = Qt.AlignmentFlag.AlignTop
        if compact or self.field.type == "multi":
            label.setMinimumWidth(0)
            label.setMaximumWidth(16777215)
            grid.addWidget(label, 0, 0, 1, 2, top)
            grid.addLayout(self._column, 1, 0, 1, 4)
        else:
            label.setFixedWidth(label_width(label))
            grid.addWidget(label, 0, 0, top)
            grid.addLayout(self._column, 0, 1)
        grid.addWidget(self.badge, 0, 2, top)
        grid.addWidget(self.cite, 0, 3, top)
        grid.setColumnStretch(1, 1)

    # Showing what is stored ----------------------------------------------------------------

    def bind(self, entity_id: str | None, answer: Answer | None) -> None:
        """Show this entity's answer (or an empty field) without emitting anything."""
        self.entity_id = entity_id
        self.show_answer(answer)

    def show_answer(self, answer: Answer | None) -> None:
        state = answer.state if answer else None
        value = answer.value if answer and answer.state == "answered" else None
        self.editor.set_value(value)
        self._show_state(state)

    def show_evidence(self, items: list[Evidence], titles: dict[str, str],
                      show_titles: bool = False) -> None:
        self.chips.set_evidence(items, titles, show_titles)

    def set_suggestions(self, items: list) -> None:
        """The passages offered for this field; those whose option is already chosen are
        not shown."""
        self._suggestions = list(items)
        self._show_suggestions()

    def _show_suggestions(self) -> None:
        value = self.editor.value() if self.state == "answered" else None
        chosen = set(value) if isinstance(value, list) else {value}
        shown = [s for s in self._suggestions
                 if self.entity_id is not None and s.option not in chosen]
        self.suggested.set_items(shown, {o.key: o.label for o in self.field.options})

    def _accept_suggestion(self, item) -> None:
        if self.entity_id is not None:
            self.events.suggestion_accepted.emit(self.entity_id, item)

    def value(self) -> object:
        return self.editor.value()

    def set_cite_visible(self, visible: bool) -> None:
        self.cite.setVisible(visible and self.entity_id is not None)

    def _show_state(self, state: str | None) -> None:
        previous, self.state = self.state, state
        self.badge.set_state(state)
        if previous != state:
            self._show_marking(state)
            self.state_shown.emit()
        if self.on_display_change:
            self.on_display_change(self)
        self._show_suggestions()

    def _show_marking(self, state: str | None) -> None:
        """Grey the editor and say so in italics when the field is marked, not answered."""
        marked = state in _MARKED
        self.editor.setPalette(_greyed_palette() if marked else QPalette())
        if marked and self._note is None:
            self._note = _note_label(self)
            self._column.insertWidget(1, self._note)
        if self._note is not None:
            self._note.setText(NOT_REPORTED_TEXT if state == "not_reported"
                               else NOT_APPLICABLE_TEXT)
            self._note.setVisible(marked)

    # What the person does ----------------------------------------------------------------

    def mark(self, state: str) -> None:
        """Mark the field not reported or not applicable, and report it."""
        if self.entity_id is None or (state == "not_applicable" and not self.field.allow_na):
            return
        self.editor.set_value(None)
        self._show_state(state)
        self.events.answer_edited.emit(self.entity_id, self.field.key, state, None)

    def clear(self) -> None:
        if self.entity_id is None or self.state is None:
            return
        self.editor.set_value(None)
        self._show_state(None)
        self.events.answer_cleared.emit(self.entity_id, self.field.key)

    def request_cite(self) -> None:
        if self.entity_id is not None:
            self.events.attach_evidence_requested.emit(self.entity_id, self.field.key)

    def _on_committed(self, value: object) -> None:
        if self.entity_id is None:
            return
        if value is None:
            if self.state == "answered":
                self._show_state(None)
                self.events.answer_cleared.emit(self.entity_id, self.field.key)
            return
        self._show_state("answered")
        self.events.answer_edited.emit(self.entity_id, self.field.key, "answered", value)


def label_width(label: QLabel) -> int:
    """The label column's width, from the font, so it grows with high-DPI font scaling."""
    return max(120, label.fontMetrics().averageCharWidth() * LABEL_CHARS)


def _cite_button(parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setText("Cite")
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setToolTip("Attach the text selected in the document as evidence for this field")
    policy = button.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    button.setSizePolicy(policy)
    button.hide()
    return button


def _note_label(parent: QWidget) -> QLabel:
    note = QLabel(parent)
    font = QFont(note.font())
    font.setItalic(True)
    note.setFont(font)
    note.setStyleSheet("color: #7a4b00;")
    return note


_GREY: list[QPalette] = []


def _greyed_palette() -> QPalette:
    if not _GREY:
        palette = QPalette()
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                     QPalette.ColorRole.WindowText):
            palette.setColor(role, QColor("#9a9a9a"))
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Button):
            palette.setColor(role, QColor("#f1f1f1"))
        _GREY.append(palette)
    return _GREY[0]
