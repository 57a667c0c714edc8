"""The perpetrators and relationships of the 64 seed cases, from the seed's Tables 4 and 5.

Per category: each perpetrator's gender, age and ethnicity, how many perpetrators each review
has, how many hold each characteristic, and each review's relationship characteristics. Where
the published figures do not add up (the within-family ethnicities count 22 of its 23
perpetrators), the one left over is a further "not reported"; the comments say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NR = "not_reported"
NA = "not_applicable"


@dataclass
class PerpetratorPlan:
    per_case: list[int]
    """Perpetrators in each review of the category, in case order (0: the section does not
    apply, as for a suicide)."""
    gender: list[str]
    age: list[object]
    ethnicity: list[str]
    characteristics: dict[str, int]
    characteristics_not_reported: bool = False
    relationship_features: dict[str, int] = field(default_factory=dict)
    """How many reviews show each characteristic of the relationship."""
    relationship_not_known: int = 0
    relationship_none: int = 0


YOUTH_PEER = PerpetratorPlan(  # five homicides with one each; three suicides: none apply
    per_case=[1] * 5 + [0] * 3, gender=["male"] + [NR] * 4, age=[19] + [NR] * 4,
    ethnicity=["black"] + [NR] * 4, characteristics={}, characteristics_not_reported=True)

INTIMATE_PARTNER = PerpetratorPlan(  # the seed prints 15 female, 2 male: kept as published
    per_case=[1] * 17, gender=["female"] * 15 + ["male"] * 2,
    age=[18, 22, 24, 27, 29, 30, 32, 33, 34, 36, 37, 39, 40, 41, 42, 43, 44],
    ethnicity=["white"] * 3 + ["asian"] * 4 + ["black"] * 4 + ["other"] * 2 + [NR] * 4,
    characteristics={"alcohol_misuse": 10, "unemployment": 8, "history_of_violence": 7,
                     "substance_misuse": 6, "mental_health": 6, "domestic_abuse": 3},
    relationship_features={"domestic_abuse": 15, "physical_abuse": 9, "emotional_abuse": 8,
                           "coercive_control": 6, "strain_separation": 6,
                           "financial_abuse": 4, "stalking": 3, "other": 3,
                           "sexual_abuse": 2},
    relationship_not_known=1)

ADULT_FAMILY = PerpetratorPlan(
    per_case=[1] * 9, gender=["male"] * 8 + ["female"], age=[25, 29, 33, 38, 41, 46, 49, 52, 54],
    ethnicity=["white"] * 4 + ["asian"] * 3 + ["black"] * 2,
    characteristics={"mental_health": 8, "caring_responsibilities": 5, "substance_misuse": 5,
                     "medication_noncompliance": 5, "alcohol_misuse": 4,
                     "social_isolation": 4, "unemployment": 2},
    relationship_features={"carer_relationship": 6, "domestic_abuse": 3,
                           "emotional_abuse": 2, "financial_abuse": 2,
                           "strain_separation": 2, "coercive_control": 1, "neglect": 1,
                           "physical_abuse": 1})

ADULT_PEER = PerpetratorPlan(
    per_case=[1] * 9, gender=["male"] * 6 + ["female"] * 3,
    age=[25, 27, 30, 33, 36, 38, 40, 42, 44], ethnicity=[NR] * 8 + ["white"],
    characteristics={"chronic_illness": 3, "disability": 2, "unemployment": 1},
    relationship_features={"physical_abuse": 1, "emotional_abuse": 1,
                           "financial_abuse": 1, "debt_conflict": 1},
    relationship_not_known=6)

CHILD_FAMILY = PerpetratorPlan(  # 23 perpetrators: two in each of the first five reviews
    per_case=[2] * 5 + [1] * 13, gender=["female", "male"] * 5 + ["female"] * 7 + ["male"] * 6,
    age=[25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49, 51, 53, 54, 26, 28, 30, 32, 34,
         36, 38],
    # published: 14 not reported and 8 known, 22 in all; the 23rd is not reported too
    ethnicity=[NR] * 15 + ["white"] * 2 + ["black"] * 3 + ["mixed", "asian", "other"],
    characteristics={"mental_health": 10, "domestic_abuse": 9, "history_of_offending": 9,
                     "substance_misuse": 6, "born_outside_uk": 5, "alcohol_misuse": 3},
    relationship_features={"physical_abuse": 11, "emotional_abuse": 5, "neglect": 3,
                           "domestic_abuse": 2, "financial_abuse": 2, "coercive_control": 1},
    relationship_not_known=6, relationship_none=1)

CHILD_SEXUAL_ABUSE = PerpetratorPlan(
    per_case=[1, 1, 1], gender=["male", "male", NR], age=[NR, 47, NR], ethnicity=[NR] * 3,
    characteristics={}, characteristics_not_reported=True)

PERPETRATORS = {"youth_peer": YOUTH_PEER, "intimate_partner": INTIMATE_PARTNER,
                "adult_family": ADULT_FAMILY, "adult_peer": ADULT_PEER,
                "child_family": CHILD_FAMILY, "child_sexual_abuse": CHILD_SEXUAL_ABUSE}


def spread(counts: dict[str, int], people: int) -> list[list[str]]:
    """Give each option to exactly its count of people (or reviews), from varied places."""
    given: list[list[str]] = [[] for _ in range(people)]
    for start, (key, count) in enumerate(counts.items()):
        assert count <= people, (key, count, people)
        for i in range(count):
            given[(start * 3 + i) % people].append(key)
    return given


def _covering(counts: dict[str, int], reviews: int) -> list[list[str]]:
    """Each option to exactly its count of reviews, always the ones holding fewest so far,
    so that every review gets at least one."""
    given: list[list[str]] = [[] for _ in range(reviews)]
    for key, count in counts.items():
        for i in sorted(range(reviews), key=lambda i: (len(given[i]), i))[:count]:
            given[i].append(key)
    assert all(given), "the counts must cover every review"
    return given


def perpetrators_by_case(plan: PerpetratorPlan) -> list[list[dict] | None]:
    """Each review's perpetrators as answers; None where the section does not apply."""
    people = len(plan.gender)
    assert people == sum(plan.per_case) == len(plan.age) == len(plan.ethnicity)
    traits = spread(plan.characteristics, people)
    rows = [{"gender": plan.gender[i], "age": plan.age[i], "ethnicity": plan.ethnicity[i],
             "characteristics": NR if plan.characteristics_not_reported else traits[i]}
            for i in range(people)]
    found, at = [], 0
    for count in plan.per_case:
        found.append(rows[at:at + count] if count else None)
        at += count
    return found


def relationship_by_case(plan: PerpetratorPlan, reviews: int) -> list[object]:
    """Each review's relationship characteristics: a list of options, NR, ["none"] or None
    (nothing coded: the table then has no information for the category)."""
    if not plan.relationship_features:
        return [None] * reviews
    reported = reviews - plan.relationship_not_known - plan.relationship_none
    features: list[object] = list(_covering(plan.relationship_features, reported))
    return features + [["none"]] * plan.relationship_none + [NR] * plan.relationship_not_known
