"""The rule that no sentence of the seed documents enters the product, made testable anywhere.

The seeds (../shared/seeds) are not part of the project and are not on every machine, so the
project keeps only a fingerprint of them: the 64-bit hash of every run of eight words, in
`tests/data/seed_shingles.bin` (sorted, big-endian). Those hashes cannot be read back into
text. `python -m tests.seed_text` rebuilds the file from the seeds when they change.
"""

from __future__ import annotations

import hashlib
import re
import struct
import sys
from pathlib import Path

RUN = 8
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SHINGLES = Path(__file__).resolve().parent / "data" / "seed_shingles.bin"
_WORD = re.compile(r"[a-z0-9]+")


def runs(text: str) -> set[int]:
    """Hashes of every run of eight words (lower-case letters and digits only)."""
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    return {_hash(" ".join(words[i:i + RUN])) for i in range(len(words) - RUN + 1)}


def _hash(run: str) -> int:
    return int.from_bytes(hashlib.blake2b(run.encode(), digest_size=8).digest(), "big")


def seed_runs_from_seeds() -> set[int]:
    found: set[int] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        found |= runs(path.read_text(encoding="utf-8"))
    return found


def shipped_seed_runs() -> set[int]:
    data = SHINGLES.read_bytes()
    return set(struct.unpack(f">{len(data) // 8}Q", data))


def write_shipped(found: set[int]) -> None:
    SHINGLES.parent.mkdir(exist_ok=True)
    values = sorted(found)
    SHINGLES.write_bytes(struct.pack(f">{len(values)}Q", *values))


if __name__ == "__main__":
    if not any(SEEDS.glob("*.txt")):
        sys.exit(f"no seed documents in {SEEDS}")
    write_shipped(seed_runs_from_seeds())
    print(f"wrote {SHINGLES}")
