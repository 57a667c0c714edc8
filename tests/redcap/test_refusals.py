"""What the REDCap commands refuse, and that a refusal writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from main import main
from schema.encryption import forget_passphrase

DICTIONARY = Path(__file__).with_name("round_trip_dictionary.csv")
HEADER = DICTIONARY.read_text(encoding="utf-8").splitlines()[0]


def _convert(tmp_path, text: str, capsys, *extra: str) -> tuple[int, str]:
    source = tmp_path / "dictionary.csv"
    source.write_text(text, encoding="utf-8")
    code = main(["codebook", "from-redcap", str(source), "--out",
                 str(tmp_path / "book.yaml"), *extra])
    return code, capsys.readouterr().err.strip()


def test_a_csv_that_is_not_a_dictionary_is_refused(tmp_path, capsys):
    code, message = _convert(tmp_path, "reference,review_type\nDHR-1,DHR\n", capsys)
    assert code == 2
    assert "line 1, column A: this is not a REDCap data dictionary" in message
    assert not (tmp_path / "book.yaml").exists()


def test_unknown_field_type_names_line_and_column(tmp_path, capsys):
    text = f"{HEADER}\nrecord_id,main,,text,ID\nmood,main,,smiley,Mood\n"
    code, message = _convert(tmp_path, text, capsys)
    assert code == 2
    assert "line 3, column D (Field Type): unknown field type 'smiley'" in message
    assert not (tmp_path / "book.yaml").exists()


def test_duplicate_variable_names_name_both_lines(tmp_path, capsys):
    text = (f"{HEADER}\nrecord_id,main,,text,ID\nage,main,,text,\"Age,\n in years\"\n"
            f"age,main,,text,Age again\n")
    code, message = _convert(tmp_path, text, capsys)
    assert code == 2
    assert "line 5, column A (Variable / Field Name): the variable 'age' appears twice " \
           "(first on line 3)" in message


def test_simplification_report_lines(tmp_path, capsys):
    source = tmp_path / "dictionary.csv"
    source.write_text(f"{HEADER}\nstudy_id,main,,text,Study ID\n"
                      "colour,main,,dropdown,Colour,\"r, Red | b, Blue\",,,,,,[x] = '1',y\n"
                      "seen,main,,text,Date seen,,,date_dmy\n"
                      "bmi,main,,calc,BMI,[w]/[h]\n", encoding="utf-8")
    assert main(["codebook", "from-redcap", str(source), "--out",
                 str(tmp_path / "book.yaml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    report = [line.strip() for line in lines[lines.index("Simplified (8):") + 1:]]
    assert report == [
        "line 2, study_id: names the record in REDCap, so it is not a codebook field",
        "line 3, colour: dropdown becomes a choice (radio buttons in REDCap)",
        "line 3, colour: the required flag dropped (y)",
        "line 3, colour: its branching logic dropped ([x] = '1')",
        "line 3, colour: exports as main_colour",
        "line 4, seen: date_dmy becomes a date (date_ymd on export)",
        "line 4, seen: exports as main_seen",
        "line 5, bmi: left out: a calculation REDCap works out",
    ]
    assert main(["codebook", "validate", str(tmp_path / "book.yaml")]) == 0


def test_existing_outputs_are_kept_without_force(store, tmp_path, capsys):
    project = store.path
    store.close()
    out = tmp_path / "out"
    assert main(["export-redcap", str(project), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "redcap_records.csv").write_text("mine", encoding="utf-8")
    assert main(["export-redcap", str(project), "--out", str(out)]) == 2
    assert "already holds redcap_data_dictionary.csv" in capsys.readouterr().err
    assert (out / "redcap_records.csv").read_text(encoding="utf-8") == "mine"
    assert main(["export-redcap", str(project), "--out", str(out), "--force"]) == 0
    assert (out / "redcap_records.csv").read_bytes() == before["redcap_records.csv"]
    book = tmp_path / "book.yaml"
    book.write_text("keep me", encoding="utf-8")
    assert main(["codebook", "from-redcap", str(DICTIONARY), "--out", str(book)]) == 2
    assert book.read_text(encoding="utf-8") == "keep me"


@pytest.fixture
def encrypted_project(tmp_path, monkeypatch):
    pytest.importorskip("sqlcipher3")
    monkeypatch.setenv("CASECODER_PASSPHRASE", "a long enough passphrase")
    path = tmp_path / "secret.casecoder"
    assert main(["new", str(path), "--site", "Lambeth", "--encrypt"]) == 0
    yield path
    forget_passphrase(path)


def test_an_encrypted_project_needs_yes(encrypted_project, tmp_path, capsys):
    out = tmp_path / "plain"
    assert main(["export-redcap", str(encrypted_project), "--out", str(out)]) == 2
    message = capsys.readouterr().err
    assert "is encrypted" in message and "--yes" in message and "Nothing was written" in message
    assert not out.exists()
    assert main(["export-redcap", str(encrypted_project), "--out", str(out), "--yes"]) == 0
    assert (out / "redcap_data_dictionary.csv").exists()
