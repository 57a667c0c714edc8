"""Going from a cross-case view to a place in a review: open the case, its document and page,
and highlight the passage, as the coding form's evidence chips do for a case's own quotes."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QTimer

from desktop.coding.workspace import Workspace


def open_place(workspace: Workspace, case_id: str | None, document_id: str, page: int,
               rects, quote: str) -> None:
    """Show `document_id` at `page` with `rects` highlighted, switching to `case_id` first
    when another case is open (the case list clears a filter that hides it)."""
    viewer = workspace.viewer

    def highlight() -> None:
        viewer.highlight(page, [list(r) for r in rects], quote)

    def arrive() -> None:
        workspace.open_document(document_id, page, then=highlight)

    current = workspace.current
    if case_id is None or (current is not None and current.case.id == case_id):
        if current is None:
            workspace.message.emit("Open a case first: this document belongs to none.")
            return
        arrive()
        return

    def shown(case) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            workspace.case_shown.disconnect(shown)
        if case.id == case_id:
            # after the workspace has opened the case's remembered document
            QTimer.singleShot(0, arrive)

    workspace.case_shown.connect(shown)
    if not workspace.panel.select_case(case_id):
        workspace.case_shown.disconnect(shown)
        workspace.message.emit("That case is no longer in the project.")
