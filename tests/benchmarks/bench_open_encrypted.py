"""Benchmark: opening an encrypted project of 1,000 cases and 100 documents, to a usable window.

    .venv/bin/python tests/benchmarks/bench_open_encrypted.py [--runs 5]

Each run starts a fresh Python process (offscreen Qt) with the passphrase in
CASECODER_PASSPHRASE, as a script would give it, so typing it is not counted. The time runs
from starting the process to the window showing all 1,000 cases and the first case's coding
in the form. The same is measured for a plain copy. Target: under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from schema.codebook_loader import load_codebook  # noqa: E402
from schema.project import create_project, now  # noqa: E402
from schema.resources import default_codebook_path  # noqa: E402
from schema.store import Store  # noqa: E402
from schema.transactions import transaction  # noqa: E402

PASSPHRASE = "benchmark passphrase"
CHILD = """
import sys, time
imported = time.time()
from PySide6.QtWidgets import QApplication
from desktop.app import create_main_window
from desktop.settings import AppSettings
opening = time.time()
window = create_main_window(sys.argv[1], AppSettings(sys.argv[2]), coder="Bench")
window.show()
app = QApplication.instance()
while not (window.workspace and window.workspace.current
           and window.panel.model.rowCount() == 1000):
    app.processEvents()
print(opening, time.time(), flush=True)
window.close()
"""


def build(path: Path, passphrase: str | None) -> None:
    book = load_codebook(default_codebook_path())
    store = Store(create_project(path, site="Bench", coder="B", codebook=book,
                                 passphrase=passphrase), "B")
    with transaction(store.db):
        for i in range(1000):
            case = store.create_case(f"DHR-{i:04d}", "DHR", category="intimate_partner")
            coding = store.add_coding(case.id)
            victim = store.add_entity(coding.id, "victims")
            store.set_answer(victim.id, "gender", "female")
            store.set_answer(victim.id, "age", 20 + i % 60)
        blob = os.urandom(200_000)
        for d in range(100):
            store.db.execute(
                "INSERT INTO documents (id, file_name, size_bytes, pdf, page_count, "
                "text_status, created_at, created_by, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, 40, 'ok', ?, 'B', ?, 'B')",
                [f"{d:064x}", f"review-{d}.pdf", len(blob), blob, now(), now()])
    store.close()


def time_open(path: Path, settings: Path, passphrase: str | None) -> tuple[float, float]:
    """Seconds from starting the process, and from asking the window to open the project,
    to the usable window."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("CASECODER_PASSPHRASE", None)
    if passphrase:
        env["CASECODER_PASSPHRASE"] = passphrase
    started = time.time()
    result = subprocess.run([sys.executable, "-c", CHILD, str(path), str(settings)],
                            capture_output=True, text=True, env=env, check=True)
    opening, usable = (float(x) for x in result.stdout.split()[-2:])
    return usable - started, usable - opening


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for label, passphrase in (("encrypted", PASSPHRASE), ("plain", None)):
            path = Path(folder) / f"{label}.casecoder"
            build(path, passphrase)
            runs = [time_open(path, Path(folder) / f"{label}-{i}.ini", passphrase)
                    for i in range(args.runs)]
            whole, window = [r[0] for r in runs], [r[1] for r in runs]
            size = path.stat().st_size / 1e6
            print(f"open {label:9} project (1,000 cases, 100 documents, {size:.0f} MB) to a "
                  f"usable window: from process start median {statistics.median(whole):.2f} s "
                  f"(min {min(whole):.2f}, max {max(whole):.2f}); from opening the project "
                  f"median {statistics.median(window):.2f} s, over {args.runs} runs")


if __name__ == "__main__":
    main()
