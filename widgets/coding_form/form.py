"""CodingForm: the coding form generated from a codebook, filled from snapshots.

It knows nothing about the database. Its owner gives it a codebook once (`set_codebook`),
then snapshots (`show_coding`), and turns its signals into store calls; after a save, undo or
redo the owner sends the stored result back with `apply_answer` / `apply_evidence`, or a new
snapshot after items were added, removed or moved.

Keyboard: Tab moves from field to field (a multi-choice list is one stop: arrows move inside
it, Space ticks). Ctrl+PageDown / Ctrl+PageUp go to the next / previous section. On the
focused field Ctrl+Shift+N marks it not reported, Ctrl+Shift+A not applicable and
Ctrl+Shift+Backspace clears it. In a repeating item Alt+Shift+Up / Alt+Shift+Down move the
item, Ctrl+Shift+Delete removes it and Ctrl+Shift+Return adds a new one. A repeating
section's Not applicable button asks (`section_state_requested`) to mark the whole section as
not applying to the case; while marked, it shows a banner and takes no new items. The actions are
`form.keyboard_actions` (all with widget-with-children context), for menus to show.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from schema.codebook_model import Codebook
from schema.records import Answer, Evidence
from widgets.coding_form.events import FormEvents
from widgets.coding_form.field_row import FieldRow
from widgets.coding_form.form_keys import FormKeysMixin
from widgets.coding_form.section_panel import SectionPanel
from widgets.coding_form.snapshot import CodingSnapshot
from widgets.coding_form.tab_order import chain_tab_order

_LAYOUT_DEPTH = 8  # row, group, item, repeat group, body, panel, content, and one spare
EMPTY_HINT = "Choose a case in the list to code it here."


class CodingForm(FormKeysMixin, QWidget):
    """The form for one coding; see the module docstring for the contract."""

    answer_edited = Signal(str, str, str, object)
    answer_cleared = Signal(str, str)
    entity_add_requested = Signal(str)
    entity_remove_requested = Signal(str)
    entity_move_requested = Signal(str, int)
    section_state_requested = Signal(str, bool)
    evidence_activated = Signal(object)
    evidence_remove_requested = Signal(str)
    attach_evidence_requested = Signal(str, str)
    suggestion_accepted = Signal(str, object)
    suggestion_dismissed = Signal(object)
    suggestion_viewed = Signal(object)
    focused_field_changed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codebook: Codebook | None = None
        self.panels: dict[str, SectionPanel] = {}
        self.snapshot: CodingSnapshot | None = None
        self._rows: dict[tuple[str, str], tuple[FieldRow, SectionPanel]] = {}
        self._focused: tuple[str, str] | None = None
        self._cite_row: FieldRow | None = None
        self._pending_add: tuple[str, set[str]] | None = None
        self._titles: dict[str, str] = {}
        self._show_titles = False
        self._suggestions: tuple[str, dict[str, list]] = ("", {})  # coding id, by field path
        self.events = FormEvents(self)
        self._forward_events()
        self._build()
        self._setup_keys()
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def _forward_events(self) -> None:
        e = self.events
        for name in ("answer_edited", "answer_cleared", "entity_add_requested",
                     "entity_remove_requested", "entity_move_requested",
                     "section_state_requested", "evidence_activated",
                     "evidence_remove_requested", "attach_evidence_requested",
                     "suggestion_accepted", "suggestion_dismissed", "suggestion_viewed"):
            getattr(e, name).connect(getattr(self, name))
        e.entity_add_requested.connect(self._remember_add)

    def _build(self) -> None:
        self._fields_width = self._compact_width = 0
        self._measured_shown = False
        self._compact: bool | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.nav = QListWidget(self)
        self.nav.setFixedWidth(max(148, self.nav.fontMetrics().averageCharWidth() * 24))
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav.setToolTip("Sections: click to jump (Ctrl+PageDown / Ctrl+PageUp)")
        self.nav.itemClicked.connect(lambda item: self.jump_to_section(
            item.data(Qt.ItemDataRole.UserRole)))
        outer.addWidget(self.nav)
        right = QVBoxLayout()
        right.setSpacing(0)
        self.hint = QLabel(EMPTY_HINT, self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: #6b7280; padding: 14px; background: #f5f6f8;")
        right.addWidget(self.hint)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # The form scrolls down, never sideways: its minimum width keeps every editor,
        # badge and Cite button inside the visible width.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.verticalScrollBar().valueChanged.connect(self._sync_nav_to_scroll)
        self.content = QWidget(self.scroll)
        self._content_layout = QVBoxLayout(self.content)
        self._content_layout.setContentsMargins(12, 12, 14, 24)
        self._content_layout.setSpacing(14)
        self._content_layout.addStretch(1)
        self.scroll.setWidget(self.content)
        right.addWidget(self.scroll, 1)
        outer.addLayout(right, 1)

    # Building -----------------------------------------------------------------------------

    def set_codebook(self, codebook: Codebook) -> None:
        """Build one panel per section (once per codebook); the form then shows no coding."""
        for panel in self.panels.values():
            panel.deleteLater()
        self.codebook = codebook
        self.panels = {}
        self.nav.clear()
        for section in codebook.sections:
            panel = SectionPanel(section, self.events, self.content)
            self._content_layout.insertWidget(self._content_layout.count() - 1, panel)
            self.panels[section.key] = panel
            self.nav.addItem(section.label)
            self.nav.item(self.nav.count() - 1).setData(Qt.ItemDataRole.UserRole, section.key)
        self.show_coding(None)
        self._fit_without_sideways_scrolling()

    def _fit_without_sideways_scrolling(self) -> None:
        """Measure how wide the fields need to be with labels beside the editors (wide) and
        with labels above them (compact). The form asks for the wide width plus the section
        list (sizeHint) and will not be narrower than the compact width (minimumSizeHint),
        so a splitter can never cut off the badges and Cite buttons at its right edge."""
        extra = self.scroll.verticalScrollBar().sizeHint().width() + 4
        widths = {}
        for compact in (True, False):
            self._set_rows_compact(compact)
            _settle_layouts(self.content)
            widths[compact] = self.content.minimumSizeHint().width() + extra
        self._compact_width, self._fields_width = widths[True], widths[False]
        # Widgets measured before the form is first on screen (not yet polished) can report
        # sizes too small, which let the splitter clip the editors: measure again once shown.
        self._measured_shown = self.isVisible()
        self._compact = None
        self.updateGeometry()
        self._arrange()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self.nav.width() + self._fields_width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self._compact_width, super().minimumSizeHint().height())

    def is_compact(self) -> bool:
        """True when the labels sit above the editors (the form is narrow)."""
        return bool(self._compact)

    def _arrange(self) -> None:
        """As the form narrows, the section list gives way first (Ctrl+PageDown and the Go
        menu still move between sections), then the labels move above their editors."""
        width = self.width()
        self.nav.setVisible(width >= self.nav.width() + self._fields_width)
        compact = width < self._fields_width
        if compact != self._compact:
            self._compact = compact
            self._set_rows_compact(compact)

    def _set_rows_compact(self, compact: bool) -> None:
        for row in self.content.findChildren(FieldRow):
            row.set_compact(compact)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.codebook is not None and not self._measured_shown:
            QTimer.singleShot(0, self, self._fit_without_sideways_scrolling)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange()

    def section_keys(self) -> list[str]:
        return list(self.panels)

    # Showing a coding ---------------------------------------------------------------------

    def show_coding(self, snapshot: CodingSnapshot | None) -> None:
        """Fill every editor from the snapshot without emitting edit signals; None shows an
        empty, disabled form with a hint. The same coding again keeps scroll and focus."""
        same = snapshot is not None and self.snapshot is not None and \
            snapshot.coding_id == self.snapshot.coding_id
        keep_focus = self._focused if same else None
        self.snapshot = snapshot
        pool_sizes = self._pool_sizes()
        self.content.setUpdatesEnabled(False)
        try:
            self._bind_panels(snapshot)
        finally:
            self.content.setUpdatesEnabled(True)
        if self._pool_sizes() != pool_sizes:
            chain_tab_order(self.panels.values())
            self._fit_without_sideways_scrolling()
        elif snapshot is not None and not self._measured_shown and self.isVisible():
            self._fit_without_sideways_scrolling()
        self.hint.setVisible(snapshot is None)
        self.content.setEnabled(snapshot is not None)
        self.nav.setEnabled(snapshot is not None)
        if not same:
            self._focused = None
            self.scroll.verticalScrollBar().setValue(0)
        self._restore_focus(keep_focus)

    def _bind_panels(self, snapshot: CodingSnapshot | None) -> None:
        snap = snapshot or CodingSnapshot(coding_id="")
        evidence = snap.evidence_by_field()
        self._titles = snap.document_titles
        self._show_titles = len({e.document_id for e in snap.evidence if e.document_id}) > 1
        by_section: dict[str, list] = {}
        for entity in sorted(snap.entities, key=lambda e: e.position):
            by_section.setdefault(entity.section, []).append(entity)
        self._rows = {}
        for key, panel in self.panels.items():
            panel.bind(by_section.get(key, []), snap.answers, evidence, self._titles,
                       self._show_titles, snap.not_applicable(key))
            for row in panel.rows():
                if row.entity_id is not None:
                    self._rows[(row.entity_id, row.field.key)] = (row, panel)
        self._apply_suggestions()

    def show_suggestions(self, coding_id: str, items: list) -> None:
        """Offer keyword suggestions (schema Suggestion records) beside their fields, for the
        coding shown; they stay through re-shows of that coding and go with it."""
        by_field: dict[str, list] = {}
        for item in items:
            by_field.setdefault(item.field, []).append(item)
        self._suggestions = (coding_id, by_field)
        self._apply_suggestions()

    def _apply_suggestions(self) -> None:
        coding_id, by_field = self._suggestions
        if self.snapshot is None or self.snapshot.coding_id != coding_id:
            by_field = {}
        for panel in self.panels.values():
            for row in panel.rows():
                row.set_suggestions(by_field.get(row.field.path, []))

    def _pool_sizes(self) -> list[int]:
        return [len(p.repeat.items) for p in self.panels.values() if p.repeat is not None]

    def _remember_add(self, section: str) -> None:
        panel = self.panels.get(section)
        known = {g.entity_id for g in panel.groups()} if panel else set()
        self._pending_add = (section, known)

    def _restore_focus(self, keep: tuple[str, str] | None) -> None:
        """After a re-show of the same coding: focus a newly added item's first field, else
        the field that had focus (it may now sit in another reused item widget)."""
        pending, self._pending_add = self._pending_add, None
        if pending and self.snapshot is not None:
            section, known = pending
            new = [e for e in self.snapshot.section_entities(section) if e.id not in known]
            if new:
                first = self.panels[section].section.fields[0].key
                self.focus_field(new[-1].id, first)
                return
        if keep and keep in self._rows:
            self.focus_field(*keep)

    # Updating one field -------------------------------------------------------------------

    def apply_answer(self, entity_id: str, field: str, answer: Answer | None) -> None:
        """Show the stored answer of one field (after a save, undo or redo)."""
        found = self._rows.get((entity_id, field))
        if found is None:
            return
        row, panel = found
        row.show_answer(answer)
        panel.refresh_count()

    def apply_evidence(self, items: list[Evidence], entity_id: str | None = None,
                       field: str | None = None) -> None:
        """Show the evidence of one field. Pass entity_id and field when `items` is empty
        (the last evidence of the field was removed); with items they are read from them."""
        if items:
            entity_id, field = items[0].entity_id, items[0].field
        found = self._rows.get((entity_id, field)) if entity_id and field else None
        if found is None:
            return
        found[0].show_evidence(list(items), self._titles, self._show_titles)

    # Focus --------------------------------------------------------------------------------

    def focused_field(self) -> tuple[str, str] | None:
        """(entity id, field) with keyboard focus, or the one that had it last."""
        return self._focused

    def focus_field(self, entity_id: str, field: str) -> bool:
        found = self._rows.get((entity_id, field))
        if found is None:
            return False
        row, panel = found
        panel.set_expanded(True)
        target = row.editor.focus_widget()
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._note_focus(row)
        self._ensure_visible(target)
        return True

    def row_for(self, entity_id: str, field: str) -> FieldRow | None:
        found = self._rows.get((entity_id, field))
        return found[0] if found else None

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.isAncestorOf(new):
            return
        row, panel = _ancestors(new, self)
        if panel is not None:
            self._select_nav(panel.section.key)
        if row is not None and row.entity_id is not None:
            self._note_focus(row)
        self._ensure_visible(new)

    def _note_focus(self, row: FieldRow) -> None:
        if self._cite_row is not None and self._cite_row is not row:
            self._cite_row.set_cite_visible(False)
        self._cite_row = row
        row.set_cite_visible(True)
        key = (row.entity_id, row.field.key)
        if key != self._focused:
            self._focused = key
            self.focused_field_changed.emit(*key)

    def _ensure_visible(self, widget: QWidget) -> None:
        if self.scroll.isAncestorOf(widget):
            self.scroll.ensureWidgetVisible(widget, 40, 60)


def _settle_layouts(widget: QWidget) -> None:
    """Let changed row layouts report their new size up to `widget` now, not on the next
    pass of the event loop (each level posts a layout request to the one above)."""
    for _ in range(_LAYOUT_DEPTH):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    widget.layout().activate()


def _ancestors(widget: QWidget, stop: QWidget) -> tuple[FieldRow | None, SectionPanel | None]:
    """The FieldRow and SectionPanel that contain a widget, if any."""
    row = panel = None
    while widget is not None and widget is not stop:
        if row is None and isinstance(widget, FieldRow):
            row = widget
        if isinstance(widget, SectionPanel):
            panel = widget
            break
        widget = widget.parentWidget()
    return row, panel
