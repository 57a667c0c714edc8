"""The PDF viewer's tool row: document switcher, page list toggle, page and zoom controls."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def _drop_stretches(row: QHBoxLayout) -> None:
    """Remove spacer items left in a row (only widgets are moved between rows)."""
    for index in reversed(range(row.count())):
        if row.itemAt(index).spacerItem() is not None:
            row.takeAt(index)


def _button(parent: QWidget, text: str, tip: str, checkable: bool = False) -> QToolButton:
    button = QToolButton(parent, text=text, toolTip=tip, checkable=checkable)
    button.setAutoRaise(True)
    return button


class PdfToolbar(QWidget):
    """Controls only: the viewer connects them to the page area."""

    document_chosen = Signal(str)  # document id, when the user picks one in the combo box
    page_chosen = Signal(int)  # 1-based, when the user edits the page box

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents = QComboBox(self, toolTip="Documents of this case")
        self.documents.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.documents.setMinimumContentsLength(8)
        self.documents.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.documents.activated.connect(self._on_document_activated)
        self.pages_toggle = _button(self, "Pages", "Show or hide the page list", checkable=True)
        self.previous = _button(self, "◀", "Previous page (PageUp)")
        self.next = _button(self, "▶", "Next page (PageDown)")
        self.page_box = QSpinBox(self, minimum=1, maximum=1, keyboardTracking=False)
        self.page_box.setToolTip("Go to page")
        self.page_box.valueChanged.connect(self.page_chosen)
        self.page_total = QLabel("of 0", self)
        self.zoom_out = _button(self, "−", "Zoom out (Ctrl+-)")
        self.zoom_label = QLabel("", self, minimumWidth=44)
        self.zoom_in = _button(self, "+", "Zoom in (Ctrl++)")
        self.fit_width = _button(self, "Fit width", "Fit the page width", checkable=True)
        self.fit_page = _button(self, "Fit page", "Fit the whole page", checkable=True)
        self.find = _button(self, "Find", "Find in document (Ctrl+F)")
        self._top, self._bottom = QHBoxLayout(), QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        for row in (self._top, self._bottom):
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(2)
            layout.addLayout(row)
        self._two_rows: bool | None = None
        self._arrange(two_rows=False)

    # Fitting a narrow viewer -------------------------------------------------------------

    def _find_group(self) -> tuple[QWidget, ...]:
        return (self.documents, self.pages_toggle, self.find)

    def _page_group(self) -> tuple[QWidget, ...]:
        return (self.previous, self.page_box, self.page_total, self.next, self.zoom_out,
                self.zoom_label, self.zoom_in, self.fit_width, self.fit_page)

    def _arrange(self, two_rows: bool) -> None:
        """One row when there is room; in a narrow viewer the document switcher, page list
        and Find go on a row above the page and zoom controls, so none is cut off."""
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        for widget in self._find_group() + self._page_group():
            self._top.removeWidget(widget)
            self._bottom.removeWidget(widget)
        _drop_stretches(self._bottom)
        if two_rows:
            for widget in self._find_group():
                self._top.addWidget(widget)
            for widget in self._page_group():
                self._bottom.addWidget(widget)
            self._bottom.addStretch(1)
        else:
            order = (self.documents, self.pages_toggle) + self._page_group() + (self.find,)
            for widget in order:
                self._top.addWidget(widget)

    def _row_width(self, widgets: tuple[QWidget, ...]) -> int:
        margins = self.layout().contentsMargins()
        hints = sum(max(w.minimumSizeHint().width(), w.sizeHint().width())
                    if w is not self.documents else w.minimumSizeHint().width()
                    for w in widgets)
        return hints + 2 * (len(widgets) - 1) + margins.left() + margins.right()

    def one_row_width(self) -> int:
        return self._row_width(self._find_group() + self._page_group())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = max(self._row_width(self._find_group()), self._row_width(self._page_group()))
        return QSize(width, super().minimumSizeHint().height())

    def is_two_rows(self) -> bool:
        return bool(self._two_rows)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange(self.width() < self.one_row_width())

    def set_documents(self, documents: list[tuple[str, str]], current: str | None) -> None:
        blocked = self.documents.blockSignals(True)
        self.documents.clear()
        for document_id, title in documents:
            self.documents.addItem(title or document_id, document_id)
        self.show_document(current)
        self.documents.blockSignals(blocked)
        self.documents.setEnabled(self.documents.count() > 1)

    def show_document(self, document_id: str | None) -> None:
        """Select a document in the combo box without announcing it."""
        blocked = self.documents.blockSignals(True)
        self.documents.setCurrentIndex(self.documents.findData(document_id) if document_id else -1)
        self.documents.blockSignals(blocked)

    def show_page(self, page: int, count: int) -> None:
        """Show a 1-based page of `count` pages without announcing it."""
        blocked = self.page_box.blockSignals(True)
        # With no document the box shows "–"; with one, page 1 reads "1" (a special value
        # text would replace the minimum, which is then page 1).
        self.page_box.setSpecialValueText("" if count else "–")
        self.page_box.setMinimum(1 if count else 0)
        self.page_box.setMaximum(max(count, 1))
        self.page_box.setValue(max(page, 1) if count else 0)
        self.page_box.blockSignals(blocked)
        self.page_total.setText(f"of {count}")
        self.previous.setEnabled(page > 1)
        self.next.setEnabled(page < count)

    def show_zoom(self, percent: int, fit_width: bool, fit_page: bool) -> None:
        self.zoom_label.setText(f"{percent}%")
        self.fit_width.setChecked(fit_width)
        self.fit_page.setChecked(fit_page)

    def set_controls_enabled(self, enabled: bool) -> None:
        for widget in (
            self.pages_toggle, self.previous, self.next, self.page_box, self.zoom_out,
            self.zoom_in, self.fit_width, self.fit_page, self.find,
        ):
            widget.setEnabled(enabled)

    def _on_document_activated(self, row: int) -> None:
        document_id = self.documents.itemData(row)
        if document_id:
            self.document_chosen.emit(document_id)
