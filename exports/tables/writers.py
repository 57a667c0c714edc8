"""Writing a computed TableSet in the formats asked for."""

from __future__ import annotations

from pathlib import Path

from exports.tables.csv_writer import write_csv
from exports.tables.data import TablesError
from exports.tables.html_writer import write_html
from exports.tables.model import TableSet
from exports.tables.pdf_writer import write_pdf
from exports.tables.xlsx_writer import write_xlsx

FORMATS = ("csv", "xlsx", "html", "pdf")
BASE_NAME = "summary_tables"


def parse_formats(text: str) -> list[str]:
    """'csv,pdf' -> ['csv', 'pdf']; unknown formats are refused with the known ones named."""
    formats = [f.strip().lower() for f in (text or "").split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise TablesError(f"unknown format {', '.join(unknown) or '(none)'}; choose from "
                          f"{', '.join(FORMATS)}, separated by commas")
    return list(dict.fromkeys(formats))


def write_tables(tables: TableSet, out_dir: Path, formats: list[str]) -> list[Path]:
    """Write the files into `out_dir` (created if missing); returns the paths written."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise TablesError(f"{out_dir} is a file, not a folder; give a folder for --out")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TablesError(f"cannot create the folder {out_dir} ({exc.strerror})") from None
    written: list[Path] = []
    for fmt in formats:
        try:
            if fmt == "csv":
                written += write_csv(tables, out_dir)
            else:
                writer = {"xlsx": write_xlsx, "html": write_html, "pdf": write_pdf}[fmt]
                written.append(writer(tables, out_dir / f"{BASE_NAME}.{fmt}"))
        except PermissionError as exc:
            raise TablesError(f"cannot write into {out_dir}: {exc.strerror}. Close the file "
                              f"if it is open elsewhere, or choose another folder.") from None
    return written
