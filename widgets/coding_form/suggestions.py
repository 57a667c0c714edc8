"""Keyword suggestions beside a field: a small button with their count, opening a list.

The button sits under the field's editor and shows only when the open case's documents offer
a passage for an option not yet chosen. Its popup lists each one as option, page and
paragraph, and a snippet with the keyword in bold, with Accept and Dismiss. The widgets only
ask: the form's owner cites, ticks and remembers dismissals, so nothing is ever ticked
without a click.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from schema.suggestions import Suggestion

POPUP_WIDTH = 440
POPUP_MAX_HEIGHT = 380


def suggestion_where(item: Suggestion) -> str:
    return f"p. {item.page}" + (f" ¶{item.paragraph}" if item.paragraph else "")


class SuggestionButton(QToolButton):
    """"✦ 2 suggested": opens the list of the row's suggestions; hidden when there are none."""

    accept_requested = Signal(object)  # Suggestion
    dismiss_requested = Signal(object)  # Suggestion
    view_requested = Signal(object)  # Suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Suggestion] = []
        self.labels: dict[str, str] = {}
        self.popup: SuggestionPopup | None = None
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("QToolButton { color: #6a4c93; padding: 0 4px; }")
        self.setToolTip("Passages in this case's documents that name an option of this "
                        "field: click to see them, then accept or dismiss each")
        self.clicked.connect(self.open_list)
        self.hide()

    def set_items(self, items: list[Suggestion], labels: dict[str, str]) -> None:
        self.items, self.labels = list(items), labels
        count = len(self.items)
        self.setText(f"✦ {count} suggested")
        self.setVisible(count > 0)
        if self.popup is not None and self.popup.isVisible():
            self.popup.show_items(self.items, self.labels)

    def open_list(self) -> None:
        if not self.items:
            return
        if self.popup is None:
            self.popup = SuggestionPopup(self)
            self.popup.accept_requested.connect(self.accept_requested)
            self.popup.dismiss_requested.connect(self.dismiss_requested)
            self.popup.view_requested.connect(self.view_requested)
        self.popup.show_items(self.items, self.labels)
        self.popup.show_below(self)


class SuggestionPopup(QFrame):
    """The list of one field's suggestions, as a popup that closes on a click outside."""

    accept_requested = Signal(object)
    dismiss_requested = Signal(object)
    view_requested = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("suggestionPopup")
        self.setStyleSheet("#suggestionPopup { background: #fbfaff; border: 1px solid #b9a9d6; }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("color: #4b4b4b;")
        outer.addWidget(self.heading)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll)
        self.entries: list[SuggestionEntry] = []

    def show_items(self, items: list[Suggestion], labels: dict[str, str]) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 4, 0)
        column.setSpacing(6)
        self.entries = []
        for item in items:
            entry = SuggestionEntry(item, labels.get(item.option, item.option), body)
            entry.accept.clicked.connect(lambda _=False, s=item: self._accept(s))
            entry.dismiss.clicked.connect(lambda _=False, s=item, e=entry: self._dismiss(s, e))
            entry.view.clicked.connect(lambda _=False, s=item: self.view_requested.emit(s))
            column.addWidget(entry)
            self.entries.append(entry)
        column.addStretch(1)
        self.scroll.setWidget(body)
        self.heading.setText(f"Suggested by keywords in the documents ({len(items)}). "
                             f"Accept cites the passage and ticks the option.")
        self.heading.setWordWrap(True)
        self.setFixedWidth(POPUP_WIDTH)
        body.setFixedWidth(POPUP_WIDTH - 30)
        inner = POPUP_WIDTH - 30
        wanted = column.totalHeightForWidth(inner) + self.heading.heightForWidth(inner) + 28
        self.setFixedHeight(min(POPUP_MAX_HEIGHT, wanted))
        if self.entries:
            self.entries[0].accept.setFocus()
        else:
            self.close()

    def show_below(self, anchor: QWidget) -> None:
        """Open under the button, kept on the screen."""
        place = anchor.mapToGlobal(QPoint(0, anchor.height()))
        screen = (QGuiApplication.screenAt(place) or QGuiApplication.primaryScreen())
        area = screen.availableGeometry()
        x = min(max(area.left(), place.x()), area.right() - self.width())
        y = place.y() if place.y() + self.height() <= area.bottom() else \
            anchor.mapToGlobal(QPoint(0, 0)).y() - self.height()
        self.move(x, max(area.top(), y))
        self.show()

    def _accept(self, item: Suggestion) -> None:
        self.close()
        self.accept_requested.emit(item)

    def _dismiss(self, item: Suggestion, entry: SuggestionEntry) -> None:
        entry.hide()
        self.entries.remove(entry)
        if not self.entries:
            self.close()
        self.dismiss_requested.emit(item)


class SuggestionEntry(QFrame):
    """One suggestion: the option and where, the snippet, and its two buttons."""

    def __init__(self, item: Suggestion, label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("suggestionEntry")
        self.setStyleSheet("#suggestionEntry { background: white; border: 1px solid #e2dcef; "
                           "border-radius: 4px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        title = QLabel(f"<b>{html.escape(label)}</b> &nbsp;<span style='color:#666'>"
                       f"{html.escape(suggestion_where(item))}</span>", self)
        layout.addWidget(title)
        marked = item.snippet(mark=("\x02", "\x03"))
        snippet = QLabel(html.escape(marked).replace("\x02", "<b>").replace("\x03", "</b>"),
                         self)
        snippet.setWordWrap(True)
        snippet.setToolTip(item.quote)
        layout.addWidget(snippet)
        buttons = QHBoxLayout()
        self.view = QPushButton("Show", self)
        self.view.setToolTip("Show the passage marked on its page in the document")
        buttons.addWidget(self.view)
        buttons.addStretch(1)
        self.accept = QPushButton("Accept", self)
        self.accept.setToolTip("Cite this passage and tick the option (Ctrl+Z undoes both)")
        self.dismiss = QPushButton("Dismiss", self)
        self.dismiss.setToolTip("Do not offer this passage for this case again")
        for button in (self.dismiss, self.accept):
            buttons.addWidget(button)
        layout.addLayout(buttons)
