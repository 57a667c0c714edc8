"""The command line on good and bad project files: clear reasons, right exit codes, no changes."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from schema.project import APPLICATION_ID

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_info_check_on_a_fresh_project(tmp_path, capsys):
    path = tmp_path / "a.casecoder"
    assert run(capsys, "new", path, "--site", "Lambeth", "--coder", "A. Analyst")[0] == 0
    code, out, _ = run(capsys, "info", path)
    assert code == 0
    for words in ("Site:", "Lambeth", "Database id:", "Codebook:", "casecoder-uk-reviews",
                  "version 1.0", "Schema version:", "Cases:", "Audit log:"):
        assert words in out
    code, out, _ = run(capsys, "check", path)
    assert code == 0 and "OK" in out


def test_new_refuses_an_existing_file_and_leaves_it_untouched(tmp_path, capsys):
    path = tmp_path / "precious.casecoder"
    path.write_bytes(b"my notes")
    code, _, err = run(capsys, "new", path)
    assert code == 2 and "already exists" in err
    assert path.read_bytes() == b"my notes"


def _not_a_project(tmp_path):
    path = tmp_path / "notes.casecoder"
    path.write_text("these are notes, not a database")
    return path


def _empty(tmp_path):
    path = tmp_path / "empty.casecoder"
    path.write_bytes(b"")
    return path


def _other_sqlite(tmp_path):
    path = tmp_path / "other.casecoder"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


def _newer(tmp_path, project_path):
    path = tmp_path / "newer.casecoder"
    shutil.copy(project_path, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path


def _truncated(tmp_path, project_path):
    path = tmp_path / "truncated.casecoder"
    data = project_path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize("make, words", [
    (_not_a_project, "not a Casecoder project"),
    (_empty, "is empty"),
    (_other_sqlite, "not a Casecoder project"),
])
@pytest.mark.parametrize("command", ["info", "check"])
def test_unusable_files_get_a_clear_reason_and_stay_unchanged(tmp_path, capsys, make, words,
                                                             command):
    path = make(tmp_path)
    before = path.read_bytes()
    code, _, err = run(capsys, command, path)
    assert code == 2 and words in err and "Traceback" not in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", ["info", "check"])
def test_newer_schema_is_refused(tmp_path, project_path, capsys, command):
    path = _newer(tmp_path, project_path)
    before = path.read_bytes()
    code, _, err = run(capsys, command, path)
    assert code == 2 and "newer Casecoder" in err and "Update Casecoder" in err
    assert path.read_bytes() == before


def test_truncated_project(tmp_path, store, project_path, capsys):
    case = store.create_case("DHR-1", "DHR")
    coding = store.add_coding(case.id)
    for _ in range(40):
        victim = store.add_entity(coding.id, "victims")
        store.set_answer(victim.id, "ethnicity_detail", "x" * 500)
    store.close()
    path = _truncated(tmp_path, project_path)
    before = path.read_bytes()
    code, _, err = run(capsys, "check", path)
    assert code == 1 and "problem" in err
    code, _, err = run(capsys, "info", path)
    assert code == 2 and ("damaged" in err or "could not be read" in err)
    assert path.read_bytes() == before


def test_cases_lists_reference_type_category_status(store, project_path, capsys):
    store.create_case("SAR-2019-04", "SAR", category="adult_family")
    store.close()
    code, out, _ = run(capsys, "cases", project_path)
    assert code == 0
    assert out.strip() == "SAR-2019-04\tSAR\tAdult family violence\tnot_started"


def test_codebook_validate(tmp_path, capsys):
    code, out, _ = run(capsys, "codebook", "validate", ROOT / "resources/codebooks/uk_reviews.yaml")
    assert code == 0 and "valid codebook" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nversion: 1\nsections:\n  - key: s\n    fields:\n"
                   "      - {key: a, type: choice}\n")
    code, _, err = run(capsys, "codebook", "validate", bad)
    assert code == 2 and "line 6" in err and "field 's.a'" in err


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["info"])
    assert caught.value.code == 2


@pytest.mark.parametrize("command", ["new", "info", "cases", "check", "export-json",
                                     "import-json"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_console_entry_point_runs_as_a_program(tmp_path):
    path = tmp_path / "p.casecoder"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "new", str(path), "--site",
                             "Hackney"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    header = path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID


def test_project_reads_in_the_plain_sqlite3_shell(store, project_path):
    if not shutil.which("sqlite3"):
        pytest.skip("the sqlite3 shell is not installed")
    case = store.create_case("DHR-9", "DHR")
    coding = store.add_coding(case.id)
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "gender", "female")
    store.close()
    result = subprocess.run(["sqlite3", "-readonly", str(project_path),
                             "SELECT reference, section, item, field, value_json "
                             "FROM answer_overview; SELECT reference, codings FROM case_overview;"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ['DHR-9|victims|1|gender|"female"', "DHR-9|1"]
