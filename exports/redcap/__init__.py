"""REDCap: a project's codebook as a REDCap data dictionary and its coded cases as a records
file REDCap imports; and the way back, a codebook from a REDCap dictionary (to_codebook).

`export_redcap(store, out_dir)` writes, into out_dir:

- `redcap_data_dictionary.csv`: upload it on the REDCap project's Data Dictionary page;
- `redcap_records.csv`: import it with the Data Import Tool, once the project has the
  repeating instruments and missing-data codes that `README.txt` lists;
- `README.txt`: those settings, and how dates, numbers and missing answers were written.

The files are plain text even when the project is encrypted, so an encrypted project is
exported only when the caller says so (`allow_plaintext`); existing files are replaced only
with `force`. A refusal writes nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from exports.redcap.dictionary import Layout, build_layout
from exports.redcap.readme import readme_text
from exports.redcap.records import data_facts, load_cases, record_columns, record_rows
from exports.redcap.spec import RedcapError
from exports.tables.files import write_atomically
from schema.counting import counted_statuses
from schema.project import is_encrypted
from schema.store import Store

DICTIONARY_FILE = "redcap_data_dictionary.csv"
RECORDS_FILE = "redcap_records.csv"
README_FILE = "README.txt"
OUTPUT_FILES = (DICTIONARY_FILE, RECORDS_FILE, README_FILE)

__all__ = ["OUTPUT_FILES", "RedcapError", "RedcapExport", "export_redcap", "refusal"]


@dataclass(frozen=True)
class RedcapExport:
    """What an export wrote, for the command line and the window to report."""

    paths: tuple[Path, ...]
    cases: int
    rows: int
    layout: Layout
    statuses: tuple[str, ...]


def refusal(store: Store, out_dir: Path, *, force: bool = False,
            allow_plaintext: bool = False) -> str | None:
    """Why the export must not go ahead as asked, or None. Checked before anything is
    written, so a refused export leaves no trace."""
    if not allow_plaintext and is_encrypted(store.path):
        return (f"{store.path.name} is encrypted, but the REDCap files are plain text that "
                f"anyone with the folder can read; confirm that this is wanted (--yes on the "
                f"command line)")
    existing = [name for name in OUTPUT_FILES if (out_dir / name).exists()]
    if existing and not force:
        return (f"{out_dir} already holds {', '.join(existing)}; choose another folder or "
                f"replace them (--force on the command line)")
    if out_dir.exists() and not out_dir.is_dir():
        return f"{out_dir} is a file, not a folder; choose a folder to write into"
    return None


def export_redcap(store: Store, out_dir: str | Path, *, include_in_progress: bool = False,
                  force: bool = False, allow_plaintext: bool = False) -> RedcapExport:
    """Write the dictionary, the records and the README into out_dir (created if missing).

    Cases count by schema.counting's rule: coded or checked ones (and in-progress ones when
    `include_in_progress`), each through its consensus coding where there is one."""
    out_dir = Path(out_dir)
    reason = refusal(store, out_dir, force=force, allow_plaintext=allow_plaintext)
    if reason:
        raise RedcapError(f"{reason}. Nothing was written.")
    statuses = counted_statuses(include_in_progress)
    cases = load_cases(store, statuses)
    layout = build_layout(store.codebook, data_facts(store.codebook, cases))
    rows = record_rows(layout, cases)
    paths = (
        write_atomically(out_dir / DICTIONARY_FILE, lambda p: _write_csv(p, layout.rows())),
        write_atomically(out_dir / RECORDS_FILE,
                         lambda p: _write_records(p, record_columns(layout, cases), rows)),
        write_atomically(out_dir / README_FILE, lambda p: p.write_text(
            readme_text(store.codebook, layout, len(cases), statuses), encoding="utf-8")),
    )
    return RedcapExport(paths, len(cases), len(rows), layout, statuses)


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def _write_records(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, restval="", extrasaction="raise")
        writer.writeheader()
        writer.writerows(rows)
