"""Store-side reads the workspace needs, run on the store thread (never on the GUI thread).

Each function takes the store first so it can be handed to `StoreThread.submit` with
functools.partial; each returns plain frozen records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schema import blind_coding
from schema.codebook_model import Codebook
from schema.errors import CasecoderError
from schema.records import Case, Coding, Document
from schema.store import Store


@dataclass(frozen=True)
class ProjectOverview:
    site: str
    codebook: Codebook
    cases: list[Case]
    documents: list[Document]


@dataclass(frozen=True)
class CaseView:
    """What opening a case shows: the case, the coding in the form, and its documents."""

    case: Case
    coding: Coding | None  # None only in a read-only project, for a case nobody has coded
    snapshot: object  # widgets.coding_form.snapshot.CodingSnapshot, or None
    documents: list[Document] = field(default_factory=list)
    codings: list[Coding] = field(default_factory=list)  # the codings shown in the switcher
    hidden: int = 0  # codings of the case left out because the project codes blind


def read_overview(store: Store) -> ProjectOverview:
    return ProjectOverview(site=store.site, codebook=store.codebook,
                           cases=store.list_cases(), documents=store.documents())


def primary_coding(store: Store, case_id: str, coder: str, blind: bool = False) -> Coding:
    """The coding the form edits: this coder's primary, else the case's first primary, else a
    new primary coding for this coder (one store call, one transaction).

    In a blind-coded case (schema.blind_coding) the coder never edits someone else's coding:
    their own primary or second coding, else a new one (a second coding when someone else
    already has the primary)."""
    codings = store.codings(case_id)
    primaries = [c for c in codings if c.kind == "primary"]
    mine = [c for c in primaries if c.coder == coder]
    if blind and not blind_coding.complete(codings):
        own = blind_coding.own_coding(codings, coder)
        return own or store.add_coding(case_id, coder=coder,
                                       kind="second" if primaries else "primary")
    if mine or primaries:
        return (mine or primaries)[0]
    return store.add_coding(case_id, coder=coder, kind="primary")


def read_case(store: Store, case_id: str, coder: str, readonly: bool = False,
              coding_id: str | None = None) -> CaseView:
    """The case as the form shows it: the coding chosen (`coding_id`, if it is still one of
    the case's), else this coder's primary. Read-only, a case with no coding shows none
    rather than creating one. With blind coding on, only the codings this coder may see are
    offered (schema.blind_coding), and `hidden` counts the others."""
    from widgets.coding_form.snapshot import load_snapshot

    case = store.get_case(case_id)
    blind = store.blind_coding
    shown = blind_coding.visible(store.codings(case_id), coder, blind)
    coding = next((c for c in shown if c.id == coding_id), None)
    if coding is None and readonly:
        tables = store.coding_for_tables(case_id)
        coding = tables if tables in shown else blind_coding.own_coding(shown, coder)
    elif coding is None:
        coding = primary_coding(store, case_id, coder, blind)
        shown = blind_coding.visible(store.codings(case_id), coder, blind)  # with a new one
    snapshot = load_snapshot(store, coding.id) if coding else None
    return CaseView(case=case, coding=coding, snapshot=snapshot,
                    documents=store.case_documents(case_id), codings=shown,
                    hidden=len(store.codings(case_id)) - len(shown))


def read_snapshot(store: Store, coding_id: str) -> object:
    from widgets.coding_form.snapshot import load_snapshot

    return load_snapshot(store, coding_id)


def find_paragraph(store: Store, document_id: str, page: int, quote: str,
                   rects: list) -> str:
    """The numbered paragraph a quote sits in: by its text first, else by where its first
    rectangle (x0, top, x1, bottom in PDF points) starts. "" when the page has no text layer."""
    from schema.documents import text_layer

    try:
        found = text_layer.paragraph_for_quote(store, document_id, page, quote)
        if not found and rects:
            found = text_layer.paragraph_at(store, document_id, page,
                                            min(float(rect[1]) for rect in rects))
    except CasecoderError:
        return ""
    return found or ""
