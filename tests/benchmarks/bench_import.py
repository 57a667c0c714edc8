"""Benchmark: importing a 100-page review PDF, re-importing it, and searching 50,000 pages.

    .venv/bin/python tests/benchmarks/bench_import.py [--runs 3] [--pages 50000]
    .venv/bin/python tests/benchmarks/bench_import.py --search-only   # the search part alone

Reports, for the realistic review PDF built by `review_pdf.build_review_pdf` (prose, numbered
paragraphs, a table, running headers and footers):
- import pages/s end to end with two worker processes (starting the workers, reading every
  page, storing it), median of `--runs` imports into fresh projects; target >= 40;
- peak memory of a worker process (largest ru_maxrss of the finished children); target < 200 MB;
- re-import of the stored file (hash check only), median; target < 0.2 s;
- where poppler's pdftotext is installed, its time on the same file and our ratio to it;
- search latency, top 20 with snippets, two-word queries, over a project of `--pages` pages
  (the real document plus synthetic documents stored through the importer's own
  `store_document`); target median < 50 ms;
- the search panel's query over the same pages, its documents spread over cases of every
  category: top 50 with snippets, case references and citable sentences, unfiltered and
  limited to one category; target median < 50 ms;
- that a phrase from page 87 is found on page 87 in the right paragraph (exits 1 if not).
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from schema.codebook_loader import load_codebook  # noqa: E402
from schema.documents.extraction import PageResult  # noqa: E402
from schema.documents.importer import import_pdfs  # noqa: E402
from schema.documents.search import SearchFilter, search  # noqa: E402
from schema.documents.text_store import StoredDocument, store_document  # noqa: E402
from schema.project import create_project, open_project  # noqa: E402
from schema.resources import default_codebook_path  # noqa: E402
from schema.store import Store  # noqa: E402
from tests.benchmarks.review_pdf import (  # noqa: E402
    ACTIONS,
    AGENCIES,
    PROSE,
    ReviewPdf,
    build_review_pdf,
)

QUERIES = ["missed opportunity", "safeguarding discussion", "welfare check", "tenancy arrears",
           "coercive behaviour", "GP practice", "caseloads supervision", "low mood",
           "forced door", "sister isolated"]
LINES_PER_PAGE, LINE_CHARS = 46, 95
REMARK_SHARE = 0.3  # of synthetic paragraphs ending with one of the panel's stock remarks


def new_store(folder: Path, name: str) -> Store:
    path = folder / name
    create_project(path, site="Benchmark", coder="bench",
                   codebook=load_codebook(default_codebook_path())).conn.close()
    return Store(open_project(path), "bench")


def time_imports(folder: Path, review: ReviewPdf, runs: int) -> tuple[list[float], Store]:
    """Seconds per import of the review into a fresh project; the last project stays open."""
    seconds, store = [], None
    for run in range(runs):
        if store is not None:
            store.close()
        store = new_store(folder, f"import-{run}.casecoder")
        started = time.perf_counter()
        [outcome] = import_pdfs(store, [review.path], workers=2)
        seconds.append(time.perf_counter() - started)
        if outcome.status != "imported":
            raise SystemExit(f"the benchmark PDF did not import: {outcome.message}")
    return seconds, store


def time_reimport(store: Store, review: ReviewPdf, runs: int = 7) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        [outcome] = import_pdfs(store, [review.path], workers=2)
        seconds.append(time.perf_counter() - started)
        assert outcome.status == "already_present", outcome.message
    return seconds


def time_pdftotext(review: ReviewPdf, folder: Path, runs: int) -> float | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([tool, "-layout", str(review.path), str(folder / "out.txt")], check=True)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def check_page_87(store: Store, review: ReviewPdf) -> tuple[bool, str]:
    expected = review.paragraph_on_page(87)
    hits = search(store, f'"{expected.dated_phrase}"')
    found = [(h.file_name, h.page, h.paragraph) for h in hits]
    ok = found[:1] == [(review.path.name, 87, expected.number)]
    return ok, f'"{expected.dated_phrase}": expected p. 87 para {expected.number}, got {found}'


class Vocabulary:
    """Words with a Zipf-like frequency, as in real prose: the review's own words and the
    codebook's labels first (the most frequent), then made-up words to about 20,000 terms."""

    def __init__(self, rng: random.Random, size: int = 20_000) -> None:
        text = " ".join([*PROSE, *ACTIONS, *AGENCIES,
                         default_codebook_path().read_text(encoding="utf-8")])
        words = list(dict.fromkeys(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)))
        syllables = ["ca", "se", "ro", "mi", "tal", "ven", "dor", "lu", "pre", "sta", "ne",
                     "ham", "bri", "co", "gen", "ter", "wol", "fa", "ris", "mon"]
        while len(words) < size:
            words.append("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
        self.words = list(dict.fromkeys(words))
        self.cumulative = list(itertools.accumulate(1 / (rank + 1)
                                                    for rank in range(len(self.words))))
        self.rng = rng

    def sentence(self) -> str:
        length = self.rng.randint(12, 26)
        chosen = self.rng.choices(self.words, cum_weights=self.cumulative, k=length)
        return " ".join(chosen).capitalize() + "."


def synthetic_pages(vocabulary: Vocabulary, count: int, first_section: int) -> list[
        PageResult]:
    """Pages of review-like prose with numbered paragraphs, dated between 1995 and 2012: a
    dated agency contact, sentences of Zipf-distributed words, now and then a panel remark."""
    rng = vocabulary.rng
    pages, lines, section, number = [], [], first_section, 0
    while len(pages) < count:
        number += 1
        if number > rng.randint(15, 60):
            section, number = section + 1, 1
        when = date(1995, 1, 1) + timedelta(days=rng.randrange(6500))
        sentences = [vocabulary.sentence() for _ in range(rng.randint(1, 4))]
        if rng.random() < REMARK_SHARE:
            sentences.append(rng.choice(PROSE))
        text = (f"{section}.{number} On {when.day} {when:%B %Y} {rng.choice(AGENCIES)} "
                f"{rng.choice(ACTIONS)}. " + " ".join(sentences))
        lines += textwrap.wrap(text, LINE_CHARS)
        while len(lines) >= LINES_PER_PAGE and len(pages) < count:
            pages.append(_page(len(pages) + 1, lines[:LINES_PER_PAGE]))
            lines = lines[LINES_PER_PAGE:]
    return pages


def _page(number: int, texts: list[str]) -> PageResult:
    boxes = [(text, 72.0, 90.0 + 14 * i, 72.0 + 5.2 * len(text), 100.5 + 14 * i)
             for i, text in enumerate(texts)]
    return PageResult(number, "ok", 595.28, 841.89, boxes)


def fill_project(store: Store, total_pages: int, per_document: int = 100) -> float:
    """Store synthetic documents until the project holds `total_pages` pages; seconds taken."""
    rng = random.Random(11)
    vocabulary = Vocabulary(rng)
    started = time.perf_counter()
    have = store.count("pages")
    index = 0
    while have < total_pages:
        index += 1
        size = min(per_document, total_pages - have)
        pages = synthetic_pages(vocabulary, size, rng.randint(1, 4))
        data = f"synthetic review {index}".encode()
        store_document(store, StoredDocument(
            sha256=f"{index:064x}", file_name=f"synthetic-{index:03d}.pdf", data=data,
            status="imported", pages=pages, password_protected=False,
            summary=f"synthetic-{index:03d}.pdf: {len(pages)} pages"))
        have += len(pages)
    return time.perf_counter() - started


def time_searches(store: Store, repeats: int = 5) -> dict[str, float]:
    """Median seconds per query, top 20 with snippets, after one warm-up run each."""
    medians = {}
    for query in QUERIES:
        search(store, query, limit=20)
        seconds = []
        for _ in range(repeats):
            started = time.perf_counter()
            hits = search(store, query, limit=20)
            seconds.append(time.perf_counter() - started)
        assert hits, f"no hits for {query!r}"
        medians[query] = statistics.median(seconds)
    return medians


PANEL_LIMIT = 50
DOCUMENTS_PER_CASE = 5


def spread_over_cases(store: Store) -> dict[str, int]:
    """Link the project's documents to cases, five to a case, the cases taking the
    codebook's categories and review types in turn; documents linked per category."""
    book = store.codebook
    categories = [o.key for o in book.categories]
    types = [o.key for o in book.review_types]
    linked: dict[str, int] = {}
    documents = [d.id for d in store.documents()]
    for number in range(0, len(documents), DOCUMENTS_PER_CASE):
        index = number // DOCUMENTS_PER_CASE
        category = categories[index % len(categories)]
        case = store.create_case(f"BENCH-{index:04d}", types[index % len(types)],
                                 category=category)
        for document_id in documents[number:number + DOCUMENTS_PER_CASE]:
            store.link_document(case.id, document_id)
            linked[category] = linked.get(category, 0) + 1
    return linked


def time_panel_searches(store: Store, where: SearchFilter | None,
                        repeats: int = 5) -> dict[str, float]:
    """Median seconds per query as the search panel asks it (top 50, cases named)."""
    medians = {}
    for query in QUERIES:
        store.search_pages(query, where, PANEL_LIMIT)
        seconds = []
        for _ in range(repeats):
            started = time.perf_counter()
            hits = store.search_pages(query, where, PANEL_LIMIT)
            seconds.append(time.perf_counter() - started)
        assert all(h.case_reference for h in hits), f"a hit without its case for {query!r}"
        medians[query] = statistics.median(seconds)
    return medians


def report_panel(store: Store) -> None:
    linked = spread_over_cases(store)
    category = max(linked, key=linked.get)
    for label, where in (("all cases", None),
                         (f"category {category} ({linked[category]} documents)",
                          SearchFilter(category=category))):
        medians = time_panel_searches(store, where)
        print(f"Search panel, top {PANEL_LIMIT} with cases and quotes, {label}: median "
              f"{statistics.median(medians.values()) * 1000:.1f} ms, slowest "
              f"{max(medians.values()) * 1000:.1f} ms; target median < 50 ms")


def run_search_only(folder: Path, total_pages: int) -> int:
    store = new_store(folder, "search.casecoder")
    filled = fill_project(store, total_pages)
    print(f"Search project: {store.count('pages')} pages in {store.count('documents')} "
          f"documents (stored in {filled:.0f} s)")
    medians = time_searches(store)
    print(f"Search, top 20 with snippets, two-word queries: median "
          f"{statistics.median(medians.values()) * 1000:.1f} ms, slowest "
          f"{max(medians.values()) * 1000:.1f} ms; target median < 50 ms")
    report_panel(store)
    store.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="imports timed (default 3)")
    parser.add_argument("--pages", type=int, default=50_000, help="pages for the search test")
    parser.add_argument("--search-only", action="store_true",
                        help="time only the searches (no imports)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="casecoder-bench-") as tmp:
        if args.search_only:
            return run_search_only(Path(tmp), args.pages)
        return run(Path(tmp), args.runs, args.pages)


def run(folder: Path, runs: int, total_pages: int) -> int:
    review = build_review_pdf(folder / "overview-report.pdf", pages=100)
    print(f"Benchmark PDF: 100 pages, {review.path.stat().st_size / 1024:.0f} KB, "
          f"{len(review.paragraphs)} numbered paragraphs")
    seconds, store = time_imports(folder, review, runs)
    import_median = statistics.median(seconds)
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"Import, 2 workers: median {import_median:.2f} s = {100 / import_median:.1f} "
          f"pages/s (runs: {', '.join(f'{s:.2f}' for s in seconds)}); target >= 40 pages/s")
    print(f"Peak worker memory (max RSS of a worker): {worker_mb:.0f} MB; target < 200 MB")
    again = time_reimport(store, review)
    print(f"Re-import of the stored file: median {statistics.median(again) * 1000:.0f} ms, "
          f"max {max(again) * 1000:.0f} ms; target < 200 ms")
    poppler = time_pdftotext(review, folder, runs)
    if poppler is not None:
        print(f"pdftotext -layout: {poppler:.2f} s = {100 / poppler:.0f} pages/s; our import "
              f"takes {import_median / poppler:.1f}x as long")
    ok, detail = check_page_87(store, review)
    print(f"Page 87 phrase in the 100-page project: {'OK' if ok else 'WRONG'} {detail}")
    filled = fill_project(store, total_pages)
    print(f"Search project: {store.count('pages')} pages in {store.count('documents')} "
          f"documents (stored in {filled:.0f} s)")
    medians = time_searches(store)
    for query, value in medians.items():
        print(f"  {query!r}: {value * 1000:.1f} ms")
    overall = statistics.median(medians.values())
    print(f"Search, top 20 with snippets, two-word queries: median {overall * 1000:.1f} ms, "
          f"slowest {max(medians.values()) * 1000:.1f} ms; target median < 50 ms")
    ok_big, detail = check_page_87(store, review)
    print(f"Page 87 phrase in the {store.count('pages')}-page project: "
          f"{'OK' if ok_big else 'WRONG'} {detail}")
    report_panel(store)
    store.close()
    return 0 if ok and ok_big else 1


if __name__ == "__main__":
    sys.exit(main())
