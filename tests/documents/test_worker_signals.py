"""Text-reader workers end quietly when the import that started them is killed or interrupted.

Each test runs the real command, `main.py import`, in its own process group, with stdout and
stderr going to files that its spawned workers inherit. The PDF has a page of 80,000 drawn
lines that takes a worker several seconds, so one worker is busy on it and the other waits
for work when the signal arrives.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from schema.documents.extraction import _Worker
from tests.documents import pdf_files

ROOT = Path(__file__).resolve().parents[2]
SLOW_PAGE_LINES = 80_000  # about 5-10 s for one worker
BUSY_SECONDS = 1.5  # how long the workers have been reading when the signal is sent
QUIET_EXIT_SECONDS = 2.0  # how long a worker may outlive the end of its parent

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists() or os.name != "posix",
                                reason="needs POSIX process groups and /proc")


@pytest.fixture(scope="module")
def slow_pdf(tmp_path_factory) -> Path:
    """Page 1 text, page 2 the slow drawing, page 3 text (built once for the module)."""
    return pdf_files.many_lines_pdf(tmp_path_factory.mktemp("slow"), lines=SLOW_PAGE_LINES)


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, process group) of `pid` from /proc, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0], int(fields[1]), int(fields[2])


def _live_members(group: int) -> list[int]:
    """The processes of process group `group` still running (zombies are already dead)."""
    pids = [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]
    return [pid for pid in pids
            if (stat := _stat(pid)) and stat[2] == group and stat[0] not in ("Z", "X")]


def _workers_of(parent: int) -> list[int]:
    """The running multiprocessing children (text-reader workers) of `parent`."""
    found = []
    for pid in _live_members(parent):
        stat = _stat(pid)
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if stat and stat[1] == parent and b"spawn_main" in command:
            found.append(pid)
    return found


def _start_import(project: Path, pdf: Path, folder: Path) -> subprocess.Popen:
    """`main.py import` in a new session, once both its text-reader workers are at work."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(folder / "stdout.txt", "wb") as out, open(folder / "stderr.txt", "wb") as err:
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "import", str(project), str(pdf),
             "--workers", "2", "--page-timeout", "120"],
            cwd=ROOT, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
            start_new_session=True)
    deadline = time.monotonic() + 30
    while len(_workers_of(child.pid)) < 2 and child.poll() is None:
        assert time.monotonic() < deadline, "the import never started its workers"
        time.sleep(0.05)
    time.sleep(BUSY_SECONDS)
    assert child.poll() is None, (folder / "stderr.txt").read_text()
    return child


def _seconds_until_group_gone(group: int, limit: float = 40.0) -> float:
    """How long until no process of `group` is running; waits at most `limit` seconds."""
    started = time.monotonic()
    while _live_members(group) and time.monotonic() - started < limit:
        time.sleep(0.05)
    return time.monotonic() - started


def _kill_group(group: int) -> None:
    """Clean-up for a failed test: no process of ours is left running."""
    if _live_members(group):
        os.killpg(group, signal.SIGKILL)


def test_sigkill_of_the_importer_leaves_workers_that_end_quietly_and_at_once(
        project_path, slow_pdf, tmp_path):
    child = _start_import(project_path, slow_pdf, tmp_path)
    try:
        os.kill(child.pid, signal.SIGKILL)  # the parent alone; its workers are orphaned
        child.wait(timeout=10)
        outlived = _seconds_until_group_gone(child.pid)
    finally:
        _kill_group(child.pid)
    stderr = (tmp_path / "stderr.txt").read_text()
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert outlived < QUIET_EXIT_SECONDS, f"a worker outlived its parent by {outlived:.1f} s"


def test_ctrl_c_on_an_import_prints_one_line_and_no_worker_traceback(
        project_path, slow_pdf, tmp_path):
    child = _start_import(project_path, slow_pdf, tmp_path)
    try:
        os.killpg(child.pid, signal.SIGINT)  # what Ctrl+C in a terminal does
        started = time.monotonic()
        code = child.wait(timeout=15)
        took = time.monotonic() - started
        outlived = _seconds_until_group_gone(child.pid)
    finally:
        _kill_group(child.pid)
    stderr = (tmp_path / "stderr.txt").read_text()
    assert code == 130
    assert stderr.splitlines() == ["casecoder: interrupted; nothing half-written was kept."]
    assert took < 5, f"the import took {took:.1f} s to stop"
    assert outlived < QUIET_EXIT_SECONDS, f"a worker outlived its parent by {outlived:.1f} s"


def test_a_ctrl_c_while_a_worker_is_starting_up_is_ignored(capfd):
    worker = _Worker(multiprocessing.get_context("spawn"))
    try:
        os.kill(worker.process.pid, signal.SIGINT)  # long before its Python has started
        worker.conn.send(("page", 1))
        assert worker.conn.recv() == ("page_failed", 1, "no document is open")
        worker.conn.send(None)
        worker.process.join(timeout=10)
        assert worker.process.exitcode == 0
    finally:
        worker.kill()
    assert "Traceback" not in capfd.readouterr().err
