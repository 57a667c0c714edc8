"""Backups: rolling on open, on demand, restorable; never a byte copy of the live file."""

from __future__ import annotations

import shutil

import pytest

from desktop.cli.common import open_store
from main import main
from schema import backup
from schema.backup import list_backups
from schema.project import open_project
from schema.store import Store


@pytest.fixture(autouse=True)
def fresh_process_memory(monkeypatch):
    monkeypatch.setattr(backup, "_claimed", set())


def _reopen(path):
    backup._claimed.clear()
    store = open_store(path, coder="A")
    return store


def test_opening_for_writing_makes_a_rolling_backup_and_keeps_n(project_path, monkeypatch):
    store = _reopen(project_path)
    assert len(list_backups(project_path)) == 1
    store.close()
    store = _reopen(project_path)
    assert len(list_backups(project_path)) == 1, "nothing changed, so no new backup"
    for i in range(7):
        store.create_case(f"DHR-{i}", "DHR")
        store.close()
        store = _reopen(project_path)
    store.close()
    backups = list_backups(project_path)
    assert len(backups) == 5
    newest = Store(open_project(backups[-1], readonly=True), "A")
    assert len(newest.list_cases()) == 7
    newest.close()


def test_keep_is_configurable(project_path, capsys):
    assert main(["backup", str(project_path), "--keep", "2"]) == 0
    for i in range(4):
        store = _reopen(project_path)
        store.create_case(f"CSPR-{i}", "CSPR")
        store.close()
    _reopen(project_path).close()
    assert len(list_backups(project_path)) == 2


def test_backup_on_demand_while_open_and_restore(tmp_path, project_path, capsys):
    store = _reopen(project_path)
    store.create_case("SAR-1", "SAR")
    out = tmp_path / "copy.casecoder"
    assert main(["backup", str(project_path), "--out", str(out)]) == 0
    store.create_case("SAR-2", "SAR")
    store.close()
    assert main(["check", str(out)]) == 0
    assert main(["restore", str(project_path), str(out)]) == 0
    restored = Store(open_project(project_path), "A")
    assert [c.reference for c in restored.list_cases()] == ["SAR-1"]
    restored.close()
    safety = [b for b in list_backups(project_path) if "before-restore" in b.name]
    kept = Store(open_project(safety[0], readonly=True), "A")
    assert [c.reference for c in kept.list_cases()] == ["SAR-1", "SAR-2"]
    kept.close()
    assert main(["backup", str(project_path), "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_backups_never_copy_the_file(project_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a live project file was copied byte for byte")

    for name in ("copy", "copy2", "copyfile", "copyfileobj"):
        monkeypatch.setattr(shutil, name, refuse)
    store = _reopen(project_path)
    store.close()
    assert list_backups(project_path)


def test_encrypted_backups_stay_encrypted(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CASECODER_PASSPHRASE", "s3cret passphrase")
    path = tmp_path / "enc.casecoder"
    assert main(["new", str(path), "--encrypt"]) == 0
    store = _reopen(path)
    store.create_case("IIR-1", "IIR")
    store.close()
    _reopen(path).close()
    backup = list_backups(path)[-1]
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    assert main(["cases", str(backup)]) == 0
    assert "IIR-1" in capsys.readouterr().out
