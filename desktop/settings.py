"""What the app remembers between sessions, kept in QSettings.

The coder's name, recent projects, the window's geometry and splitter layout, and for each
project the case, document and page that were open, so reopening shows the work as it was left.
Tests pass their own ini file so they never touch the user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class AppSettings:
    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self._qs = QSettings("Casecoder", "Casecoder")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    # The coder -------------------------------------------------------------------------

    def coder_name(self) -> str:
        return str(self._qs.value("coder/name", "") or "").strip()

    def set_coder_name(self, name: str) -> None:
        self._qs.setValue("coder/name", name.strip())

    # Recent projects -------------------------------------------------------------------

    def recent_projects(self) -> list[str]:
        """Most recent first, only files that still exist."""
        value = self._qs.value("projects/recent", []) or []
        items = [value] if isinstance(value, str) else list(value)
        return [p for p in items if p and Path(p).is_file()]

    def add_recent_project(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.recent_projects() if p != path]
        self._qs.setValue("projects/recent", items[:MAX_RECENT])

    def last_project(self) -> str | None:
        recent = self.recent_projects()
        return recent[0] if recent else None

    # Window layout ---------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        return _bytes(self._qs.value("window/geometry"))

    def set_window_geometry(self, data: QByteArray) -> None:
        self._qs.setValue("window/geometry", data)

    def splitter_sizes(self, name: str) -> list[int] | None:
        """The pane widths a splitter had when the window closed (None if unknown or bad)."""
        value = self._qs.value(f"window/splitter_{name}_sizes")
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not items:
            return None
        try:
            sizes = [int(item) for item in items]
        except (TypeError, ValueError):
            return None
        return sizes if all(size >= 0 for size in sizes) else None

    def set_splitter_sizes(self, name: str, sizes: list[int]) -> None:
        self._qs.setValue(f"window/splitter_{name}_sizes", [int(size) for size in sizes])

    def clear_window_layout(self) -> None:
        """Forget the window's geometry and every splitter layout (View → Reset layout)."""
        self._qs.remove("window")

    # Where work stopped, per project -----------------------------------------------------

    def project_place(self, project: str | Path) -> dict:
        """{"case_id", "document_id", "page", "view"} as last saved for a project."""
        self._qs.beginGroup(_project_group(project))
        try:
            place = {key: self._qs.value(key) for key in ("case_id", "document_id", "page")}
            view = self._qs.value("view")
        finally:
            self._qs.endGroup()
        place["page"] = _int_or_none(place.get("page"))
        place["view"] = view if isinstance(view, dict) else None
        return {k: v for k, v in place.items() if v not in (None, "")}

    def set_project_place(self, project: str | Path, **place: object) -> None:
        """Record any of case_id, document_id, page, view (None removes the key)."""
        self._qs.beginGroup(_project_group(project))
        try:
            for key, value in place.items():
                if value is None:
                    self._qs.remove(key)
                else:
                    self._qs.setValue(key, value)
        finally:
            self._qs.endGroup()


def _project_group(project: str | Path) -> str:
    resolved = str(Path(project).resolve())
    return "project_" + resolved.replace("/", "|").replace("\\", "|")


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


def _int_or_none(value: object) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
