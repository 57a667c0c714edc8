"""Benchmark: building the demo project (render 6 PDFs, import 58 pages, code 3 cases).

    .venv/bin/python tests/benchmarks/bench_demo.py [--runs 5]

Target: under 15 s, since the app builds it on first run. Prints the median and slowest run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.demo.build import build_demo  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    timings = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            build_demo(Path(folder) / "demo.casecoder")
            timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    print(f"demo build: median {median:.2f} s, slowest {max(timings):.2f} s "
          f"over {args.runs} runs (target < 15 s)")
    if median > 15:
        sys.exit(1)


if __name__ == "__main__":
    main()
