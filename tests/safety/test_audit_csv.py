"""The audit log exports to CSV, filtered, and holds no registered real names."""

from __future__ import annotations

import csv
import io

from main import main


def test_audit_csv_filters_by_case_and_actor(store, project_path, tmp_path, capsys):
    case = store.create_case("DHR-5", "DHR")
    store.create_case("SAR-6", "SAR")
    coding = store.add_coding(case.id)
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "gender", "female")
    store.add_pseudonym(case.id, "Joanna Realname", "Adult J")
    store.close()
    out = tmp_path / "audit.csv"
    assert main(["audit", str(project_path), "--case", "DHR-5", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["case_id"] for r in rows} == {case.id}
    gender = [r for r in rows if r["summary"] == "victims.gender"][0]
    assert gender["actor"] == "A. Analyst" and '"female"' in gender["after"]
    assert "Joanna Realname" not in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["audit", str(project_path), "--actor", "Nobody"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:] == []
    assert main(["audit", str(project_path), "--case", "NOPE"]) == 2
