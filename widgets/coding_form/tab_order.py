"""Keep Tab in reading order after repeating items are created late.

Qt's focus chain follows creation order, so an item widget made when a case with a third
victim is first shown would otherwise be reached after the last section."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_stops(panel) -> list[QWidget]:
    """The widgets Tab visits in one section panel, top to bottom (hidden ones included;
    Qt skips them while hidden)."""
    stops: list[QWidget] = []
    groups = [i.group for i in panel.repeat.items] if panel.repeat is not None else [panel.group]
    for group in groups:
        for row in group.rows.values():
            stops.extend(_focusable(row.editor))
    if panel.repeat is not None:
        stops += [panel.repeat.add_button, panel.repeat.na_button]
    return stops


def chain_tab_order(panels: Iterable) -> None:
    stops = [w for panel in panels for w in tab_stops(panel)]
    for first, second in zip(stops, stops[1:], strict=False):
        QWidget.setTabOrder(first, second)


def _focusable(editor: QWidget) -> list[QWidget]:
    window = editor.window()
    return [w for w in editor.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
            and w.window() is window]
