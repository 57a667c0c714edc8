"""Several real Casecoder processes on one project file: an app-like writer editing on the
store thread, every command-line writer run against it, and SIGKILL at random moments.
Nothing acknowledged is lost, `check` passes, and the writer's -wal is never removed."""

from __future__ import annotations

import os
import random

import pytest

from tests.safety.shared_file.rounds import PASSPHRASE, play_round, prepare

ROUNDS = int(os.environ.get("CASECODER_SHARED_ROUNDS", "50"))


@pytest.fixture
def passphrase_env(monkeypatch):
    monkeypatch.setenv("CASECODER_PASSPHRASE", PASSPHRASE)


@pytest.mark.slow
def test_rounds_of_concurrent_writers_and_kills(tmp_path, passphrase_env):
    shared = prepare(tmp_path)
    rng = random.Random(20261201)
    for serial in range(ROUNDS):
        play_round(shared, serial, rng)
    names = {line.split(":")[0] for line in shared.log}
    assert {"encrypt", "restore", "merge", "import"} <= names
