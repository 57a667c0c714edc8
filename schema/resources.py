"""Where the files shipped with Casecoder are."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def default_codebook_path() -> Path:
    return RESOURCES / "codebooks" / "uk_reviews.yaml"
