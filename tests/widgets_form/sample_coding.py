"""A realistic coded case for the coding form's tests, screenshot script and benchmark.

The review is fictional and its wording is written for this project.
"""

from __future__ import annotations

from schema.store import Store

AGENCIES = ["police", "gp", "mental_health", "housing", "domestic_abuse_services"]
RECOMMENDATIONS = [
    ("Police should record every call-out to the address as a linked incident.", "police"),
    ("GP practices should ask about abuse when a patient attends with unexplained injuries.",
     "gp"),
    ("The mental health trust should share discharge plans with the housing provider.",
     "mental_health"),
    ("Housing officers should receive training on recognising coercive control.", "housing"),
    ("The IDVA service should follow up every referral within two working days.",
     "domestic_abuse_services"),
    ("The partnership should audit how agencies act on MARAC actions.", "other"),
]


def code_case(store: Store, reference: str, victims: tuple[str, ...] = ("Rowan", "Ellis"),
              perpetrator: str = "Morgan") -> str:
    """Create a case with a primary coding: victims, a perpetrator, 5 agencies, 6
    recommendations, some fields not reported and some evidence. Returns the coding id."""
    case = store.create_case(reference, "DHR", title=f"Review {reference}",
                             category="intimate_partner")
    coding = store.add_coding(case.id)
    review = store.section_entity(coding.id, "review").id
    store.set_answer(review, "local_authority", "Northbridge")
    store.set_answer(review, "publication_year", 2021)
    store.set_answer(review, "outcome", "homicide")
    store.set_answer(review, "published", True)
    store.mark_not_reported(review, "incident_year")
    store.set_answer(review, "summary", "Two adults died at a shared flat after months of "
                     "escalating control that several agencies saw only in part.")
    incident = store.section_entity(coding.id, "incident").id
    store.set_answer(incident, "date", "2019-03")
    store.set_answer(incident, "method", "sharp_instrument")
    store.mark_not_reported(incident, "location")
    for index, name in enumerate(victims):
        _code_person(store, coding.id, "victims", name, 30 + index * 7, index == 0)
    _code_person(store, coding.id, "perpetrators", perpetrator, 41, False)
    _code_agencies_and_recommendations(store, coding.id)
    return coding.id


def _code_person(store: Store, coding_id: str, section: str, name: str, age: int,
                 with_evidence: bool) -> None:
    entity = store.add_entity(coding_id, section).id
    store.set_answer(entity, "pseudonym", name)
    store.set_answer(entity, "gender", "female" if section == "victims" else "male")
    store.set_answer(entity, "age", age)
    store.mark_not_reported(entity, "ethnicity")
    store.set_answer(entity, "born_outside_uk", False)
    characteristics = ["experiencing_da", "mental_health"] if section == "victims" \
        else ["alcohol_misuse", "history_of_violence"]
    store.set_answer(entity, "characteristics", characteristics)
    if with_evidence:
        store.attach_evidence(entity, "age", document_id=None, page=4, paragraph="2.3",
                              quote=f"{name} was {age} years old and had lived in the "
                                    "borough since childhood.")
        store.attach_evidence(entity, "characteristics", document_id=None, page=12,
                              paragraph="4.12", quote="Her GP had recorded low mood on "
                              "three visits and she told a nurse she was frightened at home.")


def _code_agencies_and_recommendations(store: Store, coding_id: str) -> None:
    for agency in AGENCIES:
        entity = store.add_entity(coding_id, "agencies").id
        store.set_answer(entity, "agency", agency)
        store.set_answer(entity, "contact_before", True)
        store.mark_not_reported(entity, "risk_assessed")
        store.set_answer(entity, "missed_opportunity", agency in ("police", "gp"))
    for text, agency in RECOMMENDATIONS:
        entity = store.add_entity(coding_id, "recommendations").id
        store.set_answer(entity, "text", text)
        store.set_answer(entity, "agency", agency)
        store.set_answer(entity, "level", "single_agency")
        store.mark_not_reported(entity, "status")
