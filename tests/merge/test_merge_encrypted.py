"""Merging encrypted projects: an encrypted source into a plain target, and a plain source into
an encrypted target (both read cases through a sqlcipher3 connection, issue 11 point 3)."""

from __future__ import annotations

import pytest

from main import main
from schema.encryption import forget_passphrase
from schema.merge import merge_projects
from schema.project import create_project, open_project
from schema.store import Store
from tests.merge.builders import code_review, content, make_project

SECRET = "merge secret passphrase"


@pytest.fixture
def passphrase_env(monkeypatch):
    """Give every encrypted project in the test the same passphrase, as a script would."""
    monkeypatch.setenv("CASECODER_PASSPHRASE", SECRET)


def _encrypted_borough(path, codebook, reference: str) -> None:
    """An encrypted one-case project; its passphrase is forgotten, as in a fresh process."""
    create_project(path, site="Croydon", coder="C. Coder", codebook=codebook,
                   passphrase=SECRET).conn.close()
    store = Store(open_project(path, passphrase=SECRET), "C. Coder")
    code_review(store, reference, gender="male")
    store.close()
    forget_passphrase(path)


def _references(path) -> set[str]:
    db = open_project(path, readonly=True)
    try:
        return {row[0] for row in db.execute("SELECT reference FROM cases")}
    finally:
        db.conn.close()


def test_cli_merges_an_encrypted_source_into_a_new_plain_target(tmp_path, codebook,
                                                                passphrase_env, capsys):
    source = tmp_path / "croydon.casecoder"
    _encrypted_borough(source, codebook, "DHR-2020-03")
    target = tmp_path / "region.casecoder"
    assert main(["merge", str(target), str(source)]) == 0
    assert "cases" in capsys.readouterr().out
    assert _references(target) == {"DHR-2020-03"}
    assert content(target)["answers"]  # plain target: readable with the stdlib driver
    assert main(["check", str(target)]) == 0


def test_merge_projects_folds_an_encrypted_source_into_an_existing_target(tmp_path, codebook,
                                                                         passphrase_env):
    plain = make_project(tmp_path / "lambeth.casecoder", codebook, "Lambeth", "A. Analyst")
    code_review(plain, "DHR-2018-07")
    plain.close()
    source = tmp_path / "croydon.casecoder"
    _encrypted_borough(source, codebook, "DHR-2018-07")
    report = merge_projects(tmp_path / "lambeth.casecoder", [source], actor="A. Analyst")
    assert report.sources[0].counts["cases"].present == 1
    assert report.sources[0].counts["codings"].added == 1
    assert _references(tmp_path / "lambeth.casecoder") == {"DHR-2018-07"}


def test_plain_source_merges_into_an_encrypted_target(tmp_path, codebook, passphrase_env):
    target = tmp_path / "secret-region.casecoder"
    _encrypted_borough(target, codebook, "DHR-2018-07")
    plain = make_project(tmp_path / "lambeth.casecoder", codebook, "Lambeth", "A. Analyst")
    code_review(plain, "DHR-2018-07")
    code_review(plain, "DHR-2019-01")
    plain.close()
    report = merge_projects(target, [tmp_path / "lambeth.casecoder"], actor="C. Coder")
    assert report.sources[0].counts["cases"].added == 1
    assert report.sources[0].counts["cases"].present == 1
    assert _references(target) == {"DHR-2018-07", "DHR-2019-01"}
    assert b"SQLite format 3" not in target.read_bytes()[:16]
