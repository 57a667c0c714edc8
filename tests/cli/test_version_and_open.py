"""`casecoder --version`, and `casecoder FILE` opening the app on a project as a file manager
starts it, with a file that is not a project refused in one line before any window."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from desktop.cli import build_parser, run_command_line
from desktop.cli.gui import bare_path_open
from desktop.cli.version import casecoder_version

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=ROOT)


def test_version_prints_the_package_version():
    done = _run("--version")
    assert done.returncode == 0
    assert done.stdout == f"casecoder {casecoder_version()}\n"
    with (ROOT / "pyproject.toml").open("rb") as handle:
        assert casecoder_version() == tomllib.load(handle)["project"]["version"]


def test_installed_script_reports_the_same_version():
    script = Path(sys.executable).with_name("casecoder")
    if not script.exists():
        pytest.skip("casecoder is not installed in this environment")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == f"casecoder {casecoder_version()}"


def test_a_bare_path_routes_to_open(project_path, tmp_path):
    commands = build_parser().command_names
    assert bare_path_open([str(project_path)], commands) == ["open", str(project_path)]
    assert bare_path_open(["new.casecoder"], commands) == ["open", "new.casecoder"]
    assert bare_path_open([project_path.as_uri()], commands) == ["open", str(project_path)]
    assert bare_path_open(["info", str(project_path)], commands) == ["info",
                                                                     str(project_path)]
    assert bare_path_open(["--version"], commands) == ["--version"]
    assert bare_path_open(["typo"], commands) == ["typo"]  # still reported as a command
    opened = []
    code = run_command_line([str(project_path)], open_app=lambda p: opened.append(p) or 0)
    assert code == 0 and opened == [str(project_path)]


def test_a_mistyped_command_is_not_taken_for_a_file(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run_command_line(["tabels"], open_app=lambda p: 0)
    assert exit_info.value.code == 2
    assert "invalid choice: 'tabels'" in capsys.readouterr().err


def test_a_damaged_project_still_reaches_the_app_which_offers_a_backup(tmp_path, project_path):
    damaged = tmp_path / "damaged.casecoder"
    damaged.write_bytes(project_path.read_bytes()[:50])  # SQLite header cut short
    opened = []
    assert run_command_line([str(damaged)], open_app=lambda p: opened.append(p) or 0) == 0
    assert opened == [str(damaged)]


def test_main_py_refuses_a_file_that_is_not_a_project_in_one_line(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("minutes of the panel meeting\n")
    done = _run(str(notes))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"casecoder: error: {notes} is not a Casecoder project")
    assert "Check the path" in lines[0] and "Nothing was opened" in lines[0]
    assert done.stdout == ""


def test_main_py_names_a_missing_project_and_what_to_do(tmp_path):
    missing = tmp_path / "borough.casecoder"
    done = _run(str(missing))
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert f"{missing} does not exist" in line and "'new'" in line
    assert not missing.exists()
