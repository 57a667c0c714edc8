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
        self.kept_as: Path | None = None  # the copy of what the project held before
        self.setWindowTitle(f"Restore a backup — {project.name}")
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Choose the backup to put in place of the project. What the "
                                "project holds now is backed up first, so this can be undone."))
        self.backups = QListWidget()
        for backup in reversed(list_backups(project)):
            item = QListWidgetItem(f"{_stamp(backup)}    {backup.name}    "
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
            self.kept_as = restore_backup(backup, self.project)
        except CasecoderError as exc:
            QMessageBox.warning(self, "Restore", str(exc))
            return
        self.restored_from = backup
        self.accept()

    def confirmation(self) -> str:
        """What restoring did, in a sentence, for the message shown once the dialog closes."""
        if self.restored_from is None:
            return ""
        stamp = _stamp(self.restored_from)
        kept = f" What it held before is kept as {self.kept_as.name}." if self.kept_as else ""
        return (f"Restored {self.project.name} from the backup of {stamp} "
                f"({self.restored_from.name}).{kept}")


def show_restore_dialog(parent: QWidget | None, project_path: Path) -> Path | None:
    """Run the dialog; the caller must have closed the project first. Returns the backup used."""
    dialog = RestoreDialog(Path(project_path), parent)
    dialog.exec()
    if dialog.restored_from is not None:
        QMessageBox.information(parent, "Backup restored", dialog.confirmation())
    return dialog.restored_from


def _stamp(backup: Path) -> str:
    return datetime.fromtimestamp(backup.stat().st_mtime).strftime("%d %b %Y %H:%M:%S")
