"""REFI-QDA codebook export (.qdc), from a project or a codebook YAML file."""

from __future__ import annotations

import pytest
from lxml import etree

from desktop.cli import run_command_line
from exports.qdpx import export_qdc
from schema.resources import default_codebook_path
from tests.interop.conftest import REFI

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"


def _as_project(codebook_root: etree._Element) -> etree._Element:
    """The .qdc's codes moved into a Project document: the Project schema defines Code as the
    codebook schema does, so this checks the codes wherever Codebook.xsd is not at hand."""
    codes = etree.tostring(codebook_root.find(f"{{{CODEBOOK_NS}}}Codes"), encoding="unicode")
    codes = codes.replace(f'xmlns="{CODEBOOK_NS}"', f'xmlns="{PROJECT_NS}"')
    return etree.fromstring(f'<Project xmlns="{PROJECT_NS}" name="check"><CodeBook>{codes}'
                            f'</CodeBook></Project>')


def test_codebook_yaml_exports_as_valid_qdc(tmp_path, project_schema):
    out = tmp_path / "codebook.qdc"
    assert run_command_line(["export-qdc", str(default_codebook_path()), "--out",
                             str(out)]) == 0
    root = etree.parse(str(out)).getroot()
    assert root.tag == f"{{{CODEBOOK_NS}}}CodeBook"
    if (REFI / "Codebook.xsd").exists():
        schema = etree.XMLSchema(etree.parse(str(REFI / "Codebook.xsd")))
        assert schema.validate(root), schema.error_log
    moved = _as_project(root)
    assert project_schema.validate(moved), project_schema.error_log
    names = [c.get("name") for c in root.iter(f"{{{CODEBOOK_NS}}}Code")]
    assert "Victims" in names and "Not reported in the review" in names


def test_a_choice_field_is_a_parent_of_its_options(tmp_path):
    out = tmp_path / "codebook.qdc"
    export_qdc(default_codebook_path(), out)
    root = etree.parse(str(out)).getroot()
    code = f"{{{CODEBOOK_NS}}}Code"
    victims = next(c for c in root.iter(code) if c.get("name") == "Victims")
    gender = next(c for c in victims.iter(code) if c.get("name") == "Gender")
    children = [c.get("name") for c in gender.findall(code)]
    assert gender.get("isCodable") == "false" and victims.get("isCodable") == "false"
    assert "Female" in children and children[-1] == "Not reported in the review"
    assert all(c.get("isCodable") == "true" for c in gender.findall(code))


def test_project_and_yaml_give_the_same_codes(demo, tmp_path):
    export_qdc(demo, tmp_path / "project.qdc")
    export_qdc(default_codebook_path(), tmp_path / "yaml.qdc")
    guids = [[c.get("guid") for c in etree.parse(str(tmp_path / name)).iter()
              if c.get("guid")] for name in ("project.qdc", "yaml.qdc")]
    assert guids[0] == guids[1] and len(guids[0]) > 100


def test_qdc_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "codebook.qdc"
    out.write_text("mine")
    assert run_command_line(["export-qdc", str(default_codebook_path()), "--out",
                             str(out)]) == 2
    assert "already exists" in capsys.readouterr().err and out.read_text() == "mine"


@pytest.mark.parametrize("name", ["missing.yaml", "missing.casecoder"])
def test_a_missing_source_is_a_one_line_error(tmp_path, capsys, name):
    out = tmp_path / "codebook.qdc"
    assert run_command_line(["export-qdc", str(tmp_path / name), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and not out.exists()
