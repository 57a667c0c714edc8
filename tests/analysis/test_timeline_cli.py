"""The escalation timeline: coded dates on the axis, undated events listed, the files, the
brief's timeline section."""

from __future__ import annotations

import io
import shutil

import pytest
from pdfminer.high_level import extract_text
from PIL import Image

from desktop.cli import run_command_line
from exports.brief import BriefScope, build_brief
from exports.timeline import layout_case, read_case_timeline
from schema.project import open_project
from schema.store import Store


@pytest.fixture
def demo_store(demo):
    store = Store(open_project(demo, readonly=True), "tester")
    yield store
    store.close()


def test_the_timeline_carries_the_coded_dates_in_order(demo_store):
    timeline = read_case_timeline(demo_store, demo_store.find_cases("DHR-2022-01")[0])
    assert [e.date.iso() for e in timeline.dated] == ["2019-04", "2019-11", "2020-10"]
    assert [e.stage for e in timeline.dated] == [3, 5, 4]
    labels = layout_case(timeline).labels()
    assert {"April 2019 · stage 3 · Perpetrator experienced an adverse life event (job loss, "
            "relationship break-up)", "3. Relationship dominated by coercive control"} <= \
        set(labels)


def test_undated_events_are_listed_after_in_coded_order(demo, tmp_path):
    copy = tmp_path / "copy.casecoder"
    shutil.copyfile(demo, copy)
    store = Store(open_project(copy), "tester")
    try:
        case = store.find_cases("SAR-2023-02")[0]
        coding = store.coding_for_tables(case.id)
        for text in ("First without a date", "Second without a date"):
            entity = store.add_entity(coding.id, "events")
            store.set_answer(entity.id, "description", text)
        dated = store.add_entity(coding.id, "events")
        store.set_answer(dated.id, "date", "2021")
        store.set_answer(dated.id, "timeline_stage", "5_escalation")
        timeline = read_case_timeline(store, case)
    finally:
        store.close()
    assert [e.description for e in timeline.undated] == ["First without a date",
                                                         "Second without a date"]
    labels = layout_case(timeline).labels()
    assert "Events without a date, in the order coded" in labels
    assert labels.index("First without a date") < labels.index("Second without a date")
    assert "2021 · stage 5 · kind not coded" in labels


@pytest.mark.parametrize("suffix", ["pdf", "svg", "png"])
def test_the_command_writes_each_format(demo, tmp_path, suffix):
    out = tmp_path / f"timeline.{suffix}"
    assert run_command_line(["timeline", str(demo), "--case", "DHR-2022-01",
                             "--out", str(out)]) == 0
    data = out.read_bytes()
    if suffix == "pdf":
        text = extract_text(io.BytesIO(data))
        assert "November 2019" in text and "5. Escalation" in text
    elif suffix == "svg":
        assert b"<svg" in data and b"November 2019" in data
    else:
        image = Image.open(out)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
        assert image.width > 1000 and len(colours) > 10


def test_the_command_refuses_an_existing_file_and_an_unknown_format(demo, tmp_path, capsys):
    out = tmp_path / "t.png"
    out.write_bytes(b"old")
    assert run_command_line(["timeline", str(demo), "--case", "DHR-2022-01", "--out",
                             str(out)]) == 2
    assert out.read_bytes() == b"old"
    assert run_command_line(["timeline", str(demo), "--case", "DHR-2022-01", "--out",
                             str(tmp_path / "t.jpg")]) == 2
    assert "must end in .pdf or .png or .svg" in capsys.readouterr().err


def test_the_category_view_lines_up_its_cases(demo, tmp_path):
    out = tmp_path / "category.svg"
    assert run_command_line(["timeline", str(demo), "--category", "intimate_partner",
                             "--out", str(out)]) == 0
    assert b"DHR-2022-01" in out.read_bytes()


def test_the_brief_has_a_timeline_only_when_events_are_coded(demo_store):
    with_events = build_brief(demo_store, BriefScope.case("DHR-2022-01"))
    text = extract_text(io.BytesIO(with_events.pdf))
    assert "Escalation towards the incident" in text and "October 2020" in text
    without = build_brief(demo_store, BriefScope.case("SAR-2023-02"))
    assert "Escalation towards the incident" not in extract_text(io.BytesIO(without.pdf))
