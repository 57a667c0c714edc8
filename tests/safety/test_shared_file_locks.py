"""The locking mechanism behind two Casecoder processes on one file (issue points 1 and 2).

Each test starts real processes. A refused command must change no byte of any file, and a
live connection's -wal must never be removed by someone else.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.cli.common import open_store
from schema import connections
from schema.file_swap import encrypt_project
from schema.integrity import check_project
from schema.locking import ProjectInUse
from schema.project import is_encrypted, open_project
from schema.store import Store
from tests.safety.shared_file.rounds import ROOT, command

PASSPHRASE = {"CASECODER_PASSPHRASE": "a passphrase"}
HOLD = textwrap.dedent("""
    import sys, time
    from desktop.cli.common import open_store
    store = open_store(sys.argv[1], coder="Holder", readonly=sys.argv[2] == "ro")
    if sys.argv[2] == "rw":
        store.create_case("HELD-1", "DHR")
    print("open", flush=True)
    time.sleep(60)
""")


def _hold(path: Path, mode: str) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(path), mode], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True, env={**os.environ, **PASSPHRASE})
    assert child.stdout.readline().strip() == "open"
    return child


def _stop(child: subprocess.Popen) -> None:
    child.kill()
    child.wait()
    child.stdout.close()


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file's bytes (the lock file aside, whose bytes are advisory locks only)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_reading_the_header_while_open_keeps_the_live_wal(project_path):
    """Opening the same project again in one process (as the app's dialogs do) must not drop
    the locks SQLite holds, or a refused writer elsewhere deletes the live -wal."""
    store = open_store(project_path, coder="Window", backup=False)
    store.create_case("WIN-1", "DHR")
    wal = Path(f"{project_path}-wal")
    inode = wal.stat().st_ino
    for _ in range(3):
        assert not is_encrypted(project_path)
        open_project(project_path, readonly=True).conn.close()
        assert check_project(project_path) == []
    for args in (["import-json", str(project_path), "none.json"],
                 ["restore", str(project_path), str(project_path)], ["info", str(project_path)]):
        _run(*args)
    assert wal.exists() and wal.stat().st_ino == inode, "another process removed the live -wal"
    store.create_case("WIN-2", "DHR")
    store.close()
    assert check_project(project_path) == []
    reader = open_store(project_path, readonly=True)
    assert {c.reference for c in reader.list_cases()} == {"WIN-1", "WIN-2"}
    reader.close()


def test_one_sqlite_library_serves_a_plain_file(project_path):
    store = open_store(project_path, coder="Window", backup=False)
    assert type(store.db.conn).__module__ == "schema.connections"
    assert connections.open_connections(project_path) == 1
    before = _fingerprint(project_path.parent)
    with pytest.raises(ProjectInUse, match="open in another Casecoder"):
        encrypt_project(project_path, "a passphrase")  # would read it through SQLCipher
    assert _fingerprint(project_path.parent) == before
    store.close()
    assert connections.open_connections(project_path) == 0


@pytest.mark.parametrize("name", ["encrypt", "decrypt", "restore", "import", "merge"])
def test_file_replacing_commands_are_refused_while_the_app_writes(project_path, tmp_path,
                                                                  name):
    backup = tmp_path / "copy.casecoder"
    assert _run("backup", str(project_path), "--out", str(backup)).returncode == 0
    if name == "decrypt":
        assert _run("encrypt", str(project_path), env=PASSPHRASE).returncode == 0
    holder = _hold(project_path, "rw")
    try:
        before = _fingerprint(tmp_path)
        args = {"encrypt": ["encrypt", str(project_path)],
                "decrypt": ["decrypt", str(project_path)],
                "restore": ["restore", str(project_path), str(backup)],
                "import": ["import", str(project_path), str(backup)],
                "merge": ["merge", str(project_path), str(backup)]}[name]
        result = _run(*args, env=PASSPHRASE)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "already open in another Casecoder" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert _fingerprint(tmp_path) == before
    finally:
        _stop(holder)
    reader = Store(open_project(project_path, readonly=True, passphrase="a passphrase"), "T")
    assert "HELD-1" in {c.reference for c in reader.list_cases()}
    reader.close()


def test_a_reader_elsewhere_blocks_replacing_but_not_writing(project_path, tmp_path):
    backup = tmp_path / "copy.casecoder"
    assert _run("backup", str(project_path), "--out", str(backup)).returncode == 0
    reader = _hold(project_path, "ro")
    try:
        before = _fingerprint(tmp_path)
        for args in (["encrypt", str(project_path)],
                     ["restore", str(project_path), str(backup)]):
            result = _run(*args, env=PASSPHRASE)
            assert result.returncode == 2
            assert "open in another Casecoder window or command" in result.stderr
        assert _fingerprint(tmp_path) == before
        writer = open_store(project_path, coder="Writer", backup=False)
        writer.create_case("W-1", "SAR")
        writer.close()
    finally:
        _stop(reader)
    assert _run("encrypt", str(project_path),
                env=PASSPHRASE).returncode == 0
