"""Section navigation and keyboard actions of the coding form (mixed into CodingForm).

Shortcuts use the widget-with-children context, so they act only while focus is in the form
and never clash with the window around it.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence

SHORTCUTS = {
    "next_section": ("Next section", "Ctrl+PgDown"),
    "previous_section": ("Previous section", "Ctrl+PgUp"),
    "mark_not_reported": ("Mark field not reported", "Ctrl+Shift+N"),
    "mark_not_applicable": ("Mark field not applicable", "Ctrl+Shift+A"),
    "clear_field": ("Clear field", "Ctrl+Shift+Backspace"),
    "add_item": ("Add an item to this section", "Ctrl+Shift+Return"),
    "remove_item": ("Remove this item", "Ctrl+Shift+Del"),
    "move_item_up": ("Move this item up", "Alt+Shift+Up"),
    "move_item_down": ("Move this item down", "Alt+Shift+Down"),
}


class FormKeysMixin:
    """Needs from CodingForm: panels, nav, scroll, _rows, _focused, events, focus_field."""

    def _setup_keys(self) -> None:
        self.keyboard_actions: dict[str, QAction] = {}
        for name, (text, keys) in SHORTCUTS.items():
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(getattr(self, name))
            self.addAction(action)
            self.keyboard_actions[name] = action

    # Sections -----------------------------------------------------------------------------

    def next_section(self) -> None:
        self._step_section(+1)

    def previous_section(self) -> None:
        self._step_section(-1)

    def jump_to_section(self, key: str) -> None:
        """Expand the section, scroll its header to the top and focus its first field."""
        panel = self.panels.get(key)
        if panel is None or not self.content.isEnabled():
            return
        panel.set_expanded(True)
        self.content.layout().activate()
        target = panel.first_focus_widget()
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.verticalScrollBar().setValue(panel.y())
        self._select_nav(key)

    def set_section_expanded(self, key: str, expanded: bool) -> None:
        self.panels[key].set_expanded(expanded)

    def is_section_expanded(self, key: str) -> bool:
        return self.panels[key].is_expanded()

    def current_section(self) -> str | None:
        """The section of the focused field, else the one at the top of the view."""
        if self._focused and self._focused in self._rows:
            return self._rows[self._focused][1].section.key
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _step_section(self, step: int) -> None:
        keys = list(self.panels)
        if not keys:
            return
        current = self.current_section()
        index = keys.index(current) + step if current in keys else 0
        self.jump_to_section(keys[min(max(index, 0), len(keys) - 1)])

    def _select_nav(self, key: str) -> None:
        keys = list(self.panels)
        if key in keys and self.nav.currentRow() != keys.index(key):
            blocker = QSignalBlocker(self.nav)
            self.nav.setCurrentRow(keys.index(key))
            del blocker

    def _sync_nav_to_scroll(self, value: int) -> None:
        """Highlight the section whose header is at or above the top of the view."""
        top = None
        for key, panel in self.panels.items():
            if panel.y() <= value + 8:
                top = key
        if top:
            self._select_nav(top)

    # The focused field --------------------------------------------------------------------

    def _focused_row(self):
        found = self._rows.get(self._focused) if self._focused else None
        return found[0] if found else None

    def mark_not_reported(self) -> None:
        row = self._focused_row()
        if row is not None:
            row.mark("not_reported")

    def mark_not_applicable(self) -> None:
        row = self._focused_row()
        if row is not None:
            row.mark("not_applicable")

    def clear_field(self) -> None:
        row = self._focused_row()
        if row is not None:
            row.clear()

    # Items of repeating sections ----------------------------------------------------------

    def _focused_item(self):
        found = self._rows.get(self._focused) if self._focused else None
        if found is None or found[1].repeat is None:
            return None
        return found[1].repeat.item(found[0].entity_id)

    def add_item(self) -> None:
        key = self.current_section()
        if key and self.panels[key].repeat is not None and self.content.isEnabled():
            self.events.entity_add_requested.emit(key)

    def remove_item(self) -> None:
        item = self._focused_item()
        if item is not None:
            item.remove.click()

    def move_item_up(self) -> None:
        item = self._focused_item()
        if item is not None:
            item.up.click()

    def move_item_down(self) -> None:
        item = self._focused_item()
        if item is not None:
            item.down.click()
