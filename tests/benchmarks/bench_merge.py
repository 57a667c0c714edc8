"""Benchmark: merging 33 borough projects of 200 coded cases each, with their review text.

    .venv/bin/python tests/benchmarks/bench_merge.py [--sources 33] [--cases 200] [--runs 3]

Each borough's cases have one coding of about 60 answers (2 victims, a perpetrator, 3
agencies, 2 events and the case-level sections) with their audit entries, and one review
document of three pages of text with its text fingerprint, as an import leaves them. 20
cases of each borough are reviews that a neighbouring borough coded too, held as a copy
whose bytes differ (another sha256) but whose text is the same: the merge must recognise
them by their text, and lists the conflicts between the two codings.

Printed, side by side from one run (medians):
  - the merge into a new target;
  - a raw SQL copy of the same rows into a new project (ATTACH and INSERT ... SELECT of every
    table, in one transaction): the floor the merge is measured against (target: within 3x);
  - the part of the merge spent on text: reading and indexing fingerprints, comparing
    documents, and finding the look-alike pairs left (target: under 20% of the merge);
  - the same merge run again, which must change nothing.
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
from schema.documents.fingerprint import METHOD, fingerprint_text
from schema.merge import matching, merge_projects, steps
from schema.project import create_project, new_id
from schema.resources import default_codebook_path

REPEATS = {"victims": 2, "perpetrators": 1, "agencies": 3, "events": 2}
SHARED = 20
PAGES, WORDS_PER_PAGE = 3, 250
VOCABULARY = [f"w{n}" for n in range(3000)]
COPIED = ("cases", "codings", "entities", "answers", "audit_log", "documents",
          "case_documents", "document_fingerprints")
PAGE_COLUMNS = "document_id, page, status, width, height, text, lines_json, carry_in, error"


def review_pages(seed: str) -> list[str]:
    """Three pages of a review's text; the same seed gives the same text."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(VOCABULARY) for _ in range(WORDS_PER_PAGE))
            for _ in range(PAGES)]


def _value(field, rng: random.Random) -> object:
    kind = field.type
    if kind in ("choice", "age") and field.options:
        return rng.choice(field.options).key
    if kind == "multi":
        choices = [o for o in field.options if not o.exclusive]  # "None" stands alone
        return [o.key for o in rng.sample(choices, min(2, len(choices)))]
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
            "cases", "codings", "entities", "answers", "audit_log", "documents",
            "case_documents", "pages", "document_fingerprints")}

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
        self.document(case_id, reference, stamps)
        for section in self.book.sections:
            for position in range(REPEATS.get(section.key, 0 if section.repeat else 1)):
                self.entity(case_id, coding_id, section, position, rng)

    def document(self, case_id: str, reference: str, stamps: tuple) -> None:
        """The case's review: this borough's copy (its own bytes), the review's text."""
        pages = review_pages(reference)
        data = f"%PDF-1.7 {reference} as saved by {self.site}".encode()
        document_id = hashlib.sha256(data).hexdigest()
        self.tables["documents"].append((document_id, f"{reference}.pdf", len(data), data,
                                         PAGES, PAGES, "ok", "[]", 0, *stamps))
        self.tables["case_documents"].append((case_id, document_id, "overview report", 0,
                                              stamps[0], self.coder))
        for number, text in enumerate(pages, start=1):
            self.tables["pages"].append((document_id, number, "ok", 595.0, 842.0, text,
                                         "[]", "", ""))
        fingerprint = fingerprint_text(pages)
        self.tables["document_fingerprints"].append((document_id, METHOD,
                                                     fingerprint.shingles,
                                                     fingerprint.to_blob()))

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
        columns = f" ({PAGE_COLUMNS})" if table == "pages" else ""
        conn.executemany(f"INSERT INTO {table}{columns} VALUES ({marks})", values)
    conn.execute("COMMIT")
    conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw_copy(target: Path, sources: list[Path], book) -> None:
    """The floor: the same rows copied with plain SQL into a new project, nothing matched."""
    create_project(target, site="raw", coder="bench", codebook=book).conn.close()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute(f"PRAGMA cache_size = -{steps_cache_kib()}")
    conn.execute("PRAGMA journal_mode = DELETE")
    for path in sources:
        conn.execute("ATTACH DATABASE ? AS src", [f"{path.resolve().as_uri()}?mode=ro"])
        conn.execute("BEGIN")
        for table in COPIED:
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
        conn.execute(f"INSERT INTO main.pages ({PAGE_COLUMNS}) SELECT {PAGE_COLUMNS} "
                     f"FROM src.pages")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
    conn.close()


def steps_cache_kib() -> int:
    from schema.merge.run import MERGE_CACHE_KIB

    return MERGE_CACHE_KIB


class TextClock:
    """Adds up the time the merge spends on text: fingerprints read and indexed, documents
    compared, look-alike pairs found and described."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._saved: list[tuple[object, str, object]] = []

    def wrap(self, owner: object, name: str) -> None:
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
        self._saved.append((owner, name, original))
        setattr(owner, name, timed)

    def __enter__(self) -> TextClock:
        for name in ("read_fingerprints", "find_candidates", "describe_candidates"):
            self.wrap(steps, name)
        for name in ("_same_text", "add_print"):
            self.wrap(matching.TargetIndex, name)
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, original in reversed(self._saved):
            setattr(owner, name, original)


def _runs(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})"


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
        first, raw, text, again = [], [], [], []
        for run in range(args.runs):
            target = folder / f"region{run}.casecoder"
            with TextClock() as clock:
                start = time.perf_counter()
                report = merge_projects(target, sources, actor="bench")
                first.append(time.perf_counter() - start)
            text.append(clock.seconds)
            start = time.perf_counter()
            raw_copy(folder / f"raw{run}.casecoder", sources, book)
            raw.append(time.perf_counter() - start)
            before = _digest(target)
            start = time.perf_counter()
            repeat = merge_projects(target, sources, actor="bench")
            again.append(time.perf_counter() - start)
            assert not repeat.changed and _digest(target) == before, "the repeat changed it"
        conn = sqlite3.connect(target)
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("cases", "codings", "answers", "audit_log", "documents", "pages")}
        conn.close()
        conflicts = sum(len(s.conflicts) for s in report.sources)
        by_text = sum(s.matched.get("text", 0) for s in report.sources)
    merge, floor = statistics.median(first), statistics.median(raw)
    share = statistics.median(t / m for t, m in zip(text, first, strict=True))
    print(f"{args.sources} sources x {args.cases} cases -> {counts}, {by_text} cases matched "
          f"by text, {conflicts} conflicts, {len(report.candidates)} look-alike pairs")
    print(f"merge into a new target: {_runs(first)}")
    print(f"raw SQL copy, same rows: {_runs(raw)}")
    print(f"merge / raw copy:        {merge / floor:.2f}x (target: within 3x)")
    print(f"text comparison:         {_runs(text)} = {share:.1%} of the merge "
          f"(target: under 20%)")
    print(f"same merge again:        {_runs(again)} (changes nothing)")


if __name__ == "__main__":
    main()
