"""The merge wizard: choose source projects, merge them into this project in the background
with progress, read the merge report, and decide the look-alike cases the merge could not
decide by itself.

Cases the merge is sure about (the same document, or the same text from two sites) are
combined by the merge. The pairs it is not sure about are shown side by side afterwards;
the person's decisions are then carried out on this project, which is the same as merging
with those decisions (schema.merge.decisions), and they hold for every later merge."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.layout_fit import size_dialog
from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from desktop.workers import Progress
from schema.merge import MergeReport, merge_projects
from schema.merge.decisions import Decision
from schema.store import Store
from widgets.merge.candidate_view import CandidateView


def run_merge(store: Store, sources: list[Path], include_documents: bool,
              progress: Progress) -> MergeReport:
    """The merge into the open project, on its store thread (after every queued edit),
    reporting progress and stopping on cancel (which rolls the whole merge back)."""
    def report(done: int, total: int, message: str) -> None:
        progress.check()
        progress.update(done, total, message)

    return merge_projects(store.path, sources, actor=store.actor,
                          include_documents=include_documents, progress=report)


class MergeWizard(QDialog):
    def __init__(self, store_thread: StoreThread, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_thread = store_thread
        self.target = target = store_thread.path
        self.task: StoreOp | None = None
        self.pages_task: StoreOp | None = None
        self.report: MergeReport | None = None
        self.decisions_applied = False
        self.setWindowTitle(f"Merge projects into {target.name}")
        size_dialog(self, 1000, 640)
        self._setup_ui()
        self._update_buttons()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            f"Projects from other sites are merged into <b>{self.target.name}</b>. A review "
            "coded in two places (the same case id, the same document, or documents with the "
            "same text) becomes one case holding both codings; cases that only look alike are "
            "shown to you to decide. If anything goes wrong, this project is left as it was.",
            wordWrap=True))
        self.sources = QListWidget()
        self.sources.itemSelectionChanged.connect(self._update_buttons)
        self.sources.setMaximumHeight(6 * self.fontMetrics().height() + 12)
        layout.addWidget(self.sources)
        row = QHBoxLayout()
        self.add_button = QPushButton("Add projects…")
        self.add_button.clicked.connect(self._choose_sources)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self._remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.codings_only = QCheckBox("Codings only: leave out PDFs, page text and real-name "
                                      "registers (for sharing outside the borough)")
        layout.addWidget(self.codings_only)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel("")
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.report_view = QPlainTextEdit(readOnly=True)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_view.setPlaceholderText("The merge report appears here.")
        self.candidates = CandidateView()
        self.candidates.pages_wanted.connect(self._read_pages)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.report_view, "Merge report")
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.apply_button = QPushButton("Apply decisions")
        self.apply_button.setToolTip("Combine the pairs marked 'same review' and record the "
                                     "pairs marked 'different reviews'")
        self.apply_button.clicked.connect(self.apply_decisions)
        self.apply_button.setVisible(False)
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        self.merge_button = QPushButton("Merge")
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.start_merge)
        self.cancel_button = QPushButton("Cancel merge")
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_button.setVisible(False)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.accept)
        for button in (self.merge_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def add_sources(self, paths: list[Path]) -> None:
        present = set(self.source_paths())
        for path in paths:
            if path not in present and path.resolve() != self.target.resolve():
                self.sources.addItem(str(path))
        self._update_buttons()

    def source_paths(self) -> list[Path]:
        return [Path(self.sources.item(i).text()) for i in range(self.sources.count())]

    def _choose_sources(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Projects to merge in",
                                                str(self.target.parent),
                                                "Casecoder projects (*.casecoder)")
        self.add_sources([Path(n) for n in names])

    def _remove_selected(self) -> None:
        for item in self.sources.selectedItems():
            self.sources.takeItem(self.sources.row(item))
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.task is not None
        self.merge_button.setEnabled(not running and self.sources.count() > 0)
        self.remove_button.setEnabled(not running and bool(self.sources.selectedItems()))
        self.add_button.setEnabled(not running)
        self.codings_only.setEnabled(not running)
        self.close_button.setEnabled(not running)
        self.apply_button.setEnabled(not running)
        self.cancel_button.setVisible(running)

    def start_merge(self) -> None:
        sources, include = self.source_paths(), not self.codings_only.isChecked()
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText("Checking the sources…")
        self.report_view.clear()
        self._show_candidates([])
        self.task = StoreOp(lambda store, p: run_merge(store, sources, include, p),
                            on_success=self._finished,
                            on_failure=lambda error: self._failed(str(error)),
                            on_progress=self._progressed, on_cancel=self._cancelled
                            ).run_on(self.store_thread)
        self._update_buttons()

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(message)

    def _finished(self, report: MergeReport) -> None:
        self.report = report
        self._done("Merge complete." if report.changed else
                   "Nothing new: this project already held everything in the sources.")
        self.report_view.setPlainText(report.text())
        self._show_candidates(report.candidates)

    def _show_candidates(self, pairs: list[dict]) -> None:
        index = self.tabs.indexOf(self.candidates)
        if not pairs:
            if index >= 0:
                self.tabs.removeTab(index)
            self.apply_button.setVisible(False)
            return
        self.candidates.set_pairs(pairs)
        if index < 0:
            index = self.tabs.addTab(self.candidates, "")
        self.tabs.setTabText(index, f"Look-alike cases ({len(pairs)})")
        self.tabs.setCurrentIndex(index)
        self.apply_button.setVisible(True)
        self.status.setText(f"{self.status.text()} {len(pairs)} pair(s) of cases may be the "
                            f"same review: decide them below, or later from Tools → Combine.")

    def _read_pages(self, index: int) -> None:
        first, second = self.candidates.pairs[index]["documents"]
        self.pages_task = StoreOp(lambda store, _p: store.compare_documents(first, second),
                                  on_success=lambda pages: self.candidates.set_pages(index,
                                                                                     pages),
                                  on_failure=lambda error: self.status.setText(str(error))
                                  ).run_on(self.store_thread)

    def apply_decisions(self) -> None:
        decided = [Decision(*d) for d in self.candidates.decisions()]
        if not decided:
            self.status.setText("Mark at least one pair 'same' or 'different' first.")
            return
        self.task = StoreOp(lambda store, _p: store.apply_decisions(decided),
                            on_success=self._decided,
                            on_failure=lambda error: self._failed(str(error))
                            ).run_on(self.store_thread)
        self._update_buttons()

    def _decided(self, counts: tuple[int, int]) -> None:
        self.decisions_applied = True
        decided = {(d[0], d[1]) for d in self.candidates.decisions()}
        left = [p for p in self.candidates.pairs
                if (p["case_id"], p["other_case_id"]) not in decided]
        self._done(f"Done: {counts[0]} pair(s) combined into one case, {counts[1]} kept "
                   f"apart as different reviews.")
        self._show_candidates(left)

    def _failed(self, message: str) -> None:
        self._done("The merge was refused or failed; this project was left as it was.")
        self.report_view.setPlainText(message)

    def _cancelled(self) -> None:
        self._done("Merge cancelled; this project was left as it was.")

    def _cancel(self) -> None:
        if self.task:
            self.task.cancel()
            self.status.setText("Cancelling…")

    def _done(self, status: str) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.status.setText(status)
        self._update_buttons()

    def reject(self) -> None:  # Escape while merging must not leave the task orphaned
        if self.task is None:
            super().reject()


def show_merge_wizard(parent: QWidget | None, store_thread: StoreThread) -> bool:
    """Run the wizard modally; True when the merge changed the project (refresh views)."""
    wizard = MergeWizard(store_thread, parent)
    wizard.exec()
    return bool(wizard.report and wizard.report.changed) or wizard.decisions_applied
