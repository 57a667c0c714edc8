"""The project.qde document: users, codes, case variables, cases and PDF sources.

Elements come in the order the Project schema fixes (Users, CodeBook, Variables, Cases,
Sources). Every quote with a page and boxes on a stored PDF becomes a PDFSelection on that
PDF's source, carrying one Coding by the coder of the coding the quote belongs to. A case
refers to its documents (SourceRef), to its quotes' selections (SelectionRef) and to the codes
its answers pick (CodeRef), from the coding that speaks for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from exports.qdpx.codes import answer_code, chosen_options, codes_element
from exports.qdpx.data import CaseRow, ProjectData, Quote
from exports.qdpx.geometry import Selection, selection_from_rects
from exports.qdpx.guids import code_guid, guid, not_reported_guid
from exports.qdpx.variables import Variable, case_variables
from schema.codebook_model import Codebook
from schema.errors import ValidationError

NS = "urn:QDA-XML:project:1.0"


@dataclass
class Outcome:
    """What the export holds and what it had to leave out, in numbers."""

    codings: int = 0
    cases: int = 0
    sources: int = 0
    left_out: dict[str, int] = field(default_factory=dict)

    def leave_out(self, reason: str) -> None:
        self.left_out[reason] = self.left_out.get(reason, 0) + 1


def tag(name: str) -> str:
    return f"{{{NS}}}{name}"


def sub(parent: ET.Element, element: str, /, **attributes) -> ET.Element:
    """A child element; attributes given as None are left out."""
    return ET.SubElement(parent, tag(element), {k: str(v) for k, v in attributes.items()
                                                if v is not None})


def user_guid(name: str) -> str:
    return guid("user", name)


def source_guid(document_id: str) -> str:
    return guid("document", document_id)


def build_project(data: ProjectData, codebook: Codebook, *, name: str, origin: str,
                  sources: dict[str, str], heights) -> tuple[ET.Element, Outcome]:
    """The <Project> element. `sources` maps document id to its internal:// path (documents
    with a stored PDF); `heights(document_id, page)` gives a page's height in points."""
    outcome = Outcome()
    root = ET.Element(tag("Project"), {"name": name, "origin": origin})
    if data.meta.get("created_at"):
        root.set("creationDateTime", data.meta["created_at"])
    users = sub(root, "Users")
    for coder in data.coders() or [data.meta.get("created_by") or "unknown"]:
        sub(users, "User", guid=user_guid(coder), name=coder)
    book = sub(root, "CodeBook")
    book.append(codes_element(codebook, NS))
    variables = case_variables(codebook, data.cases)
    _variables(sub(root, "Variables"), variables)
    selections = _selections(data.quotes, codebook, sources, heights, outcome)
    by_case: dict[str, list[str]] = {}
    for placed, _selection in (item for items in selections.values() for item in items):
        by_case.setdefault(placed.case_id, []).append(guid("selection", placed.quote.id))
    if data.cases:
        cases = sub(root, "Cases")
        for case in data.cases:
            _case(cases, case, codebook, variables, by_case.get(case.id, []), set(sources))
            outcome.cases += 1
    _sources(root, data, sources, selections, outcome)
    return root, outcome


def _variables(parent: ET.Element, variables: list[Variable]) -> None:
    for variable in variables:
        node = sub(parent, "Variable", guid=variable.guid, name=variable.name,
                   typeOfVariable=variable.type)
        sub(node, "Description").text = variable.description


def _case(parent: ET.Element, case: CaseRow, codebook: Codebook, variables: list[Variable],
          selection_guids: list[str], stored: set[str]) -> None:
    node = sub(parent, "Case", guid=guid("case", case.id), name=case.reference)
    if case.title:
        sub(node, "Description").text = case.title
    for code in _case_codes(case, codebook):
        sub(node, "CodeRef", targetGUID=code)
    for variable in variables:
        value = variable.value(case)
        if value is not None:
            _variable_value(sub(node, "VariableValue"), variable, value)
    for document_id in case.documents:
        if document_id in stored:
            sub(node, "SourceRef", targetGUID=source_guid(document_id))
    for selection_guid in selection_guids:
        sub(node, "SelectionRef", targetGUID=selection_guid)


def _case_codes(case: CaseRow, codebook: Codebook) -> list[str]:
    """The codes the case's answers pick, in codebook order, each once."""
    picked: list[str] = []
    for section_key, field_key, state, value_json in case.answers:
        try:
            spec = codebook.field(f"{section_key}.{field_key}")
        except ValidationError:
            continue  # an answer to a field the codebook no longer has
        if state == "not_reported":
            codes = [not_reported_guid(codebook.id, section_key, field_key)]
        else:
            codes = [code_guid(codebook.id, section_key, field_key, key)
                     for key in chosen_options(spec, state, value_json)]
        picked += [c for c in codes if c not in picked]
    return picked


def _variable_value(node: ET.Element, variable: Variable, value: object) -> None:
    sub(node, "VariableRef", targetGUID=variable.guid)
    kind = {"Text": "TextValue", "Boolean": "BooleanValue", "Integer": "IntegerValue",
            "Float": "FloatValue"}[variable.type]
    text = ("true" if value else "false") if variable.type == "Boolean" else str(value)
    sub(node, kind).text = text


@dataclass(frozen=True)
class _Placed:
    quote: Quote
    case_id: str | None
    code: str


def _selections(quotes: list[Quote], codebook: Codebook, sources: dict[str, str], heights,
                outcome: Outcome) -> dict[str, list[tuple[_Placed, Selection]]]:
    """The quotes that can be placed on a stored PDF, by document, with their rectangles."""
    placed: dict[str, list[tuple[_Placed, Selection]]] = {}
    for quote in quotes:
        found = _place(quote, codebook, sources, heights, outcome)
        if found is not None:
            placed.setdefault(quote.document_id, []).append(found)
    return placed


def _place(quote: Quote, codebook: Codebook, sources: dict[str, str], heights,
           outcome: Outcome) -> tuple[_Placed, Selection] | None:
    if quote.document_id not in sources or not quote.page:
        outcome.leave_out("quotes without a page of a stored PDF")
        return None
    try:
        spec = codebook.field(f"{quote.section}.{quote.field}")
    except ValidationError:
        outcome.leave_out("quotes for fields the codebook no longer has")
        return None
    code = answer_code(codebook.id, spec, quote.state, quote.value_json)
    height = heights(quote.document_id, quote.page)
    selection = selection_from_rects(quote.page, quote.rects, height) if height else None
    if code is None or selection is None:
        outcome.leave_out("quotes whose field has no answer to code them with" if code is None
                          else "quotes without boxes on the page")
        return None
    return _Placed(quote, quote.case_id, code), selection


def _sources(root: ET.Element, data: ProjectData, sources: dict[str, str],
             selections: dict[str, list], outcome: Outcome) -> None:
    documents = [d for d in data.documents if d["id"] in sources]
    if not documents:
        return
    parent = sub(root, "Sources")
    for document in documents:
        node = sub(parent, "PDFSource", guid=source_guid(document["id"]),
                   name=document["file_name"], path=sources[document["id"]])
        for placed, selection in selections.get(document["id"], []):
            _selection(node, placed, selection)
            outcome.codings += 1
        text_path = data.text_paths.get(document["id"])
        if text_path:
            sub(node, "Representation", guid=guid("text", document["id"]),
                name=f"{document['file_name']} (text)", plainTextPath=text_path)
        outcome.sources += 1


def _selection(parent: ET.Element, placed: _Placed, selection: Selection) -> None:
    quote = placed.quote
    name = quote.quote if len(quote.quote) <= 80 else quote.quote[:77].rstrip() + "..."
    node = sub(parent, "PDFSelection", guid=guid("selection", quote.id), name=name or None,
               page=selection.page, firstX=selection.first_x, firstY=selection.first_y,
               secondX=selection.second_x, secondY=selection.second_y,
               creatingUser=user_guid(quote.created_by), creationDateTime=quote.created_at)
    about = quote.quote + (f" (paragraph {quote.paragraph})" if quote.paragraph else "")
    sub(node, "Description").text = about
    sub(sub(node, "Coding", guid=guid("coding", quote.id), creatingUser=user_guid(quote.coder),
            creationDateTime=quote.created_at), "CodeRef", targetGUID=placed.code)
