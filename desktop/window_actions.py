"""The main window's actions, menus and toolbar, with their shortcuts.

Each feature's dialog is imported here directly and opened through `MainWindow.open_feature`,
so "go to definition" on a menu entry leads to its dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QStyle, QToolBar

from desktop.analysis.matrix_view import show_matrix_window
from desktop.analysis.timeline_view import show_timeline_window
from desktop.audit.dialog import show_audit_dialog
from desktop.brief.dialog import show_brief_dialog
from desktop.cases import actions as case_actions
from desktop.combine.dialog import show_combine_dialog
from desktop.interop.dialog import show_interop_dialog
from desktop.merge.agreement_dialog import show_agreement_dialog
from desktop.merge.reconcile_dialog import show_reconcile_dialog
from desktop.merge.wizard import show_merge_wizard
from desktop.project.restore_dialog import show_restore_dialog
from desktop.tables.dialog import show_tables_dialog
from widgets.cases.case_list import STATUS_LABELS
from widgets.cases.coding_switcher import CodingSwitcher

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


@dataclass(frozen=True)
class Feature:
    """A dialog opened from the Export or Tools menu: `show(window, store_thread[, case_id])`,
    working through the open project's store thread (desktop.ops). One that replaces the
    project file is shown with the project closed: `show(window, project_path)`."""

    key: str
    text: str
    show: Callable[..., object]
    needs_case: bool = False
    closes_project: bool = False
    refreshes_itself: bool = False  # reloads the case list itself (after an undoable edit)


FEATURES = (
    Feature("tables", "Summary &tables…", show_tables_dialog),
    Feature("brief", "Learning &brief…", show_brief_dialog, needs_case=True),
    Feature("interop", "&Data for other tools…", show_interop_dialog),
    Feature("merge", "&Merge projects…", show_merge_wizard),
    Feature("reconcile", "&Reconcile codings…", show_reconcile_dialog, needs_case=True),
    Feature("combine", "Com&bine with another case…", show_combine_dialog, needs_case=True,
            refreshes_itself=True),
    Feature("agreement", "Coder &agreement…", show_agreement_dialog),
    Feature("audit", "Audit &log…", show_audit_dialog),
    Feature("restore", "Restore from &backup…", show_restore_dialog, closes_project=True),
    Feature("matrix", "Case-by-field &matrix…", show_matrix_window, refreshes_itself=True),
    Feature("timeline", "Escalation &timeline…", show_timeline_window, refreshes_itself=True),
)


class WindowActions:
    """Creates every action of `window` and lays out its menus and toolbar."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w = window
        self.new_project = self._action("&New project…", w.new_project, QKeySequence.New,
                                        QStyle.StandardPixmap.SP_FileDialogNewFolder)
        self.open_project = self._action("&Open project…", w.choose_project, QKeySequence.Open,
                                         QStyle.StandardPixmap.SP_DialogOpenButton)
        self.import_documents = self._action("&Import documents…", w.choose_documents,
                                             "Ctrl+I", QStyle.StandardPixmap.SP_ArrowDown)
        self.new_case = self._action("New &case…", w.new_case, "Ctrl+Alt+N",
                                     QStyle.StandardPixmap.SP_FileIcon)
        self.edit_case = self._action("&Edit case…", lambda: case_actions.edit_case(w),
                                      "Ctrl+Alt+E")
        self.delete_case = self._action("&Delete case…", lambda: case_actions.delete_case(w))
        self.features = {f.key: self._feature_action(f) for f in FEATURES}
        w.panel.set_case_actions([self.edit_case, self.features["combine"],
                                  self.delete_case])
        self.quit = self._action("&Quit", w.close, QKeySequence.Quit)
        self.undo = w.undo_group.createUndoAction(w, "&Undo")
        self.undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo = w.undo_group.createRedoAction(w, "&Redo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.attach = self._action("Attach selected &text as evidence", w.attach_evidence,
                                   "Ctrl+E", QStyle.StandardPixmap.SP_DialogApplyButton)
        self.attach.setIconText("Attach evidence")
        self.attach.setToolTip("Attach the text selected in the PDF to the focused field "
                               "(Ctrl+E)")
        self.next_case = self._action("&Next case", w.panel.next_case, "Ctrl+]")
        self.previous_case = self._action("&Previous case", w.panel.previous_case, "Ctrl+[")
        # The form owns its section shortcuts (active while focus is in it); the menu
        # shows the same actions so they can be found.
        self.next_section = w.form.keyboard_actions["next_section"]
        self.previous_section = w.form.keyboard_actions["previous_section"]
        self.recent_menu = QMenu("&Recent projects", w)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.status_combo = self._status_combo()
        self.coding_switcher = CodingSwitcher()
        self._build_menus()
        self._build_toolbar()

    def _action(self, text: str, slot, shortcut=None, icon=None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _feature_action(self, feature: Feature) -> QAction:
        return self._action(feature.text, lambda: self.window.open_feature(feature))

    def _status_combo(self) -> QComboBox:
        combo = QComboBox(objectName="caseStatus")
        for key, label in STATUS_LABELS.items():
            combo.addItem(label, key)
        combo.setToolTip("How far the coding of this case has got")
        combo.activated.connect(lambda _index: self.window.status_chosen(
            combo.currentData(), combo.currentText().lower()))
        return combo

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        project = self.project_menu = bar.addMenu("&Project")
        for item in (self.new_project, self.open_project, self.recent_menu, None,
                     self.import_documents, self.new_case, self.edit_case, self.delete_case,
                     None, self.quit):
            _add(project, item)
        edit = bar.addMenu("&Edit")
        for item in (self.undo, self.redo, None, self.attach):
            _add(edit, item)
        go = bar.addMenu("&Go")
        for item in (self.next_case, self.previous_case, None, self.next_section,
                     self.previous_section):
            _add(go, item)
        export = bar.addMenu("E&xport")
        export.addAction(self.features["tables"])
        export.addAction(self.features["brief"])
        export.addAction(self.features["interop"])
        # Reading across cases; desktop.analysis adds search and the quote bank above these.
        self.analysis_menu = bar.addMenu("&Analysis")
        for key in ("matrix", "timeline"):
            self.analysis_menu.addAction(self.features[key])
        tools = bar.addMenu("&Tools")
        for key in ("merge", "reconcile", "combine", "agreement", None, "audit", "restore"):
            _add(tools, self.features[key] if key else None)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main", self.window, objectName="mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(toolbar.toolButtonStyle().ToolButtonTextBesideIcon)
        for action in (self.open_project, self.import_documents, self.new_case):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(_fixed_label(self.undo, "Undo", self.window))
        toolbar.addAction(_fixed_label(self.redo, "Redo", self.window))
        toolbar.addSeparator()
        toolbar.addAction(self.attach)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" Case status: "))
        toolbar.addWidget(self.status_combo)
        toolbar.addWidget(self.coding_switcher)
        self.window.addToolBar(toolbar)
        self.toolbar = toolbar

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.window.settings.recent_projects()
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.window.open_project(p))
        if not recent:
            self.recent_menu.addAction("No recent projects").setEnabled(False)

    def set_project_open(self, is_open: bool, has_case: bool, writable: bool = True) -> None:
        """Enable what needs an open project, or an open case (and writing, for some)."""
        for action in (self.import_documents, self.new_case):
            action.setEnabled(is_open and writable)
        for action in (self.attach, self.next_case, self.previous_case, self.next_section,
                       self.previous_section):
            action.setEnabled(has_case)
        for action in (self.edit_case, self.delete_case):
            action.setEnabled(has_case and writable)
        self.status_combo.setEnabled(has_case)
        for feature in FEATURES:
            action = self.features[feature.key]
            if not action.property("missing"):
                action.setEnabled(is_open and (has_case or not feature.needs_case))

    def show_status(self, status: str) -> None:
        index = self.status_combo.findData(status)
        self.status_combo.setCurrentIndex(max(index, 0))


def _fixed_label(action: QAction, label: str, parent) -> QAction:
    """A toolbar stand-in for Undo or Redo: a short label that never changes, so the buttons
    after it stay where they are; what it would undo is in its tooltip."""
    proxy = QAction(label, parent)

    def follow() -> None:
        proxy.setEnabled(action.isEnabled())
        proxy.setToolTip(action.text().replace("&", "") + f" ({action.shortcut().toString()})")
    action.changed.connect(follow)
    proxy.triggered.connect(lambda _checked=False: action.trigger())
    follow()
    return proxy


def _add(menu: QMenu, item) -> None:
    if item is None:
        menu.addSeparator()
    elif isinstance(item, QMenu):
        menu.addMenu(item)
    else:
        menu.addAction(item)
