"""A new project file: where to save it and the site (borough) whose reviews it holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.checked_dialog import CheckedDialog
from schema.project import PROJECT_SUFFIX


class NewProjectDialog(CheckedDialog):
    def __init__(self, parent: QWidget | None = None, folder: str | Path = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("New project")
        self.setMinimumWidth(520)
        self._folder = str(folder or Path.home())
        self.path_edit = QLineEdit(placeholderText=f"a file ending in {PROJECT_SUFFIX}")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        self.site_edit = QLineEdit(placeholderText="e.g. Lambeth")
        self.make_problem_and_buttons("Create")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Project file", row)
        form.addRow("Site (borough)", self.site_edit)
        form.addRow(self.problem)
        form.addRow(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", self._folder,
                                              f"Casecoder projects (*{PROJECT_SUFFIX})")
        if path:
            self.path_edit.setText(path)

    def project_path(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix == PROJECT_SUFFIX else path.with_name(
            path.name + PROJECT_SUFFIX)

    def site(self) -> str:
        return self.site_edit.text().strip()

    def check(self) -> str:
        """What is wrong with the input, or "" when it can be created."""
        if not self.path_edit.text().strip():
            return "Choose where to save the project."
        path = self.project_path()
        if path.exists():
            return f"{path.name} already exists; choose another name."
        if not path.parent.is_dir():
            return f"The folder {path.parent} does not exist."
        if not self.site():
            return "Enter the site (borough) whose reviews this project holds."
        return ""
