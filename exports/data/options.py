"""What an analysis-ready data export covers and how it is laid out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from exports.tables.data import TableFilter
from schema.errors import CasecoderError

FORMATS = {".csv": "CSV", ".xlsx": "Excel workbook", ".sav": "SPSS data file"}
SHAPES = ("wide", "long")


class DataExportError(CasecoderError):
    """The data cannot be exported as asked; nothing was written."""


class Progress(Protocol):
    """What the export reports through: the window's desktop.workers.Progress fits."""

    def update(self, done: int, total: int, message: str = "") -> None: ...

    def check(self) -> None: ...


@dataclass(frozen=True)
class DataFilter(TableFilter):
    """The summary tables' filters (site, review type, years, statuses) and a category."""

    category: str | None = None

    def describe(self) -> str:
        base = super().describe()
        if not self.category:
            return base
        return f"category {self.category}" + ("" if base.startswith("none") else f", {base}")


@dataclass(frozen=True)
class DataOptions:
    """The shape, the cases, and whether every coding gets its own row."""

    shape: str = "wide"
    filter: DataFilter = field(default_factory=DataFilter)
    all_codings: bool = False
    force: bool = False
    """Replace an existing output file (otherwise it is refused)."""


def output_format(out: Path) -> str:
    """The file suffix that picks the writer, or a DataExportError naming the choices."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise DataExportError(f"{out.name}: the data can be written as "
                              f"{', '.join(FORMATS)}; end the file name with one of them")
    return suffix


def dictionary_path(out: Path) -> Path:
    """Where a CSV export's column dictionary goes, beside it."""
    return out.with_name(f"{out.stem}.dictionary.csv")


def files_written(out: Path) -> list[Path]:
    """Every file an export to `out` writes (a CSV has its dictionary beside it)."""
    return [out, dictionary_path(out)] if out.suffix.lower() == ".csv" else [out]


def check_output(out: Path, options: DataOptions) -> str:
    """Refuse a bad suffix, shape or an existing file (unless forced); return the suffix."""
    suffix = output_format(out)
    if options.shape not in SHAPES:
        raise DataExportError(f"the shape must be wide or long, not {options.shape!r}")
    existing = [p for p in files_written(out) if p.exists()]
    if existing and not options.force:
        raise DataExportError(f"{existing[0]} already exists; choose another name, or "
                              f"replace it (--force on the command line)")
    if not out.parent.is_dir():
        raise DataExportError(f"the folder {out.parent} does not exist; create it first")
    return suffix


PLAINTEXT_NOTE = ("the project is encrypted, but the exported file will not be: anyone who "
                  "can open it reads the coded answers")
