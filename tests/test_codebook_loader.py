"""Codebook loading: the default codebook is complete, and broken ones name line and field."""

from __future__ import annotations

import pytest

from schema.codebook_loader import load_codebook, parse_codebook
from schema.errors import CodebookError

GOOD = """\
id: test-book
version: "1"
sections:
  - key: victims
    label: Victims
    repeat: true
    fields:
      - key: gender
        type: choice
        options:
          - {key: male, label: Male}
          - {key: female, label: Female}
      - key: age
        type: number
"""


def test_default_codebook_covers_what_is_coded_per_case(codebook):
    sections = {s.key for s in codebook.sections}
    assert {"review", "incident", "victims", "perpetrators", "relationship", "escalation",
            "events", "contexts", "aces", "agencies", "themes", "findings", "good_practice",
            "recommendations"} <= sections
    repeats = {s.key for s in codebook.sections if s.repeat}
    assert {"victims", "perpetrators", "events", "agencies", "recommendations"} <= repeats
    assert len(codebook.field("victims.characteristics").options) == 17
    assert len(codebook.field("perpetrators.characteristics").options) == 13
    assert len(codebook.field("escalation.features").options) == 12
    assert len(codebook.field("aces.victim").options) == 9
    assert codebook.field("incident.method").allow_na
    assert [o.key for o in codebook.categories] == [
        "youth_peer", "adult_peer", "intimate_partner", "adult_family", "child_family",
        "child_sexual_abuse"]
    assert "knife" in codebook.field("incident.method").option("sharp_instrument").keywords


def test_a_good_codebook_loads():
    book = parse_codebook(GOOD, source="t.yaml")
    assert book.key == "test-book@1"
    assert book.field("victims.gender").option_label("female") == "Female"


@pytest.mark.parametrize("broken, line, field, words", [
    (GOOD.replace("    repeat: true", "    repeat: [true"), 7, None, "YAML syntax error"),
    (GOOD.replace("key: age", "key: gender"), 13, "victims.gender", "duplicate field key"),
    (GOOD.replace("type: number", "type: numbr"), 14, "victims.age", "did you mean 'number'"),
    (GOOD.replace("""        options:
          - {key: male, label: Male}
          - {key: female, label: Female}
""", ""), 8, "victims.gender", "needs at least one option"),
    (GOOD.replace("        type: number", "        typ: number"), 14, None, "unknown key 'typ'"),
])
def test_broken_codebooks_name_the_line_and_field(broken, line, field, words):
    with pytest.raises(CodebookError) as caught:
        parse_codebook(broken, source="broken.yaml")
    error = caught.value
    assert words in str(error)
    assert error.line == line
    assert str(error).startswith(f"broken.yaml, line {line}")
    if field:
        assert error.field == field and f"field '{field}'" in str(error)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CodebookError, match="file not found"):
        load_codebook(tmp_path / "nope.yaml")


def test_unknown_option_set_is_named():
    broken = GOOD.replace("""        options:
          - {key: male, label: Male}
          - {key: female, label: Female}
""", "        options: genders\n")
    with pytest.raises(CodebookError, match="unknown option set 'genders'"):
        parse_codebook(broken)


def test_a_block_used_as_a_key_is_refused_with_its_line():
    with pytest.raises(CodebookError, match="a key must be a plain name") as caught:
        parse_codebook("id: x\n? {a: 1}\n: value\n", source="k.yaml")
    assert caught.value.line == 2
