"""The brief as a reader sees it: counts agree in number, short review-type names in the
headings, themes without holes, action-plan columns sized by what they hold, a single finding
left unnumbered, and pages that are full until the last section."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

from desktop.demo.build import build_demo
from exports.brief import BriefScope, build_brief
from schema.errors import CasecoderError
from schema.project import open_project
from schema.store import Store
from tests.brief.sample import code_sample_case

LONG_OWNER = "Harbridge and Eastwold SAB chairs"
LONG_THEMES = ["complexity", "housing", "interagency_working", "engagement",
               "adolescent_safeguarding", "mental_capacity", "safeguarding_risk"]


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    x0: float
    top: float
    bottom: float


def _text(pdf: bytes) -> str:
    return " ".join(extract_text(io.BytesIO(pdf)).split())


def _lines(pdf: bytes) -> list[Line]:
    """Every line of text with its page and position (points from the page's bottom)."""
    found = []
    apart = LAParams(char_margin=1.0)  # text in neighbouring columns stays apart
    for number, page in enumerate(extract_pages(io.BytesIO(pdf), laparams=apart), start=1):
        for box in page:
            if isinstance(box, LTTextContainer):
                found += [Line(number, " ".join(line.get_text().split()), line.x0, line.y1,
                               line.y0) for line in box if isinstance(line, LTTextLine)]
    return found


def _add(store: Store, coding_id: str, section: str, **values: object) -> None:
    entity = store.add_entity(coding_id, section)
    for field, value in values.items():
        store.set_answer(entity.id, field, value)


def _lean_case(store: Store, reference: str, *, findings: int = 1, plans: int = 0,
               themes: list[str] | None = None) -> str:
    """A coded case with a summary, `findings` findings and `plans` recommendations whose
    owner is a long name; its publication is marked not stated."""
    case = store.create_case(reference, "SAR", category="intimate_partner",
                             title=f"Learning from {reference}")
    coding = store.add_coding(case.id)
    review = store.section_entity(coding.id, "review")
    for field, value in (("subject", "Adult C"), ("local_authority", "Harbridge"),
                         ("summary", "Adult C lived alone and carers visited each day.")):
        store.set_answer(review.id, field, value)
    store.mark_not_reported(review.id, "published")
    for n in range(findings):
        _add(store, coding.id, "findings", text=f"Carers saw bruising on visit {n + 1} but "
             f"did not know whom to tell.", theme="engagement")
    for n in range(plans):
        _add(store, coding.id, "recommendations", agency="adult_social_care",
             text=f"Step {n + 1}: concerns raised by home carers reach the safeguarding team "
                  f"and are checked within a week.", level="multi_agency",
             owner=LONG_OWNER, status="in_progress")
    store.set_answer(store.section_entity(coding.id, "themes").id, "themes",
                     themes or ["engagement", "housing"])
    store.set_case_status(case.id, "coded")
    return case.id


def test_counts_agree_in_number(store):
    code_sample_case(store, "SAR-2021-04")
    one = _text(build_brief(store, BriefScope.cases(["SAR-2021-04"])).pdf)
    assert "(1 of 1 review)" in one
    assert "1 of 1 reviews" not in one
    code_sample_case(store, "DHR-2020-09", review_type="DHR")
    two = _text(build_brief(store, BriefScope.cases(["SAR-2021-04", "DHR-2020-09"])).pdf)
    assert "(2 of 2 reviews)" in two
    assert "1 categories" not in two and "1 reviews" not in two


def test_publication_across_reviews_is_said_plainly(store):
    code_sample_case(store, "SAR-2021-04")  # not published
    _lean_case(store, "SAR-2022-07")  # not stated
    text = _text(build_brief(store, BriefScope.cases(["SAR-2021-04", "SAR-2022-07"])).pdf)
    assert "None of 2" in text and "not stated in 1 review" in text
    assert "0 of 2" not in text and "not stated for" not in text


def test_headings_use_the_short_review_type_and_do_not_shout(store):
    code_sample_case(store, "SAR-2021-04", review_type="JOINT")
    text = _text(build_brief(store, BriefScope.case("SAR-2021-04")).pdf)
    assert "Learning brief · Joint review" in text
    assert "E.G." not in text and "JOINT REVIEW" not in text
    assert "Joint review (e.g. SAR and DHR)" in text  # the facts panel keeps the full label
    thematic = _text(build_brief(store, BriefScope.review_type("JOINT")).pdf)
    assert "Joint reviews" in thematic and "DHR)s" not in thematic


def test_a_single_key_finding_is_not_numbered(store):
    _lean_case(store, "SAR-2022-07", findings=1)
    text = _text(build_brief(store, BriefScope.case("SAR-2022-07")).pdf)
    assert "Carers saw bruising on visit 1" in text
    assert "1. Carers" not in text
    _lean_case(store, "SAR-2022-08", findings=2)
    both = _text(build_brief(store, BriefScope.case("SAR-2022-08")).pdf)
    assert "1. Carers saw bruising on visit 1" in both and "2. Carers" in both


def _theme_columns(pdf: bytes) -> list[list[Line]]:
    lines = _lines(pdf)
    start = next(line for line in lines if line.text == "Themes for learning")
    end = next(line for line in lines if line.text == "Key findings")
    assert end.page == start.page
    themed = [line for line in lines if line.page == start.page
              and end.top < line.top < start.bottom]
    middle = min(line.x0 for line in themed) + 200
    return [sorted((line for line in themed if (line.x0 < middle) == left),
                   key=lambda line: -line.top) for left in (True, False)]


@pytest.mark.parametrize("thematic", [False, True])
def test_the_themes_leave_no_hole_when_an_item_wraps(store, thematic):
    _lean_case(store, "SAR-2022-07", themes=LONG_THEMES)
    scope = BriefScope.cases(["SAR-2022-07"]) if thematic else BriefScope.case("SAR-2022-07")
    columns = _theme_columns(build_brief(store, scope).pdf)
    assert all(len(column) >= 3 for column in columns)
    assert any(len(column) > len(LONG_THEMES) // 2 + 1 for column in columns)  # some wrap
    for column in columns:
        gaps = [above.bottom - below.top
                for above, below in zip(column, column[1:], strict=False)]
        assert max(gaps) < 9, gaps  # a blank line would leave about 14 points


@pytest.mark.parametrize("thematic", [False, True])
def test_the_owner_column_fits_a_long_name_in_two_lines(store, thematic):
    _lean_case(store, "SAR-2022-07", plans=6)
    scope = BriefScope.cases(["SAR-2022-07"]) if thematic else BriefScope.case("SAR-2022-07")
    lines = _lines(build_brief(store, scope).pdf)
    column = next(line for line in lines if line.text == "Owner")
    owner_lines = [line for line in lines if abs(line.x0 - column.x0) < 1
                   and line.text and line.text in LONG_OWNER]
    assert len(owner_lines) <= 2 * 6, [line.text for line in owner_lines]
    words = {line.text for line in lines}
    assert "Multi-agency" in words and "In progress" in words  # no word broken, no squeeze


def test_the_sample_brief_leaves_no_hole_before_its_last_page(store):
    code_sample_case(store)
    result = build_brief(store, BriefScope.case("SAR-2021-04"))
    assert result.pages == len(result.page_room) == 2
    assert max(result.page_room[:-1]) <= 0.1, result.page_room
    assert result.page_room[-1] > 0.1  # the measure reads the layout: the end is not full


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.casecoder")


@pytest.mark.parametrize("scope", [BriefScope.case("DHR-2022-01"),
                                   BriefScope.category("intimate_partner"),
                                   BriefScope.cases(["DHR-2022-01", "CSPR-2022-03",
                                                     "SAR-2023-02"])])
def test_demo_briefs_have_no_page_more_than_a_tenth_empty_before_the_last(demo, scope):
    store = Store(open_project(demo, readonly=True), "tester")
    try:
        result = build_brief(store, scope, include_in_progress=True)
    finally:
        store.close()
    assert result.pages >= 2
    assert max(result.page_room[:-1]) <= 0.1, result.page_room


def test_a_refusal_over_one_case_speaks_of_one_case(store):
    case_id = _lean_case(store, "SAR-2022-07")
    store.set_case_status(case_id, "in_progress")
    with pytest.raises(CasecoderError) as caught:
        build_brief(store, BriefScope.review_type("SAR"))
    assert "the only case is not marked coded or checked" in str(caught.value)
    assert "none of the 1" not in str(caught.value)
