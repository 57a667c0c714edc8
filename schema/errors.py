"""Errors a user can act on. Each carries the exit code the command line should use."""

from __future__ import annotations


class CasecoderError(Exception):
    """Base for every error shown to a user as a one-line reason rather than a traceback."""

    exit_code = 2


class ProjectError(CasecoderError):
    """The project file cannot be used: missing, not a project, damaged or too new."""


class ProjectDamaged(ProjectError):
    """The project file is damaged. `backup` names the newest good backup, when there is one,
    so the app and the command line can offer to restore it."""

    def __init__(self, message: str, path, backup=None) -> None:
        self.path, self.backup = path, backup
        self.detail = message
        super().__init__(message)


class CodebookError(CasecoderError):
    """A codebook is invalid. The message names the file, line and field."""

    def __init__(self, message: str, *, source: str = "", line: int | None = None,
                 field: str | None = None) -> None:
        self.source = source
        self.line = line
        self.field = field
        where = source or "<codebook>"
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {message}")
        self.reason = message


class ValidationError(CasecoderError):
    """A value does not fit the codebook (wrong type, unknown option, unknown field)."""


class NotFoundError(CasecoderError):
    """A case, coding, entity or document that was asked for does not exist."""


class DataImportError(CasecoderError):
    """An import file is unusable. The message gives the JSON path of the first problem."""
