"""The same review held by two sites as files whose bytes differ: recognised by its text,
combined when sure, put to a person when not, and kept apart once a person says so."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from schema.merge import merge_projects
from schema.merge.decisions import Decision
from schema.merge.run import Choices
from schema.merge.sources import MergeError
from tests.merge.review_copies import IIR, CaseSpec, build_site, draft, new_cover, redacted, sha


def _scan_pdf(path: Path) -> Path:
    """A 'scanned' review: two pages of drawing and no text layer."""
    canvas = Canvas(str(path))
    for _ in range(2):
        canvas.rect(72, 72, 400, 600, fill=1)
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """Borough projects built once: A holds the SAR and the investigation report; B holds
    copies with a new cover (SAR) and redacted names (investigation); C an early draft of
    the SAR; D a scan with no text, described like the SAR; E the SAR redacted."""
    folder = tmp_path_factory.mktemp("sites")
    return {
        "a": build_site(folder / "a.casecoder", "Harbridge", "ana",
                        [CaseSpec("SAR-2023-02"), CaseSpec("IIR-2021-07", "IIR", "Mr E",
                                                           2021, IIR)]),
        "b": build_site(folder / "b.casecoder", "Eastmoor", "ben",
                        [CaseSpec("EM/SAR/7", change=new_cover),
                         CaseSpec("EM/IIR/3", "IIR", "Mr E", 2021, IIR, change=redacted)]),
        "c": build_site(folder / "c.casecoder", "Northfold", "cal",
                        [CaseSpec("NF-SAR-DRAFT", change=draft)]),
        "d": build_site(folder / "d.casecoder", "Westway", "dee",
                        [CaseSpec("WW-12", pdf=_scan_pdf(folder / "scan.pdf"))]),
        "e": build_site(folder / "e.casecoder", "Southend", "eve",
                        [CaseSpec("SE-SAR", change=redacted)]),
    }


def _fresh(sites: dict[str, Path], tmp_path: Path, *names: str) -> list[Path]:
    """Copies of the named sites, so a test cannot change the shared ones."""
    copies = []
    for name in names:
        copies.append(Path(shutil.copy(sites[name], tmp_path / f"{name}.casecoder")))
    return copies


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _cases(path: Path) -> dict[str, set[str]]:
    """Each case's reference -> the coders of its codings."""
    found: dict[str, set[str]] = {}
    for reference, coder in _rows(path, "SELECT c.reference, g.coder FROM cases c "
                                        "LEFT JOIN codings g ON g.case_id = c.id"):
        found.setdefault(reference, set()).add(coder)
    return found


def _case_id(path: Path, reference: str) -> str:
    [(case_id,)] = _rows(path, f"SELECT id FROM cases WHERE reference = '{reference}'")
    return case_id


def test_copies_with_other_bytes_become_one_case_each(sites, tmp_path):
    a, b = _fresh(sites, tmp_path, "a", "b")
    assert {r[0] for r in _rows(a, "SELECT id FROM documents")}.isdisjoint(
        {r[0] for r in _rows(b, "SELECT id FROM documents")})
    target = tmp_path / "region.casecoder"
    report = merge_projects(target, [a, b], actor="lead")
    assert sorted(_cases(target).values(), key=sorted) == [{"ana", "ben"}, {"ana", "ben"}]
    assert report.sources[1].matched == {"text": 2}
    assert len(_rows(target, "SELECT * FROM case_aliases")) == 2
    assert len(_rows(target, "SELECT * FROM case_documents")) == 4  # both copies kept
    assert report.candidates == []


def test_a_draft_is_a_candidate_and_confirming_it_combines(sites, tmp_path):
    a, c = _fresh(sites, tmp_path, "a", "c")
    target = tmp_path / "region.casecoder"
    report = merge_projects(target, [a, c], actor="lead")
    assert len(_cases(target)) == 3
    [pair] = report.candidates
    assert pair["basis"] == "text" and 0.25 <= pair["similarity"] < 0.75
    assert {pair["cases"][0]["reference"], pair["cases"][1]["reference"]} == {
        "SAR-2023-02", "NF-SAR-DRAFT"}
    decided = Choices(decisions=[Decision(pair["case_id"], pair["other_case_id"], True)])
    again = merge_projects(target, [a, c], actor="lead", choices=decided)
    assert again.combined == 1 and again.candidates == []
    assert sorted(map(sorted, _cases(target).values())) == [["ana"], ["ana", "cal"]]
    before = sha(target)
    merge_projects(target, [c], actor="lead")  # the draft's own id lands on the combined case
    assert sha(target) == before and len(_cases(target)) == 2


def test_a_refused_candidate_stays_apart_on_later_merges(sites, tmp_path):
    a, c, e = _fresh(sites, tmp_path, "a", "c", "e")
    target = tmp_path / "region.casecoder"
    trial = merge_projects(target, [a, c], actor="lead", choices=Choices(dry_run=True))
    assert not target.exists() and trial.dry_run
    [pair] = trial.candidates
    assert pair["pages"], "a trial run lists the pages that differ"
    different = Decision(pair["case_id"], pair["other_case_id"], False)
    report = merge_projects(target, [a, c], actor="lead",
                            choices=Choices(decisions=[different]))
    assert report.kept_apart == 1 and report.candidates == []
    assert len(_rows(target, "SELECT * FROM case_distinctions")) == 1
    later = merge_projects(target, [e, c], actor="lead")
    assert later.candidates == []
    assert _cases(target)["NF-SAR-DRAFT"] == {"cal"}
    assert {"ana", "eve"} in _cases(target).values()  # the redacted copy matched


def test_a_pair_said_to_differ_is_never_combined_even_with_the_same_text(sites, tmp_path):
    a, b = _fresh(sites, tmp_path, "a", "b")
    keep_apart = Decision(_case_id(a, "SAR-2023-02"), _case_id(b, "EM/SAR/7"), False)
    target = tmp_path / "region.casecoder"
    merge_projects(target, [a, b], actor="lead", choices=Choices(decisions=[keep_apart]))
    assert len(_cases(target)) == 3
    before = sha(target)
    assert not merge_projects(target, [b, a], actor="lead").changed
    assert sha(target) == before


def test_merging_again_changes_no_byte(sites, tmp_path):
    a, b, c = _fresh(sites, tmp_path, "a", "b", "c")
    target = tmp_path / "region.casecoder"
    merge_projects(target, [a, b, c], actor="lead")
    before = sha(target)
    report = merge_projects(target, [a, b, c], actor="lead")
    assert not report.changed and sha(target) == before
    assert len(report.candidates) == 1  # still listed, still undecided


def test_the_order_of_sources_does_not_matter(sites, tmp_path):
    a, b, c, e = _fresh(sites, tmp_path, "a", "b", "c", "e")
    one, two = tmp_path / "one.casecoder", tmp_path / "two.casecoder"
    first = merge_projects(one, [a, b, c, e], actor="lead")
    second = merge_projects(two, [e, c, b, a], actor="lead")
    for sql in ("SELECT id, reference FROM cases", "SELECT alias_id, case_id FROM case_aliases",
                "SELECT case_id, document_id FROM case_documents",
                "SELECT id, case_id FROM codings"):
        assert sorted(_rows(one, sql)) == sorted(_rows(two, sql)), sql
    assert [(p["case_id"], p["other_case_id"]) for p in first.candidates] == \
           [(p["case_id"], p["other_case_id"]) for p in second.candidates]


def test_a_review_without_text_is_only_ever_a_candidate(sites, tmp_path):
    a, d = _fresh(sites, tmp_path, "a", "d")
    target = tmp_path / "region.casecoder"
    report = merge_projects(target, [a, d], actor="lead", choices=Choices(dry_run=True))
    assert [p["basis"] for p in report.candidates] == ["details"]
    report = merge_projects(target, [d, a], actor="lead")
    assert len(_cases(target)) == 3 and report.sources[1].matched == {}


def test_two_cases_holding_one_document_are_refused(sites, tmp_path):
    [a] = _fresh(sites, tmp_path, "a")
    conn = sqlite3.connect(a)
    conn.execute("INSERT INTO case_documents (case_id, document_id, role, position, added_at, "
                 "added_by) SELECT (SELECT id FROM cases WHERE reference = 'IIR-2021-07'), "
                 "document_id, '', 1, '2024', 'x' FROM case_documents WHERE case_id = "
                 "(SELECT id FROM cases WHERE reference = 'SAR-2023-02')")
    conn.commit()
    conn.close()
    target = tmp_path / "region.casecoder"
    with pytest.raises(MergeError, match="both hold the document"):
        merge_projects(target, [a], actor="lead")
    assert not target.exists()


def test_decisions_naming_unknown_ids_change_nothing(sites, tmp_path):
    a, c = _fresh(sites, tmp_path, "a", "c")
    target = tmp_path / "region.casecoder"
    merge_projects(target, [a], actor="lead")
    before = sha(target)
    wrong = Choices(decisions=[Decision(_case_id(a, "SAR-2023-02"), "no-such-id", True)],
                    decisions_from="mine.csv")
    with pytest.raises(MergeError, match="no-such-id.*mine.csv"):
        merge_projects(target, [c], actor="lead", choices=wrong)
    assert sha(target) == before


def test_command_line_writes_a_decisions_file_and_merges_by_it(sites, tmp_path, capsys):
    from desktop.cli import run_command_line

    a, c = _fresh(sites, tmp_path, "a", "c")
    target, sheet = tmp_path / "region.casecoder", tmp_path / "pairs.csv"
    assert run_command_line(["merge", str(target), str(a), str(c), "--dry-run",
                             "--candidates-out", str(sheet), "--coder", "lead"]) == 0
    printed = capsys.readouterr().out
    assert "may be the same review" in printed and "pages that differ" in printed
    assert not target.exists()
    with sheet.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1 and rows[0]["decision"] == ""
    rows[0]["decision"] = "same"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert run_command_line(["merge", str(target), str(a), str(c), "--decisions", str(sheet),
                             "--coder", "lead"]) == 0
    assert "1 pair(s) combined" in capsys.readouterr().out
    assert len(_cases(target)) == 2
