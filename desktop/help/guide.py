"""The user guide: resources/help/guide.html shown in a QTextBrowser, offline.

Links inside the guide (its contents list) move within it; nothing is ever fetched from the
network, and a link to anything outside the guide is shown in the status line, not followed.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from schema.resources import RESOURCES

GUIDE = RESOURCES / "help" / "guide.html"


class GuideDialog(QDialog):
    """A non-modal window on the guide, kept open beside the work (F1 raises it again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Casecoder user guide")
        self.setObjectName("userGuide")
        self.resize(820, 680)
        self.browser = QTextBrowser(objectName="guideBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.highlighted.connect(self._show_target)
        self.note = QLabel(objectName="guideNote")
        self.note.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        """Show the guide from disk; if it is missing, say so and where it was looked for."""
        try:
            html = GUIDE.read_text(encoding="utf-8")
        except OSError as exc:
            self.browser.setPlainText(
                f"The user guide could not be read from {GUIDE} ({exc.strerror}). "
                "Reinstall Casecoder to restore it; README.md covers the same ground.")
            return
        self.browser.setSearchPaths([str(GUIDE.parent)])
        self.browser.setHtml(html)

    def show_section(self, anchor: str) -> None:
        """Open the guide at one of its sections (e.g. "shortcuts")."""
        self.browser.scrollToAnchor(anchor)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("", "file") and url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())
            self._say("")
        else:
            self._say(f"Not opened (the guide stays offline): {url.toString()}")

    def _show_target(self, url: QUrl) -> None:
        self._say(url.toString() if url.isValid() and url.scheme() else "")

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
