"""Each publication rule of the summary tables, with data built here and the exact cell text
a board would publish."""

from __future__ import annotations

import pytest

from exports.tables import TableSpecError, build_tables
from exports.tables.spec import load_table_specs
from tests.tables.rule_cases import NR, add_case, cells, counts_table, table

GENDER_BY_OUTCOME = counts_table("victims.gender", split_by="review.outcome",
                                 split_on=["suicide"], count_first=True)


def test_fatal_and_non_fatal_harm_are_one_count(store):
    add_case(store, "adult_peer", "homicide", victims=[{"gender": "male"}])
    add_case(store, "adult_peer", "non_fatal", victims=[{"gender": "male"}])
    add_case(store, "adult_peer", "non_fatal", victims=[{"gender": "female"}])
    assert cells(table(store, GENDER_BY_OUTCOME), "r") == {"adult_peer": "2 male, 1 female"}


def test_suicide_splits_a_column_and_the_other_outcomes_stay_together(store):
    add_case(store, "youth_peer", "homicide", victims=[{"gender": "male"}])
    add_case(store, "youth_peer", "non_fatal", victims=[{"gender": "male"}])
    add_case(store, "youth_peer", "suicide", victims=[{"gender": "female"}])
    assert cells(table(store, GENDER_BY_OUTCOME), "r") == {
        "youth_peer": "Homicide or non-fatal serious harm: 2 male; Suicide: 1 female"}


def test_without_split_on_every_outcome_splits(store):
    add_case(store, "adult_peer", "homicide", victims=[{"gender": "male"}])
    add_case(store, "adult_peer", "non_fatal", victims=[{"gender": "female"}])
    spec = counts_table("victims.gender", split_by="review.outcome", count_first=True)
    assert cells(table(store, spec), "r") == {
        "adult_peer": "Homicide: 1 male; Non-fatal serious harm: 1 female"}


def test_a_section_marked_not_applicable_reads_not_applicable(store):
    add_case(store, "youth_peer", "homicide", perpetrators=[{"gender": "male"}])
    add_case(store, "youth_peer", "suicide", perpetrators=None)
    add_case(store, "youth_peer", "suicide", perpetrators=None)
    add_case(store, "adult_peer", "suicide", perpetrators=None)
    add_case(store, "adult_family", "homicide", perpetrators=[])
    spec = counts_table("perpetrators.gender", split_by="review.outcome",
                        split_on=["suicide"], count_first=True)
    assert cells(table(store, spec), "r") == {
        "youth_peer": "Homicide: 1 male; Suicide: Not applicable",
        "adult_peer": "Not applicable", "adult_family": "No information"}


def test_not_applicable_sections_count_no_people_and_no_missing_answers(store):
    add_case(store, "child_family", perpetrators=[{"gender": "male"}, {"gender": NR}])
    add_case(store, "child_family", perpetrators=None)
    result = table(store, counts_table("perpetrators.gender", count_first=True))
    assert cells(result, "r") == {"child_family": "1 male, 1 not reported"}
    assert result.notes == ["Within-family violence towards children: 2 perpetrators in 1 "
                            "review; 1 review had two perpetrators."]
    completeness = build_tables(store).table("completeness_by_category")
    assert cells(completeness, "perpetrators.gender")["child_family"] == "100% (1 of 1)"


def test_mostly_unreported_ages_say_so_and_print_no_single_age(store):
    add_case(store, "youth_peer", perpetrators=[{"age": 19}, {"age": NR}, {"age": NR}])
    add_case(store, "adult_peer", perpetrators=[{"age": 30}, {"age": 41}, {"age": NR}])
    spec = {"key": "t", "title": "T", "rows": [{"key": "age", "label": "Age",
            "show": "age_range", "field": "perpetrators.age", "majority_not_reported": True}]}
    assert cells(table(store, spec), "age") == {
        "youth_peer": "Age not reported for most perpetrators",
        "adult_peer": "30–41"}


def test_the_majority_threshold_and_text_can_be_set(store):
    add_case(store, "adult_peer", victims=[{"ethnicity": "white"}, {"ethnicity": NR},
                                           {"ethnicity": NR}])
    strict = counts_table("victims.ethnicity", majority_not_reported={"share": 0.7})
    worded = counts_table("victims.ethnicity",
                          majority_not_reported={"text": "Mostly not stated"})
    assert cells(table(store, strict), "r") == {"adult_peer": "Not reported (2), White (1)"}
    assert cells(table(store, worded), "r") == {"adult_peer": "Mostly not stated"}


def test_nothing_known_still_says_not_reported(store):
    add_case(store, "adult_peer", victims=[{"ethnicity": NR}, {"ethnicity": NR}])
    spec = counts_table("victims.ethnicity", majority_not_reported=True)
    assert cells(table(store, spec), "r") == {"adult_peer": "Not reported"}


def test_grouped_options_count_under_one_label(store):
    for option in ("friend_acquaintance", "neighbour_coresident", "neighbour_coresident",
                   "stranger"):
        add_case(store, "adult_peer", relationship={"type": option})
    spec = counts_table("relationship.type", sentence_case=True, groups=[
        {"label": "Acquaintance, including neighbour or co-resident",
         "options": ["friend_acquaintance", "neighbour_coresident"]}])
    assert cells(table(store, spec), "r") == {
        "adult_peer": "Acquaintance, including neighbour or co-resident (3), stranger (1)"}


def test_a_person_ticking_two_grouped_options_counts_once(store):
    add_case(store, "intimate_partner",
             relationship={"characteristics": ["physical_abuse", "emotional_abuse"]})
    add_case(store, "intimate_partner", relationship={"characteristics": ["stalking"]})
    spec = counts_table("relationship.characteristics", groups=[
        {"label": "Physical or emotional abuse",
         "options": ["physical_abuse", "emotional_abuse"]}])
    assert cells(table(store, spec), "r") == {
        "intimate_partner": "Physical or emotional abuse (1), Stalking (1)"}


def test_not_known_sorts_by_its_count(store):
    for features in (["physical_abuse"], ["physical_abuse"], ["physical_abuse"], NR, NR,
                     ["emotional_abuse"]):
        add_case(store, "child_family", relationship={"characteristics": features})
    spec = counts_table("relationship.characteristics", not_reported_label="Not known")
    assert cells(table(store, spec), "r") == {
        "child_family": "Physical abuse (3), Not known (2), Emotional abuse (1)"}


@pytest.mark.parametrize(("position", "text"), [
    ("by_count", "Black/Black British (2), Not reported (2), White (1)"),
    ("last", "Black/Black British (2), White (1), Not reported (2)"),
    ("first_if_most", "Black/Black British (2), White (1), Not reported (2)")])
def test_where_not_reported_goes_can_be_set(store, position, text):
    add_case(store, "adult_peer", victims=[
        {"ethnicity": "black"}, {"ethnicity": "black"}, {"ethnicity": "white"},
        {"ethnicity": NR}, {"ethnicity": NR}])
    spec = counts_table("victims.ethnicity", not_reported_position=position,
                        labels={"black": "Black/Black British"})
    assert cells(table(store, spec), "r") == {"adult_peer": text}


def test_no_information_where_nothing_in_the_column_was_reported(store):
    add_case(store, "youth_peer", relationship={"characteristics": NR})
    add_case(store, "adult_peer", relationship={"characteristics": ["stalking"]})
    spec = counts_table("relationship.characteristics", not_reported_label="Not known",
                        none_reported="No information")
    assert cells(table(store, spec), "r") == {"youth_peer": "No information",
                                              "adult_peer": "Stalking (1)"}


def test_columns_follow_the_order_set_and_empty_categories_show(store):
    add_case(store, "adult_peer", victims=[{"gender": "male"}])
    add_case(store, "youth_peer", victims=[{"gender": "female"}])
    spec = counts_table("victims.gender", count_first=True)
    spec.update(column_order=["youth_peer", "intimate_partner", "adult_family", "adult_peer"],
                show_empty_columns=True)
    result = table(store, spec)
    assert [c.heading for c in result.columns[:4]] == [
        "Youth peer violence\n1 review", "Intimate partner violence\n0 reviews",
        "Adult family violence\n0 reviews", "Adult peer violence\n1 review"]
    assert [c.key for c in result.columns[4:]] == ["child_family", "child_sexual_abuse"]
    assert cells(result, "r")["intimate_partner"] == "No information"


def test_people_footnotes_are_written_where_reviews_hold_several(store):
    add_case(store, "child_family", victims=[{"gender": "male"}, {"gender": "female"}])
    add_case(store, "child_family", victims=[{"gender": "male"}] * 3)
    add_case(store, "child_family", victims=[{"gender": "female"}])
    add_case(store, "adult_peer", victims=[{"gender": "male"}])
    result = table(store, counts_table("victims.gender"))
    assert result.notes == ["Within-family violence towards children: 6 victims in 3 "
                            "reviews; 1 review had two victims, 1 review had three victims."]


def test_completeness_says_what_it_measures_by_review_type_and_category(store):
    add_case(store, "adult_peer", victims=[{"gender": NR}])
    add_case(store, "adult_peer", victims=[{"gender": "male"}])
    tables = build_tables(store)
    by_type, by_category = (tables.table("completeness"), tables.table(
        "completeness_by_category"))
    assert by_type.title == "Not reported in the review, by review type"
    assert by_category.title == "Not reported in the review, by category"
    assert cells(by_category, "victims.gender")["adult_peer"] == "50% (1 of 2)"
    assert "A higher figure means less is known." in by_category.notes[0]
    assert not any("victims in" in note for note in by_category.notes)


@pytest.mark.parametrize(("settings", "message"), [
    ({"split_on": ["sucide"]}, "split_on: 'sucide' is not an option of review.outcome "
                               "(did you mean 'suicide'?)"),
    ({"groups": [{"label": "A", "options": ["parent", "parnet"]}]},
     "groups: unknown option 'parnet' (did you mean 'parent'?)"),
    ({"majority_not_reported": {"share": 1.5}}, "share must be a number from 0 up to"),
    ({"not_reported_position": "lsat"}, "'lsat' is unknown; did you mean 'last'?")])
def test_a_rule_typo_is_reported_with_a_hint(codebook, settings, message):
    spec = counts_table("relationship.type", split_by="review.outcome", **settings)
    with pytest.raises(TableSpecError) as raised:
        load_table_specs(codebook, [spec])
    assert message in str(raised.value)


def test_an_unknown_column_in_the_order_is_reported(codebook):
    spec = counts_table("victims.gender")
    spec["column_order"] = ["youth_peer", "intimate_partnr"]
    with pytest.raises(TableSpecError) as raised:
        load_table_specs(codebook, [spec])
    assert "column_order: unknown column 'intimate_partnr' (did you mean " \
           "'intimate_partner'?)" in str(raised.value)


def test_the_footnotes_say_what_each_missing_state_means(store):
    add_case(store, "adult_peer", "suicide", perpetrators=None)
    footnote = build_tables(store).footnotes[-1]
    assert "'Not applicable': the question does not arise for these cases" in footnote
    assert "'No information': nothing was recorded" in footnote
