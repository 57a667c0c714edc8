"""Every output format is written whole, from the same computed tables, and reads back."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock

from exports.tables import build_tables
from exports.tables.data import TablesError
from exports.tables.writers import parse_formats, write_tables

TABLE_KEYS = ["victims", "perpetrators", "relationship", "escalation", "completeness",
              "completeness_by_category"]


@pytest.fixture(scope="module")
def tables(seed_project):
    from schema.project import open_project
    from schema.store import Store

    store = Store(open_project(seed_project, readonly=True), "Tester")
    try:
        return build_tables(store, today=dt.date(2024, 5, 17))
    finally:
        store.close()


def test_every_format_is_written(tables, tmp_path):
    written = write_tables(tables, tmp_path / "out", ["csv", "xlsx", "html", "pdf"])
    names = sorted(p.name for p in written)
    assert names == sorted([f"{k}.csv" for k in TABLE_KEYS] +
                           ["summary_tables.xlsx", "summary_tables.html", "summary_tables.pdf"])
    assert all(p.stat().st_size > 0 for p in written)
    assert not list((tmp_path / "out").glob(".*partial"))


def test_csv_holds_the_table_grid(tables, tmp_path):
    write_tables(tables, tmp_path, ["csv"])
    with (tmp_path / "victims.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][1] == "Youth peer violence (8 reviews)"
    blank = rows.index([])
    rows, notes = rows[:blank], [row[0] for row in rows[blank + 1:]]
    assert any(note.startswith("Counted: cases marked coded or checked (56 coded, 8 checked).")
               for note in notes)
    assert any(note.startswith("N = 64 cases.") for note in notes)
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert set(by_label) == {"Gender", "Age range", "Ethnicity",
                             "Most commonly occurring victim characteristics"}
    headers = rows[0][1:]
    gender = dict(zip(headers, by_label["Gender"], strict=True))
    assert gender["Intimate partner violence (17 reviews)"] == "15 female, 2 male"
    top = dict(zip(headers, by_label["Most commonly occurring victim characteristics"],
                   strict=True))
    assert top["Adult peer violence (9 reviews)"].splitlines() == [
        "Chronic illness or long-term condition (3)", "Disability (2)", "Unemployment (2)"]


def test_xlsx_has_one_formatted_sheet_per_table(tables, tmp_path):
    write_tables(tables, tmp_path, ["xlsx"])
    book = load_workbook(tmp_path / "summary_tables.xlsx", rich_text=True)
    # titles longer than Excel's 31 characters give way to the table's key, in words
    assert book.sheetnames == ["Victim characteristics", "Perpetrator characteristics",
                               "Relationship", "Escalation", "Completeness",
                               "Completeness by category"]
    sheet = book["Victim characteristics"]
    assert sheet["A1"].value == "Victim characteristics"
    assert sheet["B2"].value == "Youth peer violence\n8 reviews"
    assert sheet["B2"].font.b and sheet.print_title_rows == "$2:$2"
    assert sheet.page_setup.orientation == "landscape"
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any(t.startswith("N = 64 cases.") for t in texts)
    assert sum(t.startswith("Counted: cases marked coded or checked") for t in texts) == 1
    characteristics = sheet["B6"].value
    assert isinstance(characteristics, CellRichText)
    bold = [b.text for b in characteristics if isinstance(b, TextBlock) and b.font.b]
    assert "Absent parent(s) (5)" in bold


def test_html_is_one_page_with_bold_shared_characteristics_and_charts(tables, tmp_path):
    write_tables(tables, tmp_path, ["html"])
    text = (tmp_path / "summary_tables.html").read_text(encoding="utf-8")
    assert text.count("<table>") == len(TABLE_KEYS)
    assert "<strong>Experiencing domestic abuse (12)</strong>" in text
    assert "Born outside UK (4)" in text and "<strong>Born outside UK" not in text
    assert text.count("<svg") >= 2
    assert "Made on 2024-05-17." in text and "version 1.0" in text
    assert text.count("Counted: cases marked coded or checked (56 coded, 8 checked).") == \
        len(TABLE_KEYS)


def test_pdf_states_n_codebook_date_and_filters(tables, tmp_path):
    write_tables(tables, tmp_path, ["pdf"])
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "summary_tables.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    for words in ("Victim characteristics", "Escalation", "N = 64 cases",
                  "version 1.0", "Made on 2024-05-17", "Filters: none (all cases)",
                  "N = 64 cases marked coded or checked"):
        assert words in text
    flat = " ".join(text.split())
    assert flat.count("Counted: cases marked coded or checked (56 coded, 8 checked).") == \
        len(TABLE_KEYS)


def test_unknown_format_is_refused_with_the_known_ones():
    assert parse_formats("PDF, csv,pdf") == ["pdf", "csv"]
    with pytest.raises(TablesError, match="unknown format docx; choose from csv, xlsx"):
        parse_formats("csv,docx")


def test_output_folder_that_is_a_file_is_refused(tables, tmp_path):
    target = tmp_path / "taken"
    target.write_text("keep me")
    with pytest.raises(TablesError, match="is a file, not a folder"):
        write_tables(tables, target, ["csv"])
    assert target.read_text() == "keep me"
