"""Agreement on each option of a multi-choice field, the option read as ticked (1) or not (0).

The whole-set figures of schema.agreement say how often coders ticked exactly the same
options; these say which options they agree on. For one option, a unit's value from a coder
is 1 when the coder's answer ticks the option and 0 when it answers the field without
ticking it (an answer with no option ticked is 0 for every option).

The rule for "not reported" and "not applicable": a coder who gave either for the field is
missing for every option of it on that unit, just as a field left unanswered is. Such an
answer says the review does not tell (or the question does not arise), not that the option is
absent; counting it as 0 would have two coders who both wrote "not reported" agree that
every option is absent, inflating agreement on rare options with units nobody coded. Whether
coders agree that a field is reported at all is measured by the whole-field figures, where
"not reported" and "not applicable" are values of their own. So a per-option N counts only
the units where at least two coders answered the field with options, and it can be smaller
than the field's N.

Percent agreement, Cohen's kappa (exactly two coders on every unit) and Krippendorff's alpha
(nominal) are then computed exactly as for a whole field (schema.agreement.measure).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from schema.agreement import measure
from schema.codebook_model import Field

PRESENT, ABSENT = 1, 0


@dataclass(frozen=True)
class OptionAgreement:
    path: str  # the field's "section.field"
    option: str  # the option key
    label: str  # the option's label
    units: int
    coders: int
    percent: float | None
    kappa: float | None
    alpha: float | None


def option_value(value: Hashable, option: str) -> int | None:
    """1 or 0 for a multi-choice answer (a tuple of option keys); None (missing) for
    "not reported", "not applicable" or anything else that is not a set of options."""
    if not isinstance(value, tuple):
        return None
    return PRESENT if option in value else ABSENT


def option_units(units: dict[tuple, dict[str, Hashable]], option: str
                 ) -> dict[tuple, dict[str, int]]:
    """The field's units re-read for one option, coders without a set of options left out."""
    found: dict[tuple, dict[str, int]] = {}
    for unit, values in units.items():
        read = {coder: option_value(v, option) for coder, v in values.items()}
        kept = {coder: v for coder, v in read.items() if v is not None}
        if kept:
            found[unit] = kept
    return found


def option_agreements(spec: Field, units: dict[tuple, dict[str, Hashable]]
                      ) -> tuple[OptionAgreement, ...]:
    """One OptionAgreement per option of a multi-choice field, in codebook order; none for
    other fields."""
    if spec.type != "multi":
        return ()
    return tuple(OptionAgreement(spec.path, o.key, o.label,
                                 *measure(option_units(units, o.key)))
                 for o in spec.options)
