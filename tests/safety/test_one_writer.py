"""One writer per project: a second Casecoder gets a clear message and can read only."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import pytest

from desktop.cli.common import open_store
from main import main
from schema.locking import ProjectLocked, lock_path

HOLD = textwrap.dedent("""
    import sys, time
    from desktop.cli.common import open_store
    store = open_store(sys.argv[1], coder="Holder")
    print("open", flush=True)
    time.sleep(60)
""")


@pytest.fixture
def held_elsewhere(project_path):
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(project_path)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "open"
    yield child
    child.kill()
    child.wait()
    child.stdout.close()


def test_second_writer_is_refused_with_who_holds_it(project_path, held_elsewhere, capsys):
    with pytest.raises(ProjectLocked) as caught:
        open_store(project_path, coder="Second")
    assert "already open in another Casecoder" in str(caught.value)
    assert "open it read-only" in str(caught.value)
    reader = open_store(project_path, readonly=True)
    assert reader.list_cases() == []
    reader.close()
    assert main(["import-json", str(project_path), "whatever.json"]) == 2
    assert main(["info", str(project_path)]) == 0


def test_a_killed_holder_leaves_no_stale_lock(project_path, held_elsewhere):
    held_elsewhere.send_signal(signal.SIGKILL)
    held_elsewhere.wait()
    store = open_store(project_path, coder="After")
    store.create_case("DHR-1", "DHR")
    store.close()
    assert not lock_path(project_path).exists()


def test_same_process_shares_the_lock(project_path):
    first = open_store(project_path, coder="A")
    second = open_store(project_path, coder="A")
    second.close()
    assert lock_path(project_path).exists()
    first.create_case("SAR-1", "SAR")
    first.close()
    assert not lock_path(project_path).exists()
