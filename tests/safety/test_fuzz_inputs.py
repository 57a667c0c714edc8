"""Fuzzing what users hand the app: codebooks, JSON imports, CSV lists and damaged projects.

Each reader must either accept its input or refuse it with its own clear error; nothing else
may escape, and a refused import writes nothing.
"""

from __future__ import annotations

import contextlib
import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from main import main
from schema.cases_csv import read_cases_csv
from schema.codebook_loader import parse_codebook
from schema.errors import CodebookError, DataImportError
from schema.json_export import export_cases
from schema.json_import import import_cases
from schema.project import create_project, open_project
from schema.resources import default_codebook_path
from schema.store import Store

FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
CODEBOOK_TEXT = default_codebook_path().read_text(encoding="utf-8")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=20)


def _mutate(text: str, data: st.DataObject) -> str:
    chars = list(text)
    for _ in range(data.draw(st.integers(1, 6))):
        where = data.draw(st.integers(0, len(chars) - 1))
        action = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        new = data.draw(st.sampled_from(list(":-{}[]'\" \n\tx1é#&*!|>")))
        if action == "delete":
            del chars[where]
        elif action == "insert":
            chars.insert(where, new)
        else:
            chars[where] = new
    return "".join(chars)


@FUZZ
@given(st.data())
def test_codebook_loader_accepts_or_explains(data):
    text = _mutate(CODEBOOK_TEXT, data)
    try:
        parse_codebook(text, source="fuzzed.yaml")
    except CodebookError as exc:
        assert str(exc).startswith("fuzzed.yaml")


@FUZZ
@given(st.text(max_size=300))
def test_codebook_loader_on_arbitrary_text(text):
    with contextlib.suppress(CodebookError):
        parse_codebook(text)


@pytest.fixture(scope="module")
def coded_project(tmp_path_factory, codebook):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.casecoder"
    store = Store(create_project(path, site="S", coder="C", codebook=codebook), "C")
    case = store.create_case("DHR-1", "DHR", category="intimate_partner")
    coding = store.add_coding(case.id)
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "characteristics", ["alcohol_misuse"])
    store.mark_not_reported(victim.id, "age")
    exported = export_cases(store)
    for found in store.list_cases():
        store.delete_case(found.id)
    yield store, exported
    store.close()


def _edit_json(value, data: st.DataObject):
    """Replace one randomly chosen node of a JSON document with an arbitrary value."""
    if isinstance(value, dict) and value and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(value)))
        return {**value, key: _edit_json(value[key], data)}
    if isinstance(value, list) and value and data.draw(st.booleans()):
        index = data.draw(st.integers(0, len(value) - 1))
        return [*value[:index], _edit_json(value[index], data), *value[index + 1:]]
    return data.draw(json_values)


@FUZZ
@given(st.data())
def test_json_import_accepts_or_refuses_cleanly(coded_project, data):
    store, exported = coded_project
    edited = _edit_json(json.loads(json.dumps(exported)), data)
    before = store.count("cases"), store.count("answers"), store.count("audit_log")
    try:
        import_cases(store, edited)
    except DataImportError as exc:
        assert str(exc).startswith("$")
        assert (store.count("cases"), store.count("answers"),
                store.count("audit_log")) == before
    finally:
        for case in store.list_cases():
            store.delete_case(case.id)


@FUZZ
@given(st.text(max_size=400))
def test_cases_csv_reader_accepts_or_names_a_line(coded_project, text):
    store, _ = coded_project
    try:
        read_cases_csv("reference,review_type,category\n" + text, store)
    except DataImportError as exc:
        assert str(exc).startswith("line ")


def test_damaged_project_files_give_a_reason_never_a_traceback(tmp_path, codebook, capfd):
    original = tmp_path / "original.casecoder"
    store = Store(create_project(original, site="S", coder="C", codebook=codebook), "C")
    for i in range(30):
        case = store.create_case(f"CSPR-{i}", "CSPR")
        store.add_coding(case.id)
    store.close()
    rng = random.Random(1)
    clean = original.read_bytes()
    for trial in range(25):
        damaged = bytearray(clean)
        for _ in range(200):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / f"damaged-{trial}.casecoder"
        path.write_bytes(bytes(damaged))
        for command in ("info", "check", "cases"):
            code = main([command, str(path)])
            err = capfd.readouterr().err
            assert code in (0, 1, 2)
            assert "Traceback" not in err
            if code:
                assert err.strip(), f"{command} failed silently on trial {trial}"
        try:
            open_project(path, readonly=True).conn.close()
        except Exception as exc:  # noqa: BLE001
            from schema.errors import ProjectError
            assert isinstance(exc, ProjectError), repr(exc)
