"""Keyword suggestions find the planted keywords, whole words only, in either spelling, and
nothing on a page without them."""

from __future__ import annotations

import pytest

from schema.documents.text_layer import Line
from schema.keywords import keyword_forms, keyword_pattern
from schema.suggestions import PageText, find_suggestions
from tests.suggestions.planted import open_planted, planted_project


@pytest.fixture
def planted(tmp_path):
    path, case_id = planted_project(tmp_path)
    store = open_planted(path)
    yield store, case_id
    store.close()


def _found(store, case_id):
    return {(s.field, s.option, s.keyword.lower(), s.page) for s in
            store.case_suggestions(case_id)}


def test_every_planted_keyword_is_found_and_the_clean_page_gives_nothing(planted):
    store, case_id = planted
    assert _found(store, case_id) == {
        ("incident.method", "sharp", "stabbed", 1),  # "knife" is in the same sentence
        ("incident.features", "control", "controlling behavior", 1),
        ("incident.features", "organisation", "organization", 1),
        ("incident.features", "callout", "call out", 1),
        ("victims.traits", "isolated", "isolated", 1),
    }


def test_a_suggestion_cites_its_sentence_with_paragraph_and_line_boxes(planted):
    store, case_id = planted
    knife = next(s for s in store.case_suggestions(case_id) if s.option == "sharp")
    assert knife.quote == ("Her partner had stabbed her with a kitchen knife in the hallway, "
                           "and she was taken to hospital.")
    assert knife.paragraph == "4.1"
    assert len(knife.rects) == 3  # the quote runs over three lines
    first, second = knife.rects[0], knife.rects[1]
    assert first[0] > 250 and first[2] > first[0]  # starts late on the first line
    assert second[0] == pytest.approx(72, abs=2)  # the next line from its left edge
    assert second[1] > first[1]  # and lower down the page
    assert knife.snippet() == ("Her partner had [stabbed] her with a kitchen knife in the "
                               "hallway, and…")


def test_one_passage_offered_once_per_option_though_two_keywords_hit_it(planted):
    store, case_id = planted
    sharp = [s for s in store.case_suggestions(case_id) if s.option == "sharp"]
    assert len(sharp) == 1


def _page(*texts: str) -> PageText:
    lines = [Line(t, 72, 100 + 15 * i, 500, 111 + 15 * i, "1.1") for i, t in enumerate(texts)]
    return PageText("d" * 64, 1, lines)


@pytest.mark.parametrize("keyword, text, hits", [
    ("arm", "no harm was done", []),
    ("arm", "both arms were bruised", []),
    ("arm", "a cut to the arm, then", ["arm"]),
    ("knife", "two knives were found", []),
    ("kni(fe|ves)", "two knives and a knife", ["knives", "knife"]),
    ("behavio(u)r", "Behaviour and behavior", ["Behaviour", "behavior"]),
    ("organi(s|z)ation", "the organisation, the organization", ["organisation",
                                                                "organization"]),
    ("stab*", "he stabbed her", ["stabbed"]),
    ("call-out", "callout, call out, call-out", ["callout", "call out", "call-out"]),
    ("children's services", "Children’s services", ["Children’s services"]),
    ("mental health", "mental\u00a0health", ["mental\u00a0health"]),
])
def test_whole_words_and_spellings(keyword, text, hits):
    found = [text[m.start():m.end()] for m in keyword_pattern(keyword).finditer(
        text.replace("’", "'").replace("\u00a0", " "))]
    assert found == hits


def test_a_keyword_split_over_two_lines_or_hyphenated_at_the_break_is_found(codebook):
    page = _page("He had always been in control of her money and her con-",
                 "trolling behaviour was plain to the health visitor.")
    found = find_suggestions(codebook, [page])
    control = [s for s in found if s.field == "relationship.characteristics"
               and s.option == "coercive_control"]
    assert control and control[0].keyword == "controlling behaviour"
    assert len(control[0].rects) == 2


def test_keyword_forms_write_out_every_spelling():
    assert keyword_forms("behavio(u)r") == ["behaviour", "behavior"]
    assert keyword_forms("organi(s|z)ation") == ["organisation", "organization"]
    assert keyword_forms("stab*") == ["stab"]
