"""The PDF viewer's session state as a plain dict, and a forgiving reader for saved copies.

Saved state comes back from settings files that may be old or hand-edited, so every value is
checked and anything unusable falls back to the default instead of raising.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtPdfWidgets import QPdfView

ZOOM_MODES = {
    "fit_width": QPdfView.ZoomMode.FitToWidth,
    "fit_page": QPdfView.ZoomMode.FitInView,
    "custom": QPdfView.ZoomMode.Custom,
}
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0


@dataclass(frozen=True)
class ViewState:
    document_id: str | None
    page: int  # 1-based, 0 = none
    zoom_mode: str = "fit_width"
    zoom_factor: float = 1.0
    pages_panel: bool = False

    def as_dict(self) -> dict:
        return {
            "document_id": self.document_id,
            "page": self.page,
            "zoom_mode": self.zoom_mode,
            "zoom_factor": self.zoom_factor,
            "pages_panel": self.pages_panel,
        }


def parse_view_state(state) -> ViewState:
    """A ViewState from a saved dict; wrong or missing values become defaults."""
    if not isinstance(state, dict):
        return ViewState(None, 0)
    document_id = state.get("document_id")
    page = state.get("page")
    mode = state.get("zoom_mode")
    factor = state.get("zoom_factor")
    return ViewState(
        document_id=str(document_id) if isinstance(document_id, str) and document_id else None,
        page=page if isinstance(page, int) and not isinstance(page, bool) and page > 0 else 0,
        zoom_mode=mode if mode in ZOOM_MODES else "fit_width",
        zoom_factor=(
            min(max(float(factor), MIN_ZOOM), MAX_ZOOM)
            if isinstance(factor, int | float) and not isinstance(factor, bool) and factor > 0
            else 1.0
        ),
        pages_panel=state.get("pages_panel") is True,
    )
