"""Merges and reconciliations are recorded under the coder's name, not the login: in the
window (the name the app asked for), and on the command line (`--coder`, else the name the
app saved, read without Qt)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.merge.reconcile_dialog import load_reconcile_dialog
from desktop.merge.wizard import MergeWizard
from desktop.settings import AppSettings
from schema.locking import login_name
from schema.project import open_project
from schema.store import Store
from tests.merge.builders import code_review, make_project

ROOT = Path(__file__).resolve().parents[2]
CODER = "Siân O'Brien, QA"  # a comma, an apostrophe and a non-ASCII letter: INI quoting
SAVE_NAME = textwrap.dedent("""
    import sys
    from desktop.settings import AppSettings
    settings = AppSettings()
    settings.set_coder_name(sys.argv[1])
    settings.sync()
""")


@pytest.fixture
def sources(tmp_path, codebook):
    a = make_project(tmp_path / "lambeth.casecoder", codebook, "Lambeth", "A. Analyst")
    b = make_project(tmp_path / "southwark.casecoder", codebook, "Southwark", "B. Coder")
    code_review(a, "DHR-2019-04", gender="female")
    code_review(b, "DHR-2019-04", gender="male")
    a.close()
    b.close()
    return [tmp_path / "lambeth.casecoder", tmp_path / "southwark.casecoder"]


def _actors(path: Path, action: str) -> set[str]:
    store = Store(open_project(path, readonly=True), "reader")
    try:
        return {e.actor for e in store.audit_entries(action=action)}
    finally:
        store.close()


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CASECODER_CODER"}
    return {**env, "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}


def test_cli_merge_records_the_name_the_app_saved(tmp_path, sources):
    env = _env(tmp_path)
    subprocess.run([sys.executable, "-c", SAVE_NAME, CODER], env=env, cwd=ROOT, check=True,
                   timeout=60)
    target = tmp_path / "region.casecoder"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "merge", str(target),
                           *map(str, sources)], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _actors(target, "merge") == {CODER}


def test_cli_merge_coder_option_wins(tmp_path, sources):
    target = tmp_path / "region.casecoder"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "merge", str(target),
                           *map(str, sources), "--coder", "R. Regional"], env=_env(tmp_path),
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _actors(target, "merge") == {"R. Regional"}


def test_window_merge_and_reconcile_record_the_coder_name(qtbot, tmp_path, sources,
                                                          project_path):
    from desktop.main_window import MainWindow

    coder = "Coder Name-Not-Login"
    assert coder != login_name()
    window = MainWindow(AppSettings(tmp_path / "settings.ini"), coder)
    qtbot.addWidget(window)
    window.open_project(project_path)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.overview is not None, timeout=10000)
    wizard = MergeWizard(window.workspace.store_thread, window)
    wizard.add_sources(sources)
    wizard.merge_button.click()
    qtbot.waitUntil(lambda: wizard.task is None, timeout=20000)
    assert wizard.report is not None
    thread = window.workspace.store_thread
    cases = []
    thread.submit(lambda store: store.find_cases("DHR-2019-04"), cases.extend, print)
    qtbot.waitUntil(lambda: bool(cases), timeout=10000)
    dialog = load_reconcile_dialog(thread, cases[0].id, window)
    for row in range(len(dialog.conflicts)):
        dialog.view.choose(row, 0)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.saved_coding is not None, timeout=10000)
    window.close()
    assert _actors(project_path, "merge") == {coder}
    assert _actors(project_path, "reconcile") == {coder}
