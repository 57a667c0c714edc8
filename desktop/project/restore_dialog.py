"""Restoring a project from one of its rolling backups, from the app."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from schema.backup import list_backups
from schema.errors import CasecoderError
from schema.file_swap import restore_backup


class RestoreDialog(QDialog):
    """Lists the project's backups, newest first; restoring keeps a copy of the current file."""

    def __init__(self, project: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.restored_from: Path | None = None
        self.setWindowTitle(f"Restore a backup — {project.name}")
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Choose the backup to put in place of the project. What the "
                                "project holds now is backed up first, so this can be undone."))
        self.backups = QListWidget()
        for backup in reversed(list_backups(project)):
            stamp = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%d %b %Y %H:%M:%S")
            item = QListWidgetItem(f"{stamp}    {backup.name}    "
                                   f"{backup.stat().st_size // 1024} KB")
            item.setData(256, str(backup))
            self.backups.addItem(item)
        if self.backups.count():
            self.backups.setCurrentRow(0)
        layout.addWidget(self.backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton("Restore",
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(self.backups.count() > 0)
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _restore(self) -> None:
        item = self.backups.currentItem()
        if item is None:
            return
        backup = Path(item.data(256))
        try:
            restore_backup(backup, self.project)
        except CasecoderError as exc:
            QMessageBox.warning(self, "Restore", str(exc))
            return
        self.restored_from = backup
        self.accept()


def show_restore_dialog(parent: QWidget | None, project_path: Path) -> Path | None:
    """Run the dialog; the caller must have closed the project first. Returns the backup used."""
    dialog = RestoreDialog(Path(project_path), parent)
    dialog.exec()
    return dialog.restored_from
