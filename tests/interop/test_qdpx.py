"""REFI-QDA project export: valid against the published schema, every quote a coded selection
in the right place of the right PDF, stable GUIDs, and the refusals."""

from __future__ import annotations

import io
import sqlite3
import zipfile

import pytest
from lxml import etree
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTTextLine

from desktop.cli import run_command_line
from exports.output_guard import ExportRefused
from exports.qdpx import export_qdpx
from exports.qdpx.geometry import FIRST_PAGE, selection_from_rects
from schema.project import open_project
from schema.store import Store

NS = {"q": "urn:QDA-XML:project:1.0"}


def _qde(path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("project.qde"))


def _count(path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_export_is_valid_and_codes_every_quote_with_a_codable_code(demo, tmp_path,
                                                                   project_schema):
    out = tmp_path / "demo.qdpx"
    result = export_qdpx(demo, out)
    root = _qde(out)
    assert project_schema.validate(root), project_schema.error_log
    evidence = _count(demo, "SELECT count(*) FROM evidence")
    codings = root.findall(".//q:PDFSelection/q:Coding", NS)
    assert evidence > 10 and len(codings) == evidence == result.codings
    assert result.left_out == {}
    codable = {c.get("guid") for c in root.iter(f"{{{NS['q']}}}Code")
               if c.get("isCodable") == "true"}
    assert all(c.find("q:CodeRef", NS).get("targetGUID") in codable for c in codings)
    users = {u.get("guid"): u.get("name") for u in root.findall(".//q:User", NS)}
    assert {users[c.get("creatingUser")] for c in codings} == {"Demo coder"}


def test_every_source_is_in_the_package_with_the_stored_pdf(demo, tmp_path):
    out = tmp_path / "demo.qdpx"
    export_qdpx(demo, out)
    root = _qde(out)
    store = Store(open_project(demo, readonly=True), "tester")
    try:
        stored = {d.file_name: store.document_pdf(d.id) for d in store.documents()}
    finally:
        store.close()
    with zipfile.ZipFile(out) as package:
        for source in root.findall(".//q:PDFSource", NS):
            member = "Sources/" + source.get("path").removeprefix("internal://")
            assert package.read(member) == stored[source.get("name")]
            text = source.find("q:Representation", NS).get("plainTextPath")
            assert package.read("Sources/" + text.removeprefix("internal://"))
    assert len(root.findall(".//q:PDFSource", NS)) == len(stored)


def test_selections_frame_the_quoted_words_in_pdf_coordinates(demo, tmp_path):
    """Read back from the packaged PDF: the text inside each selection (origin bottom-left,
    first corner upper-left) starts the quote."""
    out = tmp_path / "demo.qdpx"
    export_qdpx(demo, out)
    root = _qde(out)
    with zipfile.ZipFile(out) as package:
        for source in root.findall(".//q:PDFSource", NS):
            pdf = package.read("Sources/" + source.get("path").removeprefix("internal://"))
            for selection in source.findall("q:PDFSelection", NS):
                words = _text_inside(pdf, selection)
                quote = selection.find("q:Description", NS).text
                assert " ".join(quote.split()[:3]) in words, (quote, words)


def _text_inside(pdf: bytes, selection) -> str:
    page = int(selection.get("page")) - FIRST_PAGE
    left, right = int(selection.get("firstX")), int(selection.get("secondX"))
    top, bottom = int(selection.get("firstY")), int(selection.get("secondY"))
    assert left < right and bottom < top  # upper-left, then lower-right, y upwards
    layout = next(extract_pages(io.BytesIO(pdf), page_numbers=[page]))
    lines = []
    for line in _lines(layout):
        middle_y = (line.y0 + line.y1) / 2
        if bottom - 1 <= middle_y <= top + 1 and line.x1 > left and line.x0 < right:
            lines.append(line.get_text())
    return " ".join(" ".join(lines).split())


def _lines(item):
    if isinstance(item, LTTextLine):
        yield item
    elif hasattr(item, "__iter__"):
        for child in item:
            yield from _lines(child)


def test_rectangles_convert_from_top_left_to_bottom_left_origin():
    selection = selection_from_rects(3, [[100.4, 150.0, 300.0, 162.0],
                                         [90.0, 164.0, 250.6, 176.0]], 842.0)
    assert (selection.page, selection.first_x, selection.first_y) == (2 + FIRST_PAGE, 90, 692)
    assert (selection.second_x, selection.second_y) == (300, 666)
    assert selection_from_rects(1, [], 842.0) is None


def test_the_same_project_exports_the_same_guids(demo, tmp_path):
    export_qdpx(demo, tmp_path / "one.qdpx")
    export_qdpx(demo, tmp_path / "two.qdpx")
    one, two = (_qde(tmp_path / f"{n}.qdpx") for n in ("one", "two"))
    assert etree.tostring(one) == etree.tostring(two)
    guids = [e.get("guid") for e in one.iter() if e.get("guid")]
    assert len(guids) == len(set(guids))


def test_cases_carry_case_level_answers_as_typed_variables(demo, tmp_path):
    out = tmp_path / "demo.qdpx"
    export_qdpx(demo, out)
    root = _qde(out)
    variables = {v.get("guid"): (v.get("name"), v.get("typeOfVariable"))
                 for v in root.findall(".//q:Variable", NS)}
    rosa = next(c for c in root.findall(".//q:Case", NS) if c.get("name") == "DHR-2022-01")
    values = {}
    for value in rosa.findall("q:VariableValue", NS):
        name, kind = variables[value.find("q:VariableRef", NS).get("targetGUID")]
        values[name] = (kind, value[1].tag.split("}")[1], value[1].text)
    # a partial date is Text: REFI's Date needs a full day
    assert values["Incident: Date of the incident"] == ("Text", "TextValue", "2020-10")
    assert values["Publication year"] == ("Integer", "IntegerValue", "2022")
    assert values["Incident: Method or weapon"][2] == "Sharp instrument"
    assert values["Review: Full review published"] == ("Boolean", "BooleanValue", "true")
    assert rosa.findall("q:SourceRef", NS) and rosa.findall("q:SelectionRef", NS)


def test_an_existing_output_is_refused_unless_forced(demo, tmp_path, capsys):
    out = tmp_path / "demo.qdpx"
    out.write_bytes(b"keep me")
    with pytest.raises(ExportRefused, match="already exists"):
        export_qdpx(demo, out)
    assert run_command_line(["export-qdpx", str(demo), "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    assert run_command_line(["export-qdpx", str(demo), "--out", str(out), "--force"]) == 0
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_encrypted_project_needs_yes_before_a_plain_package_is_written(tmp_path,
                                                                          monkeypatch, capsys):
    pytest.importorskip("sqlcipher3")
    monkeypatch.setenv("CASECODER_PASSPHRASE", "a long enough passphrase")
    project = tmp_path / "secret.casecoder"
    assert run_command_line(["new", str(project), "--site", "Lambeth", "--encrypt"]) == 0
    out = tmp_path / "secret.qdpx"
    assert run_command_line(["export-qdpx", str(project), "--out", str(out)]) == 2
    assert "encrypted" in capsys.readouterr().err and not out.exists()
    assert run_command_line(["export-qdpx", str(project), "--out", str(out), "--yes"]) == 0
    assert zipfile.is_zipfile(out)
