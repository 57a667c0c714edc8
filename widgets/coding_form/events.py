"""The signals every part of the form reports through, gathered on one object.

Rows and repeating groups are created (and reused) deep inside the form; instead of wiring
each of them up to the form, they all emit on this hub, which the form re-exposes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class FormEvents(QObject):
    answer_edited = Signal(str, str, str, object)   # entity id, field, state, value
    answer_cleared = Signal(str, str)               # entity id, field
    entity_add_requested = Signal(str)              # section key
    entity_remove_requested = Signal(str)           # entity id
    entity_move_requested = Signal(str, int)        # entity id, new position
    section_state_requested = Signal(str, bool)     # section key, not applicable?
    evidence_activated = Signal(object)             # Evidence
    evidence_remove_requested = Signal(str)         # evidence id
    attach_evidence_requested = Signal(str, str)    # entity id, field
    suggestion_accepted = Signal(str, object)       # entity id, schema Suggestion
    suggestion_dismissed = Signal(object)           # schema Suggestion
    suggestion_viewed = Signal(object)              # schema Suggestion
