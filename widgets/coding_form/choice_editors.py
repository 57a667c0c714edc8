"""Editors for answers picked from a list: one option, several options, or yes/no."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QGridLayout, QSizePolicy, QWidget

from schema.codebook_model import Field
from widgets.coding_form.editor_base import FieldEditor, QuietComboBox


class ChoiceEditor(FieldEditor):
    """One option from a combo box with an empty entry; typing filters the options by any
    part of their label ("idva" finds "Domestic abuse services/IDVA")."""

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
        combo.setToolTip("Choose, or type part of an option to search")
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(lambda _text: self._resolve_text())
        combo.activated.connect(lambda _index: self._commit())
        combo.lineEdit().editingFinished.connect(self._resolve_text)
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
            return
        self._combo.setCurrentIndex(index)

    def _resolve_text(self) -> None:
        """Turn typed text into an option: an exact label, else the only label containing it.
        Text matching nothing puts back the last answer."""
        text = self._combo.currentText().strip().casefold()
        labels = [self._combo.itemText(i).casefold() for i in range(self._combo.count())]
        if not text:
            index = 0
        elif text in labels:
            index = labels.index(text)
        else:
            hits = [i for i, label in enumerate(labels) if i and text in label]
            index = hits[0] if len(hits) == 1 else -1
        if index < 0:
            self._show(self._committed)
            return
        self._combo.setCurrentIndex(index)
        self._combo.setEditText(self._combo.itemText(index))
        self._commit()


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
    keys move between boxes, Space ticks), so a 17-option field is one stop, not 17."""

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
            box.toggled.connect(lambda _on: self._commit())
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
