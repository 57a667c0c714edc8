"""Editors for typed answers: a line of text, a date, and a few lines of prose.

Text commits when editing finishes (Return or leaving the field), never per keystroke, so
one edit is one saved change and one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from schema.codebook_model import Field
from schema.dates import DATE_EXAMPLES, DateError, PartialDate, parse_date, parse_stored
from widgets.coding_form.editor_base import FieldEditor

_DATE_TIP = f"Type {DATE_EXAMPLES}. A year or a month alone is fine; numbers are read day first."
_PRECISION_WORDS = {"year": "a year only", "month": "a month and year", "day": "a full date"}

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
    """A full or partial date, typed as people write them (schema/dates.py lists the forms:
    2021, Aug 2021, 08/2021, 3/8/2021, 3 August 2021, 2021-08-03; numbers are day first).

    The stored answer keeps the precision typed (a year, a month or a day). Once saved, the
    field shows the date in words ("3 August 2021") so the day-first reading is visible.
    Text that is not a date stays in the field for correcting, with a message under it, and
    the saved answer is unchanged; Escape puts the saved answer back.
    """

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self._edit = QLineEdit(self)
        self._edit.setPlaceholderText("e.g. 3/8/2021 or Aug 2021")
        self._edit.setFixedWidth(170)
        self._edit.setToolTip(_DATE_TIP)
        self._edit.editingFinished.connect(self._on_finished)
        self.watch_escape(self._edit)
        self.layout_.addWidget(self._edit)
        self.layout_.addStretch(1)

    def focus_widget(self) -> QWidget:
        return self._edit

    def value(self) -> object:
        """The typed date in stored form; the saved answer while the text is refused."""
        text = self._edit.text().strip()
        if not text:
            return None
        try:
            return parse_date(text).iso()
        except DateError:
            return self._committed

    def _show(self, value: object) -> None:
        if value is None:
            self._edit.setText("")
            self._edit.setToolTip(_DATE_TIP)
            return
        try:
            self._show_date(parse_stored(value))
        except DateError:  # an answer from outside the app: show it as it is, and say so
            self._edit.setText(str(value))
            self.show_problem(f"The saved date '{value}' is not a real date; type the "
                              f"right one, e.g. {DATE_EXAMPLES}.")

    def _show_date(self, parsed: PartialDate) -> None:
        self._edit.setText(parsed.describe())
        self._edit.setCursorPosition(0)
        self._edit.setToolTip(f"Saved as {parsed.iso()} ({_PRECISION_WORDS[parsed.precision]})"
                              f". Type {DATE_EXAMPLES}; numbers are read day first.")

    def _on_finished(self) -> None:
        text = self._edit.text().strip()
        if not text:
            self._commit(None)
            return
        try:
            parsed = parse_date(text)
        except DateError as exc:
            reason = str(exc)
            self.show_problem(f"Not saved: {reason}{'' if reason[-1] in '.?' else '.'} "
                              f"{self._kept()}")
            return
        self._show_date(parsed)
        self._commit(parsed.iso())

    def _kept(self) -> str:
        """What stays saved instead of the refused text."""
        if self._committed is None:
            return "The field stays empty."
        try:
            saved = parse_stored(self._committed).describe()
        except DateError:
            saved = str(self._committed)
        return f"The saved date, {saved}, is kept (Esc shows it again)."


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
