"""What About and Copy diagnostics report: versions, platform and file locations, and a few
facts of the open project read through the store API. Never anything from a case: no
reference, title, name, answer or quote, and no counts."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication

from desktop.cli.version import LICENCE, casecoder_version
from schema.backup import backup_dir
from schema.migrations import latest_version
from schema.project import is_encrypted
from schema.resources import RESOURCES
from schema.store import Store


@dataclass(frozen=True)
class ProjectFacts:
    """The open project, as About shows it (read on the store thread)."""

    path: Path
    site: str
    codebook: str  # "id version N"
    codebook_title: str
    schema_version: int
    encrypted: bool
    readonly: bool


def read_project_facts(store: Store, readonly: bool = False) -> ProjectFacts:
    """Runs on the project's store thread (see desktop.ops.StoreOp)."""
    book = store.codebook
    return ProjectFacts(path=Path(store.path), site=store.site or "",
                        codebook=f"{book.id} version {book.version}",
                        codebook_title=book.title,
                        schema_version=store.schema_version(),
                        encrypted=is_encrypted(store.path), readonly=readonly)


def versions() -> list[tuple[str, str]]:
    """(label, value) for Casecoder and what it runs on."""
    return [
        ("Casecoder", f"{casecoder_version()} ({LICENCE} licence)"),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("PySide6 / Qt", f"{PySide6.__version__} / {qVersion()}"),
        ("SQLCipher", _sqlcipher()),
        ("Schema version (this app)", str(latest_version())),
        ("Operating system", platform.platform()),
        ("Qt platform", QGuiApplication.platformName() or "-"),
    ]


def project_lines(facts: ProjectFacts | None) -> list[tuple[str, str]]:
    if facts is None:
        return [("Project", "none open")]
    return [
        ("Project file", str(facts.path)),
        ("Backups folder", str(backup_dir(facts.path))),
        ("Codebook", facts.codebook),
        ("Codebook title", facts.codebook_title),
        ("Schema version (project)", str(facts.schema_version)),
        ("Encrypted", "yes" if facts.encrypted else "no"),
        ("Opened", "read-only" if facts.readonly else "for writing"),
    ]


def diagnostics_text(facts: ProjectFacts | None, settings_file: str) -> str:
    """The plain-text report Copy diagnostics puts on the clipboard."""
    lines = [*versions(), *project_lines(facts),
             ("Settings file", settings_file or "-"),
             ("Program files", str(RESOURCES.parent)),
             ("Python executable", sys.executable)]
    width = max(len(label) for label, _ in lines)
    body = "\n".join(f"{label + ':':<{width + 1}} {value}" for label, value in lines)
    return ("Casecoder diagnostics (versions, platform and paths; no case data)\n"
            f"{body}\n")


def _sqlcipher() -> str:
    try:
        import sqlcipher3
    except ImportError:
        return "not installed (encrypted projects cannot be opened)"
    return f"available (library {sqlcipher3.sqlite_version})"
