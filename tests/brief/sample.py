"""A coded case written for the brief's tests and benchmark (texts written for this project).

The case's texts mention the real names on purpose, in every section and in the quotes, so that
tests can show the brief replaces them all.
"""

from __future__ import annotations

from schema.store import Store

REAL_NAMES = {"Zoë Hart": "Adult A", "Zoë": "Adult A", "Łukasz Nowak": "Mr B",
              "Łukasz": "Mr B"}

SUMMARY = (
    "Zoë Hart was in her late thirties when she died in 2020. Her partner Łukasz Nowak had "
    "cared for her after a stroke, and the two moved three times between two counties in the "
    "eighteen months before her death.\n\n"
    "The review read over 900 chronology entries from agencies in both areas. This brief "
    "draws out what practitioners can do differently.")
FINDINGS = [
    ("Person-centred work made the difference whenever Zoë was seen on her own.",
     "engagement"),
    ("Łukasz's account of Zoë's needs was accepted without being checked with her.",
     "professional_curiosity"),
]
GOOD_PRACTICE = [
    ("The community nurse kept visiting ZOË at each new address, so the care never stopped.",
     "gp"),
    ("Police forces in both counties shared welfare concerns about łukasz within a day.",
     "police"),
]
LEARNING = [
    ("housing", "Each move cut the thread of support. Housing panels should ask which "
                "services a person will lose before offering a placement elsewhere."),
    ("mental_capacity", "Capacity was assumed rather than assessed. A capacity assessment "
                        "works best inside a relationship built over several visits."),
    ("housing", "- Check tenancy history across boundaries\n- Ask the person, not only the "
                "carer, where they want to live"),
]
VOICE = "Zoë told her nurse she felt talked over; Łukasz answered most questions for her."
VOICE_QUOTE = "I want someone to ask me, not Łukasz, what I need."
FAMILIES = "Zoë Hart's sister offered to help with planning but was never invited to a meeting."
RECOMMENDATIONS = [
    ("Agree a protocol for handing over open safeguarding work when a person moves to "
     "another county.", "adult_social_care", "multi_agency", "Safeguarding Adults Board",
     "in_progress"),
    ("Train frontline staff to speak with the cared-for person alone, as Zoë asked.",
     "gp", "single_agency", "Named GP for safeguarding", "not_started"),
]
LINKS = [("Coercive control: recognising it in carers", "https://example.org/training/cc"),
         ("Mental Capacity Act in practice", "https://example.org/training/mca")]
AGENCIES = ["gp", "police", "adult_social_care", "housing", "ambulance", "mental_health"]


def code_sample_case(store: Store, reference: str = "SAR-2021-04", *,
                     category: str = "intimate_partner", review_type: str = "JOINT",
                     register_names: bool = True, status: str = "coded") -> str:
    """Create and code a case with every section the brief shows, marked `status`; returns
    the case id."""
    case = store.create_case(reference, review_type, category=category,
                             title="Learning from the deaths of Adult A")
    coding = store.add_coding(case.id)
    _review(store, coding.id)
    _repeating(store, coding.id)
    voice = store.section_entity(coding.id, "voice")
    store.set_answer(voice.id, "persons_voice", VOICE)
    store.attach_evidence(voice.id, "persons_voice", document_id=None, page=12,
                          quote=VOICE_QUOTE)
    store.set_answer(voice.id, "including_families", FAMILIES)
    themes = store.section_entity(coding.id, "themes")
    store.set_answer(themes.id, "themes", ["housing", "engagement", "mental_capacity",
                                           "professional_curiosity"])
    if register_names:
        for real, pseudonym in REAL_NAMES.items():
            store.add_pseudonym(case.id, real, pseudonym)
    store.set_case_status(case.id, status)
    return case.id


def _review(store: Store, coding_id: str) -> None:
    review = store.section_entity(coding_id, "review")
    for field, value in (("subject", "Adult A"), ("summary", SUMMARY),
                         ("local_authority", "Northshire"),
                         ("other_local_authorities", "Southvale"), ("published", False),
                         ("publication_year", 2021)):
        store.set_answer(review.id, field, value)


def _repeating(store: Store, coding_id: str) -> None:
    def add(section: str, **values: object) -> None:
        entity = store.add_entity(coding_id, section)
        for field, value in values.items():
            store.set_answer(entity.id, field, value)

    for agency in AGENCIES:
        add("agencies", agency=agency)
    for text, theme in FINDINGS:
        add("findings", text=text, theme=theme)
    for text, agency in GOOD_PRACTICE:
        add("good_practice", text=text, agency=agency)
    for theme, text in LEARNING:
        add("learning", theme=theme, text=text)
    for text, agency, level, owner, status in RECOMMENDATIONS:
        add("recommendations", text=text, agency=agency, level=level, owner=owner,
            status=status)
    for title, url in LINKS:
        add("further_reading", title=title, url=url)
