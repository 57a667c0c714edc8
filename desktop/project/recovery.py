"""What the window does when a project is damaged: offer the newest good backup, and say
plainly when the backup made on opening could not be made."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.workers import start_task_with_dialog
from schema.errors import ProjectDamaged
from schema.file_swap import restore_backup


def offer_restore(window, error: ProjectDamaged) -> None:
    """Ask whether to put the newest good backup in place of a damaged project; on yes,
    restore it off the GUI thread and open the project again."""
    project, backup = Path(error.path), error.backup  # found and checked off the GUI thread
    if backup is None:
        QMessageBox.warning(window, "Project damaged",
                            f"{error}\n\nThere is no good backup of it to restore.")
        return
    answer = QMessageBox.question(
        window, "Project damaged",
        f"{project.name} is damaged and cannot be opened.\n\nRestore the newest good backup, "
        f"made {_when(backup)}? Changes since then are lost; what the damaged file holds is "
        f"kept beside the backups.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Yes:
        return

    def restored(safety: object) -> None:
        window.statusBar().showMessage(f"Restored {backup.name}; the damaged file is kept as "
                                       f"{Path(str(safety)).name}.", 15000)
        window.open_project(project)

    start_task_with_dialog(window, "Restoring the backup",
                           lambda _progress: restore_backup(backup, project),
                           on_success=restored,
                           on_failure=lambda m: QMessageBox.warning(window, "Restore", m))


def _when(backup: Path) -> str:
    made = datetime.fromtimestamp(backup.stat().st_mtime)
    return made.strftime("%d %b %Y at %H:%M").lstrip("0")


def report_backup(window: QWidget, message: str, ok: bool) -> None:
    """The rolling backup made on opening: a status line when it worked, a warning when the
    project failed its check (it may be damaged) or the backup could not be written."""
    if ok:
        window.statusBar().showMessage(message, 8000)
        return
    QMessageBox.warning(window, "No backup made", message)
