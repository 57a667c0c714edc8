"""The passphrase, audit log and restore dialogs, driven as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.audit.dialog import AuditDialog
from desktop.cli import common
from desktop.project.passphrase_dialog import PassphraseDialog
from desktop.project.restore_dialog import RestoreDialog
from schema import backup
from schema.backup import list_backups
from schema.encryption import forget_passphrase, passphrase_for
from schema.project import create_project, open_project
from schema.store import Store


def test_passphrase_dialog_refuses_a_wrong_one_and_keeps_the_right_one(qtbot, tmp_path,
                                                                      codebook, monkeypatch):
    monkeypatch.delenv("CASECODER_PASSPHRASE", raising=False)
    path = tmp_path / "enc.casecoder"
    create_project(path, site="S", coder="C", codebook=codebook,
                   passphrase="open sesame").conn.close()
    forget_passphrase(path)
    dialog = PassphraseDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, "guess")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.error.isVisibleTo(dialog)
    assert "wrong passphrase" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "open sesame")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert passphrase_for(path) == "open sesame"
    assert dialog.field.text() == ""
    forget_passphrase(path)


def test_audit_dialog_lists_and_filters(qtbot, store, project_path, store_thread_for):
    case = store.create_case("DHR-3", "DHR")
    coding = store.add_coding(case.id)
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "gender", "male")
    dialog = AuditDialog(store_thread_for(project_path, readonly=True))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == store.count("audit_log"), timeout=5000)
    assert dialog.model.index(0, 4).data() == "victims.gender", "newest first"
    qtbot.keyClicks(dialog.text, "victims.gender")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    assert dialog.model.index(0, 1).data() == "A. Analyst"


def test_restore_dialog_puts_a_backup_back(qtbot, project_path, monkeypatch):
    monkeypatch.setattr(backup, "_claimed", set())
    first = common.open_store(project_path, coder="A")
    first.create_case("SAR-1", "SAR")
    first.close()
    backup._claimed.clear()
    second = common.open_store(project_path, coder="A")
    second.create_case("SAR-2", "SAR")
    second.close()
    assert len(list_backups(project_path)) == 2
    dialog = RestoreDialog(project_path)
    qtbot.addWidget(dialog)
    assert dialog.backups.count() == 2
    dialog.restore_button.click()
    assert dialog.restored_from is not None
    restored = Store(open_project(project_path), "A")
    assert [c.reference for c in restored.list_cases()] == ["SAR-1"]
    restored.close()
