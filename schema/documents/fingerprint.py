"""Recognising the same review text in files whose bytes differ.

Two boroughs rarely hold byte-identical copies of a published review: one re-saved it, one
redacted a name, one has a different cover page. So besides the sha256 of the bytes, every
document with a text layer gets a fingerprint of its words.

How: the extracted text is folded to lower-case words; every run of `SHINGLE_WORDS`
consecutive words (a shingle) is hashed to 64 bits; the fingerprint keeps the `SKETCH_SIZE`
smallest distinct hashes (a bottom-k MinHash sketch). The Jaccard similarity of two
documents' shingle sets, |A ∩ B| / |A ∪ B|, is estimated from the two sketches alone: of the
`SKETCH_SIZE` smallest hashes of the union, the share found in both. A document with fewer
shingles than that keeps them all, and its similarity is then exact.

Thresholds, set from the demo's sample reviews rendered again with changes (tests/merge,
review_copies.py), measured through the real import:
  - `SAME_TEXT` 0.75: a re-saved copy scores 1.0, a new cover page and running header
    0.94-0.97, the two main names redacted all through a review 0.84. Such documents are
    taken to be the same review without asking.
  - `CANDIDATE_TEXT` 0.25: an early draft holding every other section of the final text
    scores 0.33-0.38; anything from here up to `SAME_TEXT` is put to a person to decide.
  - below that the texts are different reviews: the demo's different reviews score 0.00-0.01
    against each other.
Five-word shingles are long enough that the stock phrases every review uses ("the review
panel", "domestic abuse") do not make unrelated reviews look alike.
"""

from __future__ import annotations

import hashlib
import heapq
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE_WORDS = 5
SKETCH_SIZE = 256
SAME_TEXT = 0.75
CANDIDATE_TEXT = 0.25
METHOD = f"bottom{SKETCH_SIZE}-blake2b64-w{SHINGLE_WORDS}"
# Fewer shingles than this is too little text to judge by (a cover page, a scanned file
# with a stray line of text): such a document is compared by its case's details only.
MIN_SHINGLES = 20

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Fingerprint:
    """A document's sketch (sorted ascending) and how many distinct shingles it was made of."""

    sketch: tuple[int, ...]
    shingles: int

    @property
    def usable(self) -> bool:
        return self.shingles >= MIN_SHINGLES

    def to_blob(self) -> bytes:
        return struct.pack(f">{len(self.sketch)}Q", *self.sketch)

    @classmethod
    def from_blob(cls, blob: bytes, shingles: int) -> Fingerprint:
        return cls(struct.unpack(f">{len(blob) // 8}Q", blob), shingles)


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingle_hashes(text: str) -> set[int]:
    """The 64-bit hashes of every run of `SHINGLE_WORDS` words in `text` (all the words when
    the text is shorter)."""
    tokens = words(text)
    if not tokens:
        return set()
    span = min(SHINGLE_WORDS, len(tokens))
    return {_hash64(" ".join(tokens[i:i + span])) for i in range(len(tokens) - span + 1)}


def _hash64(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def fingerprint_text(pages: Iterable[str]) -> Fingerprint:
    """The fingerprint of a document from its pages' text, in page order. Pages are joined
    so that a shingle may run across a page break, as the sentence does."""
    hashes = shingle_hashes("\n".join(pages))
    return Fingerprint(tuple(heapq.nsmallest(SKETCH_SIZE, hashes)), len(hashes))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """The estimated Jaccard similarity of the two documents' shingle sets (exact when both
    sketches hold every shingle)."""
    if not a.sketch or not b.sketch:
        return 0.0
    first, second = set(a.sketch), set(b.sketch)
    union = heapq.nsmallest(SKETCH_SIZE, first | second)
    both = sum(1 for value in union if value in first and value in second)
    return both / len(union)


def jaccard(a: set[int], b: set[int]) -> float:
    """Exact Jaccard similarity of two shingle sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def lookup_keys(fingerprint: Fingerprint, count: int = 64) -> tuple[int, ...]:
    """The hashes a document is filed under for finding look-alikes quickly: documents with a
    similarity above `CANDIDATE_TEXT` share some of their smallest hashes with near certainty,
    so only those pairs need comparing."""
    return fingerprint.sketch[:count]
