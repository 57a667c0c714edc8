"""The codebook loader refuses badly written keywords with one line naming line and field."""

from __future__ import annotations

import pytest

from schema.codebook_loader import parse_codebook
from schema.errors import CodebookError

BOOK = """\
id: kw
version: "1"
sections:
  - key: incident
    fields:
      - key: method
        type: choice
        options:
          - {key: sharp, label: Sharp, keywords: KEYWORDS}
"""


@pytest.mark.parametrize("keywords, words", [
    ("[behavio(u r]", "'(' without its ')'"),
    ("[behavio(u))r]", "')' without its '('"),
    ("[a((b))]", "a group inside a group"),
    ("[knife|blade]", "'|' outside parentheses"),
    ("[st*ab]", "'*' may only end a word"),
    ("[kni()fe]", "empty group"),
    ("['--']", "no letter or digit"),
    ("[12, [a]]", "a keyword must be text"),
    ("knife", "'keywords' must be a list"),
])
def test_bad_keywords_are_named_in_one_line(keywords, words):
    with pytest.raises(CodebookError) as caught:
        parse_codebook(BOOK.replace("KEYWORDS", keywords), source="kw.yaml")
    message = str(caught.value)
    assert words in message
    assert message.startswith("kw.yaml, line 9, field 'incident.method.sharp'")
    assert "\n" not in message


def test_good_keywords_load_and_typed_text_matches_their_spellings():
    from schema.codebook_model import match_option

    book = parse_codebook(BOOK.replace("KEYWORDS", "[behavio(u)r, stab*]"), source="kw.yaml")
    spec = book.field("incident.method")
    assert spec.option("sharp").keywords == ("behavio(u)r", "stab*")
    assert match_option(spec, "behavior")[0].key == "sharp"
    assert match_option(spec, "Behaviour")[0].key == "sharp"
    assert match_option(spec, "stab")[0].key == "sharp"


def test_every_keyword_of_the_default_codebook_is_well_formed(codebook):
    from schema.keywords import keyword_problem

    keywords = [k for f in codebook.all_fields() for o in f.options for k in o.keywords]
    assert len(keywords) > 200
    assert [k for k in keywords if keyword_problem(k)] == []
