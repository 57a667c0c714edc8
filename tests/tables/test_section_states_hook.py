"""The tables' data says which repeating sections a case's counting coding marked not
applicable, so an empty perpetrators list of a suicide is not read as "no information"."""

from __future__ import annotations

from exports.tables.data import CaseRecord, TableFilter, load_table_data


def _coded(store, reference: str, *, mark: bool, status: str = "coded"):
    case = store.create_case(reference, "DHR", category="intimate_partner")
    coding = store.add_coding(case.id)
    store.set_answer(store.add_entity(coding.id, "victims").id, "gender", "female")
    if mark:
        store.mark_section_not_applicable(coding.id, "perpetrators")
    store.set_case_status(case.id, status)
    return case, coding


def test_each_case_carries_the_sections_its_counting_coding_marked(store):
    marked, _ = _coded(store, "DHR-01", mark=True)
    plain, _ = _coded(store, "DHR-02", mark=False)
    # The consensus speaks for DHR-03: its primary's mark does not count, the consensus's does.
    agreed, primary = _coded(store, "DHR-03", mark=True)
    consensus = store.add_coding(agreed.id, kind="consensus")
    store.mark_section_not_applicable(consensus.id, "further_reading")
    _coded(store, "DHR-04", mark=True, status="in_progress")
    data = load_table_data(store.db, {"victims": {"gender"}, "perpetrators": {"gender"}})
    by_id = {r.id: r for r in data.cases}
    assert set(by_id) == {marked.id, plain.id, agreed.id}
    assert by_id[marked.id].not_applicable_sections == frozenset({"perpetrators"})
    assert by_id[plain.id].not_applicable_sections == frozenset()
    assert by_id[agreed.id].not_applicable_sections == frozenset({"further_reading"})
    assert by_id[marked.id].column("perpetrators.gender") == [("not_applicable", None)]
    with_progress = load_table_data(store.db, {"victims": {"gender"}},
                                    TableFilter(include_in_progress=True))
    assert sum(bool(r.not_applicable_sections) for r in with_progress.cases) == 3


def test_a_taken_back_mark_is_not_carried(store):
    case, coding = _coded(store, "DHR-05", mark=True)
    store.clear_section_state(coding.id, "perpetrators")
    [record] = load_table_data(store.db, {"victims": {"gender"}}).cases
    assert record.id == case.id and record.not_applicable_sections == frozenset()


def test_records_built_by_position_still_work():
    record = CaseRecord("c1", "intimate_partner", "DHR", "Lambeth", 2020, 3, {})
    assert record.index == 3 and record.not_applicable_sections == frozenset()
