"""Benchmark: computing every summary table over 10,000 coded cases.

    .venv/bin/python tests/benchmarks/bench_tables.py [--cases 10000] [--runs 5]

Each case has one primary coding (5% also a consensus coding, which is the one counted) with an
entity for every non-repeating section, 1-3 victims and 1-2 perpetrators, and an answer for
every field of those entities (about 45 answers a case, a tenth of them "not reported"). The
project is written with plain SQL shaped like the store's rows, because building it through the
store API would take many minutes; `build_tables` (load, group, count, suppress, chart) is what
is timed. Prints the median of the runs. Target: under 1 s.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from exports.tables import build_tables
from schema.codebook_loader import load_codebook
from schema.project import create_project, new_id, open_project
from schema.resources import default_codebook_path
from schema.store import Store

SITES = ("Lambeth", "Croydon", "Southwark", "Hackney", "Camden")
STAMP = "2024-01-01T00:00:00+00:00"


def _value(field, rng: random.Random) -> object:
    kind = field.type
    if kind == "age":
        return rng.randrange(0, 95) if rng.random() < 0.9 else rng.choice(field.options).key
    if kind == "choice" and field.options:
        return rng.choice(field.options).key
    if kind == "multi":
        choices = [o for o in field.options if not o.exclusive]  # "None" stands alone
        return [o.key for o in rng.sample(choices, min(rng.randrange(1, 4), len(choices)))]
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "number":
        return rng.randrange(1, 5)
    return f"noted in paragraph {rng.randrange(1, 90)}"


class _Rows:
    """Rows of the cases, codings, entities and answers tables, stamped as the store does."""

    def __init__(self, book, codebook_key: str, rng: random.Random) -> None:
        self.book, self.key, self.rng = book, codebook_key, rng
        self.cases: list[tuple] = []
        self.codings: list[tuple] = []
        self.entities: list[tuple] = []
        self.answers: list[tuple] = []

    def case(self, number: int) -> None:
        rng = self.rng
        case_id = new_id()
        self.cases.append((case_id, f"R-{number:05d}", rng.choice(self.book.review_types).key,
                           rng.choice(self.book.categories).key, rng.choice(SITES),
                           rng.randrange(2011, 2024), "coded", STAMP, "bench", STAMP, "bench"))
        kinds = ["primary", "consensus"] if rng.random() < 0.05 else ["primary"]
        for kind in kinds:
            self.coding(case_id, kind)

    def coding(self, case_id: str, kind: str) -> None:
        coding_id = new_id()
        self.codings.append((coding_id, case_id, "bench", kind, self.key, STAMP, "bench",
                             STAMP, "bench"))
        for section in self.book.sections:
            count = self.rng.randrange(1, 4) if section.key == "victims" else \
                self.rng.randrange(1, 3) if section.key == "perpetrators" else \
                0 if section.repeat else 1
            for position in range(count):
                self.entity(coding_id, section, position)

    def entity(self, coding_id: str, section, position: int) -> None:
        entity_id = new_id()
        self.entities.append((entity_id, coding_id, section.key, position, STAMP, "bench",
                              STAMP, "bench"))
        for field in section.fields:
            if self.rng.random() < 0.1:
                self.answers.append((new_id(), entity_id, field.key, "not_reported", None,
                                     STAMP, "bench", STAMP, "bench"))
            else:
                value = json.dumps(_value(field, self.rng))
                self.answers.append((new_id(), entity_id, field.key, "answered", value,
                                     STAMP, "bench", STAMP, "bench"))


def build_project(path: Path, cases: int, seed: int = 7) -> int:
    """Write the project; returns the number of answers."""
    book = load_codebook(default_codebook_path())
    db = create_project(path, site="Lambeth", coder="bench", codebook=book)
    key = db.execute("SELECT key FROM codebooks").fetchone()[0]
    rows = _Rows(book, key, random.Random(seed))
    for number in range(cases):
        rows.case(number)
    conn = db.conn
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO cases (id, reference, review_type, category, site, "
                     "publication_year, status, created_at, created_by, updated_at, "
                     "updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows.cases)
    conn.executemany("INSERT INTO codings (id, case_id, coder, kind, codebook_key, created_at, "
                     "created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)",
                     rows.codings)
    conn.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)", rows.entities)
    conn.executemany("INSERT INTO answers VALUES (?,?,?,?,?,?,?,?,?)", rows.answers)
    conn.execute("COMMIT")
    conn.close()
    return len(rows.answers)


def time_tables(path: Path, runs: int) -> list[float]:
    store = Store(open_project(path, readonly=True), "bench")
    try:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            tables = build_tables(store, suppress_below=5)
            times.append(time.perf_counter() - start)
        assert tables.cases > 0
        return times
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.casecoder"
        start = time.perf_counter()
        answers = build_project(path, args.cases)
        print(f"built {args.cases} cases, {answers} answers in "
              f"{time.perf_counter() - start:.1f} s")
        times = time_tables(path, args.runs)
    median = statistics.median(times)
    print(f"build_tables over {args.cases} cases: median {median:.3f} s of {args.runs} runs "
          f"(min {min(times):.3f}, max {max(times):.3f}); target under 1 s: "
          f"{'met' if median < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
