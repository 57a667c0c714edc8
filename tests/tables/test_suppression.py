"""--suppress-below N: small counts show as "<N", and totals cannot give a hidden count away."""

from __future__ import annotations

import itertools
import re

import pytest

from exports.tables import build_tables
from exports.tables.data import TablesError
from exports.tables.model import Cell, Entry
from exports.tables.suppress import SECONDARY, suppress_cell


def _partition(*counts: int) -> Cell:
    return Cell.of(*(Entry(f"option {i}", n) for i, n in enumerate(counts)), partition=True)


def _possible_values(cell: Cell, total: int, threshold: int) -> list[tuple[int, ...]]:
    """Every set of hidden counts consistent with what is shown and the known total."""
    hidden = [e for e in cell.entries if e.suppressed]
    shown_sum = sum(e.count for e in cell.entries if not e.suppressed)
    ranges = [range(1, threshold) if e.shown.startswith("<") else range(1, total + 1)
              for e in hidden]
    return [combo for combo in itertools.product(*ranges) if sum(combo) + shown_sum == total]


def test_small_count_shows_as_less_than_n():
    cell = suppress_cell(_partition(15, 2), 5)
    assert cell.text == "option 0 (*), option 1 (<5)"


def test_one_hidden_count_takes_a_second_one_with_it():
    cell = suppress_cell(_partition(20, 9, 3), 5)
    assert [e.shown for e in cell.entries] == [None, SECONDARY, "<5"]
    assert len(_possible_values(cell, 32, 5)) > 1


def test_two_hidden_counts_whose_sum_is_small_are_protected_too():
    cell = suppress_cell(_partition(12, 8, 1, 1), 5)
    assert [e.shown for e in cell.entries] == [None, SECONDARY, "<5", "<5"]
    assert len(_possible_values(cell, 22, 5)) > 1


@pytest.mark.parametrize("counts", [(7, 1), (30, 6, 2), (9, 5, 1, 1), (6, 2, 2), (3, 3, 10)])
def test_no_hidden_count_can_be_worked_out_from_the_total(counts):
    cell = suppress_cell(_partition(*counts), 5)
    if any(e.suppressed for e in cell.entries):
        assert len(_possible_values(cell, sum(counts), 5)) > 1


def test_counts_that_are_not_a_partition_need_no_secondary_suppression():
    cell = suppress_cell(Cell.of(Entry("Disability", 2), Entry("Unemployment", 9),
                                 listed=True), 5)
    assert cell.text == "Disability (<5)\nUnemployment (9)"


def test_seed_tables_with_suppression(seed_store):
    tables = build_tables(seed_store, suppress_below=5)
    victims = {r.key: r.cells for r in tables.table("victims").rows}
    assert victims["gender"]["intimate_partner"].text == "* female, <5 male"
    assert victims["ethnicity"]["child_family"].text == \
        "Not reported (9), Mixed (7), Black/Black British (*), Asian/Asian British (<5)"
    assert any("shown as <5" in note for note in tables.footnotes)
    for table in tables.tables:
        for row in table.rows:
            for cell in row.cells.values():
                for entry in cell.entries:
                    if entry.count is not None and 0 < entry.count < 5:
                        assert entry.suppressed, (table.key, row.key, entry)
                        shown = entry.text.replace("<5", "")
                        assert not re.search(rf"(?<!\d){entry.count}(?!\d)", shown), entry


def test_charts_do_not_draw_suppressed_counts(seed_store):
    tables = build_tables(seed_store, suppress_below=5)
    for table in tables.tables:
        if table.chart:
            assert all(bar.value >= 5 for p in table.chart.panels for bar in p.bars)


def test_threshold_below_two_is_refused(seed_store):
    with pytest.raises(TablesError, match="2 or more"):
        build_tables(seed_store, suppress_below=1)
