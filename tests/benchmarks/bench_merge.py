"""Benchmark: merging 33 borough projects of 200 coded cases each (codings only).

    .venv/bin/python tests/benchmarks/bench_merge.py [--sources 33] [--cases 200] [--runs 3]

Each borough's cases have one coding of about 60 answers (2 victims, a perpetrator, 3
agencies, 2 events and the case-level sections) with their audit entries; 20 cases of each
borough are reviews that a neighbouring borough coded too, so the merge matches them by
reference and lists conflicts. Prints the median time of the merge into a new target and of
the same merge run again (which must change nothing). Targets: under 10 s and under 2 s.
The sources are written with plain SQL shaped like the store's rows, because building them
through the store API would take minutes; the merge itself is what is timed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from schema.codebook_loader import load_codebook
from schema.merge import merge_projects
from schema.project import create_project, new_id
from schema.resources import default_codebook_path

REPEATS = {"victims": 2, "perpetrators": 1, "agencies": 3, "events": 2}
SHARED = 20


def _value(field, rng: random.Random) -> object:
    kind = field.type
    if kind in ("choice", "age") and field.options:
        return rng.choice(field.options).key
    if kind == "multi":
        return [o.key for o in rng.sample(field.options, min(2, len(field.options)))]
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "number":
        low = field.minimum if field.minimum is not None else 0
        return int(low + rng.randrange(5))
    if kind == "date":
        return f"{rng.randrange(2014, 2020)}-0{rng.randrange(1, 9)}"
    return f"noted in paragraph {rng.randrange(1, 90)}.{rng.randrange(1, 20)}"


class _Rows:
    """Rows for one borough's file, with an audit entry for each as the store writes."""

    def __init__(self, site: str, coder: str, book) -> None:
        self.site, self.coder, self.book = site, coder, book
        self.tick = 0
        self.tables: dict[str, list[tuple]] = {k: [] for k in (
            "cases", "codings", "entities", "answers", "audit_log")}

    def stamp(self) -> str:
        self.tick += 1
        return f"2024-03-{1 + self.tick // 80000:02d}T09:{(self.tick // 1000) % 60:02d}:" \
               f"{(self.tick // 10) % 60:02d}.{self.tick:06d}+00:00"

    def audit(self, table: str, row_id: str, case_id: str, after: dict) -> None:
        self.tables["audit_log"].append((new_id(), self.stamp(), self.coder, self.site,
                                         "create", table, row_id, case_id, table, None,
                                         json.dumps(after)))

    def case(self, reference: str, rng: random.Random) -> None:
        case_id, coding_id, at = new_id(), new_id(), self.stamp()
        stamps = (at, self.coder, at, self.coder)
        self.tables["cases"].append((case_id, reference, "", "DHR", "intimate_partner",
                                     self.site, 2018, "coded", "", *stamps))
        self.audit("cases", case_id, case_id, {"reference": reference})
        self.tables["codings"].append((coding_id, case_id, self.coder, self.site, "primary",
                                       self.book.key, *stamps))
        self.audit("codings", coding_id, case_id, {"coder": self.coder})
        for section in self.book.sections:
            for position in range(REPEATS.get(section.key, 0 if section.repeat else 1)):
                self.entity(case_id, coding_id, section, position, rng)

    def entity(self, case_id, coding_id, section, position, rng) -> None:
        entity_id, at = new_id(), self.stamp()
        self.tables["entities"].append((entity_id, coding_id, section.key, position, at,
                                        self.coder, at, self.coder))
        self.audit("entities", entity_id, case_id, {"section": section.key})
        for field in section.fields[:5]:
            value = field.check_value(_value(field, rng))
            at = self.stamp()
            self.tables["answers"].append((new_id(), entity_id, field.key, "answered",
                                           json.dumps(value), at, self.coder, at, self.coder))
            self.audit("answers", entity_id, case_id, {"state": "answered", "value": value})


def build_borough(path: Path, number: int, cases: int, book) -> None:
    site = f"Borough {number:02d}"
    create_project(path, site=site, coder=f"coder{number}", codebook=book).conn.close()
    rows = _Rows(site, f"coder{number}", book)
    rng = random.Random(number)
    for index in range(cases):
        shared = index < SHARED
        pair = number // 2 if shared else number
        reference = f"DHR-{pair:02d}-{index:03d}" if shared else f"B{number:02d}-{index:03d}"
        rows.case(reference, rng)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for table, values in rows.tables.items():
        marks = ", ".join("?" for _ in values[0])
        conn.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    conn.execute("COMMIT")
    conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=33)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    book = load_codebook(default_codebook_path())
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        sources = [folder / f"borough{n:02d}.casecoder" for n in range(args.sources)]
        for number, path in enumerate(sources):
            build_borough(path, number, args.cases, book)
        first, again = [], []
        for run in range(args.runs):
            target = folder / f"region{run}.casecoder"
            start = time.perf_counter()
            report = merge_projects(target, sources, actor="bench", include_documents=False)
            first.append(time.perf_counter() - start)
            before = _digest(target)
            start = time.perf_counter()
            repeat = merge_projects(target, sources, actor="bench", include_documents=False)
            again.append(time.perf_counter() - start)
            assert not repeat.changed and _digest(target) == before, "the repeat changed it"
        conn = sqlite3.connect(target)
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("cases", "codings", "answers", "audit_log")}
        conflicts = sum(len(s.conflicts) for s in report.sources)
    print(f"{args.sources} sources x {args.cases} cases -> {counts}, {conflicts} conflicts")
    print(f"merge into a new target: median {statistics.median(first):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in first)}; target < 10 s)")
    print(f"same merge again:        median {statistics.median(again):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in again)}; target < 2 s)")


if __name__ == "__main__":
    main()
