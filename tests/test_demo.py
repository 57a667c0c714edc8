"""The demo project: fictional reviews of several types, partly coded, with true citations."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from desktop.cli import run_command_line
from desktop.demo.build import build_demo, default_demo_path
from desktop.demo.evidence import letters
from desktop.demo.pdf import parse_body, read_sample
from schema.documents.text_layer import page_lines
from schema.errors import CasecoderError, ProjectError
from schema.integrity import check_project
from schema.project import open_project
from schema.resources import RESOURCES
from schema.store import Store

SAMPLES = RESOURCES / "samples"
SEEDS = Path("/work/shared/seeds")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.casecoder")


@pytest.fixture
def demo_store(demo):
    store = Store(open_project(demo, readonly=True), "tester")
    yield store
    store.close()


def test_demo_has_reviews_of_different_types_with_long_numbered_documents(demo_store):
    cases = demo_store.list_cases()
    assert {c.review_type for c in cases} >= {"DHR", "CSPR", "SAR", "IIR"}
    for case in cases:
        documents = demo_store.case_documents(case.id)
        assert max(d.page_count for d in documents) >= 10, case.reference
        assert all(d.text_status == "ok" for d in documents)
        first = documents[0]
        numbered = {line.paragraph for page in range(1, first.page_count + 1)
                    for line in page_lines(demo_store, first.id, page)}
        numbered.discard("")
        assert {"1.1", "1.2", "2.1", "3.1", "4.1", "5.1"} <= numbered, case.reference
        assert len(numbered) >= 35, case.reference
    assert sum(len(demo_store.case_documents(c.id)) > 1 for c in cases) >= 2


def test_demo_case_statuses_vary_and_some_cases_are_partly_coded(demo_store):
    statuses = {c.reference: c.status for c in demo_store.list_cases()}
    assert {"coded", "in_progress", "not_started"} <= set(statuses.values())
    states = dict(demo_store.db.execute(
        "SELECT state, count(*) FROM answers GROUP BY state").fetchall())
    assert states["answered"] > 50 and states["not_reported"] >= 5
    victims = demo_store.db.execute(
        "SELECT count(*) FROM entities WHERE section = 'victims'").fetchone()[0]
    perpetrators = demo_store.db.execute(
        "SELECT count(*) FROM entities WHERE section = 'perpetrators'").fetchone()[0]
    assert victims >= 3 and perpetrators >= 3
    not_started = [c for c in demo_store.list_cases() if c.status == "not_started"]
    assert all(not demo_store.codings(c.id) for c in not_started)


def test_every_evidence_quote_is_on_its_cited_page_and_in_its_paragraph(demo_store):
    rows = demo_store.db.execute(
        "SELECT document_id, page, paragraph, quote, rects_json FROM evidence").fetchall()
    assert len(rows) >= 10
    for document_id, page, paragraph, quote, rects in rows:
        text = letters(" ".join(line.text for line in page_lines(demo_store, document_id,
                                                                  page)))
        assert letters(quote) in text, (page, quote)
        assert re.fullmatch(r"\d+\.\d+", paragraph), quote
        source = _sample_paragraphs(document_id, demo_store)
        assert letters(quote) in letters(source[paragraph]), (paragraph, quote)
        assert rects != "[]"


def _sample_paragraphs(document_id: str, store) -> dict[str, str]:
    name = store.get_document(document_id).file_name
    samples = (read_sample(p) for p in SAMPLES.glob("*.md") if p.name != "README.md")
    sample = next(s for s in samples if s.file_name == name)
    return {b.number: b.text for b in sample.blocks if b.kind == "numbered"}


def test_check_passes_on_the_demo(demo):
    assert check_project(demo) == []


def test_demo_command_refuses_to_overwrite_without_force(tmp_path, capsys):
    target = tmp_path / "demo.casecoder"
    target.write_bytes(b"precious work")
    assert run_command_line(["demo", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == b"precious work"


def test_demo_command_force_replaces_the_file(tmp_path):
    target = tmp_path / "demo.casecoder"
    target.write_bytes(b"old")
    assert run_command_line(["demo", str(target), "--force"]) == 0
    assert check_project(target) == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_demo_default_path_follows_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_demo_path() == tmp_path / "casecoder" / "demo.casecoder"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_demo_path() == tmp_path / "home/.local/share/casecoder/demo.casecoder"


class _CancelAtImport:
    def __init__(self) -> None:
        self.cancelled = False
        self.messages: list[str] = []

    def update(self, done: int, total: int, message: str) -> None:
        self.messages.append(message)
        self.cancelled = message.startswith("Importing")

    def check(self) -> None:
        if self.cancelled:
            raise CasecoderError("cancelled")


def test_cancelled_build_leaves_nothing_behind(tmp_path):
    progress = _CancelAtImport()
    with pytest.raises(CasecoderError):
        build_demo(tmp_path / "demo.casecoder", progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_build_reports_progress_and_can_run_off_the_main_thread(tmp_path):
    seen: list[tuple[int, int, str]] = []

    class Recorder:
        def update(self, done, total, message):
            seen.append((done, total, message))

    errors: list[BaseException] = []

    def work():
        try:
            build_demo(tmp_path / "demo.casecoder", progress=Recorder())
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert not errors
    assert seen[-1][0] == seen[-1][1] and "ready" in seen[-1][2]


def test_replacing_a_demo_open_in_another_casecoder_is_refused(tmp_path):
    from desktop.cli.common import open_store

    target = build_demo(tmp_path / "demo.casecoder")
    holder = open_store(target, coder="someone")
    try:
        with pytest.raises(ProjectError, match="already open"):
            build_demo(target, replace=True)
    finally:
        holder.close()
    assert check_project(target) == []


def test_sample_parser_reads_numbered_paragraphs_bullets_and_tables():
    blocks = parse_body("# 1. Intro\n\n1.1 First line\ncontinues here.\n- a bullet\n\n"
                        "| A | B |\n|---|---|\n| x | y |\n")
    assert [b.kind for b in blocks] == ["h1", "numbered", "bullet", "table"]
    assert blocks[1].number == "1.1" and blocks[1].text == "First line continues here."
    assert blocks[3].rows == [["A", "B"], ["x", "y"]]


def test_samples_are_marked_fictional_and_copy_no_seed_sentence():
    seed_text = " ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    if not seed_text:
        pytest.skip("the seed documents are not on this machine")
    seed = " ".join(seed_text.split()).lower()
    for path in SAMPLES.glob("*.md"):
        if path.name == "README.md":
            continue
        sample = read_sample(path)
        for block in sample.blocks:
            for sentence in re.split(r"(?<=[.;:])\s+", block.text):
                words = sentence.split()
                for start in range(0, max(1, len(words) - 9)):
                    chunk = " ".join(words[start:start + 10]).lower()
                    assert len(words) < 10 or chunk not in seed, (path.name, chunk)
    assert "fictional" in (SAMPLES / "README.md").read_text(encoding="utf-8")


def test_the_finished_demo_case_marks_a_section_that_does_not_apply(demo_store):
    [case] = demo_store.find_cases("DHR-2022-01")
    coding = demo_store.coding_for_tables(case.id)
    assert demo_store.section_states(coding.id) == {"further_reading": "not_applicable"}
    assert demo_store.entities(coding.id, "further_reading") == []
