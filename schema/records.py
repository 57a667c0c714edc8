"""Plain records the store hands out. They are snapshots: change data through the store."""

from __future__ import annotations

from dataclasses import dataclass, field

CASE_STATUSES = ("not_started", "in_progress", "coded", "checked")
CODING_KINDS = ("primary", "second", "consensus")


@dataclass(frozen=True)
class Case:
    id: str
    reference: str
    title: str
    review_type: str
    category: str | None
    site: str
    publication_year: int | None
    status: str
    notes: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class Coding:
    id: str
    case_id: str
    coder: str
    site: str
    kind: str
    codebook_key: str
    created_at: str = ""
    status: str = "not_started"  # the coder's own mark, from CASE_STATUSES


@dataclass(frozen=True)
class Entity:
    id: str
    coding_id: str
    section: str
    position: int


@dataclass(frozen=True)
class Answer:
    entity_id: str
    field: str
    state: str
    value: object = None
    updated_at: str = ""
    updated_by: str = ""


@dataclass(frozen=True)
class Evidence:
    id: str
    entity_id: str
    field: str
    document_id: str | None
    page: int | None
    paragraph: str
    quote: str
    rects: list = field(default_factory=list)
    created_at: str = ""
    created_by: str = ""


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows. Empty values do not filter."""

    category: str | None = None
    review_type: str | None = None
    status: str | None = None
    site: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Document:
    """A review PDF stored in the project, keyed by the sha256 of its bytes."""

    id: str
    file_name: str
    size_bytes: int
    page_count: int
    pages_with_text: int
    text_status: str
    failed_pages: list = field(default_factory=list)
    has_pdf: bool = True
    role: str = ""
