"""No run of eight words from either seed document appears in what the project ships or
makes: its resources, its README and guide, and every learning brief and summary table built
from the demo. Facts, figures, category names and table shapes may be shared; table cells are
checked one by one, since a row label beside "No information" is not a sentence."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text

from desktop.cli import run_command_line
from desktop.demo.build import build_demo
from schema.resources import RESOURCES
from tests.seed_text import SEEDS, runs, seed_runs_from_seeds, shipped_seed_runs

ROOT = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = {".yaml", ".yml", ".md", ".html", ".txt", ".json", ".xml"}


@pytest.fixture(scope="module")
def seed() -> set[int]:
    return shipped_seed_runs()


def _shared(text: str, seed: set[int]) -> int:
    return len(runs(text) & seed)


def test_the_shipped_fingerprint_matches_the_seeds():
    if not any(SEEDS.glob("*.txt")):
        pytest.skip("the seed documents are not on this machine; the shipped hashes are used")
    assert shipped_seed_runs() == seed_runs_from_seeds(), \
        "the seeds changed: run 'python -m tests.seed_text'"


def test_a_copied_sentence_is_caught(seed):
    """The check itself works: a run of the seed's words is found (by its hash)."""
    if not any(SEEDS.glob("*.txt")):
        pytest.skip("needs the seed text to pick a sentence from")
    words = " ".join(next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8").split()[500:520])
    assert _shared(f"Our own words first, then {words}", seed) > 0


def test_resources_readme_and_guide_share_no_sentence(seed):
    files = [p for p in RESOURCES.rglob("*") if p.suffix in TEXT_SUFFIXES]
    files += [ROOT / "README.md"]
    assert len(files) > 5
    found = {str(p.relative_to(ROOT)): _shared(p.read_text(encoding="utf-8"), seed)
             for p in files}
    assert {name: n for name, n in found.items() if n} == {}


@pytest.fixture(scope="module")
def demo_outputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("outputs")
    project = str(build_demo(folder / "demo.casecoder"))
    briefs = [["--case", ref] for ref in ("DHR-2022-01", "CSPR-2022-03", "SAR-2023-02")]
    briefs += [["--category", key] for key in ("intimate_partner", "child_family")]
    briefs += [["--review-type", "DHR"]]
    for number, chosen in enumerate(briefs):
        code = run_command_line(["brief", project, *chosen, "--include-in-progress", "--out",
                                 str(folder / f"brief{number}.pdf")])
        assert code == 0, chosen
    assert run_command_line(["tables", project, "--out", str(folder / "tables"), "--format",
                             "csv", "--include-in-progress"]) == 0
    return folder


def test_every_brief_built_from_the_demo_shares_no_sentence(demo_outputs, seed):
    briefs = sorted(demo_outputs.glob("brief*.pdf"))
    assert len(briefs) == 6
    found = {p.name: _shared(extract_text(str(p)), seed) for p in briefs}
    assert {name: n for name, n in found.items() if n} == {}


def test_every_table_cell_shares_no_sentence(demo_outputs, seed):
    tables = sorted((demo_outputs / "tables").glob("*.csv"))
    assert tables
    copied = []
    for path in tables:
        with path.open(encoding="utf-8") as handle:
            copied += [(path.name, cell) for row in csv.reader(handle) for cell in row
                       if _shared(cell, seed)]
    assert copied == []
