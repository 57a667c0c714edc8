"""Whether two codebooks can share one project, and which one the merged project uses.

The same codebook id is required. The same version must mean the same fields. A different
version is accepted only when one codebook is the other plus added fields (or added review
types and categories); the larger one is then used. Anything else is refused with the list
of fields that differ, because answers coded under a changed field cannot be compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schema.codebook_model import Codebook, Field
from schema.merge.sources import MergeError


@dataclass(frozen=True)
class CodebookDifference:
    """What `newer` has that `older` lacks, and what changed or disappeared between them."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def only_additions(self) -> bool:
        return not self.removed and not self.changed


def _signature(f: Field, repeat: bool) -> tuple:
    """What answers depend on: labels and help may change, keys and types may not."""
    return (f.type, tuple(o.key for o in f.options), f.allow_na, f.minimum, f.maximum, repeat)


def _items(book: Codebook) -> dict[str, tuple]:
    items: dict[str, tuple] = {}
    for section in book.sections:
        for f in section.fields:
            items[f.path] = _signature(f, section.repeat)
    items.update({f"review type {o.key}": ("review_type",) for o in book.review_types})
    items.update({f"category {o.key}": ("category",) for o in book.categories})
    return items


def compare_codebooks(older: Codebook, newer: Codebook) -> CodebookDifference:
    before, after = _items(older), _items(newer)
    return CodebookDifference(
        added=sorted(set(after) - set(before)),
        removed=sorted(set(before) - set(after)),
        changed=sorted(k for k in set(before) & set(after) if before[k] != after[k]))


def choose_codebook(target: Codebook, source: Codebook, source_name: str) -> Codebook:
    """The codebook the target should use after taking in `source`, or MergeError."""
    if target.id != source.id:
        raise MergeError(f"source refused: {source_name} uses codebook '{source.id}', the "
                         f"target uses '{target.id}'. Only projects coded with the same "
                         f"codebook can be merged.")
    if target.version == source.version:
        diff = compare_codebooks(target, source)
        if diff.added or not diff.only_additions:
            raise MergeError(f"source refused: {source_name} has codebook {source.key} with "
                             f"different fields from the target's copy of the same version: "
                             f"{_listing(diff)}. Give the edited codebook a new version.")
        return target
    forward = compare_codebooks(target, source)
    if forward.only_additions:
        return source
    backward = compare_codebooks(source, target)
    if backward.only_additions:
        return target
    raise MergeError(f"source refused: {source_name} uses codebook version {source.version}, "
                     f"the target uses {target.version}, and they differ in more than added "
                     f"fields: {_listing(forward)}.")


def _listing(diff: CodebookDifference) -> str:
    parts = []
    for label, items in (("changed", diff.changed), ("only in the target", diff.removed),
                         ("only in the source", diff.added)):
        if items:
            parts.append(f"{label}: {', '.join(items)}")
    return "; ".join(parts)
