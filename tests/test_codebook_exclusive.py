"""Exclusive options ("None", "Not known") of multi fields: declared in the codebook, checked
when it loads, and never stored together with another option."""

from __future__ import annotations

import pytest

from schema.codebook_loader import parse_codebook
from schema.errors import CodebookError, ValidationError

BOOK = """\
id: test-book
version: "1"
option_sets:
  outcomes:
    - {key: died, label: Died}
    - {key: unknown, label: Not known, exclusive: true}
sections:
  - key: person
    label: Person
    fields:
      - key: needs
        type: multi
        options:
          - {key: housing, label: Housing}
          - {key: money, label: Money}
          - {key: none, label: None, exclusive: true}
      - key: outcome
        type: choice
        options:
          - {key: died, label: Died}
          - {key: lived, label: Lived}
      - key: later
        type: multi
        options: outcomes
"""


def test_exclusive_is_read_from_the_codebook():
    book = parse_codebook(BOOK)
    needs = book.field("person.needs")
    assert needs.option("none").exclusive
    assert not needs.option("housing").exclusive
    assert book.field("person.later").option("unknown").exclusive


def test_the_default_codebook_marks_its_none_option(codebook):
    characteristics = codebook.field("relationship.characteristics")
    assert [o.key for o in characteristics.options if o.exclusive] == ["none"]
    for field in codebook.all_fields():
        if field.type != "multi":
            assert not any(o.exclusive for o in field.options), field.path


@pytest.mark.parametrize("broken, line, field, words", [
    (BOOK.replace("{key: lived, label: Lived}", "{key: lived, label: Lived, exclusive: true}"),
     21, "person.outcome", "only for options of a multi field (this is a choice field"),
    (BOOK.replace("label: None, exclusive: true", "label: None, exclusive: yes please"),
     16, "person.needs", "'exclusive' must be true or false, got 'yes please'"),
    (BOOK.replace("label: None, exclusive: true", "label: None, exclusive: 1"),
     16, "person.needs", "must be true or false, got 1"),
    (BOOK.replace("label: None, exclusive: true", "label: None, exclusiv: true"),
     16, None, "did you mean 'exclusive'"),
    (BOOK.replace("        options: outcomes", "        options: outcomes\n").replace(
        "      - key: later\n        type: multi", "      - key: later\n        type: choice"),
     6, "person.later", "marked exclusive"),
])
def test_a_misplaced_or_mistyped_exclusive_is_one_line_with_its_place(broken, line, field,
                                                                        words):
    with pytest.raises(CodebookError) as caught:
        parse_codebook(broken, source="book.yaml")
    message = str(caught.value)
    assert words in message
    assert "\n" not in message
    assert caught.value.line == line
    if field:
        assert caught.value.field == field


def test_exclusive_is_refused_on_review_types():
    broken = BOOK.replace("option_sets:", "review_types:\n  - {key: DHR, exclusive: true}\n"
                          "option_sets:")
    with pytest.raises(CodebookError, match="review_types"):
        parse_codebook(broken)


def test_an_exclusive_option_is_never_stored_with_another():
    needs = parse_codebook(BOOK).field("person.needs")
    assert needs.check_value(["none"]) == ["none"]
    assert needs.check_value(["money", "housing"]) == ["housing", "money"]
    with pytest.raises(ValidationError, match="'None' cannot be chosen together"):
        needs.check_value(["housing", "none"])


def test_the_store_refuses_none_with_others_and_keeps_the_answer(store):
    case = store.create_case("DHR-X", "DHR")
    coding = store.add_coding(case.id)
    relationship = store.section_entity(coding.id, "relationship").id
    store.set_answer(relationship, "characteristics", ["coercive_control"])
    with pytest.raises(ValidationError, match="cannot be chosen together"):
        store.set_answer(relationship, "characteristics", ["coercive_control", "none"])
    assert store.answer(relationship, "characteristics").value == ["coercive_control"]
