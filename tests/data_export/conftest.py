"""A small project for the data export tests, built through the Store API.

- DHR-A (coded): a primary, a second and a consensus coding; the consensus is the one that
  counts. Two victims: the first fully known, the second with an unreported gender, only an
  age band and unreported characteristics.
- SAR-B (coded, Croydon, 2021): one victim.
- CSPR-C (in progress) and CSPR-D (not started, though it holds an answer).
"""

from __future__ import annotations

import pytest

from schema.project import create_project, open_project
from schema.store import Store


def _code_case_a(store: Store) -> None:
    case = store.create_case("DHR-A", "DHR", title="Adult A", category="intimate_partner",
                             site="Lambeth", publication_year=2019)
    for kind, coder, outcome, gender in (("primary", "A. Analyst", "suicide", "male"),
                                         ("second", "B. Second", "homicide", "male"),
                                         ("consensus", "C. Lead", "homicide", "female")):
        coding = store.add_coding(case.id, kind=kind, coder=coder)
        review = store.section_entity(coding.id, "review")
        store.set_answer(review.id, "outcome", outcome)
        store.mark_not_applicable(review.id, "other_local_authorities")
        store.set_answer(review.id, "published", True)
        store.set_answer(review.id, "summary", "=SUM(A1) is how the review's table read")
        store.mark_not_reported(store.section_entity(coding.id, "incident").id, "method")
        store.set_answer(store.section_entity(coding.id, "escalation").id, "features", [])
        first = store.add_entity(coding.id, "victims")
        store.set_answer(first.id, "gender", gender)
        store.set_answer(first.id, "age", 34)
        store.set_answer(first.id, "characteristics", ["mental_health", "substance_misuse"])
        second = store.add_entity(coding.id, "victims")
        store.mark_not_reported(second.id, "gender")
        store.set_answer(second.id, "age", "18_24")
        store.mark_not_reported(second.id, "characteristics")
    store.set_case_status(case.id, "coded")


def _simple_case(store: Store, reference: str, review_type: str, status: str, **case) -> None:
    made = store.create_case(reference, review_type, **case)
    coding = store.add_coding(made.id)
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "gender", "male")
    store.set_answer(victim.id, "age", 70)
    store.set_case_status(made.id, status)


def build_project(store: Store) -> None:
    _code_case_a(store)
    _simple_case(store, "SAR-B", "SAR", "coded", category="adult_family", site="Croydon",
                 publication_year=2021)
    _simple_case(store, "CSPR-C", "CSPR", "in_progress", site="Lambeth", publication_year=2022)
    _simple_case(store, "CSPR-D", "CSPR", "not_started", site="Lambeth", publication_year=2022)


@pytest.fixture(scope="session")
def data_project(tmp_path_factory, codebook):
    """The project file (open it read-only)."""
    path = tmp_path_factory.mktemp("data") / "data.casecoder"
    store = Store(create_project(path, site="Lambeth", coder="A. Analyst", codebook=codebook),
                  "A. Analyst")
    build_project(store)
    store.close()
    return path


@pytest.fixture
def data_store(data_project):
    store = Store(open_project(data_project, readonly=True), "Tester")
    yield store
    store.close()
