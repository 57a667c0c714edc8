"""The publication rules a board can set on a table row, checked against the codebook.

    split_on: [suicide]            split a column by outcome only when a case in it has one
                                   of these outcomes (the outcomes that differ in kind)
    groups:                        options counted together under one label
      - {label: "Acquaintance, including neighbour or co-resident",
         options: [friend_acquaintance, neighbour_coresident]}
    majority_not_reported: true    where more than half the people in a column have the
                                   field not reported, say so instead of listing the few
                                   known values; or {share: 0.6, text: "..."}
    sentence_case: true            entries after the first start in lower case
    none_reported: No information  the cell's text when nothing in the column was reported
    not_reported_position: last    where "Not reported" goes: by_count (default: an entry
                                   like any other), last, or first_if_most

Every rule is a plain value on RowSpec, so computing the cells needs no codebook lookups.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from schema.codebook_model import Field

DEFAULT_MAJORITY_SHARE = 0.5
NOT_REPORTED_POSITIONS = ("by_count", "last", "first_if_most")
_BRACKETED = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class OptionGroup:
    """Options counted as one entry, printed under `label`."""

    label: str
    options: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"group:{self.label}"


@dataclass(frozen=True)
class MajorityRule:
    """Say `text` when more than `share` of the people whose field was coded are not
    reported for it (and at least one is known: with none known the cell says 'Not
    reported' as usual)."""

    share: float
    text: str

    def applies(self, not_reported: int, answered: int) -> bool:
        recorded = not_reported + answered
        return answered > 0 and recorded > 0 and not_reported > self.share * recorded


def majority_text(spec_field: Field, people: str) -> str:
    """"Age not reported for most perpetrators", from the field's and section's labels."""
    name = _BRACKETED.sub("", spec_field.label).strip() or spec_field.label
    return f"{name} not reported for most {people.lower()}"


class RuleChecker:
    """Reads the rule settings of one row; `fail(message, key)` raises the spec error."""

    def __init__(self, data: dict, fail) -> None:
        self.data = data
        self.fail = fail

    def split_on(self, split_by: Field | None) -> tuple[str, ...]:
        raw = self.data.get("split_on")
        if raw in (None, []):
            return ()
        if split_by is None:
            raise self.fail("split_on needs split_by (the field whose values split the "
                            "column)", "split_on")
        values = raw if isinstance(raw, list) else [raw]
        known = [o.key for o in split_by.options]
        for value in values:
            if str(value) not in known:
                raise self.fail(f"split_on: '{value}' is not an option of {split_by.path}"
                                f"{_hint(str(value), known)}", "split_on")
        return tuple(str(v) for v in values)

    def groups(self, options: set[str]) -> tuple[OptionGroup, ...]:
        raw = self.data.get("groups") or []
        if not isinstance(raw, list):
            raise self.fail("'groups' must be a list of {label, options} entries", "groups")
        found: list[OptionGroup] = []
        taken: set[str] = set()
        for item in raw:
            group = self._group(item, options)
            clash = taken.intersection(group.options)
            if clash:
                raise self.fail(f"groups: option '{sorted(clash)[0]}' is in two groups; "
                                f"an option can be counted in one group only", "groups")
            taken.update(group.options)
            found.append(group)
        return tuple(found)

    def _group(self, item: object, options: set[str]) -> OptionGroup:
        if not isinstance(item, dict) or set(item) != {"label", "options"} or \
                not isinstance(item["options"], list) or len(item["options"]) < 2 or \
                not str(item["label"] or "").strip():
            raise self.fail("each group needs a 'label' and a list of two or more 'options', "
                            "e.g. {label: Acquaintance, options: [friend, neighbour]}", "groups")
        for key in item["options"]:
            if str(key) not in options:
                raise self.fail(f"groups: unknown option '{key}'"
                                f"{_hint(str(key), sorted(options))}", "groups")
        return OptionGroup(str(item["label"]).strip(), tuple(str(k) for k in item["options"]))

    def majority(self, spec_field: Field, people: str) -> MajorityRule | None:
        raw = self.data.get("majority_not_reported")
        if raw in (None, False):
            return None
        if raw is True:
            return MajorityRule(DEFAULT_MAJORITY_SHARE, majority_text(spec_field, people))
        if not isinstance(raw, dict) or not set(raw) <= {"share", "text"}:
            raise self.fail("majority_not_reported must be true, or {share: 0.5, text: ...} "
                            "with share between 0 and 1", "majority_not_reported")
        share = raw.get("share", DEFAULT_MAJORITY_SHARE)
        if isinstance(share, bool) or not isinstance(share, int | float) or \
                not 0 <= share < 1:
            raise self.fail(f"majority_not_reported: share must be a number from 0 up to "
                            f"(not including) 1, got {share!r}", "majority_not_reported")
        text = str(raw.get("text") or majority_text(spec_field, people))
        return MajorityRule(float(share), text)

    def none_reported(self) -> str:
        return str(self.data.get("none_reported") or "")

    def not_reported_position(self) -> str:
        value = str(self.data.get("not_reported_position") or "by_count")
        if value not in NOT_REPORTED_POSITIONS:
            close = difflib.get_close_matches(value, NOT_REPORTED_POSITIONS, n=1)
            advice = f"did you mean '{close[0]}'? " if close else ""
            raise self.fail(f"not_reported_position: '{value}' is unknown; {advice}use one of "
                            f"{', '.join(NOT_REPORTED_POSITIONS)}", "not_reported_position")
        return value


def _hint(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else f" (options: {', '.join(known)})"
