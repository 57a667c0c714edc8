"""Previewing and saving a learning brief in the app.

The brief is built in a background task (it opens its own store, reads the coded data and lays
out pages with reportlab) and shown with QtPdf exactly as it will print. The scope is the open
case, every case of its category or review type, or cases ticked in a list; a protective
marking can be set before saving. A thematic brief uses cases marked coded or checked, and
those in progress when "Include cases in progress" is ticked. A brief that is refused (too
little coded) clears the preview and says why, so no near-empty brief can be saved. Only the
newest build is shown: a result that arrives after the user changed the scope or marking
again is dropped."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.layout_fit import size_dialog
from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from exports.brief import BriefResult, BriefScope, build_brief, check_marking, write_pdf
from schema.errors import CasecoderError
from schema.records import Case

MARKINGS = ("", "OFFICIAL", "OFFICIAL-SENSITIVE")
THIS_CASE, ITS_CATEGORY, ITS_TYPE, CHOSEN = "case", "category", "review_type", "cases"


class BriefDialog(QDialog):
    def __init__(self, store_thread: StoreThread, case_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_thread = store_thread
        self.project, self.case_id = store_thread.path, case_id
        self.cases: dict[str, Case] = {}
        self.result_pdf: bytes | None = None
        self._generation = 0
        self._tasks: list = []
        self.setWindowTitle("Learning brief")
        size_dialog(self, 900, 1000)
        self._setup_ui()
        self._tasks.append(StoreOp(lambda store, _p: store.list_cases(),
                                   on_success=self._cases_loaded,
                                   on_failure=lambda error: self._failed(str(error))
                                   ).run_on(store_thread))

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.scope = QComboBox()
        if self.case_id:
            self.scope.addItem("This case", THIS_CASE)
            self.scope.addItem("Every case of its category (thematic)", ITS_CATEGORY)
            self.scope.addItem("Every case of its review type (thematic)", ITS_TYPE)
        self.scope.addItem("Chosen cases (thematic)", CHOSEN)
        self.marking = QComboBox(editable=True)
        self.marking.addItems(MARKINGS)
        self.marking.lineEdit().setPlaceholderText("Protective marking (optional)")
        self.refresh = QPushButton("Update preview")
        self.in_progress = QCheckBox("Include cases in progress")
        self.in_progress.setToolTip("A thematic brief normally uses only cases marked coded or "
                                    "checked; tick this to use cases still being coded too.")
        self.in_progress.toggled.connect(self.rebuild)
        self.marking.setMinimumContentsLength(22)
        self.marking.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for widget, stretch in ((QLabel("Brief for:"), 0), (self.scope, 1),
                                (QLabel("Marking:"), 0), (self.marking, 0),
                                (self.in_progress, 0), (self.refresh, 0)):
            controls.addWidget(widget, stretch)
        layout.addLayout(controls)
        self.case_list = QListWidget()
        self.case_list.setMaximumHeight(140)
        self.case_list.setVisible(False)
        layout.addWidget(self.case_list)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._bottom_row())
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.marking.activated.connect(self.rebuild)
        self.marking.lineEdit().returnPressed.connect(self.rebuild)
        self.refresh.clicked.connect(self.rebuild)

    def _bottom_row(self) -> QHBoxLayout:
        bottom = QHBoxLayout()
        self.status = QLabel("Reading the cases…")
        self.status.setWordWrap(True)
        self.save_button = QPushButton("Save PDF…")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        return bottom

    def _cases_loaded(self, cases: list[Case]) -> None:
        self.cases = {case.id: case for case in cases}
        for case in cases:
            item = QListWidgetItem(f"{case.reference} · {case.review_type}"
                                   + (f" · {case.category}" if case.category else ""))
            item.setData(Qt.ItemDataRole.UserRole, case.id)
            item.setCheckState(Qt.CheckState.Checked if case.id == self.case_id
                               else Qt.CheckState.Unchecked)
            self.case_list.addItem(item)
        self._scope_changed()

    def _scope_changed(self) -> None:
        self.case_list.setVisible(self.scope.currentData() == CHOSEN)
        if self.scope.currentData() == CHOSEN and not self.chosen_cases():
            self.status.setText("Tick the cases the brief should cover, then Update preview.")
            return
        self.rebuild()

    def chosen_cases(self) -> list[str]:
        items = (self.case_list.item(i) for i in range(self.case_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def current_scope(self) -> BriefScope:
        kind = self.scope.currentData()
        if kind == CHOSEN:
            chosen = self.chosen_cases()
            return BriefScope.case(chosen[0]) if len(chosen) == 1 else BriefScope.cases(chosen)
        case = self.cases.get(self.case_id)
        if case is None:
            if kind != THIS_CASE:
                raise CasecoderError("the case list is still being read")
            return BriefScope.case(self.case_id)
        if kind == ITS_CATEGORY and case.category:
            return BriefScope.category(case.category)
        if kind == ITS_TYPE:
            return BriefScope.review_type(case.review_type)
        return BriefScope.case(case.id)

    def rebuild(self) -> None:
        """Build the brief for the current choices; an older build still running is ignored."""
        try:
            scope, marking = self.current_scope(), check_marking(self.marking.currentText())
        except CasecoderError as exc:
            self.save_button.setEnabled(False)  # what is shown no longer matches the choices
            self._failed(str(exc))
            return
        self._generation += 1
        generation = self._generation
        self.save_button.setEnabled(False)
        self.status.setText("Building the brief…")
        include = self.in_progress.isChecked()
        self._tasks.append(StoreOp(
            lambda store, _p: build_brief(store, scope, marking=marking,
                                          include_in_progress=include),
            on_success=lambda result: self._show(generation, result),
            on_failure=lambda error: self._failed(str(error), generation)
        ).run_on(self.store_thread))

    def _show(self, generation: int, result: BriefResult) -> None:
        if generation != self._generation:
            return
        self.result_pdf = result.pdf
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(result.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() == QPdfDocument.Status.Error or not self.document.pageCount():
            self._failed("the PDF could not be shown")
            return
        left_out = f" Left out: {'; '.join(result.skipped)}." if result.skipped else ""
        self.status.setText(f"“{result.title}”: {result.pages} page(s), {len(result.cases)} "
                            f"case(s). Real names are replaced by pseudonyms.{left_out}")
        self.save_button.setEnabled(True)

    def _failed(self, message: str, generation: int | None = None) -> None:
        if generation is None or generation == self._generation:
            self.result_pdf = None
            self.document.close()
            self.status.setText(f"The brief could not be built: {message}")

    def _save(self) -> None:
        if self.result_pdf is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save learning brief",
                                              str(self.project.with_name("learning-brief.pdf")),
                                              "PDF files (*.pdf)")
        if not path:
            return
        try:
            write_pdf(path, self.result_pdf)
        except CasecoderError as exc:
            QMessageBox.warning(self, "Learning brief", f"The brief was not saved: {exc}")
            return
        self.status.setText(f"Saved {path}.")


def show_brief_dialog(parent: QWidget | None, store_thread: StoreThread,
                      case_id: str | None) -> None:
    """Open the preview for the open case (or, with no case open, for chosen cases)."""
    BriefDialog(store_thread, case_id, parent).exec()
