"""Encryption at rest: new --encrypt, encrypt/decrypt, wrong passphrases, nothing on disk."""

from __future__ import annotations

import pytest

from main import main
from schema.encryption import forget_passphrase
from schema.errors import ProjectError
from schema.project import open_project
from schema.store import Store

SECRET = "correct horse battery staple"


@pytest.fixture
def passphrase_env(monkeypatch):
    monkeypatch.setenv("CASECODER_PASSPHRASE", SECRET)


def _add_case(path, reference="DHR-Łukasz-1"):
    store = Store(open_project(path, passphrase=SECRET), "A")
    case = store.create_case(reference, "DHR", title="Family of Zoë")
    coding = store.add_coding(case.id)
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "ethnicity_detail", "distinctive-plaintext-marker")
    store.close()


def test_new_encrypted_project_works_with_every_basic_command(tmp_path, passphrase_env,
                                                              capsys):
    path = tmp_path / "secret.casecoder"
    assert main(["new", str(path), "--site", "Lambeth", "--encrypt"]) == 0
    _add_case(path)
    raw = path.read_bytes()
    assert b"SQLite format 3" not in raw and b"distinctive-plaintext-marker" not in raw
    assert SECRET.encode() not in raw
    forget_passphrase(path)
    assert main(["info", str(path)]) == 0
    assert "Cases:          1" in capsys.readouterr().out
    assert main(["check", str(path)]) == 0
    assert main(["cases", str(path)]) == 0
    assert "DHR-Łukasz-1" in capsys.readouterr().out
    out = tmp_path / "cases.json"
    assert main(["export-json", str(path), "--out", str(out)]) == 0


def test_wrong_passphrase_is_refused_and_changes_nothing(tmp_path, passphrase_env, monkeypatch,
                                                        capsys):
    path = tmp_path / "secret.casecoder"
    assert main(["new", str(path), "--encrypt"]) == 0
    forget_passphrase(path)
    before = path.read_bytes()
    monkeypatch.setenv("CASECODER_PASSPHRASE", "not the passphrase")
    for command in ("info", "check", "cases"):
        assert main([command, str(path)]) == 2
        assert "wrong passphrase or not a Casecoder project" in capsys.readouterr().err
    with pytest.raises(ProjectError, match="wrong passphrase"):
        open_project(path, passphrase="nope")
    assert path.read_bytes() == before


def test_encrypted_project_without_a_passphrase_asks_for_one(tmp_path, passphrase_env,
                                                            monkeypatch, capsys):
    path = tmp_path / "secret.casecoder"
    assert main(["new", str(path), "--encrypt"]) == 0
    forget_passphrase(path)
    monkeypatch.delenv("CASECODER_PASSPHRASE")
    assert main(["info", str(path)]) == 2
    assert "CASECODER_PASSPHRASE" in capsys.readouterr().err


def test_encrypt_then_decrypt_keeps_everything(tmp_path, project_path, passphrase_env, capsys):
    store = Store(open_project(project_path), "A")
    case = store.create_case("SAR-7", "SAR")
    coding = store.add_coding(case.id)
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "ethnicity_detail", "distinctive-plaintext-marker")
    store.close()
    assert main(["encrypt", str(project_path)]) == 0
    assert b"distinctive-plaintext-marker" not in project_path.read_bytes()
    assert main(["encrypt", str(project_path)]) == 2
    forget_passphrase(project_path)
    assert main(["check", str(project_path)]) == 0
    assert main(["decrypt", str(project_path)]) == 0
    assert project_path.read_bytes().startswith(b"SQLite format 3")
    reopened = Store(open_project(project_path), "A")
    assert reopened.answers(victim.id)["ethnicity_detail"].value == "distinctive-plaintext-marker"
    assert len(reopened.list_cases()) == 1
    reopened.close()
    leftovers = [p.name for p in project_path.parent.iterdir() if ".partial" in p.name]
    assert leftovers == []
