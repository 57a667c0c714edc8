"""The codebook as REFI-QDA codes, and which code an answer is coded with.

The tree is section > field > answer. A section is a non-codable grouping. A choice or yes/no
field is a non-codable parent of one codable code per option (Yes and No for yes/no). Other
fields (multiple choice, numbers, ages, dates, text) are codable themselves, because a quote
for them stands for the field rather than for one option; their options, where they have any,
are codable children too. Every field has a last child, "Not reported in the review".

The tree is built in the namespace of the document it goes into: the project schema's and the
codebook schema's Code elements are the same, only their namespace differs.
"""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from exports.qdpx.guids import code_guid, not_reported_guid
from schema.codebook_model import Codebook, Field, Option

NOT_REPORTED = "Not reported in the review"
OPTION_PARENTS = ("choice", "boolean")
YES_NO = (Option("true", "Yes"), Option("false", "No"))


def field_options(spec: Field) -> tuple[Option, ...]:
    return YES_NO if spec.type == "boolean" else spec.options


def codes_element(codebook: Codebook, namespace: str) -> ET.Element:
    """A <Codes> element holding the whole codebook."""
    codes = ET.Element(f"{{{namespace}}}Codes")
    for section in codebook.sections:
        top = _code(codes, namespace, code_guid(codebook.id, section.key), section.label,
                    codable=False, description=section.help)
        for spec in section.fields:
            _field_code(top, namespace, codebook.id, spec)
    return codes


def _field_code(parent, namespace: str, codebook_id: str, spec: Field) -> None:
    about = f"{spec.path} ({spec.type.replace('_', ' ')})" + (f". {spec.help}" if spec.help
                                                                else "")
    node = _code(parent, namespace, code_guid(codebook_id, spec.section, spec.key), spec.label,
                 codable=spec.type not in OPTION_PARENTS, description=about)
    for option in field_options(spec):
        _code(node, namespace, code_guid(codebook_id, spec.section, spec.key, option.key),
              option.label, codable=True, description=f"{spec.path} = {option.key}")
    _code(node, namespace, not_reported_guid(codebook_id, spec.section, spec.key),
          NOT_REPORTED, codable=True, description=f"{spec.path}: the review does not say")


def _code(parent, namespace: str, guid: str, name: str, *, codable: bool,
          description: str = "") -> ET.Element:
    node = ET.SubElement(parent, f"{{{namespace}}}Code", guid=guid, name=name,
                            isCodable="true" if codable else "false")
    if description:
        ET.SubElement(node, f"{{{namespace}}}Description").text = description
    return node


def answer_code(codebook_id: str, spec: Field, state: str | None,
                value_json: str | None) -> str | None:
    """The code a quote for this answer is coded with, or None when there is none to use
    (a choice or yes/no field whose answer names no option)."""
    own = code_guid(codebook_id, spec.section, spec.key)
    if state == "not_reported":
        return not_reported_guid(codebook_id, spec.section, spec.key)
    chosen = chosen_options(spec, state, value_json)
    if len(chosen) == 1:
        return code_guid(codebook_id, spec.section, spec.key, chosen[0])
    return None if spec.type in OPTION_PARENTS else own


def chosen_options(spec: Field, state: str | None, value_json: str | None) -> list[str]:
    """The option keys an answer picks (for yes/no: "true" or "false")."""
    if state != "answered" or value_json is None:
        return []
    value = json.loads(value_json)
    if spec.type == "boolean" and isinstance(value, bool):
        return ["true" if value else "false"]
    keys = {o.key for o in spec.options}
    if spec.type == "multi" and isinstance(value, list):
        return [v for v in value if v in keys]
    if spec.type in ("choice", "age") and isinstance(value, str) and value in keys:
        return [value]
    return []
