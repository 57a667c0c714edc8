"""The escalation timeline window: one case's events on a time axis with a lane per stage,
or the cases of a category lined up by stage; saved as PDF, PNG or SVG. The events are read
on the store thread (desktop.ops), the file written on a worker (desktop.workers); the
picture on screen and in the file come from the same layout (exports.timeline)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.layout_fit import size_dialog
from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from desktop.workers import Task, start_task
from exports.brief.scope import find_case
from exports.timeline import (
    Picture,
    layout_case,
    layout_category,
    read_case_timeline,
    read_category_timelines,
    write_picture,
)
from schema.codebook_model import Codebook
from schema.records import Case
from schema.store import Store
from widgets.analysis.timeline_widget import TimelineWidget

ONE_CASE, CATEGORY = "One case", "Cases of a category"
FILTERS = "PDF document (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)"


def read_picture(store: Store, mode: str, key: str) -> tuple[Picture, int]:
    """The picture for a case id or a category key, and how many events it draws."""
    if mode == ONE_CASE:
        timeline = read_case_timeline(store, find_case(store, key))
        return layout_case(timeline), len(timeline.events)
    timelines = read_category_timelines(store, key)
    picture = layout_category(timelines, store.codebook.category_label(key))
    return picture, sum(len(t.events) for t in timelines)


class TimelineWindow(QDialog):
    def __init__(self, store_thread: StoreThread, cases: list[Case], codebook: Codebook | None,
                 case_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_thread = store_thread
        self.task: StoreOp | Task | None = None
        self.picture: Picture | None = None
        self._run = 0
        self.setWindowTitle(f"Escalation timeline — {store_thread.path.name}")
        size_dialog(self, 1100, 640)
        layout = QVBoxLayout(self)
        layout.addLayout(self._chooser_row(cases, codebook, case_id))
        self.view = TimelineWidget()
        scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setStyleSheet("QScrollArea { background: white; }")
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        self.status = QLabel("Reading the events…")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.save_button = QPushButton("Save as PDF, PNG or SVG…")
        self.save_button.clicked.connect(self.save_file)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.reload()

    def _chooser_row(self, cases: list[Case], codebook: Codebook | None,
                     case_id: str | None) -> QHBoxLayout:
        row = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.addItems([ONE_CASE, CATEGORY])
        self.case = QComboBox()
        for case in cases:
            self.case.addItem(f"{case.reference} — {case.title}" if case.title
                              else case.reference, case.id)
        self.case.setCurrentIndex(max(self.case.findData(case_id), 0))
        self.category = QComboBox()
        for option in codebook.categories if codebook else ():
            self.category.addItem(option.label, option.key)
        current = next((c for c in cases if c.id == case_id), None)
        if current and current.category:
            self.category.setCurrentIndex(max(self.category.findData(current.category), 0))
        for label, widget in (("Show:", self.mode), ("Case:", self.case),
                              ("Category:", self.category)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
            widget.currentIndexChanged.connect(lambda _i: self.reload())
        row.addStretch(1)
        return row

    def reload(self) -> None:
        mode = self.mode.currentText()
        self.case.setEnabled(mode == ONE_CASE)
        self.category.setEnabled(mode == CATEGORY)
        key = self.case.currentData() if mode == ONE_CASE else self.category.currentData()
        self._run += 1
        run = self._run
        self.save_button.setEnabled(False)
        if not key:
            self.status.setText("The project has no cases yet.")
            return
        self.status.setText("Reading the events…")
        self.task = StoreOp(lambda store, _p: read_picture(store, mode, key),
                            on_success=lambda result: self._shown(run, *result),
                            on_failure=lambda error: self._failed(run, str(error)))
        self.task.run_on(self.store_thread)

    def _shown(self, run: int, picture: Picture, events: int) -> None:
        if run != self._run:
            return
        self.task = None
        self.picture = picture
        self.view.set_picture(picture)
        self.save_button.setEnabled(True)
        self.status.setText(f"{events} escalation event{'s' if events != 1 else ''} coded.")

    def _failed(self, run: int, message: str) -> None:
        if run == self._run:
            self.task = None
            self.picture = None
            self.view.set_picture(None)
            self.status.setText(f"No timeline: {message}")

    def save_file(self) -> None:
        if self.picture is None:
            return
        start = self.store_thread.path.with_name(f"{self.picture.title or 'timeline'}.pdf")
        name, chosen = QFileDialog.getSaveFileName(self, "Save the timeline", str(start),
                                                   FILTERS)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".pdf", ".png", ".svg"):
            path = path.with_suffix("." + chosen.split("(*.")[1][:3] if chosen else ".pdf")
        picture = self.picture
        self.save_button.setEnabled(False)
        self.status.setText(f"Writing {path.name}…")
        self.task = start_task(lambda _p: write_picture(picture, path),
                               on_success=self._saved, on_failure=self._save_failed)

    def _saved(self, path: Path) -> None:
        self.task = None
        self.save_button.setEnabled(True)
        self.status.setText(f"Saved {path}.")

    def _save_failed(self, message: str) -> None:
        self.task = None
        self.save_button.setEnabled(True)
        self.status.setText(f"Nothing saved: {message}")


def show_timeline_window(window, store_thread: StoreThread) -> TimelineWindow:
    """Open the timeline beside the main window, on the case being coded if there is one."""
    workspace = window.workspace
    cases = workspace.overview.cases if workspace and workspace.overview else []
    current = workspace.current.case.id if workspace and workspace.current else None
    previous = getattr(window, "_timeline_window", None)
    if previous is not None:
        previous.close()
    shown = TimelineWindow(store_thread, cases, workspace.codebook if workspace else None,
                           current, window)
    window._timeline_window = shown
    shown.show()
    return shown
