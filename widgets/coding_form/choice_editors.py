"""Editors for answers picked from a list: one option, several options, or yes/no.

Typed text is matched to an option by its label or keywords (`match_option` in
schema/codebook_model.py); text that matches nothing stays in the field, flagged, and the
saved answer is unchanged. Exclusive options of a multi field ("None") are never ticked
beside another.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QSizePolicy,
    QWidget,
)

from schema.codebook_model import Field, Option, match_option
from widgets.coding_form.editor_base import FieldEditor, QuietComboBox


class ChoiceEditor(FieldEditor):
    """One option from a combo box with an empty entry; typing filters the options by any
    part of their label ("idva" finds "Domestic abuse services/IDVA"), and a typed keyword
    picks its option ("knife" picks "Sharp instrument")."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        combo = self._combo = QuietComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", None)
        for option in field.options:
            combo.addItem(option.label, option.key)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.setMaxVisibleItems(20)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.setToolTip("Choose, or type part of an option or a word for it (e.g. a keyword)")
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(lambda _text: self._resolve_text())
        combo.activated.connect(lambda _index: self._commit())
        combo.lineEdit().editingFinished.connect(self._resolve_text)
        self.watch_escape(combo.lineEdit())
        self._watching_focus = False
        combo.installEventFilter(self)
        self.layout_.addWidget(combo)

    def focus_widget(self) -> QWidget:
        return self._combo

    def value(self) -> object:
        return self._combo.currentData() if self._combo.currentIndex() > 0 else None

    def _show(self, value: object) -> None:
        index = self._combo.findData(value) if value is not None else 0
        if index < 0:  # a key this codebook does not know: show it rather than hide it
            self._combo.setCurrentIndex(0)
            self._combo.setEditText(str(value))
            self.show_problem(f"The saved answer '{value}' is not an option of this codebook; "
                              f"choose one from the list.")
            return
        self._combo.setCurrentIndex(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._combo and event.type() == QEvent.Type.FocusIn and \
                not self._watching_focus:
            # The completer swallows the focus-out while its list is open, so Tab from there
            # would skip editingFinished; watch where focus goes until it leaves the field.
            QApplication.instance().focusChanged.connect(self._on_focus_changed)
            self._watching_focus = True
        return super().eventFilter(watched, event)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        lists = (self._combo.view(), self._combo.completer().popup())
        if new is self._combo or new is self._combo.lineEdit() or \
                any(new is w or (new is not None and w.isAncestorOf(new)) for w in lists):
            return
        QApplication.instance().focusChanged.disconnect(self._on_focus_changed)
        self._watching_focus = False
        self._resolve_text()

    def _resolve_text(self) -> None:
        """Turn typed text into an option (see `match_option`). Text that matches nothing,
        or several options, stays in the field with a message; the saved answer is kept."""
        text = self._combo.currentText().strip()
        if not text:
            self._combo.setCurrentIndex(0)
            self._commit()
            return
        if self._combo.currentIndex() > 0 and text == self._combo.itemText(
                self._combo.currentIndex()):
            self._commit()
            return
        option, candidates = match_option(self.field, text)
        if option is None:
            self.show_problem(self._no_match(text, candidates))
            return
        index = self._combo.findData(option.key)
        self._combo.setCurrentIndex(index)
        self._combo.setEditText(option.label)
        self._commit()

    def _no_match(self, text: str, candidates: list[Option]) -> str:
        if candidates:
            names = ", ".join(o.label for o in candidates[:4])
            more = ", ..." if len(candidates) > 4 else ""
            reason = f"'{text}' could be {names}{more}; type more of it or pick from the list"
        else:
            reason = f"'{text}' matches no option; pick one from the list or change the text"
        saved = self.field.option_label(self._committed) if self._committed else None
        kept = f"the saved answer, {saved}, is kept (Esc shows it again)" if saved \
            else "the field stays empty"
        return f"Not saved: {reason}; {kept}."


class BooleanEditor(FieldEditor):
    """Yes or No from a combo box whose empty entry means unanswered (never a check box:
    unanswered must look different from No)."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        combo = self._combo = QuietComboBox(self)
        for label, value in (("", None), ("Yes", True), ("No", False)):
            combo.addItem(label, value)
        combo.setMinimumWidth(90)
        combo.currentIndexChanged.connect(lambda _index: self._commit())
        self.layout_.addWidget(combo)
        self.layout_.addStretch(1)

    def focus_widget(self) -> QWidget:
        return self._combo

    def value(self) -> object:
        return {1: True, 2: False}.get(self._combo.currentIndex())

    def _show(self, value: object) -> None:
        self._combo.setCurrentIndex({True: 1, False: 2}.get(value, 0) if value is not None else 0)


class MultiEditor(FieldEditor):
    """Several options as check boxes flowing in columns. Tab leaves the whole list (arrow
    keys move between boxes, Space ticks), so a 17-option field is one stop, not 17.

    An exclusive option (italic, e.g. "None") cannot be ticked beside another: such a tick is
    undone at once with a message saying what to untick first, and nothing is saved."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(3)
        columns = _column_count(field)
        rows = -(-len(field.options) // columns)
        self._boxes: list[QCheckBox] = []
        for i, option in enumerate(field.options):
            box = QCheckBox(option.label, grid_host)
            box.setProperty("option_key", option.key)
            if option.exclusive:
                _mark_exclusive(box)
            box.toggled.connect(lambda on, ticked=box: self._on_toggled(ticked, on))
            box.installEventFilter(self)
            grid.addWidget(box, i % rows, i // rows)  # fill down each column, then across
            self._boxes.append(box)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        self.layout_.addWidget(grid_host)

    def focus_widget(self) -> QWidget:
        checked = [b for b in self._boxes if b.isChecked()]
        return (checked or self._boxes)[0]

    def value(self) -> object:
        keys = [b.property("option_key") for b in self._boxes if b.isChecked()]
        return keys or None

    def _show(self, value: object) -> None:
        chosen = set(value) if isinstance(value, list | tuple) else set()
        for box in self._boxes:
            box.setChecked(box.property("option_key") in chosen)
        alone = [o.label for o in self.field.options if o.exclusive and o.key in chosen]
        if alone and len(chosen) > 1:  # saved before the option was marked exclusive
            self.show_problem(f"The saved answer ticks '{alone[0]}' together with other "
                              f"options; untick what does not apply.")

    def _on_toggled(self, box: QCheckBox, on: bool) -> None:
        """Refuse a tick that would put an exclusive option beside another; else save."""
        if self._loading:
            return
        clash = self._clash(box) if on else None
        if clash:
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
            self.show_problem(clash)
            return
        self._commit()

    def _clash(self, box: QCheckBox) -> str | None:
        """Why ticking `box` is refused, or None when it may be ticked."""
        option = self.field.option(box.property("option_key"))
        others = [self.field.option(b.property("option_key")) for b in self._boxes
                  if b is not box and b.isChecked()]
        if option.exclusive and others:
            names = ", ".join(o.label for o in others)
            return f"Not ticked: '{option.label}' goes on its own; untick {names} first."
        alone = next((o for o in others if o.exclusive), None)
        if alone is not None:
            return (f"Not ticked: '{option.label}' cannot go with '{alone.label}'; untick "
                    f"'{alone.label}' first.")
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab,
                                                                    Qt.Key.Key_Backtab):
            forward = event.key() == Qt.Key.Key_Tab and \
                not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            target = _focus_neighbour(self._boxes[-1] if forward else self._boxes[0], forward)
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason if forward
                                else Qt.FocusReason.BacktabFocusReason)
                return True
        return super().eventFilter(watched, event)


def _mark_exclusive(box: QCheckBox) -> None:
    font = QFont(box.font())
    font.setItalic(True)
    box.setFont(font)
    box.setToolTip("Goes on its own: it cannot be ticked together with another option")


def _column_count(field: Field) -> int:
    longest = max((len(o.label) for o in field.options), default=0)
    return 2 if longest <= 30 else 1  # fits a form column of about 650 px


def _focus_neighbour(start: QWidget, forward: bool) -> QWidget | None:
    """The next (or previous) widget Tab would reach from `start`, skipping hidden ones."""
    window = start.window()
    widget = start
    for _ in range(5000):
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
        if widget is start or widget is None:
            return None
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled() and \
                widget.isVisibleTo(window) and widget.focusProxy() is None:
            return widget
    return None
