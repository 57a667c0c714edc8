"""The case list filters by category, review type, status, site and text, and steps cases."""

from __future__ import annotations

from desktop.coding.case_list_panel import CaseListPanel
from schema.records import Case


def _case(n: int, reference: str, review_type: str, category: str | None, status: str,
          site: str, title: str = "") -> Case:
    return Case(id=f"c{n}", reference=reference, title=title, review_type=review_type,
                category=category, site=site, publication_year=2019, status=status)


CASES = [_case(1, "DHR-01", "DHR", "intimate_partner", "coded", "Lambeth", "Adult A"),
         _case(2, "SAR-02", "SAR", "adult_family", "in_progress", "Lambeth"),
         _case(3, "DHR-03", "DHR", "intimate_partner", "not_started", "Hackney", "Rosa"),
         _case(4, "CSPR-04", "CSPR", "child_family", "checked", "Hackney")]


def _shown(panel: CaseListPanel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_filters_combine_and_clear(qtbot, codebook):
    panel = CaseListPanel()
    qtbot.addWidget(panel)
    panel.set_cases(CASES, codebook)
    assert _shown(panel) == ["CSPR-04", "DHR-01", "DHR-03", "SAR-02"]
    panel.set_filter("review_type", "DHR")
    assert _shown(panel) == ["DHR-01", "DHR-03"]
    panel.set_filter("site", "Hackney")
    assert _shown(panel) == ["DHR-03"]
    assert panel.count_label.text() == "1 of 4 cases shown"
    panel.set_filter("site", "")
    panel.set_filter("review_type", "")
    panel.set_filter("category", "intimate_partner")
    panel.set_filter("status", "coded")
    assert _shown(panel) == ["DHR-01"]
    panel.set_filter("category", "")
    panel.set_filter("status", "")
    qtbot.keyClicks(panel.search, "rosa")
    assert _shown(panel) == ["DHR-03"]


def test_next_and_previous_case_follow_the_shown_order(qtbot, codebook):
    panel = CaseListPanel()
    qtbot.addWidget(panel)
    panel.set_cases(CASES, codebook)
    selected = []
    panel.case_selected.connect(selected.append)
    panel.next_case()
    panel.next_case()
    panel.previous_case()
    assert selected == ["c4", "c1", "c4"]
    panel.set_filter("review_type", "DHR")
    panel.select_case("c2")  # hidden by the filter: the filters clear to show it
    assert panel.current_case_id() == "c2" and len(_shown(panel)) == 4


def test_a_changed_status_shows_without_losing_the_selection(qtbot, codebook):
    panel = CaseListPanel()
    qtbot.addWidget(panel)
    panel.set_cases(CASES, codebook)
    panel.select_case("c3", emit=False)
    from dataclasses import replace

    panel.update_case(replace(CASES[2], status="coded"))
    assert panel.current_case_id() == "c3"
    row = panel.model.row_of("c3")
    assert panel.model.index(row, 5).data() == "Coded"
