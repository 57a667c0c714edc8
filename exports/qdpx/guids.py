"""Stable GUIDs for everything a REFI-QDA export names.

Each GUID is a name-based UUID (version 5) of what it stands for: a row's own UUID, a
document's sha256, a coder's name, a codebook path. Exporting the same project twice gives the
same GUIDs, so a QDA tool can recognise a second export as the same material; codes depend only
on the codebook, so two projects coded with one codebook share their code GUIDs.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "casecoder:refi-qda")


def guid(kind: str, *parts: str) -> str:
    """The GUID of the thing of `kind` named by `parts`, e.g. guid("case", case_id)."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join((kind, *parts))))


def code_guid(codebook_id: str, *path: str) -> str:
    """A code of the codebook: a section, "section", "field", or "section", "field", option."""
    return guid("code", codebook_id, *path)


def not_reported_guid(codebook_id: str, section: str, field: str) -> str:
    return guid("code-not-reported", codebook_id, section, field)
