"""SIGKILL in the middle of a burst of edits: every acknowledged edit survives, `check` passes.

Each kill point starts a child that edits the same project, waits for a chosen number of
acknowledgements plus a random fraction of the next edit, then kills it with SIGKILL. After
every kill the project is checked and every acknowledged edit looked up.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from schema.integrity import check_project
from schema.project import open_project
from schema.store import Store

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
KILL_POINTS = 50


def _kill_after(project: Path, start: int, acks_wanted: int, extra_delay: float) -> list[int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(CHILD), str(project), str(start), "1000"],
                             stdout=subprocess.PIPE, text=True, env=env)
    acked = []
    try:
        assert child.stdout.readline().strip() == "ready"
        while len(acked) < acks_wanted:
            acked.append(int(child.stdout.readline().split()[1]))
        time.sleep(extra_delay)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        acked += [int(line.split()[1]) for line in child.stdout.read().splitlines()
                  if line.startswith("ack")]
        child.stdout.close()
    return acked


def _assert_acknowledged_edits_present(project: Path, acked: list[int]) -> None:
    store = Store(open_project(project, readonly=True), "check")
    try:
        for i in acked:
            [case] = store.find_cases(f"CRASH-{i}")
            [coding] = store.codings(case.id)
            [victim] = store.entities(coding.id, "victims")
            answers = store.answers(victim.id)
            assert answers["age"].value == i % 100
            assert answers["ethnicity"].state == "not_reported"
    finally:
        store.close()


def test_sigkill_during_edits_loses_no_acknowledged_edit(project_path):
    rng = random.Random(20261122)
    next_start, all_acked = 0, []
    for _ in range(KILL_POINTS):
        acked = _kill_after(project_path, next_start, rng.randint(0, 6), rng.random() * 0.01)
        all_acked += acked
        assert check_project(project_path) == []
        _assert_acknowledged_edits_present(project_path, acked)
        next_start += 1000
    _assert_acknowledged_edits_present(project_path, all_acked)
    assert len(all_acked) >= KILL_POINTS
