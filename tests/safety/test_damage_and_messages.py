"""Damaged projects, plaintext after encryption, litter after a kill, and what the user is told
(issue points 5, 6 and 8)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.cli.common import open_store
from desktop.settings import AppSettings
from main import main
from schema import backup
from schema.backup import list_backups
from schema.integrity import check_project
from schema.project import open_project
from schema.store import Store
from tests.documents.pdf_files import overview_pdf
from tests.gui.helpers import open_window, wait_idle
from tests.safety.shared_file.rounds import ROOT, command

SECRET = b"Hoarding"  # a word of the imported review's text
PASSPHRASE = "a long passphrase"


@pytest.fixture(autouse=True)
def fresh_backup_memory(monkeypatch):
    monkeypatch.setattr(backup, "_claimed", set())


def _coded(path: Path, cases: int = 200) -> None:
    store = open_store(path, coder="A")
    for i in range(cases):
        store.create_case(f"C-{i}", "DHR", title="a title " * 20)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def _backed_up_now(path: Path) -> Path:
    backup._claimed.clear()
    open_store(path, coder="A").close()
    return list_backups(path)[-1]


def _damage_tail(path: Path) -> None:
    """Overwrite two data pages near the end: the file still opens, but is malformed."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size - 3 * 4096)
        handle.write(random.Random(1).randbytes(2 * 4096))


def _json_of(path: Path) -> str:
    out = path.with_name("export.json")
    assert main(["export-json", str(path), "--out", str(out)]) == 0
    return str(out)


def _one_line(message: str, folder: Path) -> str:
    text = message.strip().replace(f"{folder}{os.sep}", "")
    assert len(text.splitlines()) == 1, message
    assert len(text) <= 200, text
    return text


def test_a_damaged_project_is_never_backed_up_over_the_good_copy(project_path, capsys):
    _coded(project_path)
    json_file = _json_of(project_path)
    good = list_backups(project_path)
    assert len(good) == 1
    store = open_store(project_path, coder="A")  # a change, so a new backup would be due
    store.create_case("LATE-1", "SAR")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    _damage_tail(project_path)
    backup._claimed.clear()
    capsys.readouterr()
    assert main(["import-json", str(project_path), json_file]) == 2
    text = _one_line(capsys.readouterr().err, project_path.parent)
    assert "fails its integrity check" in text and good[0].name in text
    assert list_backups(project_path) == good
    assert check_project(good[0]) == []


def test_a_project_that_will_not_open_names_the_backup_to_restore(project_path, capsys):
    _coded(project_path, cases=5)
    good = _backed_up_now(project_path)
    with project_path.open("r+b") as handle:  # the schema page, past the file header
        handle.seek(100)
        handle.write(b"\xff" * 3996)
    assert main(["cases", str(project_path)]) == 2
    text = _one_line(capsys.readouterr().err, project_path.parent)
    assert "is damaged" in text and good.name in text
    assert f"casecoder restore {project_path.name} --newest" in text
    assert main(["restore", str(project_path), "--newest"]) == 0
    assert check_project(project_path) == []
    assert len(Store(open_project(project_path, readonly=True), "T").list_cases()) == 5
    assert any(p.suffix == ".damaged" for p in project_path.with_name(
        project_path.name + ".backups").iterdir())


def test_the_window_offers_the_newest_good_backup(qtbot, project_path, tmp_path,
                                                  monkeypatch):
    _coded(project_path, cases=5)
    _backed_up_now(project_path)
    with project_path.open("r+b") as handle:
        handle.seek(100)
        handle.write(b"\xff" * 3996)
    asked: list[str] = []

    def answer_yes(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    window.open_project(project_path)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert "Restore the newest good backup" in asked[0]
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.overview
                    is not None, timeout=20000)
    wait_idle(qtbot, window)
    assert len(window.workspace.overview.cases) == 5


def test_after_encrypt_no_plaintext_is_left_beside_the_project(project_path, tmp_path,
                                                               monkeypatch):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    assert main(["import", str(project_path), str(overview_pdf(inputs))]) == 0
    _coded(project_path, cases=3)  # a second rolling backup, holding the page text too
    assert len(list_backups(project_path)) >= 1
    monkeypatch.setenv("CASECODER_PASSPHRASE", PASSPHRASE)
    assert main(["encrypt", str(project_path)]) == 0
    shutil.rmtree(inputs)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_bytes(), f"{path} holds readable review text"
    for item in list_backups(project_path):
        assert check_project(item) == []


def test_a_killed_encrypt_leaves_litter_that_the_next_run_removes(project_path, tmp_path):
    _coded(project_path, cases=400)
    env = {**os.environ, "CASECODER_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    seen_partial = False
    for delay in (0.35, 0.5, 0.7, 0.9):
        child = subprocess.Popen(command("encrypt", str(project_path)), env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        seen_partial |= any(tmp_path.glob(".*.partial"))
        store = Store(open_project(project_path, readonly=True, passphrase=PASSPHRASE), "T")
        assert len(store.list_cases()) == 400
        store.close()
    if not seen_partial:  # the machine was too fast or too slow: leave litter by hand
        (tmp_path / f".{project_path.name}.0badf00d.partial").write_bytes(b"x" * 8192)
    os.environ["CASECODER_PASSPHRASE"] = PASSPHRASE
    try:
        open_store(project_path, coder="Next").close()
    finally:
        del os.environ["CASECODER_PASSPHRASE"]
    assert not list(tmp_path.glob(".*.partial"))
    assert check_project(project_path) == []


def test_a_folder_is_called_a_folder(tmp_path, capsys):
    assert main(["info", str(tmp_path)]) == 2
    assert "is a folder" in _one_line(capsys.readouterr().err, tmp_path.parent)


def test_junk_is_not_asked_for_a_passphrase(tmp_path, capsys):
    junk = tmp_path / "junk.casecoder"
    junk.write_bytes(random.Random(2).randbytes(4096))
    assert main(["info", str(junk)]) == 2
    text = _one_line(capsys.readouterr().err, tmp_path)
    assert "not a Casecoder project" in text and "passphrase" not in text


def _make_read_only(path: Path) -> None:
    if os.geteuid() == 0:  # root ignores permission bits, but not the immutable attribute
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("chattr is not available here to make a file immutable")
    else:
        path.chmod(0o555 if path.is_dir() else 0o444)


def _undo_read_only(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_is_not_called_damaged(project_path, capsys, what):
    target = project_path if what == "file" else project_path.parent
    json_file = _json_of(project_path)
    capsys.readouterr()
    _make_read_only(target)
    try:
        assert main(["import-json", str(project_path), json_file]) == 2
        text = _one_line(capsys.readouterr().err, project_path.parent)
        assert "read-only" in text and "damaged" not in text
        assert main(["info", str(project_path)]) == 0
    finally:
        _undo_read_only(target)
