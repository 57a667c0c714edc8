"""Rounds of real processes against one project file, shared by the test and the soak script.

In each round an app-like writer (the real store thread, tests/safety/shared_file/app_writer)
keeps creating cases while command-line writers run against the same file from other
processes, and processes are SIGKILLed at random moments. What a round promises:

- every case the writer acknowledged, and every import, merge and import-json that exited 0,
  is in the project afterwards (a successful `restore` resets this to the backup's contents);
- `check` passes on the project and on every backup and output file left;
- the writer's live `-wal` is never removed or replaced while it runs;
- no command reports success while another process holds the writer lock, except `backup`.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from schema.integrity import check_project
from schema.project import create_project, open_project
from schema.resources import default_codebook_path
from schema.store import Store
from tests.documents.pdf_files import overview_pdf, summary_pdf

PASSPHRASE = "correct horse battery staple"
ROOT = Path(__file__).resolve().parents[3]
COMMANDS = ("import", "import-json", "merge", "restore", "encrypt", "decrypt", "backup")


@dataclass
class SharedFile:
    """The project under test, the inputs the commands use, and what must be in it."""

    folder: Path
    project: Path
    pdfs: list[Path]
    source: Path
    json_file: Path
    restore_from: Path
    expected_cases: set[str] = field(default_factory=set)
    expected_documents: set[str] = field(default_factory=set)
    log: list[str] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CASECODER_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen",
                "PYTHONPATH": str(ROOT)}


def prepare(folder: Path) -> SharedFile:
    """A project with one case, a source project to merge and its JSON, a backup, PDFs."""
    from schema.codebook_loader import load_codebook

    codebook = load_codebook(default_codebook_path())
    project, source = folder / "shared.casecoder", folder / "source.casecoder"
    for path, site, reference in ((project, "Lambeth", "BASE-1"), (source, "Hackney", "SRC-1")):
        store = Store(create_project(path, site=site, coder="Setup", codebook=codebook), "Setup")
        store.create_case(reference, "SAR")
        store.close()
    shared = SharedFile(folder, project, [overview_pdf(folder), summary_pdf(folder)], source,
                        folder / "source.json", folder / "restore-from.casecoder")
    for args in (["export-json", str(source), "--out", str(shared.json_file)],
                 ["backup", str(project), "--out", str(shared.restore_from)]):
        subprocess.run(command(*args), env=shared.env, check=True, capture_output=True)
    shared.expected_cases = {"BASE-1"}
    return shared


def command(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), *args]


def start_writer(shared: SharedFile, prefix: str, seconds: float) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.safety.shared_file.app_writer", str(shared.project),
         prefix, str(seconds)], cwd=ROOT, env=shared.env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)


def wait_ready(writer: subprocess.Popen) -> str:
    """The writer's first line: 'ready', or why it could not open."""
    return writer.stdout.readline().strip()


def cli_args(shared: SharedFile, name: str, serial: int) -> list[str]:
    project = str(shared.project)
    return {
        "import": ["import", project, str(shared.pdfs[serial % 2]), "--workers", "1"],
        "import-json": ["import-json", project, str(shared.json_file)],
        "merge": ["merge", project, str(shared.source)],
        "restore": ["restore", project, str(shared.restore_from)],
        "encrypt": ["encrypt", project],
        "decrypt": ["decrypt", project],
        "backup": ["backup", project, "--out", str(shared.folder / f"out-{serial}.casecoder")],
    }[name]


@dataclass
class Outcome:
    name: str
    args: list[str]
    code: int | None  # None: killed
    output: str


def run_command(shared: SharedFile, name: str, serial: int, rng: random.Random,
                kill_chance: float) -> Outcome:
    """Run one command; perhaps SIGKILL it at a random moment."""
    args = cli_args(shared, name, serial)
    child = subprocess.Popen(command(*args), env=shared.env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if rng.random() < kill_chance:
        time.sleep(rng.uniform(0.05, 1.2))
        child.send_signal(signal.SIGKILL)
    output, _ = child.communicate(timeout=120)
    code = None if child.returncode == -signal.SIGKILL else child.returncode
    return Outcome(name, args, code, output.strip())


def account(shared: SharedFile, outcome: Outcome, *, writer_alive: bool) -> None:
    """Update what the project must hold after a command, and check refusals were refusals."""
    shared.log.append(f"{outcome.name}: {outcome.code} {outcome.output[:160]}")
    if outcome.code is None and outcome.name == "restore":
        settle_killed_restore(shared)
    if outcome.code != 0:
        if outcome.code is not None:
            assert "Traceback" not in outcome.output, outcome.output
        return
    assert outcome.name == "backup" or not writer_alive, (
        f"{outcome.name} reported success while the app was writing: {outcome.output}")
    if outcome.name in ("merge", "import-json"):
        shared.expected_cases.add("SRC-1")
    elif outcome.name == "import":
        shared.expected_documents.add(Path(outcome.args[2]).name)
    elif outcome.name == "restore":
        shared.expected_cases = cases_in(shared.restore_from)
        shared.expected_documents = set()


def settle_killed_restore(shared: SharedFile) -> None:
    """A restore killed near its end may already have replaced the project (it can even have
    printed "Restored"). Either outcome is whole: the project as it was, or exactly the
    backup's contents. Anything else is left for verify() to report."""
    now = cases_in(shared.project)
    if not shared.expected_cases <= now and now == cases_in(shared.restore_from):
        shared.expected_cases = now
        shared.expected_documents = set()


def cases_in(path: Path) -> set[str]:
    store = Store(open_project(path, readonly=True, passphrase=PASSPHRASE), "Check")
    try:
        return {case.reference for case in store.list_cases()}
    finally:
        store.close()


def documents_in(path: Path) -> list[str]:
    store = Store(open_project(path, readonly=True, passphrase=PASSPHRASE), "Check")
    try:
        return [document.file_name for document in store.documents()]
    finally:
        store.close()


def collect_acks(writer: subprocess.Popen, shared: SharedFile) -> tuple[set[str], str]:
    """Wait for the writer to end; the cases it acknowledged, and anything alarming."""
    out, err = writer.communicate(timeout=60)
    lines = out.splitlines()
    acked = {line.split(" ", 1)[1] for line in lines if line.startswith("ack ")}
    alarms = [line for line in lines if line.startswith(("WAL-UNLINKED", "edit-failed"))]
    if writer.returncode not in (0, -signal.SIGKILL):
        alarms.append(f"writer exited {writer.returncode}: {err[-400:]}")
    return acked, "\n".join(alarms)


def play_round(shared: SharedFile, serial: int, rng: random.Random) -> None:
    """One round: the writer edits, a command runs against it, something may be killed;
    then, with the writer gone, a second command runs and may be killed too."""
    writer = start_writer(shared, f"R{serial}", rng.uniform(0.6, 1.6))
    first = wait_ready(writer)
    assert first == "ready", f"the app could not open the project: {first}"
    time.sleep(rng.uniform(0.0, 0.3))
    if rng.random() < 0.4:
        writer.send_signal(signal.SIGKILL)
    alive = writer.poll() is None
    outcome = run_command(shared, rng.choice(COMMANDS), serial, rng, kill_chance=0.2)
    still_alive = writer.poll() is None
    acked, alarms = collect_acks(writer, shared)
    assert not alarms, alarms
    shared.expected_cases |= acked
    account(shared, outcome, writer_alive=alive and still_alive)
    account(shared, run_command(shared, rng.choice(COMMANDS), serial + 10_000, rng,
                                kill_chance=0.3), writer_alive=False)
    verify(shared)


def verify(shared: SharedFile) -> None:
    """Everything acknowledged is there, and every file left is whole."""
    problems = check_project(shared.project)
    assert problems == [], problems
    missing = shared.expected_cases - cases_in(shared.project)
    assert not missing, f"acknowledged cases lost: {sorted(missing)[:10]}\n" + "\n".join(
        shared.log[-6:])
    absent = shared.expected_documents - set(documents_in(shared.project))
    assert not absent, f"imported documents lost: {absent}"
    for path in whole_files(shared):
        assert check_project(path) == [], path


def whole_files(shared: SharedFile) -> list[Path]:
    """The project files a user could open: outputs and backups (not hidden temporaries)."""
    backups = shared.project.with_name(shared.project.name + ".backups")
    found = [p for p in shared.folder.glob("*.casecoder") if p != shared.project]
    found += list(backups.glob("*.casecoder")) if backups.is_dir() else []
    return found
