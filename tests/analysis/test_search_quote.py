"""The sentence a search hit offers for citing, and the line boxes it spans."""

from __future__ import annotations

from schema.documents.search_quote import MAX_QUOTE, hit_quote

S, E = "\x02", "\x03"


def _boxes(paragraphs: list[str]) -> list:
    return [[72.0, 100.0 + 14 * i, 500.0, 111.0 + 14 * i, p] for i, p in enumerate(paragraphs)]


def test_the_sentence_around_the_first_match_across_its_lines():
    text = (f"4.1 The GP saw her twice. She said she felt\ncontrolled by her {S}husband{E} and"
            f" was\nafraid. The panel notes this.")
    quote, rects = hit_quote(text, _boxes(["4.1", "4.1", "4.1"]), S, E)
    assert quote == "She said she felt controlled by her husband and was afraid."
    assert rects == ((72.0, 100.0, 500.0, 111.0), (72.0, 114.0, 500.0, 125.0),
                     (72.0, 128.0, 500.0, 139.0))


def test_a_heading_without_full_stop_stays_apart_from_the_next_paragraph():
    text = f"Recognising {S}coercion{E}\n5.2 The panel found a pattern of control."
    quote, rects = hit_quote(text, _boxes(["5.1", "5.2"]), S, E)
    assert quote == "Recognising coercion"
    assert len(rects) == 1


def test_a_very_long_sentence_is_cut_to_the_lines_of_the_match():
    filler = " ".join(["word"] * 120)
    text = f"{filler}\nhere the {S}match{E} sits\n{filler}."
    quote, rects = hit_quote(text, _boxes(["", "", ""]), S, E)
    assert quote == "here the match sits" and len(quote) < MAX_QUOTE
    assert rects == ((72.0, 114.0, 500.0, 125.0),)


def test_nothing_marked_gives_nothing_to_cite():
    assert hit_quote("no match here", _boxes([""]), S, E) == ("", ())
