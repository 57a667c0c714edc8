"""The learning brief: every coded section present, no registered real name, robust layout."""

from __future__ import annotations

import io

import pytest
from pdfminer.high_level import extract_text

from exports.brief import BriefScope, build_brief
from main import main
from schema.errors import CasecoderError
from tests.brief.sample import REAL_NAMES, code_sample_case


def _text(pdf: bytes) -> str:
    return " ".join(extract_text(io.BytesIO(pdf)).split())


def test_case_brief_has_every_section_and_no_real_name(store):
    code_sample_case(store)
    result = build_brief(store, BriefScope.case("SAR-2021-04"), marking="OFFICIAL-SENSITIVE")
    text = _text(result.pdf)
    for heading in ("Background summary", "Facts at a glance", "Themes for learning",
                    "Key findings", "Good practice", "Learning by theme",
                    "Hearing the voice of Adult A", "Including families", "Action plan",
                    "Training and further reading"):
        assert heading in text, heading
    for fact in ("Agencies involved", "Local authorities", "Full review published"):
        assert fact.casefold() in text.casefold()
    assert "details that could identify them have been altered" in text.lower()
    lowered = text.casefold()
    for real in REAL_NAMES:
        assert real.casefold() not in lowered, real
    assert "Adult A" in text and "Mr B" in text
    assert text.count("OFFICIAL-SENSITIVE") >= 2 * result.pages
    assert 2 <= result.pages <= 4


def test_links_are_clickable(store):
    code_sample_case(store)
    pdf = build_brief(store, BriefScope.case("SAR-2021-04")).pdf
    assert b"/URI" in pdf and b"/Link" in pdf


def test_thematic_brief_across_a_category(store):
    code_sample_case(store, "SAR-2021-04")
    code_sample_case(store, "DHR-2020-09", review_type="DHR")
    result = build_brief(store, BriefScope.category("intimate_partner"))
    text = _text(result.pdf)
    assert sorted(result.cases) == ["DHR-2020-09", "SAR-2021-04"]
    assert "SAR-2021-04" in text and "DHR-2020-09" in text
    assert not any(real.casefold() in text.casefold() for real in REAL_NAMES)


def test_empty_sections_are_left_out(store):
    case = store.create_case("CSPR-1", "CSPR", category="child_family")
    coding = store.add_coding(case.id)
    review = store.section_entity(coding.id, "review")
    store.set_answer(review.id, "summary", "Child D was seriously injured at home.")
    for field, value in (("subject", "Child D"), ("local_authority", "Harbridge"),
                         ("publication_year", 2021), ("published", True)):
        store.set_answer(review.id, field, value)
    text = _text(build_brief(store, BriefScope.case("CSPR-1")).pdf)
    assert "Background summary" in text and "Child D was seriously injured" in text
    for heading in ("Key findings", "Good practice", "Action plan", "Learning by theme"):
        assert heading not in text


def test_very_long_sections_still_build(store):
    case_id = code_sample_case(store)
    coding = store.coding_for_tables(case_id)
    review = store.section_entity(coding.id, "review")
    words = " ".join(["practitioners"] * 5000)
    store.set_answer(review.id, "summary", words)
    finding = store.add_entity(coding.id, "findings")
    store.set_answer(finding.id, "text", words)
    result = build_brief(store, BriefScope.case("SAR-2021-04"))
    assert result.pages > 4
    assert "Key findings" in _text(result.pdf)


def test_unknown_case_and_category_are_clear_errors(store):
    with pytest.raises(CasecoderError, match="no case with reference"):
        build_brief(store, BriefScope.case("NOPE"))
    with pytest.raises(CasecoderError, match="no cases of category"):
        build_brief(store, BriefScope.category("youth_peer"))


def test_brief_command(store, project_path, tmp_path, capsys):
    code_sample_case(store)
    store.close()
    out = tmp_path / "brief.pdf"
    assert main(["brief", str(project_path), "--case", "SAR-2021-04", "--out", str(out),
                 "--marking", "OFFICIAL-SENSITIVE"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["brief", str(project_path), "--category", "adult_peer", "--out",
                 str(out)]) == 2
    assert "no cases of category" in capsys.readouterr().err
