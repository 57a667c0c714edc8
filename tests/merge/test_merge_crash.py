"""SIGKILL during `merge` into a new target (issue 11 point 4): the target is absent or whole.

A real `python main.py merge` runs in a child process and is killed with SIGKILL very early,
as soon as its first file appears beside the target, and at several moments after. After each
kill the target must either not exist or hold the complete merge and pass `check`, and running
the merge again must succeed. Hidden litter a killed merge leaves is removed by a later one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from main import main
from schema.project import open_project
from tests.merge.builders import add_document, code_review, make_project

ROOT = Path(__file__).resolve().parents[2]
CASES = 30
# (what to wait for, seconds to wait after it): "start" kills at once, before the child has
# made any file; "creating" once it has made its first file (create_project at work);
# "merging" once the project it merges into is open for writing (a project file with its
# writer lock file beside it: the hidden partial, or the target itself in a build that merges
# in place); "writing" once that project also has a rollback journal.
KILL_POINTS = (("start", 0.0), ("creating", 0.0), ("merging", 0.0), ("writing", 0.0),
               ("merging", 0.05))


@pytest.fixture(scope="module")
def source(tmp_path_factory, codebook) -> Path:
    """A borough with enough cases and PDF bytes that merging it takes a few tenths of a
    second, so the kills land inside the merge."""
    path = tmp_path_factory.mktemp("borough") / "lambeth.casecoder"
    store = make_project(path, codebook, "Lambeth", "A. Analyst")
    for i in range(CASES):
        document = add_document(store, os.urandom(300_000), f"review-{i}.pdf",
                                page_text="the review panel found " * 20)
        code_review(store, f"DHR-2019-{i:02d}", document=document, quote="review panel")
    store.close()
    return path


def _run_main(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _beside(target: Path) -> list[str]:
    """Files the merge makes beside the target: the target itself, hidden partials, their
    journals and lock files."""
    return sorted(n for n in os.listdir(target.parent)
                  if n.startswith((target.name, f".{target.name}.", f"..{target.name}.")))


def _made_by_merge(target: Path) -> list[str]:
    return [n for n in _beside(target) if not n.endswith(".lock")]


def _reached(stage: str, files: list[str]) -> bool:
    """Whether the files beside the target show the merge has reached `stage`."""
    merged_into = [n for n in files if not n.startswith("..") and f"{n}.lock" in files
                   and not n.endswith((".lock", "-journal", "-wal", "-shm"))]
    made = [n for n in files if not n.endswith(".lock")]
    return {"start": True, "creating": bool(made), "merging": bool(merged_into),
            "writing": any(f"{n}-journal" in files for n in merged_into)}[stage]


def _kill_merge(target: Path, source: Path, stage: str, delay: float) -> list[str]:
    """Start a merge into `target`, SIGKILL it once it reaches `stage` (and `delay` seconds
    more), and return the files it left beside the target."""
    child = _run_main("merge", str(target), str(source), "--coder", "K. Killer")
    try:
        deadline = time.monotonic() + 30
        while not _reached(stage, _beside(target)) and child.poll() is None:
            assert time.monotonic() < deadline, f"the merge did not reach {stage} in 30 s"
            time.sleep(0.0002)
        time.sleep(delay)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    return _made_by_merge(target)


def _references(target: Path) -> set[str]:
    db = open_project(target, readonly=True)
    try:
        return {row[0] for row in db.execute("SELECT reference FROM cases")}
    finally:
        db.conn.close()


def _assert_absent_or_whole(target: Path) -> None:
    assert target.name not in os.listdir(target.parent) or target.is_file()
    if not target.exists():
        return
    checked = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(target)],
                             cwd=ROOT, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert _references(target) == {f"DHR-2019-{i:02d}" for i in range(CASES)}


def test_sigkill_during_merge_into_a_new_target_leaves_it_absent_or_whole(tmp_path, source,
                                                                         capsys):
    cut_mid_merge = 0
    for round_number, (stage, delay) in enumerate(KILL_POINTS):
        target = tmp_path / f"region-{round_number}.casecoder"
        left = _kill_merge(target, source, stage, delay)
        _assert_absent_or_whole(target)
        cut_mid_merge += not target.exists() and any(not n.startswith("..") for n in left)
        assert main(["merge", str(target), str(source), "--coder", "R. Rerun"]) == 0
        assert main(["check", str(target)]) == 0
        assert _references(target) == {f"DHR-2019-{i:02d}" for i in range(CASES)}
    capsys.readouterr()
    assert cut_mid_merge >= 2  # kills did land while the merge was writing the new project


def test_a_later_merge_removes_the_litter_of_a_killed_one(tmp_path, source, capsys):
    target = tmp_path / "region.casecoder"
    litter = [tmp_path / f".{target.name}.0123abcd.partial",
              tmp_path / f".{target.name}.0123abcd.partial-journal",
              tmp_path / f".{target.name}.0123abcd.partial.lock",
              tmp_path / f"..{target.name}.0123abcd.partial.89abcdef.partial"]
    for path in litter:
        path.write_bytes(b"half a project")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / f".{target.name}.fedcba98.partial"  # maybe another program's, live
    fresh.write_bytes(b"being written")
    unrelated = tmp_path / f".{target.name}.notes.partial"
    unrelated.write_bytes(b"not ours")
    os.utime(unrelated, (time.time() - 3600, time.time() - 3600))
    assert main(["merge", str(target), str(source)]) == 0
    capsys.readouterr()
    assert not any(path.exists() for path in litter)
    assert fresh.exists() and unrelated.exists()
    assert _references(target) == {f"DHR-2019-{i:02d}" for i in range(CASES)}
