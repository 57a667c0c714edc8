"""Reading a REDCap data dictionary CSV, with the line and column of every problem.

Lines are the file's own line numbers (a cell with line breaks spans several), columns are
spreadsheet letters with the column's name, so a fault can be found in Excel or an editor.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from exports.redcap.spec import (
    COLUMNS,
    FIELD_TYPES,
    FORM,
    NAME,
    REQUIRED_COLUMNS,
    TYPE,
    RedcapError,
    is_valid_name,
)


@dataclass(frozen=True)
class DictionaryRow:
    """One variable of the dictionary: its cells by column name and its first line."""

    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def where(source: str, line: int, column: str | None = None) -> str:
    """'FILE, line 4, column D (Field Type)'."""
    text = f"{source}, line {line}"
    if column is not None:
        text += f", column {column_letter(COLUMNS.index(column))} ({column})"
    return text


def read_dictionary(path: str | Path) -> list[DictionaryRow]:
    """The variables of a dictionary file, checked for shape, names and field types."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RedcapError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise RedcapError(f"{path}: the file is not UTF-8 text; save the dictionary from "
                          f"REDCap (or Excel) as CSV UTF-8 and try again") from None
    except OSError as exc:
        raise RedcapError(f"{path}: cannot read the file ({exc.strerror})") from None
    rows = _parse(text.splitlines(keepends=True), str(path))
    _check_rows(rows, str(path))
    return rows


def _parse(lines: list[str], source: str) -> list[DictionaryRow]:
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
        if header is None:
            raise RedcapError(f"{source}: the file is empty; it should be a REDCap data "
                              f"dictionary starting with the column '{NAME}'")
        width = _check_header(header, source)
        rows, start = [], reader.line_num + 1
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if any(cell.strip() for cell in cells[width:]):
                raise RedcapError(f"{where(source, line)}: {len(cells)} cells where the header "
                                  f"has {width}; a cell with a comma needs quotes")
            cells = cells[:width]
            rows.append(DictionaryRow(line, {COLUMNS[i]: cells[i].strip()
                                             for i in range(len(cells))}))
    except csv.Error as exc:
        raise RedcapError(f"{source}, line {reader.line_num}: the CSV cannot be read ({exc})"
                          ) from None
    if not rows:
        raise RedcapError(f"{source}: the dictionary has a header but no variables")
    return rows


def _check_header(header: list[str], source: str) -> int:
    """The number of REDCap columns the header holds; raise if it is not REDCap's."""
    found = [" ".join(cell.split()) for cell in header]
    while found and not found[-1]:
        found.pop()
    if not found or found[0].casefold() != NAME.casefold():
        raise RedcapError(f"{source}, line 1, column A: this is not a REDCap data dictionary "
                          f"(its first column is '{found[0] if found else ''}', not "
                          f"'{NAME}'); download it from the project's Data Dictionary page")
    if len(found) > len(COLUMNS):
        raise RedcapError(f"{source}, line 1, column {column_letter(len(COLUMNS))}: a REDCap "
                          f"data dictionary has {len(COLUMNS)} columns; remove the extra ones")
    for index, cell in enumerate(found):
        if cell.casefold() != COLUMNS[index].casefold():
            raise RedcapError(f"{source}, line 1, column {column_letter(index)}: expected the "
                              f"REDCap column '{COLUMNS[index]}', found '{cell}'")
    if len(found) < REQUIRED_COLUMNS:
        missing = COLUMNS[len(found)]
        raise RedcapError(f"{source}, line 1, column {column_letter(len(found))}: the column "
                          f"'{missing}' is missing; REDCap dictionaries have {len(COLUMNS)}")
    return len(found)


def _check_rows(rows: list[DictionaryRow], source: str) -> None:
    seen: dict[str, int] = {}
    for row in rows:
        name, form, ftype = row[NAME], row[FORM], row[TYPE]
        if not is_valid_name(name):
            problem = "has no variable name" if not name else \
                f"'{name}' is not a REDCap variable name (lower-case letters, digits and " \
                f"underscores, starting with a letter)"
            raise RedcapError(f"{where(source, row.line, NAME)}: {problem}")
        if name in seen:
            raise RedcapError(f"{where(source, row.line, NAME)}: the variable '{name}' appears "
                              f"twice (first on line {seen[name]}); every name must be unique")
        seen[name] = row.line
        if not is_valid_name(form):
            raise RedcapError(f"{where(source, row.line, FORM)}: '{form}' is not an instrument "
                              f"name (lower-case letters, digits and underscores)")
        if ftype not in FIELD_TYPES:
            raise RedcapError(f"{where(source, row.line, TYPE)}: unknown field type '{ftype}'; "
                              f"REDCap's types are {', '.join(FIELD_TYPES)}")
