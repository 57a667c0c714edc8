"""The quote bank: every evidence row, per field and option, filtered, as CSV and PDF."""

from __future__ import annotations

import csv
import subprocess

import pytest

from desktop.cli import run_command_line
from exports.quotes import QuoteFilter, build_quote_bank, csv_rows, render_pdf
from schema.errors import ValidationError

CHARACTERISTICS = "relationship.characteristics"


def _evidence_count(store) -> int:
    return store.count("evidence")


def test_with_no_field_the_bank_holds_every_piece_of_evidence(demo_store):
    bank = build_quote_bank(demo_store, QuoteFilter())
    assert len(bank.rows) == _evidence_count(demo_store) >= 15
    assert len({r.evidence_id for r in bank.rows}) == len(bank.rows)
    cited = {(r.case_reference, r.quote) for r in bank.rows}
    assert ("DHR-2022-01", "Rosa was 38 years old") in cited
    by_case = [r.case_reference for r in bank.rows]
    assert by_case == sorted(by_case, key=str.lower)


def test_one_field_and_option_keeps_the_answers_holding_it(demo_store):
    bank = build_quote_bank(demo_store, QuoteFilter(field=CHARACTERISTICS,
                                                    option="coercive_control",
                                                    category="intimate_partner"))
    [row] = bank.rows
    assert row.case_reference == "DHR-2022-01"
    assert "coercive_control" in row.options and "Coercive control" in row.answer
    assert "coercive and controlling" in row.quote
    assert row.file_name.endswith(".pdf") and row.page >= 1 and row.paragraph
    assert "Coercive control" in bank.title
    none = build_quote_bank(demo_store, QuoteFilter(field=CHARACTERISTICS, option="stalking"))
    assert none.rows == []


def test_filters_by_review_type_site_and_coder(demo_store):
    every = build_quote_bank(demo_store, QuoteFilter(field="victims.age")).rows
    assert {r.case_reference for r in every} == {"CSPR-2022-03", "DHR-2022-01", "SAR-2023-02"}
    sar = build_quote_bank(demo_store, QuoteFilter(field="victims.age", review_type="SAR"))
    assert [r.case_reference for r in sar.rows] == ["SAR-2023-02"]
    assert build_quote_bank(demo_store, QuoteFilter(coder="Nobody")).rows == []
    assert len(build_quote_bank(demo_store, QuoteFilter(coder="Demo coder")).rows) == \
        _evidence_count(demo_store)
    assert build_quote_bank(demo_store, QuoteFilter(site="Elsewhere")).rows == []
    assert {r.item for r in every} == {1, 2}  # the CSPR's two children


@pytest.mark.parametrize("query, message", [
    (QuoteFilter(option="coercive_control"), "--option needs --field"),
    (QuoteFilter(field="relationship.nothing"), "no field"),
    (QuoteFilter(field=CHARACTERISTICS, option="bogus"), "has no option 'bogus'"),
    (QuoteFilter(category="pets"), "unknown category"),
])
def test_bad_filters_are_refused_with_a_reason(demo_store, query, message):
    with pytest.raises(ValidationError, match=message):
        build_quote_bank(demo_store, query)


def test_csv_and_pdf_hold_every_quote(demo_store, tmp_path):
    bank = build_quote_bank(demo_store, QuoteFilter())
    header, *rows = csv_rows(bank)
    for column in ("case_reference", "field", "options", "document", "page", "paragraph",
                   "quote"):
        assert column in header
    assert len(rows) == len(bank.rows)
    pdf = tmp_path / "bank.pdf"
    pdf.write_bytes(render_pdf(bank, demo_store.codebook, marking="OFFICIAL"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    for row in bank.rows[:6]:
        assert row.case_reference in flat
        assert " ".join(row.quote.split()[:4]) in flat
    assert "OFFICIAL" in flat and "18 quotes from 3 cases" in flat


def test_quotes_command_writes_csv_refuses_an_existing_file_and_forces(demo_file, demo_store,
                                                                       tmp_path, capsys):
    out = tmp_path / "quotes.csv"
    assert run_command_line(["quotes", str(demo_file), "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == _evidence_count(demo_store)
    assert {"DHR-2022-01", "CSPR-2022-03", "SAR-2023-02"} == {r["case_reference"] for r in rows}
    before = out.read_bytes()
    assert run_command_line(["quotes", str(demo_file), "--field", CHARACTERISTICS,
                             "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err and out.read_bytes() == before
    assert run_command_line(["quotes", str(demo_file), "--field", CHARACTERISTICS,
                             "--option", "coercive_control", "--out", str(out),
                             "--force"]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["field"] == CHARACTERISTICS and "coercive_control" in row["options"]
    assert row["page"] and row["paragraph"] and row["document"].endswith(".pdf")


def test_quotes_command_writes_pdf_and_refuses_other_names(demo_file, tmp_path, capsys):
    out = tmp_path / "quotes.pdf"
    assert run_command_line(["quotes", str(demo_file), "--field", "victims.age",
                             "--review-type", "DHR", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "1 quote(s) from 1 case(s)" in capsys.readouterr().out
    assert run_command_line(["quotes", str(demo_file), "--out", str(tmp_path / "q.txt")]) == 2
    assert "name a .csv or a .pdf" in capsys.readouterr().err
    assert not (tmp_path / "q.txt").exists()


def test_exported_quotes_carry_pseudonyms_unless_real_names_are_asked_for(demo_copy,
                                                                          tmp_path):
    from schema.project import open_project
    from schema.store import Store

    store = Store(open_project(demo_copy), "tester")
    try:
        [case] = store.find_cases("DHR-2022-01")
        store.add_pseudonym(case.id, "Daniel", "Mr D")
    finally:
        store.close()
    out, raw = tmp_path / "clean.csv", tmp_path / "raw.csv"
    assert run_command_line(["quotes", str(demo_copy), "--out", str(out)]) == 0
    assert run_command_line(["quotes", str(demo_copy), "--out", str(raw), "--real-names"]) == 0
    clean_text, raw_text = (p.read_text(encoding="utf-8-sig") for p in (out, raw))
    assert "Daniel" in raw_text and "Daniel" not in clean_text
    assert "Mr D was 41 at the time of the homicide" in clean_text
    assert len(clean_text.splitlines()) == len(raw_text.splitlines())
