"""Side by side: the fields on which a case's codings differ, each coding's value with its
evidence, and a choice per field (one coding's value, or another value entered here).

The view only shows and collects decisions; the dialog hands them to schema.consensus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from schema.codebook_model import Codebook, Field
from schema.consensus import Choice
from schema.merge.conflicts import CodedValue, FieldConflict, comparable
from schema.records import Evidence

EvidenceLookup = Callable[[str, str], list[Evidence]]
STATE_LABELS = {"not_reported": "Not reported", "not_applicable": "Not applicable"}


def shown_value(spec: Field, value: CodedValue) -> str:
    if value.state is None:
        return "(no answer)"
    if value.state in STATE_LABELS:
        return STATE_LABELS[value.state]
    if spec.type == "boolean":
        return "Yes" if value.value else "No"
    if spec.type == "multi":
        return "; ".join(spec.option_label(k) for k in value.value) or "(none ticked)"
    if spec.options and isinstance(value.value, str):
        return spec.option_label(value.value)
    return str(value.value)


class OtherValueEditor(QWidget):
    """Entering a value no coding gave, in the form the field's type needs."""

    edited = Signal()

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo: QComboBox | None = None
        self.line: QLineEdit | None = None
        self.multi: QToolButton | None = None
        if spec.type in ("choice", "boolean"):
            self.combo = QComboBox()
            items = [("Yes", True), ("No", False)] if spec.type == "boolean" else \
                [(o.label, o.key) for o in spec.options]
            for label, data in items:
                self.combo.addItem(label, ("answered", data))
            self._add_states(self.combo)
            self.combo.currentIndexChanged.connect(self.edited)
            layout.addWidget(self.combo)
        elif spec.type == "multi":
            self._build_multi(layout)
        else:
            self.line = QLineEdit(placeholderText=_placeholder(spec))
            self.line.textEdited.connect(self.edited)
            layout.addWidget(self.line)

    def _add_states(self, combo: QComboBox) -> None:
        combo.addItem("Not reported", ("not_reported", None))
        if self.spec.allow_na:
            combo.addItem("Not applicable", ("not_applicable", None))

    def _build_multi(self, layout: QVBoxLayout) -> None:
        self.multi = QToolButton()
        self.multi.setText("Choose options…")
        self.multi.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.multi)
        for option in self.spec.options:
            action = menu.addAction(option.label)
            action.setCheckable(True)
            action.setData(option.key)
            action.toggled.connect(self._multi_toggled)
        self.multi.setMenu(menu)
        layout.addWidget(self.multi)

    def _multi_toggled(self) -> None:
        picked = [a.text() for a in self.multi.menu().actions() if a.isChecked()]
        self.multi.setText("; ".join(picked) or "Choose options…")
        self.edited.emit()

    def show_answer(self, state: str | None, value: object) -> None:
        """Fill the editor with an answer (the saved consensus value)."""
        if self.combo is not None:
            for index in range(self.combo.count()):
                if self.combo.itemData(index) == (state, value):
                    self.combo.setCurrentIndex(index)
        elif self.multi is not None:
            keys = set(value) if isinstance(value, tuple | list) else set()
            for action in self.multi.menu().actions():
                action.setChecked(action.data() in keys)
        elif state == "not_reported":
            self.line.setText("not reported")
        elif value is not None:
            self.line.setText(str(value))

    def state_and_value(self) -> tuple[str, object]:
        """The entered answer; raises ValueError when a typed value cannot be read."""
        if self.combo is not None:
            return self.combo.currentData()
        if self.multi is not None:
            return "answered", [a.data() for a in self.multi.menu().actions() if a.isChecked()]
        text = self.line.text().strip()
        if text.lower() == "not reported":
            return "not_reported", None
        if self.spec.type == "number":
            return "answered", float(text) if "." in text else int(text)
        if self.spec.type == "age" and text.isdigit():
            return "answered", int(text)
        return "answered", text


def _placeholder(spec: Field) -> str:
    return {"number": "a number", "age": "years, or a band such as 35_44",
            "date": "YYYY, YYYY-MM or YYYY-MM-DD"}.get(spec.type, "text") + \
        ", or 'not reported'"


class ReconcileView(QScrollArea):
    """One row per differing field: label, each coding's value and quotes, the choice."""

    decisions_changed = Signal()

    def __init__(self, codebook: Codebook, conflicts: list[FieldConflict],
                 evidence: EvidenceLookup, current: dict[tuple, tuple] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codebook = codebook
        self.conflicts = conflicts
        self.groups: list[QButtonGroup] = []
        self.editors: list[OtherValueEditor] = []
        self.setWidgetResizable(True)
        body = QWidget()
        self.grid = QGridLayout(body)
        self.grid.setVerticalSpacing(4)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._header()
        for row, conflict in enumerate(conflicts):
            self._add_row(2 + 2 * row, conflict, evidence, (current or {}).get(
                (conflict.section, conflict.position, conflict.field)))
        codings = len(conflicts[0].values) if conflicts else 0
        for column in range(1, codings + 1):  # the codings' values and quotes get the room
            self.grid.setColumnStretch(column, 3)
        self.grid.setColumnStretch(codings + 1, 2)
        self.setWidget(body)

    def _header(self) -> None:
        titles = ["Field"] + [f"{v.coder}\n{v.site or 'no site'}"
                              for v in (self.conflicts[0].values if self.conflicts else ())]
        titles.append("Consensus value")
        for column, title in enumerate(titles):
            label = QLabel(f"<b>{title}</b>".replace("\n", "<br>"))
            self.grid.addWidget(label, 0, column)
        line = QFrame(frameShape=QFrame.Shape.HLine)
        self.grid.addWidget(line, 1, 0, 1, len(titles))

    def _add_row(self, row: int, conflict: FieldConflict, evidence: EvidenceLookup,
                 current: tuple | None) -> None:
        spec = self.codebook.field(conflict.path)
        section = self.codebook.section(conflict.section)
        item = f" {conflict.position + 1}" if conflict.repeat else ""
        title = QLabel(f"<b>{spec.label}</b><br><span style='color:#555'>"
                       f"{section.item_label if conflict.repeat else section.label}{item}"
                       f"</span>")
        title.setWordWrap(True)
        title.setMinimumWidth(170)
        self.grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
        group = QButtonGroup(self)
        for column, value in enumerate(conflict.values, start=1):
            cell = self._value_cell(spec, value, evidence, group, column)
            if current is not None and comparable(value.state, value.value) == current:
                group.button(column).setChecked(True)
            self.grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
        other = QRadioButton("Another value:")
        group.addButton(other, 0)
        editor = OtherValueEditor(spec)
        if current is not None and group.checkedId() == -1:
            editor.show_answer(*current)
            other.setChecked(True)
        editor.edited.connect(lambda: other.setChecked(True))
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(other)
        box.addWidget(editor)
        self.grid.addWidget(holder, row, len(conflict.values) + 1, Qt.AlignmentFlag.AlignTop)
        group.idToggled.connect(lambda *_: self.decisions_changed.emit())
        self.groups.append(group)
        self.editors.append(editor)
        rule = QFrame(frameShape=QFrame.Shape.HLine)
        rule.setStyleSheet("color: #ddd")
        self.grid.addWidget(rule, row + 1, 0, 1, len(conflict.values) + 2)

    def _value_cell(self, spec: Field, value: CodedValue, evidence: EvidenceLookup,
                    group: QButtonGroup, column: int) -> QWidget:
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        button = QRadioButton(shown_value(spec, value))
        group.addButton(button, column)
        box.addWidget(button)
        quotes = evidence(value.entity_id, spec.key) if value.entity_id else []
        for quote in quotes:
            where = f"p. {quote.page}" if quote.page else ""
            if quote.paragraph:
                where += f", para {quote.paragraph}"
            label = QLabel(f"<i>“{quote.quote}”</i> <span style='color:#666'>{where}</span>")
            label.setWordWrap(True)
            label.setIndent(22)
            box.addWidget(label)
        return cell

    def decided(self) -> int:
        return sum(1 for g in self.groups if g.checkedId() != -1)

    def choose(self, row: int, column: int) -> None:
        """Pick coding `column` (1-based) for conflict `row`, or 0 for the other value."""
        self.groups[row].button(column).setChecked(True)

    def choices(self) -> list[Choice]:
        """The decisions made; raises ValueError naming a field whose typed value is bad."""
        found = []
        for conflict, group, editor in zip(self.conflicts, self.groups, self.editors,
                                           strict=True):
            picked = group.checkedId()
            if picked == -1:
                continue
            if picked == 0:
                try:
                    state, value = editor.state_and_value()
                except ValueError:
                    raise ValueError(f"{conflict.where}: the value typed cannot be read as "
                                     f"a {editor.spec.type}") from None
                found.append(Choice(conflict.section, conflict.position, conflict.field,
                                    state, value))
            else:
                coded = conflict.values[picked - 1]
                found.append(Choice(conflict.section, conflict.position, conflict.field,
                                    coded.state, coded.value, from_coding=coded.coding_id))
        return found
