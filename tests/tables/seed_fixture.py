"""64 fictional coded cases whose counts reproduce the seed report's Tables 3, 4 and 5.

Built through the Store API only. The figures per category (reviews, victims' gender by
outcome, ages, ethnicity, characteristics; perpetrators and relationships from
tests/tables/seed_people) are the published ones; the people are invented.
One case is coded twice, with a wrong primary coding and a consensus that corrects it, so the
table only comes out right if the consensus coding is the one counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schema.store import Store
from tests.tables.seed_people import PERPETRATORS, perpetrators_by_case, relationship_by_case

NR = "not_reported"
NA = "not_applicable"


@dataclass
class CategoryPlan:
    category: str
    review_type: str
    outcomes: list[str]
    victims_per_case: list[int]
    gender: list[str]
    age: list[object]
    ethnicity: list[str]
    characteristics: dict[str, int]
    relationship: list[str] = field(default_factory=list)
    escalation: dict[str, int] = field(default_factory=dict)
    characteristics_not_reported: set[int] = field(default_factory=set)


def _spread(counts: dict[str, int], people: int) -> list[list[str]]:
    """Give each characteristic to exactly its count of people, starting at varied places."""
    given: list[list[str]] = [[] for _ in range(people)]
    for start, (key, count) in enumerate(counts.items()):
        for i in range(count):
            given[(start * 3 + i) % people].append(key)
    return given


PLANS = [
    CategoryPlan(
        "youth_peer", "CSPR", ["homicide"] * 5 + ["suicide"] * 3, [1] * 8,
        gender=["male"] * 4 + ["female"] + ["female"] * 3,
        age=[16, 19, 22, 25, 17, 13, 15, 14],
        ethnicity=[NR] * 5 + ["black"] * 3,
        characteristics={"absent_parents": 5, "abuse_neglect_child": 5, "experiencing_da": 5,
                         "mental_health": 5, "substance_misuse": 5, "alcohol_misuse": 2,
                         "care_experienced": 4},
        relationship=["unclear"] * 3 + ["friend_acquaintance"] * 2 + [NA] * 3,
        escalation={"victim_escalating_offending": 3, "victim_leaving_home": 4,
                    "victim_carrying_weapons": 2, "victim_self_harm": 3}),
    CategoryPlan(
        "intimate_partner", "DHR", ["homicide"] * 17, [1] * 17,
        gender=["female"] * 15 + ["male"] * 2,
        age=[18, 21, 23, 26, 28, 29, 30, 31, 33, 34, 35, 37, 38, 40, 41, 43, 44],
        ethnicity=["white"] * 5 + ["asian"] * 3 + ["black"] * 2 + ["mixed", "other"] + [NR] * 5,
        characteristics={"experiencing_da": 12, "alcohol_misuse": 5, "da_pregnancy": 4,
                         "substance_misuse": 4, "eal": 4, "born_outside_uk": 4,
                         "mental_health": 3, "unemployment": 2},
        relationship=["partner"] * 13 + ["separated"] * 4,
        escalation={"police_ambulance_callouts": 6, "threats_conflict_property": 7,
                    "pattern_physical_violence": 9, "perpetrator_adverse_event": 3,
                    "alcohol_drugs_before": 4}),
    CategoryPlan(
        "adult_family", "DHR", ["homicide"] * 9, [1] * 9,
        gender=["female"] * 5 + ["male"] * 4,
        age=[35, 48, 62, 70, 72, 78, 81, 84, "85_plus"],
        ethnicity=["white"] * 3 + ["asian"] * 3 + ["black"] * 2 + [NR],
        characteristics={"caring_responsibilities": 6, "chronic_illness": 6,
                         "experiencing_da": 4, "eal": 4, "abuse_neglect_adult": 3,
                         "disability": 2},
        relationship=["adult_child"] * 7 + ["sibling"] * 2,
        escalation={"perpetrator_stopped_medication": 4, "perpetrator_adverse_event": 2,
                    "threats_conflict_property": 3, "abusive_to_others": 2}),
    CategoryPlan(
        "adult_peer", "SAR", ["homicide"] * 9, [1] * 9,
        gender=["male"] * 6 + ["female"] * 3,
        age=[25, 31, 38, 44, 51, 57, 60, 68, 74],
        ethnicity=[NR] * 8 + ["white"],
        characteristics={"chronic_illness": 3, "disability": 2, "unemployment": 2},
        relationship=["neighbour_coresident"] * 4 + ["friend_acquaintance"] * 3 +
        ["stranger"] * 2,
        escalation={"perpetrator_released": 2, "alcohol_drugs_before": 3,
                    "abusive_to_others": 2}),
    CategoryPlan(
        "child_family", "CSPR", ["homicide"] * 18, [2] * 5 + [1] * 13,
        gender=(["male", "female"] * 5 + [NR] * 4 + ["male"] * 5 + ["female"] * 4),
        age=[0, 3, 1, 4, "0_4", 2, 5, 7, 0, 2, 1, 3, 0, 9, 11, 14, 16, 18, 6, 8, 12, 15, 17],
        ethnicity=[NR] * 9 + ["mixed"] * 7 + ["black"] * 6 + ["asian"],
        characteristics={"experiencing_da": 9, "abuse_neglect_child": 8,
                         "parent_mental_health": 8, "household_substance": 7,
                         "absent_parents": 3, "care_experienced": 2, "disability": 1},
        relationship=["parent"] * 17 + ["partner_of_parent"],
        escalation={"police_ambulance_callouts": 5, "pattern_physical_violence": 6}),
    CategoryPlan(
        "child_sexual_abuse", "CSPR", ["non_fatal"] * 3, [1, 1, 2],
        gender=["female", "female", NR, NR],
        age=[NR, NR, 8, 9],
        ethnicity=[NR] * 4,
        characteristics={"absent_parents": 2, "abuse_neglect_child": 2, "care_experienced": 2},
        relationship=["foster_carer", "stranger", NR],
        characteristics_not_reported={2, 3}),
]

SITES = ("Lambeth", "Croydon")
YEARS = (2016, 2017, 2018, 2019)


def _answer(store: Store, entity_id: str, key: str, value: object) -> None:
    if value == NR:
        store.mark_not_reported(entity_id, key)
    elif value == NA:
        store.mark_not_applicable(entity_id, key)
    elif value not in ("", None):
        store.set_answer(entity_id, key, value)


@dataclass
class CaseCoding:
    """What one coding of a case says."""

    outcome: str
    victims: list[dict]
    relationship: str
    features: list[str]
    perpetrators: list[dict] | None = field(default_factory=list)
    """None: the perpetrators section does not apply (marked so)."""
    relationship_features: object = None


def _code_case(store: Store, coding_id: str, coded: CaseCoding) -> None:
    _answer(store, store.section_entity(coding_id, "review").id, "outcome", coded.outcome)
    relationship = store.section_entity(coding_id, "relationship").id
    _answer(store, relationship, "type", coded.relationship)
    _answer(store, relationship, "characteristics", coded.relationship_features)
    if coded.features:  # no escalation data: the table says "No information"
        _answer(store, store.section_entity(coding_id, "escalation").id, "features",
                coded.features)
    if coded.perpetrators is None:
        store.mark_section_not_applicable(coding_id, "perpetrators")
    for section, people in (("victims", coded.victims), ("perpetrators", coded.perpetrators)):
        for person in people or ():
            item = store.add_entity(coding_id, section).id
            for key, value in person.items():
                _answer(store, item, key, value)


def _people(plan: CategoryPlan) -> list[dict]:
    coded = [i for i in range(len(plan.gender)) if i not in plan.characteristics_not_reported]
    chars = dict(zip(coded, _spread(plan.characteristics, len(coded)), strict=True))
    return [{"gender": plan.gender[i], "age": plan.age[i], "ethnicity": plan.ethnicity[i],
             "characteristics": chars.get(i, NR)} for i in range(len(plan.gender))]


def build_seed_fixture(store: Store) -> list[str]:
    """Create and code the 64 cases; returns their ids. Categories as in the codebook."""
    ids: list[str] = []
    number = 0
    for plan in PLANS:
        people = iter(_people(plan))
        features = _spread(plan.escalation, len(plan.outcomes))
        perpetrators = perpetrators_by_case(PERPETRATORS[plan.category])
        relationships = relationship_by_case(PERPETRATORS[plan.category], len(plan.outcomes))
        for i, outcome in enumerate(plan.outcomes):
            number += 1
            case = store.create_case(f"T3-{number:02d}", plan.review_type,
                                     category=plan.category, site=SITES[number % 5 == 0],
                                     publication_year=YEARS[number % 4])
            victims = [next(people) for _ in range(plan.victims_per_case[i])]
            relationship = plan.relationship[i] if plan.relationship else ""
            if number == 1:
                _code_wrongly(store, case.id)
                coding = store.add_coding(case.id, coder="Consensus", kind="consensus")
            else:
                coding = store.add_coding(case.id)
            _code_case(store, coding.id, CaseCoding(outcome, victims, relationship, features[i],
                                                    perpetrators[i], relationships[i]))
            store.set_case_status(case.id, "checked" if number % 8 == 0 else "coded")
            ids.append(case.id)
    return ids


def _code_wrongly(store: Store, case_id: str) -> None:
    """A primary coding that disagrees with the consensus (it must not be counted)."""
    coding = store.add_coding(case_id, coder="First coder")
    _code_case(store, coding.id, CaseCoding(
        "suicide", [{"gender": "female", "age": 40, "ethnicity": "white",
                     "characteristics": ["disability"]}], "stranger", ["victim_self_harm"],
        [{"gender": "female", "age": 70}], ["stalking"]))
