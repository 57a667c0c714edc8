"""A review type's optional short label: read from the codebook, checked, and used for
headings, with the full label as the fallback."""

from __future__ import annotations

import pytest

from schema.codebook_loader import parse_codebook
from schema.errors import CodebookError

BOOK = """\
id: test-book
version: "1"
review_types:
  - {{key: JOINT, label: Joint review (e.g. SAR and DHR){extra}}}
  - {{key: SAR, label: Safeguarding Adult Review}}
sections:
  - key: review
    fields:
      - {{key: subject, type: text}}
"""


def _book(extra: str):
    return parse_codebook(BOOK.format(extra=extra), source="book.yaml")


def test_a_short_label_is_read_and_the_full_label_is_the_fallback():
    book = _book(", short: Joint review")
    assert book.review_type_short("JOINT") == "Joint review"
    assert book.review_type_label("JOINT") == "Joint review (e.g. SAR and DHR)"
    assert book.review_type_short("SAR") == "Safeguarding Adult Review"
    assert book.review_type_short("UNKNOWN") == "UNKNOWN"


def test_the_default_codebook_gives_the_joint_review_a_short_label(codebook):
    assert codebook.review_type_short("JOINT") == "Joint review"
    for option in codebook.review_types:
        assert "(" not in option.short_label, option.key


@pytest.mark.parametrize(("extra", "expected"), [
    (', short: ""', "'short' must be a label of one line"),
    (", short: [Joint]", "'short' must be a label of one line"),
    (", short: " + "x" * 41, "at most 40 characters"),
    (", shrot: Joint review", "did you mean 'short'?"),
])
def test_a_bad_short_label_gets_a_one_line_message(extra, expected):
    with pytest.raises(CodebookError) as caught:
        _book(extra)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message
    assert message.startswith("book.yaml, line 4")


def test_only_review_types_take_a_short_label():
    text = BOOK.format(extra="").replace(
        "sections:", "categories:\n  - {key: a, label: A, short: B}\nsections:")
    with pytest.raises(CodebookError, match="unknown key 'short' in an option of 'categories'"):
        parse_codebook(text)
