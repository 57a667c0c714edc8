"""Asking for an encrypted project's passphrase in the app.

The passphrase is checked by opening the project read-only, then kept in this process's
memory only (schema.encryption.remember_passphrase): never in settings, logs or files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from schema.encryption import PassphraseRequired, remember_passphrase
from schema.errors import ProjectError
from schema.project import open_project


class PassphraseDialog(QDialog):
    """A password field that checks the passphrase before accepting it."""

    def __init__(self, project: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Encrypted project")
        self._setup_ui()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{self.project.name}</b> is encrypted.<br>"
                                "Type its passphrase to open it."))
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName("Passphrase")
        layout.addWidget(self.field)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._try_passphrase)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _try_passphrase(self) -> None:
        passphrase = self.field.text()
        if not passphrase:
            return
        try:
            open_project(self.project, readonly=True, passphrase=passphrase).conn.close()
        except ProjectError as exc:
            self.field.selectAll()
            self.error.setText(str(exc).split(": ", 1)[-1])
            self.error.show()
            return
        remember_passphrase(self.project, passphrase)
        self.field.clear()
        self.accept()


def unlock_project(parent: QWidget | None, project: Path) -> bool:
    """Make sure the project can be opened: ask for its passphrase if it is encrypted.

    Returns False if the user cancelled. Errors other than a missing passphrase are left for
    the caller's normal opening path to report."""
    try:
        open_project(project, readonly=True).conn.close()
    except PassphraseRequired:
        return PassphraseDialog(project, parent).exec() == QDialog.DialogCode.Accepted
    except ProjectError:
        return True
    return True
