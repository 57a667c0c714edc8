"""The merge, agreement and conflicts commands."""

from __future__ import annotations

import csv

from main import main
from tests.merge.builders import code_review, make_project


def _boroughs(tmp_path, codebook):
    a = make_project(tmp_path / "a.casecoder", codebook, "Lambeth", "A. Analyst")
    b = make_project(tmp_path / "b.casecoder", codebook, "Southwark", "B. Coder")
    code_review(a, "DHR-2018-07", gender="female")
    code_review(b, "DHR-2018-07", gender="male")
    a.close()
    b.close()
    return str(tmp_path / "a.casecoder"), str(tmp_path / "b.casecoder")


def test_merge_prints_the_report_and_a_repeat_says_nothing_changed(tmp_path, codebook, capsys):
    sources = _boroughs(tmp_path, codebook)
    target = str(tmp_path / "region.casecoder")
    assert main(["merge", target, *sources, "--no-documents"]) == 0
    out = capsys.readouterr().out
    assert "codings only" in out and "conflicts  1 field(s) in 1 case(s)" in out
    assert "DHR-2018-07  victims #1 gender" in out
    assert main(["merge", target, *sources]) == 0
    assert "Nothing changed" in capsys.readouterr().out


def test_merge_refuses_a_bad_source_with_exit_2(tmp_path, codebook, capsys):
    bad = tmp_path / "bad.casecoder"
    bad.write_text("not a project")
    assert main(["merge", str(tmp_path / "region.casecoder"), str(bad)]) == 2
    assert "source refused" in capsys.readouterr().err
    assert not (tmp_path / "region.casecoder").exists()


def test_agreement_and_conflicts_commands(tmp_path, codebook, capsys):
    target = str(tmp_path / "region.casecoder")
    main(["merge", target, *_boroughs(tmp_path, codebook)])
    capsys.readouterr()
    out_csv = tmp_path / "agreement.csv"
    assert main(["agreement", target, "--out", str(out_csv)]) == 0
    assert "victims.gender" in capsys.readouterr().out
    with out_csv.open(encoding="utf-8") as handle:
        rows = {r["field"]: r for r in csv.DictReader(handle)}
    assert rows["victims.gender"]["units"] == "1"
    assert main(["conflicts", target]) == 1
    captured = capsys.readouterr()
    assert "victims #1 gender" in captured.out and "1 differing field(s)" in captured.err
    assert main(["conflicts", target, "--case", "nope"]) == 2
