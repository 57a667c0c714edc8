"""Reconcile and restore say what they did once they have done it (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.cli import common
from desktop.merge import reconcile_dialog
from desktop.merge.reconcile_dialog import ReconcileDialog, show_reconcile_dialog
from desktop.project import restore_dialog
from desktop.project.restore_dialog import RestoreDialog, show_restore_dialog
from schema import backup
from schema.project import open_project
from schema.store import Store
from tests.merge.test_merge_gui import _merge_with_wizard, sources  # noqa: F401 (fixture)


def _capture_information(monkeypatch, module) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def information(_parent, title, text, *_args, **_kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok
    monkeypatch.setattr(module.QMessageBox, "information", information)
    return shown


def _when_shown(kind, act) -> None:
    """Once a modal dialog of `kind` is up, act on it (as the person would)."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(20, poll)


def test_restoring_a_backup_says_which_and_where_the_old_file_went(qtbot, project_path,
                                                                   monkeypatch):
    monkeypatch.setattr(backup, "_claimed", set())
    for reference in ("SAR-1", "SAR-2"):
        backup._claimed.clear()
        store = common.open_store(project_path, coder="A")
        store.create_case(reference, "SAR")
        store.close()
    shown = _capture_information(monkeypatch, restore_dialog)
    _when_shown(RestoreDialog, lambda dialog: dialog.restore_button.click())
    used = show_restore_dialog(None, project_path)
    assert used is not None
    [(title, text)] = shown
    assert title == "Backup restored"
    assert project_path.name in text and used.name in text and "kept as" in text
    restored = Store(open_project(project_path), "A")
    assert [c.reference for c in restored.list_cases()] == ["SAR-1"]
    restored.close()


def test_cancelling_a_restore_shows_no_confirmation(qtbot, project_path, monkeypatch):
    shown = _capture_information(monkeypatch, restore_dialog)
    _when_shown(RestoreDialog, lambda dialog: dialog.reject())
    assert show_restore_dialog(None, project_path) is None
    assert shown == []


def test_saving_a_consensus_says_what_was_decided(qtbot, tmp_path, sources,  # noqa: F811
                                                  store_thread_for, monkeypatch):
    target = tmp_path / "region.casecoder"
    _merge_with_wizard(qtbot, target, sources, store_thread_for)
    store = Store(open_project(target), "R")
    [case] = store.find_cases("DHR-2019-04")
    store.close()
    shown = _capture_information(monkeypatch, reconcile_dialog)

    def decide_one_and_save(dialog: ReconcileDialog) -> None:
        dialog.view.choose(0, 1)
        dialog.save_button.click()
    _when_shown(ReconcileDialog, decide_one_and_save)
    assert show_reconcile_dialog(None, store_thread_for(target, "R"), case.id)
    [(title, text)] = shown
    assert title == "Consensus saved"
    assert "DHR-2019-04" in text and "1 of 2" in text and "1 still open" in text
