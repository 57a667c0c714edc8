"""Dates as coders type them: every accepted form keeps its precision, and bad text is refused
with a message that says what to type, never stored as something else."""

from __future__ import annotations

import pytest

from schema.dates import DateError, date_precision, normalise_date, parse_date, parse_stored
from schema.errors import ValidationError


@pytest.mark.parametrize("typed, stored, precision", [
    ("2021", "2021", "year"),
    ("Aug 2021", "2021-08", "month"),
    ("August 2021", "2021-08", "month"),
    ("august 2021", "2021-08", "month"),
    ("Aug. 2021", "2021-08", "month"),
    ("Sept 2020", "2020-09", "month"),
    ("08/2021", "2021-08", "month"),
    ("8/2021", "2021-08", "month"),
    ("2021-08", "2021-08", "month"),
    ("3/8/2021", "2021-08-03", "day"),
    ("03/08/2021", "2021-08-03", "day"),
    ("03.08.2021", "2021-08-03", "day"),
    ("3 August 2021", "2021-08-03", "day"),
    ("3rd Aug 2021", "2021-08-03", "day"),
    ("21 December, 2019", "2019-12-21", "day"),
    ("2021-08-03", "2021-08-03", "day"),
    ("  29/2/2024 ", "2024-02-29", "day"),
])
def test_accepted_forms_keep_the_precision_given(typed, stored, precision):
    parsed = parse_date(typed)
    assert parsed.iso() == stored
    assert parsed.precision == precision
    assert normalise_date(typed) == stored
    assert date_precision(stored) == precision


def test_numeric_dates_are_read_day_first():
    assert parse_date("3/8/2021").describe() == "3 August 2021"
    assert parse_date("12/1/2020").iso() == "2020-01-12"


@pytest.mark.parametrize("typed, words", [
    ("31/2/2021", "February 2021 has no day 31"),
    ("29/2/2023", "February 2023 has no day 29"),
    ("13/13/2021", "no month 13"),
    ("0/8/2021", "no day 0"),
    ("2021-13", "no month 13"),
    ("Augst 2021", "did you mean August"),
    ("Smarch 2021", "not a month name"),
    ("2021-8", "two digits"),
    ("2021-08-3", "two digits"),
    ("3/8/21", "four digits"),
    ("", "no date given"),
    ("   ", "no date given"),
    ("soon", "not a date"),
    ("August 3, 2021", "not a date"),
    ("2021/08/03", "not a date"),
    ("0999", "too early"),
    ("20210803", "not a date"),
])
def test_bad_dates_are_refused_with_a_reason(typed, words):
    with pytest.raises(DateError) as refused:
        parse_date(typed)
    message = str(refused.value)
    assert words in message
    assert "\n" not in message
    assert isinstance(refused.value, ValidationError)


def test_a_refusal_says_what_to_type_instead():
    with pytest.raises(DateError, match="3 August 2021"):
        parse_date("next Tuesday")


@pytest.mark.parametrize("stored", ["2019", "2019-03", "2019-03-31"])
def test_stored_dates_from_earlier_projects_read_back(stored):
    assert parse_stored(stored).iso() == stored


@pytest.mark.parametrize("stored", ["Aug 2021", "3/8/2021", "2019-02-30", 2019, None, "2019-3"])
def test_only_iso_text_counts_as_stored(stored):
    with pytest.raises(DateError):
        parse_stored(stored)


def test_codebook_date_check_refuses_dates_that_do_not_exist(codebook):
    spec = codebook.field("incident.date")
    assert spec.check_value("2021-08") == "2021-08"
    with pytest.raises(ValidationError, match="incident.date: .*no day 31"):
        spec.check_value("2021-02-31")
    with pytest.raises(ValidationError, match="incident.date"):
        spec.check_value("3/8/2021")
