"""The case-by-field matrix (the framework matrix of qualitative analysis tools): a row per
case, a column per field of the chosen sections, each cell the answer as the form shows it.

`build_matrix(store, sections)` reads it through the Store API; `write_matrix_xlsx` saves it
with frozen headers. A repeating section (victims, events) gives a case one sub-row per item.
"""

from exports.matrix.build import MatrixError, build_matrix, section_keys
from exports.matrix.model import (
    CELL_KINDS,
    KIND_WORDS,
    FieldColumn,
    Matrix,
    MatrixCell,
    MatrixRow,
)
from exports.matrix.xlsx import write_matrix_xlsx

__all__ = ["CELL_KINDS", "KIND_WORDS", "FieldColumn", "Matrix", "MatrixCell", "MatrixError",
           "MatrixRow", "build_matrix", "section_keys", "write_matrix_xlsx"]
