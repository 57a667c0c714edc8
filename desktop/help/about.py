"""Help ▸ About Casecoder: the version and licence, what it runs on, and the open project's
codebook, schema version and file, so a user can say exactly what they are running."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.cli.version import LICENCE, casecoder_version
from desktop.help.facts import ProjectFacts, project_lines, versions

READING = "reading…"


class AboutDialog(QDialog):
    """Shown at once; the project's lines are filled in when the store thread has read them."""

    def __init__(self, parent: QWidget | None = None, *, project_open: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Casecoder")
        self.setObjectName("aboutCasecoder")
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>Casecoder {casecoder_version()}</h2>"
                       "<p>Coding statutory case reviews beside the review, offline.<br>"
                       f"Free software under the {LICENCE} licence.</p>")
        title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        for label, value in versions():
            self._add(label, value)
        heading = QLabel("<b>The open project</b>")
        heading.setContentsMargins(0, 8, 0, 0)
        self.form.addRow(heading)
        self._project_start = self.form.rowCount()
        layout.addLayout(self.form)
        self.show_project(None, reading=project_open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy diagnostics")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def show_project(self, facts: ProjectFacts | None, *, reading: bool = False) -> None:
        """Replace the project's lines (a placeholder while they are being read)."""
        while self.form.rowCount() > self._project_start:
            self.form.removeRow(self._project_start)
        for key in [k for k in self.values if k.startswith("project:")]:
            del self.values[key]
        lines = [("Project", READING)] if reading else project_lines(facts)
        for label, value in lines:
            self._add(label, value, prefix="project:")
        self.adjustSize()

    def value(self, label: str) -> str:
        """The text shown for `label` (e.g. "Codebook"), for tests and screen readers."""
        found = self.values.get(label) or self.values.get(f"project:{label}")
        return found.text() if found is not None else ""

    def _add(self, label: str, value: str, *, prefix: str = "") -> None:
        shown = QLabel(value)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(f"{label}:", shown)
        self.values[prefix + label] = shown
