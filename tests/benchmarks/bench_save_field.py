"""Benchmark: saving one field (one transaction with its audit entry), plain and encrypted.

    .venv/bin/python tests/benchmarks/bench_save_field.py [--edits 500]

Prints the median and 95th percentile time of Store.set_answer for each kind of project.
Target: median under 10 ms, encrypted or not.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from schema.codebook_loader import load_codebook
from schema.project import create_project
from schema.resources import default_codebook_path
from schema.store import Store


def measure(path: Path, passphrase: str | None, edits: int) -> list[float]:
    book = load_codebook(default_codebook_path())
    store = Store(create_project(path, site="Bench", coder="B", codebook=book,
                                 passphrase=passphrase), "B")
    case = store.create_case("DHR-BENCH", "DHR")
    coding = store.add_coding(case.id)
    victim = store.add_entity(coding.id, "victims")
    values = ["male", "female", "other"]
    times = []
    for i in range(edits):
        start = time.perf_counter()
        store.set_answer(victim.id, "gender", values[i % 3])
        times.append((time.perf_counter() - start) * 1000)
    store.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for label, passphrase in (("plain", None), ("encrypted", "bench passphrase")):
            times = measure(Path(folder) / f"{label}.casecoder", passphrase, args.edits)
            p95 = statistics.quantiles(times, n=20)[-1]
            print(f"save one field, {label:9}: median {statistics.median(times):.2f} ms, "
                  f"p95 {p95:.2f} ms over {len(times)} edits")


if __name__ == "__main__":
    main()
