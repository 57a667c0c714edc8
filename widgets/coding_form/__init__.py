"""The coding form generated from a codebook: CodingForm, fed CodingSnapshots."""

from widgets.coding_form.form import CodingForm
from widgets.coding_form.snapshot import CodingSnapshot, load_snapshot

__all__ = ["CodingForm", "CodingSnapshot", "load_snapshot"]
