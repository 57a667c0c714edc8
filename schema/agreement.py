"""Inter-coder agreement on the categorical fields, over the cases coded more than once.

A unit is one item a field is asked about: a case for a non-repeating section, a case's item
at one position for a repeating one (victim 1, victim 2, ...). Each non-consensus coding
gives at most one value per unit. "Not reported" and "not applicable" are values of their own
(telling them apart from an answer is part of coding); a field left unanswered is missing.
A multi-choice answer is one value compared as a set: two codings agree only when they
ticked exactly the same options.

Per field: N (units with two or more values), percent agreement (units on which every coding
gave the same value), Cohen's kappa when exactly two coders (coder and site) coded all the
units, and Krippendorff's alpha for nominal data, which allows any number of coders and
missing values. A multi-choice field also gets the same four figures for each of its options
(schema.agreement_options says how "not reported" counts there).

After the fields, each repeating section adds a row `section.(applies)`: whether the coders
agree that the section applies to the case (items coded) or not (marked not applicable).
schema.agreement_sections defines these units.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from schema.agreement_sections import section_units
from schema.agreement_units import coded_answers
from schema.codebook_model import Codebook

Unit = Sequence[Hashable]


def percent_agreement(units: Sequence[Unit]) -> float | None:
    """Share of units (with two or more values) on which all values are equal."""
    pairable = [u for u in units if len(u) >= 2]
    if not pairable:
        return None
    return sum(1 for u in pairable if len(set(u)) == 1) / len(pairable)


def cohens_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa for two raters; None when chance agreement is total (undefined)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(1 for a, b in pairs if a == b) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(units: Sequence[Unit]) -> float | None:
    """Krippendorff's alpha, nominal metric; units list the values given (missing left out).

    Built from the coincidence matrix: each unit with m >= 2 values adds 1/(m-1) for every
    ordered pair of its values. alpha = 1 - (n - 1) * D_o / D_e with D_o the off-diagonal
    coincidences and D_e the off-diagonal products of the value totals.
    """
    coincidences: dict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for unit in units:
        m = len(unit)
        if m < 2:
            continue
        for i, a in enumerate(unit):
            for j, b in enumerate(unit):
                if i != j:
                    coincidences[(a, b)] += 1 / (m - 1)
    totals: dict[Hashable, float] = defaultdict(float)
    for (a, _), weight in coincidences.items():
        totals[a] += weight
    n = sum(totals.values())
    if n <= 1:
        return None
    disagreement = sum(w for (a, b), w in coincidences.items() if a != b)
    expected = sum(totals[a] * totals[b] for a in totals for b in totals if a != b)
    if expected == 0:
        return None
    return 1 - (n - 1) * disagreement / expected


@dataclass(frozen=True)
class FieldAgreement:
    path: str
    label: str
    type: str
    units: int
    coders: int
    percent: float | None
    kappa: float | None
    alpha: float | None
    options: tuple = ()  # schema.agreement_options.OptionAgreement, one per option (multi)


def project_agreement(db: sqlite_utils.Database, codebook: Codebook) -> list[FieldAgreement]:
    """Agreement for every categorical field of the codebook, in codebook order."""
    coded = _coded_values(db, codebook)
    results = []
    for section in codebook.sections:
        for spec in section.fields:
            if spec.is_categorical:
                units = coded.get(spec.path, {})
                results.append(_field_agreement(spec, units))
    results += [_field_agreement(unit, units) for unit, units in section_units(db, codebook)]
    return results


def _field_agreement(spec, units: dict[tuple, dict[str, Hashable]]) -> FieldAgreement:
    """units: (case, position) -> {coder identity: value}."""
    from schema.agreement_options import option_agreements  # it builds on measure()

    return FieldAgreement(spec.path, spec.label, spec.type, *measure(units),
                          options=option_agreements(spec, units))


def measure(units: dict[tuple, dict[str, Hashable]]
            ) -> tuple[int, int, float | None, float | None, float | None]:
    """(N, coders, percent agreement, Cohen's kappa, Krippendorff's alpha) over units given
    as {unit: {coder: value}}; a unit with fewer than two values does not count."""
    pairable = [u for u in units.values() if len(u) >= 2]
    coders = sorted({c for u in pairable for c in u})
    values = [list(u.values()) for u in pairable]
    kappa = None
    if len(coders) == 2 and all(len(u) == 2 for u in pairable):
        kappa = cohens_kappa([(u[coders[0]], u[coders[1]]) for u in pairable])
    return (len(pairable), len(coders), percent_agreement(values), kappa,
            krippendorff_alpha_nominal(values))


def _coded_values(db: sqlite_utils.Database, codebook: Codebook) -> dict[str, dict]:
    """path -> {(case id, position): {coder: value}} for every categorical field."""
    categorical = {f.path for f in codebook.all_fields() if f.is_categorical}
    coded: dict[str, dict] = defaultdict(lambda: defaultdict(dict))
    for found in coded_answers(db, categorical):
        coded[found.path][(found.case_id, found.position)][found.coder] = found.category
    return coded


CSV_HEADER = ["field", "option", "label", "type", "units", "coders", "percent_agreement",
              "cohens_kappa", "krippendorff_alpha"]


def write_csv(results: list[FieldAgreement], path: str | Path) -> None:
    """One row per field, followed by one row per option of a multi-choice field (its
    `option` column names the option; it is empty on the whole-field rows)."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for r in results:
            writer.writerow([r.path, "", r.label, r.type, r.units, r.coders, _fmt(r.percent),
                             _fmt(r.kappa), _fmt(r.alpha)])
            for o in r.options:
                writer.writerow([r.path, o.option, o.label, "option", o.units, o.coders,
                                 _fmt(o.percent), _fmt(o.kappa), _fmt(o.alpha)])


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"
