"""Sources that must be refused, and failures part-way, leave the target byte-identical."""

from __future__ import annotations

import sqlite3

import pytest

from schema.codebook_loader import parse_codebook
from schema.merge import MergeError, merge_projects
from schema.merge import run as merge_run
from schema.migrations import latest_version
from tests.merge.builders import code_review, make_project


@pytest.fixture
def target(tmp_path, codebook):
    store = make_project(tmp_path / "region.casecoder", codebook, "Region", "R. Researcher")
    code_review(store, "DHR-2015-01")
    store.close()
    return tmp_path / "region.casecoder"


@pytest.fixture
def good_source(tmp_path, codebook):
    store = make_project(tmp_path / "good.casecoder", codebook, "Lambeth", "A. Analyst")
    code_review(store, "DHR-2018-07")
    store.close()
    return tmp_path / "good.casecoder"


def _refused(target, *sources, match):
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(MergeError, match=match):
        merge_projects(target, list(sources), actor="R. Researcher")
    after = target.read_bytes() if target.exists() else None
    assert after == before


def _corrupt(path):
    """Overwrite the middle of the file, past the header, as a bad copy would."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):
        data[offset + 8:offset + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))


def test_corrupt_source_is_refused_and_target_is_byte_identical(target, good_source):
    _corrupt(good_source)
    _refused(target, good_source, match="damaged")


def test_corrupt_source_after_a_good_one_leaves_target_untouched(tmp_path, target,
                                                                  good_source, codebook):
    bad = make_project(tmp_path / "bad.casecoder", codebook, "Croydon", "C. Coder")
    code_review(bad, "SAR-2019-02")
    bad.close()
    _corrupt(tmp_path / "bad.casecoder")
    _refused(target, good_source, tmp_path / "bad.casecoder", match="damaged")


def test_source_with_a_newer_schema_is_refused(target, good_source):
    conn = sqlite3.connect(good_source)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    _refused(target, good_source, match="newer Casecoder")


def test_a_file_that_is_not_a_project_is_refused(tmp_path, target):
    notes = tmp_path / "notes.casecoder"
    notes.write_text("minutes of the board meeting")
    _refused(target, notes, match="not a Casecoder project")
    _refused(target, tmp_path / "missing.casecoder", match="does not exist")


def test_refused_merge_into_a_new_target_creates_no_file(tmp_path, good_source):
    _corrupt(good_source)
    new_target = tmp_path / "new.casecoder"
    _refused(new_target, good_source, match="damaged")
    assert not new_target.exists()


def test_failure_part_way_rolls_back_everything(monkeypatch, tmp_path, target, good_source,
                                               codebook):
    second = make_project(tmp_path / "second.casecoder", codebook, "Croydon", "C. Coder")
    code_review(second, "SAR-2019-02")
    second.close()
    real = merge_run.staging.merge_staged
    calls = []

    def failing(conn, number):
        calls.append(1)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return real(conn, number)

    monkeypatch.setattr(merge_run.staging, "merge_staged", failing)
    _refused(target, good_source, tmp_path / "second.casecoder", match="undone")
    assert len(calls) == 2


def _with_codebook(tmp_path, codebook, name, edit):
    text = edit(codebook.source_text)
    book = parse_codebook(text, source=name)
    store = make_project(tmp_path / f"{name}.casecoder", book, name, "E. Editor")
    code_review(store, f"DHR-{name}")
    store.close()
    return tmp_path / f"{name}.casecoder"


def test_codebook_with_only_added_fields_is_accepted_and_used(tmp_path, target, codebook):
    def add_field(text):
        text = text.replace(f'version: "{codebook.version}"', "version: '1.1'", 1)
        return text.replace(
            "      - {key: description, label: What happened, type: long_text}",
            "      - {key: description, label: What happened, type: long_text}\n"
            "      - {key: weapon_source, label: Where the weapon came from, type: text}", 1)
    newer = _with_codebook(tmp_path, codebook, "newer", add_field)
    report = merge_projects(target, [newer], actor="R. Researcher")
    assert report.codebook_upgraded
    conn = sqlite3.connect(target)
    key = conn.execute("SELECT value FROM meta WHERE key = 'codebook_key'").fetchone()[0]
    assert key.endswith("@1.1")


def test_codebook_with_a_changed_field_is_refused_with_the_field_named(tmp_path, target,
                                                                      codebook):
    def change(text):
        text = text.replace(f'version: "{codebook.version}"', "version: '2.0'", 1)
        return text.replace("{key: published, label: Full review published, type: boolean}",
                            "{key: published, label: Full review published, type: text}", 1)
    changed = _with_codebook(tmp_path, codebook, "changed", change)
    _refused(target, changed, match=r"review\.published")


def test_codebook_with_another_id_is_refused(tmp_path, target, codebook):
    other = _with_codebook(tmp_path, codebook, "other",
                           lambda t: t.replace(f"id: {codebook.id}", "id: another-book", 1))
    _refused(target, other, match="another-book")


def test_the_target_cannot_be_its_own_source(target):
    _refused(target, target, match="target itself")
