"""The version of Casecoder, for `--version`, the About box and the diagnostics.

Read from the installed package's metadata; a checkout run as `python main.py` without
installing falls back to pyproject.toml beside it, so the two never disagree.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

LICENCE = "MIT"
_PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def casecoder_version() -> str:
    """The version string, e.g. "0.1.0" ("unknown" only if neither source can be read)."""
    try:
        return metadata.version("casecoder")
    except metadata.PackageNotFoundError:
        pass
    try:
        with _PYPROJECT.open("rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"
