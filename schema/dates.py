"""Dates as coders type them, kept at the precision the review gives.

Reviews often give only a year ("in 2019") or a month ("in August 2021"), so a date answer
is a *partial date*: a year, a year and month, or a full day. It is stored as the ISO text
"YYYY", "YYYY-MM" or "YYYY-MM-DD", so the number of parts is the precision and the stored
text sorts in time order. Projects made before this module stored exactly these strings, so
old answers read back unchanged.

`parse_date` accepts, case-insensitively and with spaces around the text ignored:

======================  =========================  ==========
typed                   stored                     precision
======================  =========================  ==========
``2021``                ``2021``                   year
``Aug 2021``            ``2021-08``                month
``August 2021``         ``2021-08``                month
``08/2021``, ``8/2021``  ``2021-08``                month
``2021-08``             ``2021-08``                month
``3/8/2021``            ``2021-08-03``             day
``3 August 2021``       ``2021-08-03``             day
``2021-08-03``          ``2021-08-03``             day
======================  =========================  ==========

Also accepted: three-letter month names with or without a full stop ("Aug."), "Sept",
ordinal days ("3rd August 2021"), and "." or "-" in place of "/" between numbers
("03.08.2021"). Years have four digits.

Numeric dates are read **day first** (3/8/2021 is 3 August 2021), because the reviews are
British and British writing puts the day first; reading them month first would silently move
every such date. Two-digit years ("3/8/21") are refused rather than guessed, and so is
ISO text without its leading zeros ("2021-8"), which is more often a slip than a date.
Anything else raises `DateError` with a short message that says what is wrong and what to
type instead (it does not repeat the text, which the caller shows beside it).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date

from schema.errors import ValidationError

DATE_EXAMPLES = "2021, Aug 2021, 08/2021, 3/8/2021, 3 August 2021 or 2021-08-03"
PRECISIONS = ("year", "month", "day")

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_NUMBERS = {name: i + 1 for i, name in enumerate(_MONTHS)}
_MONTH_NUMBERS.update({name[:3]: i + 1 for i, name in enumerate(_MONTHS)})
_MONTH_NUMBERS["sept"] = 9

_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
_ISO_UNPADDED = re.compile(r"\d{4}-\d{1,2}(?:-\d{1,2})?")
_TWO_DIGIT_YEAR = re.compile(r"(?:\d{1,2}[/.\-])?\d{1,2}[/.\-]\d{2}")
_NUMERIC = re.compile(r"(?:(?P<day>\d{1,2})[/.\-])?(?P<month>\d{1,2})[/.\-](?P<year>\d{4})")
_WORDS = re.compile(r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>[a-z]+)\.?,?\s+"
                    r"(?P<year>\d{4})")


class DateError(ValidationError):
    """Text that is not a date in one of the accepted forms; the message says why."""


@dataclass(frozen=True)
class PartialDate:
    """A year, optionally with a month, optionally with a day (day needs month)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """"year", "month" or "day": how much of the date the source gave."""
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """The stored form: "2021", "2021-08" or "2021-08-03"."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def describe(self) -> str:
        """The date in words at its own precision: "2021", "August 2021", "3 August 2021"."""
        if not self.month:
            return str(self.year)
        month = _MONTHS[self.month - 1].capitalize()
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"


def parse_date(text: str) -> PartialDate:
    """Read a date as typed (see the module docstring for the forms); raise DateError."""
    cleaned = " ".join(str(text).split()).casefold()
    if not cleaned:
        raise DateError(f"no date given: type one, e.g. {DATE_EXAMPLES}")
    for pattern in (_ISO, _NUMERIC, _WORDS):
        match = pattern.fullmatch(cleaned)
        if match:
            return _build(match, pattern)
    if _TWO_DIGIT_YEAR.fullmatch(cleaned):
        raise DateError("write the year with four digits (e.g. 3/8/2021), so the century is "
                        "not guessed")
    if _ISO_UNPADDED.fullmatch(cleaned):
        raise DateError("write the month and day with two digits, e.g. 2021-08 or 2021-08-03")
    raise DateError(f"'{text.strip()}' is not a date this field understands; type e.g. "
                    f"{DATE_EXAMPLES}")


def parse_stored(value: object) -> PartialDate:
    """Read a stored date ("YYYY", "YYYY-MM" or "YYYY-MM-DD" only); raise DateError."""
    match = _ISO.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise DateError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    try:
        return _build(match, _ISO)
    except DateError as exc:
        raise DateError(f"{value!r} is not a real date: {exc}") from None


def normalise_date(text: str) -> str:
    """The stored form of a typed date, e.g. "3/8/2021" -> "2021-08-03"; raise DateError."""
    return parse_date(text).iso()


def date_precision(value: str) -> str:
    """The precision of a stored date: "year", "month" or "day"; raise DateError."""
    return parse_stored(value).precision


def _build(match: re.Match, pattern: re.Pattern) -> PartialDate:
    """The date a matched pattern gives, once its month and day are known to exist."""
    parts = match.groupdict()
    year = int(parts["year"])
    month = _month_number(parts["month"]) if pattern is _WORDS else \
        _number(parts["month"])
    day = _number(parts.get("day"))
    if year < 1000:
        raise DateError(f"the year {year} is too early; years run from 1000")
    if month is not None and not 1 <= month <= 12:
        hint = " (dates are read day first: 3/8/2021 is 3 August 2021)" \
            if pattern is _NUMERIC and day is not None else ""
        raise DateError(f"there is no month {month}{hint}")
    if day is not None:
        try:
            date(year, month, day)
        except ValueError:
            raise DateError(f"{_MONTHS[month - 1].capitalize()} {year} has "
                            f"no day {day}") from None
    return PartialDate(year, month, day)


def _month_number(word: str) -> int:
    number = _MONTH_NUMBERS.get(word)
    if number is None:
        close = difflib.get_close_matches(word, _MONTHS, n=1, cutoff=0.7)
        advice = f"did you mean {close[0].capitalize()}?" if close else \
            "write the month in full (August) or as three letters (Aug)"
        raise DateError(f"'{word.capitalize()}' is not a month name; "
                        f"{advice}")
    return number


def _number(digits: str | None) -> int | None:
    return int(digits) if digits else None
