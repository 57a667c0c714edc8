"""Benchmark: switching between two coded cases in the main window (default codebook).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_gui_case_switch.py

Each case has 3 victims, 2 perpetrators, 4 agencies and 5 recommendations with every field
answered or marked not reported, and a few evidence quotes. A switch is timed from selecting
the case in the list to the form showing its coding (store-thread read, snapshot, form
repopulated), with the case's PDF taken from the cache as when going back and forth.
Target: median under 100 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.app import set_up_application  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.settings import AppSettings  # noqa: E402
from schema.codebook_loader import load_codebook  # noqa: E402
from schema.project import create_project  # noqa: E402
from schema.resources import default_codebook_path  # noqa: E402
from schema.store import Store  # noqa: E402

GROUPS = {"victims": 3, "perpetrators": 2, "agencies": 4, "recommendations": 5}


def _value(field):
    samples = {"number": 2, "age": 34, "date": "2018-05", "text": "Adult A",
               "long_text": "The panel found that agencies did not share what they knew.",
               "boolean": True}
    if field.type == "choice":
        return field.options[0].key
    if field.type == "multi":
        return [o.key for o in field.options[:3]]
    if field.type == "number" and field.minimum is not None:
        return field.minimum
    return samples[field.type]


def _code(store: Store, case_id: str) -> None:
    coding = store.add_coding(case_id)
    for section, count in GROUPS.items():
        for _ in range(count):
            store.add_entity(coding.id, section)
    for entity in store.entities(coding.id):
        for n, field in enumerate(store.codebook.section(entity.section).fields):
            if n % 5 == 4:
                store.mark_not_reported(entity.id, field.key)
            else:
                store.set_answer(entity.id, field.key, _value(field))
            if n % 7 == 0:
                store.attach_evidence(entity.id, field.key, document_id=None, page=3,
                                      quote="Officers attended the address.")


def build(path: Path) -> list[str]:
    book = load_codebook(default_codebook_path())
    store = Store(create_project(path, site="Bench", coder="B", codebook=book), "B")
    ids = []
    for reference in ("DHR-A", "DHR-B"):
        case = store.create_case(reference, "DHR")
        _code(store, case.id)
        ids.append(case.id)
    store.close()
    return ids


def measure(path: Path, ids: list[str], switches: int) -> list[float]:
    app = set_up_application()
    settings_dir = tempfile.mkdtemp()
    window = MainWindow(AppSettings(Path(settings_dir) / "s.ini"), "B")
    window.resize(1500, 950)
    window.show()
    window.open_project(path)
    _spin(app, lambda: window.workspace.current is not None)
    times = []
    for n in range(switches + 2):
        target = ids[n % 2]
        start = time.perf_counter()
        window.panel.select_case(target)
        _spin(app, lambda t=target: window.workspace.current.case.id == t)
        if n >= 2:  # the first two switches build each form once
            times.append((time.perf_counter() - start) * 1000)
    window.close()
    return times


def _spin(app, done, timeout: float = 10.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not respond")
        app.processEvents()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.casecoder"
        ids = build(path)
        times = measure(path, ids, 40)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"switch between two coded cases: median {statistics.median(times):.1f} ms, "
          f"p95 {p95:.1f} ms, max {max(times):.1f} ms over {len(times)} switches")


if __name__ == "__main__":
    main()
