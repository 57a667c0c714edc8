"""Which coding counts for a case: consensus, else the earliest primary, else the earliest
second. The tables use the same SQL (schema.counting)."""

from __future__ import annotations


def test_consensus_then_primary_then_second_in_creation_order(store):
    case = store.create_case("DHR-1", "DHR")
    second = store.add_coding(case.id, kind="second")
    assert store.coding_for_tables(case.id).id == second.id
    first_primary = store.add_coding(case.id, kind="primary")
    store.add_coding(case.id, kind="primary", coder="Later")
    assert store.coding_for_tables(case.id).id == first_primary.id
    consensus = store.add_coding(case.id, kind="consensus")
    assert store.coding_for_tables(case.id).id == consensus.id
    assert store.coding_for_tables(store.create_case("SAR-1", "SAR").id) is None
