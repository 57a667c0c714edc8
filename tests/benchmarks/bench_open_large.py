"""Benchmark: opening a ~600 MB project for writing, to a usable window.

    .venv/bin/python tests/benchmarks/bench_open_large.py [--runs 5] [--size-mb 600]

The project is built once and cached in $TMPDIR/casecoder-bench/ (reused while it is there and
within 10% of --size-mb): documents of 100 pages each, stored through the importer's own
`store_document`, each holding the 100-page review PDF of `review_pdf.build_review_pdf` (made
unique by a trailing PDF comment, so its sha256 id is true) and 100 pages of synthetic review
prose from `bench_import.synthetic_pages`; then one case per two documents, linked to them and
given a primary coding with a victim, through the store API. `main.py check` must accept it.

Before each run the project's rolling backups folder (`<project>.backups/`) is deleted, so the
backup made on opening has the whole file to copy. Each run starts a fresh process (offscreen
Qt) that shows the main window, calls `open_project` and times:
- usable: the workspace's `opened` signal has fired and the case list holds every case;
- first case: the form shows the first case (`case_shown`);
- backup made: a rolling backup appears in the backups folder (the process waits for it).
Times are given from starting the process and from the open call. The rolling backup on its
own is timed the same way: a fresh process opens the project for writing (with the writer lock)
and calls `rolling_backup`. Medians over --runs runs. The file is in the OS page cache (it was
just built or read), so these are warm-cache figures.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CACHE = Path(tempfile.gettempdir()) / "casecoder-bench"
PAGES_PER_DOCUMENT = 100
DOCUMENTS_PER_CASE = 2
TIMEOUT_S = 300.0


# Building the project ------------------------------------------------------------------------


def project_path(size_mb: int) -> Path:
    return CACHE / f"open-large-{size_mb}mb.casecoder"


def cached_project(size_mb: int) -> tuple[Path, int]:
    """The cached project of about `size_mb` MB (built if missing or the wrong size) and its
    number of cases."""
    path = project_path(size_mb)
    if path.exists() and abs(path.stat().st_size / (size_mb * 1e6) - 1) < 0.1:
        cases = count_cases(path)
        print(f"reusing {path} ({path.stat().st_size / 1e6:.0f} MB, {cases} cases)")
        return path, cases
    started = time.perf_counter()
    cases = build_project(path, size_mb)
    print(f"built {path} ({path.stat().st_size / 1e6:.0f} MB, {cases} cases) in "
          f"{time.perf_counter() - started:.0f} s")
    check_with_cli(path)
    return path, cases


def count_cases(path: Path) -> int:
    from schema.project import open_project

    db = open_project(path, readonly=True)
    try:
        return db.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        db.conn.close()


def build_project(path: Path, size_mb: int) -> int:
    """Write the project under a temporary name and move it into place; returns its cases."""
    from schema.codebook_loader import load_codebook
    from schema.project import create_project
    from schema.resources import default_codebook_path
    from schema.store import Store
    from tests.benchmarks.review_pdf import build_review_pdf

    CACHE.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".{path.name}.building")
    for stale in (path, building, *(Path(f"{p}{s}") for p in (path, building)
                                    for s in ("-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.name + ".backups"), ignore_errors=True)
    with tempfile.TemporaryDirectory() as folder:
        pdf = build_review_pdf(Path(folder) / "review.pdf", PAGES_PER_DOCUMENT).path.read_bytes()
    book = load_codebook(default_codebook_path())
    store = Store(create_project(building, site="Bench", coder="bench", codebook=book), "bench")
    try:
        documents = add_documents(store, pdf, int(size_mb * 1e6))
        cases = add_cases(store, documents)
    finally:
        store.close()
    os.replace(building, path)
    return cases


def add_documents(store, pdf: bytes, target_bytes: int) -> list[str]:
    """Store 100-page documents until the database holds `target_bytes`; returns their ids."""
    from schema.documents.text_store import StoredDocument, store_document
    from tests.benchmarks.bench_import import Vocabulary, synthetic_pages

    rng = random.Random(11)
    vocabulary = Vocabulary(rng)
    ids: list[str] = []
    while database_bytes(store) < target_bytes:
        data = pdf + f"\n%casecoder-bench document {len(ids)}\n".encode()
        sha256 = hashlib.sha256(data).hexdigest()
        pages = synthetic_pages(vocabulary, PAGES_PER_DOCUMENT, rng.randint(1, 4))
        name = f"review-{len(ids):04d}.pdf"
        store_document(store, StoredDocument(
            sha256=sha256, file_name=name, data=data, status="imported", pages=pages,
            password_protected=False, summary=f"{name}: {len(pages)} pages"))
        ids.append(sha256)
        if len(ids) % 50 == 0:
            print(f"  {len(ids)} documents, {database_bytes(store) / 1e6:.0f} MB", flush=True)
    return ids


def database_bytes(store) -> int:
    """The database's size as its connection sees it (committed pages in the WAL included)."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    return pages * store.db.execute("PRAGMA page_size").fetchone()[0]


def add_cases(store, documents: list[str]) -> int:
    """One case per two documents, linked to them, with a primary coding and a victim."""
    from schema.transactions import transaction

    cases = 0
    with transaction(store.db):
        for first in range(0, len(documents), DOCUMENTS_PER_CASE):
            case = store.create_case(f"DHR-{cases:04d}", "DHR", category="intimate_partner",
                                     title=f"Review {cases}")
            for document_id in documents[first:first + DOCUMENTS_PER_CASE]:
                store.link_document(case.id, document_id)
            victim = store.add_entity(store.add_coding(case.id).id, "victims")
            store.set_answer(victim.id, "gender", "female")
            store.set_answer(victim.id, "age", 20 + cases % 60)
            cases += 1
    return cases


def check_with_cli(path: Path) -> None:
    """Run `main.py check` on the project; stop the benchmark if it finds problems."""
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(path)],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"main.py check rejected {path}:\n{result.stdout}{result.stderr}")
    print(f"main.py check: {result.stdout.strip() or 'ok'}")


# The child processes -----------------------------------------------------------------------


class _Watch:
    """Notes when the opened window becomes usable, shows its first case and has a backup."""

    def __init__(self, app, window, path: Path, cases: int) -> None:
        from schema.backup import list_backups

        self.app, self.window, self.path, self.cases = app, window, path, cases
        self.list_backups = list_backups
        self.marks: dict[str, float | str] = {}

    def opened(self, _overview: object) -> None:
        self.marks.setdefault("opened", time.time())
        self.poll()

    def case_shown(self, _case: object) -> None:
        self.marks.setdefault("case", time.time())
        self.poll()

    def failed(self, message: str) -> None:
        self.marks["error"] = message
        self.app.quit()

    def poll(self) -> None:
        moment = time.time()
        if ("opened" in self.marks and "usable" not in self.marks
                and self.window.panel.model.rowCount() == self.cases):
            self.marks["usable"] = moment
        if "backup" not in self.marks and self.list_backups(self.path):
            self.marks["backup"] = moment
        if all(key in self.marks for key in ("usable", "case", "backup")):
            self.app.quit()
        elif moment - float(self.marks["open"]) > TIMEOUT_S:
            self.failed(f"not done after {TIMEOUT_S:.0f} s: have {sorted(self.marks)}")


def child_window(path: Path, settings: Path, cases: int) -> None:
    """In a fresh process: open the window on the project and print the marks as JSON."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import create_main_window
    from desktop.settings import AppSettings

    imported = time.time()
    window = create_main_window(None, AppSettings(settings), coder="Bench")
    app = QApplication.instance()
    window.show()
    watch = _Watch(app, window, path, cases)
    watch.marks.update(imported=imported, open=time.time())
    window.open_project(path)
    workspace = window.workspace
    workspace.opened.connect(watch.opened)
    workspace.case_shown.connect(watch.case_shown)
    workspace.open_failed.connect(watch.failed)
    window.panel.model.modelReset.connect(watch.poll)
    timer = QTimer(interval=10, timeout=watch.poll)
    timer.start()
    app.exec()
    timer.stop()
    window.close()
    print(json.dumps(watch.marks), flush=True)


def child_backup(path: Path) -> None:
    """In a fresh process: time `rolling_backup` on the project and print JSON."""
    from schema.backup import rolling_backup

    if len(inspect.signature(rolling_backup).parameters) == 1:
        start = time.time()
        made = rolling_backup(path)  # opens its own read-only connection
        end = time.time()
    else:
        made, start, end = _backup_through_writer(path)
    print(json.dumps({"start": start, "end": end, "made": made is not None}), flush=True)


def _backup_through_writer(path: Path) -> tuple[Path | None, float, float]:
    """`rolling_backup(db, path)` as open_store called it, with the writer lock and a
    read-write connection (not timed); returns the backup and when the call began and ended."""
    from schema import locking
    from schema.backup import rolling_backup
    from schema.project import open_project

    locking.acquire(path)
    try:
        db = open_project(path)
        try:
            start = time.time()
            return rolling_backup(db, path), start, time.time()
        finally:
            db.conn.close()
    finally:
        locking.release(path)


# Running and reporting -----------------------------------------------------------------------


def run_child(*args: str) -> tuple[float, dict]:
    """Start this script as a child; returns when it started (epoch s) and its JSON marks."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("CASECODER_PASSPHRASE", None)
    started = time.time()
    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{result.stdout}{result.stderr}")
    marks = json.loads(result.stdout.strip().splitlines()[-1])
    if "error" in marks:
        raise SystemExit(f"child {args} failed: {marks['error']}")
    return started, marks


def fresh_backups(path: Path) -> None:
    """Delete the project's rolling backups so the next open has a full backup to make."""
    shutil.rmtree(path.with_name(path.name + ".backups"), ignore_errors=True)


def time_window(path: Path, cases: int) -> dict[str, float]:
    fresh_backups(path)
    with tempfile.TemporaryDirectory() as folder:
        started, marks = run_child("window", str(path), str(Path(folder) / "s.ini"),
                                   str(cases))
    opening = marks["open"]
    return {"usable from start": marks["usable"] - started,
            "usable from open": marks["usable"] - opening,
            "first case from open": marks["case"] - opening,
            "backup made from open": marks["backup"] - opening}


def time_backup(path: Path) -> dict[str, float]:
    fresh_backups(path)
    started, marks = run_child("backup", str(path))
    if not marks["made"]:
        raise SystemExit("rolling_backup made no backup although the folder was deleted")
    return {"rolling_backup alone": marks["end"] - marks["start"],
            "backup process, start to done": marks["end"] - started}


def report(label: str, runs: list[dict[str, float]]) -> None:
    for key in runs[0]:
        values = [run[key] for run in runs]
        print(f"  {label}: {key:30} median {statistics.median(values):6.2f} s "
              f"(min {min(values):.2f}, max {max(values):.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size-mb", type=int, default=600)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, *rest = args.child
        if kind == "window":
            child_window(Path(path), Path(rest[0]), int(rest[1]))
        else:
            child_backup(Path(path))
        return
    print(f"command (in {Path.cwd()}):", shlex.join([sys.executable, *sys.argv]))
    path, cases = cached_project(args.size_mb)
    size = path.stat().st_size / 1e6
    windows = [time_window(path, cases) for _ in range(args.runs)]
    backups = [time_backup(path) for _ in range(args.runs)]
    fresh_backups(path)
    print(f"open a {size:.0f} MB project ({cases} cases) for writing, offscreen, "
          f"backups folder deleted before each run, {args.runs} runs:")
    report("window", windows)
    report("backup", backups)


if __name__ == "__main__":
    main()
