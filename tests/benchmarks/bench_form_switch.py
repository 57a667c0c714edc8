"""Benchmark: the coding form switching between two coded cases (default codebook).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_form_switch.py [--switches 50]

Each case has 2 victims, 1 perpetrator, 5 agencies and 6 recommendations, some fields not
reported and some evidence. Prints the median and 95th percentile of `show_coding` alone,
and of `show_coding` plus the event processing that lays out and paints the form.
Target: median under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from schema.codebook_loader import load_codebook  # noqa: E402
from schema.project import create_project  # noqa: E402
from schema.resources import default_codebook_path  # noqa: E402
from schema.store import Store  # noqa: E402
from tests.widgets_form.sample_coding import code_case  # noqa: E402
from widgets.coding_form import CodingForm, load_snapshot  # noqa: E402


def two_snapshots(folder: Path):
    book = load_codebook(default_codebook_path())
    path = folder / "bench.casecoder"
    store = Store(create_project(path, site="Bench", coder="B", codebook=book), "B")
    first = load_snapshot(store, code_case(store, "DHR-A"))
    second = load_snapshot(store, code_case(store, "DHR-B", victims=("Sasha", "Jo"),
                                            perpetrator="Alex"))
    store.close()
    return book, first, second


def measure(switches: int) -> tuple[list[float], list[float]]:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        book, first, second = two_snapshots(Path(folder))
    form = CodingForm()
    form.set_codebook(book)
    form.resize(900, 1000)
    form.show()
    start = time.perf_counter()
    form.show_coding(first)  # the first showing builds the repeating items' widgets
    app.processEvents()
    print(f"first show_coding (builds the repeating items): "
          f"{(time.perf_counter() - start) * 1000:.1f} ms")
    alone, with_layout = [], []
    for i in range(switches):
        snapshot = second if i % 2 == 0 else first
        start = time.perf_counter()
        form.show_coding(snapshot)
        middle = time.perf_counter()
        app.processEvents()
        end = time.perf_counter()
        alone.append((middle - start) * 1000)
        with_layout.append((end - start) * 1000)
    _check_shows(form, second if switches % 2 else first)
    return alone, with_layout


def _check_shows(form: CodingForm, snapshot) -> None:
    """The switch really refilled the form: the first victim's pseudonym is on screen."""
    victim = snapshot.section_entities("victims")[0]
    shown = form.row_for(victim.id, "pseudonym").value()
    expected = snapshot.answers[victim.id]["pseudonym"].value
    if shown != expected:
        raise SystemExit(f"the form shows {shown!r}, expected {expected!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=50)
    args = parser.parse_args()
    alone, with_layout = measure(args.switches)
    for name, times in (("show_coding", alone), ("show_coding + layout/paint", with_layout)):
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms "
              f"over {len(times)} switches")


if __name__ == "__main__":
    main()
