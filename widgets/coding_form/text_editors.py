"""Editors for typed answers: a line of text, a date, and a few lines of prose.

Text commits when editing finishes (Return or leaving the field), never per keystroke, so
one edit is one saved change and one undo step.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QFocusEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from schema.codebook_model import Field
from widgets.coding_form.editor_base import FieldEditor

DATE_HINT = "Use YYYY, YYYY-MM or YYYY-MM-DD"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(text: str) -> str | None:
    """The text as a stored partial date, or None if it is not a real YYYY[-MM[-DD]] date."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return match.group(0)


class TextEditor(FieldEditor):
    """One line of text; an emptied line clears the answer."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self._edit = QLineEdit(self)
        self._edit.editingFinished.connect(lambda: self._commit())
        self.layout_.addWidget(self._edit)

    def focus_widget(self) -> QWidget:
        return self._edit

    def value(self) -> object:
        return self._edit.text().strip() or None

    def _show(self, value: object) -> None:
        text = "" if value is None else str(value)
        if self._edit.text() != text:
            self._edit.setText(text)
            self._edit.setCursorPosition(0)


class DateEditor(FieldEditor):
    """A full or partial date typed as YYYY, YYYY-MM or YYYY-MM-DD (reviews often give only
    a month or a year). Invalid text stays for correcting, with a red hint, and is not saved."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self._edit = QLineEdit(self)
        self._edit.setPlaceholderText("YYYY-MM-DD")
        self._edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9\-]{0,10}"),
                                                            self._edit))
        self._edit.setFixedWidth(120)
        self._edit.setToolTip(DATE_HINT + ": a year or month alone is fine.")
        self._edit.editingFinished.connect(self._on_finished)
        self._hint = QLabel(self)
        self._hint.setStyleSheet("color: #b3261e;")
        self._hint.hide()
        self.layout_.addWidget(self._edit)
        self.layout_.addWidget(self._hint)
        self.layout_.addStretch(1)

    def focus_widget(self) -> QWidget:
        return self._edit

    def value(self) -> object:
        return parse_partial_date(self._edit.text())

    def is_valid(self) -> bool:
        return not self._edit.text().strip() or self.value() is not None

    def _show(self, value: object) -> None:
        self._edit.setText("" if value is None else str(value))
        self._hint.hide()

    def _on_finished(self) -> None:
        if not self.is_valid():
            self._hint.setText(f"Not a date. {DATE_HINT}.")
            self._hint.show()
            return
        self._hint.hide()
        self._commit()


class LongTextEditor(FieldEditor):
    """A few lines of prose that grows with its text (2 to 8 lines, then scrolls). Tab leaves
    the field; the text commits when focus leaves it."""

    MIN_LINES, MAX_LINES = 2, 8

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self._edit = _CommittingPlainTextEdit(self)
        self._edit.setTabChangesFocus(True)
        self._edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._edit.focus_left.connect(lambda: self._commit())
        self._edit.document().contentsChanged.connect(self._fit_height)
        self.layout_.addWidget(self._edit)
        self._fit_height()

    def focus_widget(self) -> QWidget:
        return self._edit

    def value(self) -> object:
        return self._edit.toPlainText().strip() or None

    def _show(self, value: object) -> None:
        text = "" if value is None else str(value)
        if self._edit.toPlainText() != text:
            self._edit.setPlainText(text)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        lines = max(self._edit.document().documentLayout().documentSize().height(), 1)
        lines = min(max(int(lines), self.MIN_LINES), self.MAX_LINES)
        line_height = self._edit.fontMetrics().lineSpacing()
        frame = 2 * self._edit.frameWidth() + 2 * int(self._edit.document().documentMargin())
        self._edit.setFixedHeight(lines * line_height + frame + 2)


class _CommittingPlainTextEdit(QPlainTextEdit):
    """A plain text edit that says when focus leaves it (its moment to commit)."""

    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self.focus_left.emit()
