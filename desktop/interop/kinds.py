"""The exports the "Data for other tools" dialog offers, one entry each.

An entry names itself, says what it writes (a file, with its file-dialog filter, or a folder)
and which of the dialog's choices apply, and gives the function that writes it:
`run(store_or_path, out, choices, progress) -> message`. With `uses_store` the function runs
on the project's store thread and receives the open Store (desktop.ops.StoreOp); otherwise it
runs on a pool thread and receives the project's path (desktop.workers), for an export that
opens the file itself. The message says what was written, and where.

To offer another export, write its function and add an entry to KINDS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.workers import Progress
from exports.data import DataFilter, DataOptions, export_data
from exports.datasette.metadata import export_datasette_metadata
from exports.qdpx import export_qdpx
from exports.redcap import export_redcap
from schema.store import Store

SHAPE, FILTERS, ALL_CODINGS = "shape", "filters", "all_codings"


@dataclass(frozen=True)
class Choices:
    """What the user chose in the dialog; each entry reads the parts it uses."""

    shape: str = "wide"
    filter: DataFilter = field(default_factory=DataFilter)
    all_codings: bool = False
    replace: bool = False
    """The user agreed to replace an existing file (the file dialog asked)."""


@dataclass(frozen=True)
class InteropKind:
    key: str
    label: str
    description: str
    run: Callable[[Store | Path, Path, Choices, Progress], str]
    file_filter: str = ""
    """The save dialog's filter, e.g. "CSV (*.csv)"; empty for an export into a folder."""
    suffix: str = ""
    uses: frozenset[str] = frozenset()
    """Which choices apply: SHAPE, FILTERS, ALL_CODINGS (the others are greyed out)."""
    uses_store: bool = True

    @property
    def needs_folder(self) -> bool:
        return not self.file_filter


def _data_export(store: Store, out: Path, choices: Choices, progress: Progress) -> str:
    options = DataOptions(shape=choices.shape, filter=choices.filter,
                          all_codings=choices.all_codings, force=choices.replace)
    return export_data(store, out, options, progress).message()


def _redcap_export(store: Store, out: Path, choices: Choices, progress: Progress) -> str:
    """The dialog has asked about plain text and replacing files before this runs."""
    progress.update(0, 1, "Writing the REDCap files")
    done = export_redcap(store, out, include_in_progress=choices.filter.include_in_progress,
                         force=choices.replace, allow_plaintext=True)
    return (f"Wrote {done.cases} case(s) ({done.rows} record rows) to {out}: "
            f"{', '.join(p.name for p in done.paths)}. README.txt lists what to set up in "
            f"REDCap before importing the records.")


def _qdpx_export(store: Store, out: Path, choices: Choices, progress: Progress) -> str:
    progress.update(0, 1, "Writing the REFI-QDA package")
    done = export_qdpx(store, out, force=choices.replace, allow_plaintext=True)
    left = sum(done.left_out.values())
    note = f"; {left} quote(s) could not be placed on a page and were left out" if left else ""
    return (f"Wrote {out}: {done.cases} case(s), {done.sources} PDF(s), {done.codings} "
            f"coded quote(s){note}. Open it with NVivo, ATLAS.ti, MAXQDA or QualCoder.")


def _datasette_export(store: Store, out: Path, choices: Choices, progress: Progress) -> str:
    progress.update(0, 1, "Writing the Datasette metadata")
    done = export_datasette_metadata(store, out, force=choices.replace, allow_plaintext=True)
    views = "" if done.views_present else (" The project gains its readable views the next "
                                           "time it is opened for writing.")
    return (f"Wrote {out}. Run: datasette {store.path.name} --metadata {out.name}{views}")


_DATA_USES = frozenset({SHAPE, FILTERS, ALL_CODINGS})
_DATA_NOTE = ("A table of the coded answers, one column per field (wide) or one row per "
              "answer (long). -9 marks \"not reported\", -8 \"not applicable\"; an empty "
              "cell was not coded.")

KINDS: list[InteropKind] = [
    InteropKind("data_csv", "Data table — CSV (R, Stata, any tool)",
                f"{_DATA_NOTE} A dictionary of the columns is written beside it.",
                _data_export, "CSV (*.csv)", ".csv", _DATA_USES),
    InteropKind("data_xlsx", "Data table — Excel workbook (.xlsx)",
                f"{_DATA_NOTE} The workbook has a data sheet and a dictionary sheet.",
                _data_export, "Excel workbook (*.xlsx)", ".xlsx", _DATA_USES),
    InteropKind("data_sav", "Data table — SPSS (.sav)",
                f"{_DATA_NOTE} Variable labels, value labels and the missing codes (as "
                f"user-missing values) are built in.",
                _data_export, "SPSS data file (*.sav)", ".sav", _DATA_USES),
    InteropKind("redcap", "REDCap — data dictionary and records (folder)",
                "REDCap's data dictionary (one instrument per section) and a records file for "
                "its Data Import Tool; \"not reported\" goes in as UNK, \"not applicable\" "
                "as NA. Only 'include cases in progress' applies.",
                _redcap_export, uses=frozenset({FILTERS})),
    InteropKind("qdpx", "REFI-QDA project (.qdpx) — NVivo, ATLAS.ti, MAXQDA, QualCoder",
                "The codebook as codes (each field a parent, each option a code, plus \"Not "
                "reported in the review\"), the cases with their details, the review PDFs, "
                "and every quote as a coded selection by its coder. Every case is included.",
                _qdpx_export, "REFI-QDA project (*.qdpx)", ".qdpx"),
    InteropKind("datasette", "Datasette metadata (.json)",
                "Titles, column descriptions from the codebook and facets, for browsing the "
                "project file itself with Datasette.",
                _datasette_export, "Datasette metadata (*.json)", ".json"),
]
