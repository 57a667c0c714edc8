"""Benchmark: building the learning brief for one fully coded case.

    .venv/bin/python tests/benchmarks/bench_brief.py [--runs 10]

Target: under 2 s. Prints the median and the slowest run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from exports.brief import BriefScope, build_brief  # noqa: E402
from schema.codebook_loader import load_codebook  # noqa: E402
from schema.project import create_project  # noqa: E402
from schema.resources import default_codebook_path  # noqa: E402
from schema.store import Store  # noqa: E402
from tests.brief.sample import code_sample_case  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(create_project(Path(folder) / "b.casecoder", site="B", coder="B",
                                     codebook=load_codebook(default_codebook_path())), "B")
        code_sample_case(store)
        times, pages = [], 0
        for _ in range(args.runs):
            start = time.perf_counter()
            pages = build_brief(store, BriefScope.case("SAR-2021-04"),
                                marking="OFFICIAL-SENSITIVE").pages
            times.append(time.perf_counter() - start)
        store.close()
    print(f"one-case brief ({pages} pages): median {statistics.median(times) * 1000:.0f} ms, "
          f"slowest {max(times) * 1000:.0f} ms over {args.runs} builds (first includes font "
          f"registration)")


if __name__ == "__main__":
    main()
