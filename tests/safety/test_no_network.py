"""No network: every command and the desktop window run with network use refused and logged.

A child process runs them all with an audit hook (tests/safety/offline/sitecustomize.py) that
refuses and records any Internet socket, connection or name lookup, in the child and in every
worker process it starts. The test fails if anything was recorded, or if a command of the
command line was not run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from desktop.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
OFFLINE = Path(__file__).with_name("offline")
NETWORK_MODULES = re.compile(
    r"^\s*(from|import)\s+(socket|urllib\.request|http\.client|requests|httpx|ftplib|smtplib"
    r"|PySide6\.QtNetwork|PySide6\.QtWebEngine\w*)\b", re.MULTILINE)


def _registered_commands() -> set[str]:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    return set(subparsers.choices)


def test_no_code_imports_a_network_module():
    offenders = []
    for folder in ("schema", "exports", "widgets", "desktop"):
        for path in (ROOT / folder).rglob("*.py"):
            if NETWORK_MODULES.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_every_command_and_the_window_run_without_the_network(tmp_path):
    log = tmp_path / "network.log"
    env = {**os.environ, "CASECODER_NETWORK_LOG": str(log), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(OFFLINE), str(ROOT)]),
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("CASECODER_PASSPHRASE", None)
    result = subprocess.run([sys.executable, str(OFFLINE / "run_everything.py"), str(tmp_path)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                            check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert not log.exists(), log.read_text()
    ran = set(re.findall(r"^ran (\S+) ->", result.stdout, re.MULTILINE))
    assert _registered_commands() <= ran, _registered_commands() - ran


def test_the_guard_itself_catches_network_use(tmp_path):
    log = tmp_path / "network.log"
    env = {**os.environ, "CASECODER_NETWORK_LOG": str(log), "PYTHONPATH": str(OFFLINE)}
    script = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\n" \
             "except OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    assert "socket" in log.read_text()
