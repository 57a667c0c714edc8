"""An editor for one codebook field in a small window, driven with real keystrokes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from widgets.coding_form.field_editors import FieldEditor, make_editor


class EditorHost(QWidget):
    """The editor under test, a line edit to move focus to, and what the editor committed."""

    def __init__(self, field) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.editor: FieldEditor = make_editor(field, self)
        self.elsewhere = QLineEdit(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.elsewhere)
        self.committed: list[object] = []
        self.editor.committed.connect(self.committed.append)


def host(qtbot, field, saved: object = None) -> EditorHost:
    widget = EditorHost(field)
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.editor.set_value(saved)
    return widget


def type_into(qtbot, target: QWidget, text: str, finish: str = "return") -> None:
    """Select what `target` shows, type `text` over it, then press Return or Tab."""
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(target, text)
    if finish == "return":
        qtbot.keyClick(target, Qt.Key.Key_Return)
    else:  # the first Tab closes a completion list if one is open, the next moves on
        for _ in range(2):
            if target.hasFocus():
                qtbot.keyClick(target, Qt.Key.Key_Tab)
