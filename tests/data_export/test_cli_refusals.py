"""`export-data` on the command line: it writes, and its refusals write nothing."""

from __future__ import annotations

import pytest

from main import main
from schema.encryption import forget_passphrase
from schema.project import create_project
from schema.store import Store
from tests.data_export.conftest import build_project

SECRET = "correct horse battery staple"


def test_writes_and_says_where(data_project, tmp_path, capsys):
    out = tmp_path / "cases.sav"
    assert main(["export-data", str(data_project), "--out", str(out), "--shape", "long",
                 "--site", "Lambeth", "--include-in-progress"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Wrote ") and str(out) in said
    assert "cases marked coded, checked or in progress" in said


def test_an_existing_file_is_refused_unless_forced(data_project, tmp_path, capsys):
    out = tmp_path / "cases.csv"
    out.write_text("keep me")
    assert main(["export-data", str(data_project), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err and "--force" in err
    assert out.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.csv"]  # no dictionary either
    assert main(["export-data", str(data_project), "--out", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8-sig").startswith("case.reference,")


def test_an_existing_dictionary_is_refused_too(data_project, tmp_path, capsys):
    (tmp_path / "cases.dictionary.csv").write_text("keep me")
    assert main(["export-data", str(data_project), "--out", str(tmp_path / "cases.csv")]) == 2
    assert "cases.dictionary.csv already exists" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.dictionary.csv"]


def test_an_unknown_format_is_refused(data_project, tmp_path, capsys):
    assert main(["export-data", str(data_project), "--out", str(tmp_path / "c.ods")]) == 2
    assert ".csv, .xlsx, .sav" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def encrypted_project(tmp_path, codebook, monkeypatch):
    path = tmp_path / "secret.casecoder"
    store = Store(create_project(path, site="Lambeth", coder="A", codebook=codebook,
                                 passphrase=SECRET), "A")
    build_project(store)
    store.close()
    forget_passphrase(path)
    monkeypatch.setenv("CASECODER_PASSPHRASE", SECRET)
    return path


def test_an_encrypted_project_needs_yes(encrypted_project, tmp_path, capsys):
    out = tmp_path / "out" / "cases.xlsx"
    out.parent.mkdir()
    assert main(["export-data", str(encrypted_project), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "encrypted" in err and "--yes" in err
    assert list(out.parent.iterdir()) == []
    assert main(["export-data", str(encrypted_project), "--out", str(out), "--yes"]) == 0
    assert out.exists()
