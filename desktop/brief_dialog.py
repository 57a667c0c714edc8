"""Previewing and saving a learning brief in the app.

The brief is built in a background task (it reads the store and lays out pages with reportlab)
and shown with QtPdf, exactly as it will print. The scope is the open case or every case of
its category; a protective marking can be set before saving."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.commands.common import open_store
from desktop.workers import start_task
from exports.brief import BriefResult, BriefScope, build_brief, write_pdf


def _build(project: Path, case_id: str, whole_category: bool, marking: str) -> BriefResult:
    store = open_store(project, readonly=True)
    try:
        case = store.get_case(case_id)
        if whole_category and case.category:
            scope = BriefScope.category(case.category)
        else:
            scope = BriefScope.case(case.id)
        return build_brief(store, scope, marking=marking)
    finally:
        store.close()


class BriefDialog(QDialog):
    def __init__(self, project: Path, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project, self.case_id = project, case_id
        self.result_pdf: bytes | None = None
        self._task = None
        self.setWindowTitle("Learning brief")
        self.resize(900, 1000)
        self._setup_ui()
        self.rebuild()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.addItems(["This case", "Every case of its category (thematic)"])
        self.marking = QLineEdit(placeholderText="Protective marking, e.g. OFFICIAL-SENSITIVE")
        refresh = QPushButton("Update preview")
        self.scope.currentIndexChanged.connect(self.rebuild)
        self.marking.returnPressed.connect(self.rebuild)
        refresh.clicked.connect(self.rebuild)
        for widget in (QLabel("Brief for:"), self.scope, self.marking, refresh):
            controls.addWidget(widget)
        layout.addLayout(controls)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        self.status = QLabel("Building the brief…")
        self.save_button = QPushButton("Save PDF…")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout.addLayout(bottom)

    def rebuild(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self.save_button.setEnabled(False)
        self.status.setText("Building the brief…")
        whole, marking = self.scope.currentIndex() == 1, self.marking.text()
        self._task = start_task(lambda _p: _build(self.project, self.case_id, whole, marking),
                                on_success=self._show, on_failure=self._failed)

    def _show(self, result: BriefResult) -> None:
        self.result_pdf = result.pdf
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(result.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.status.setText(f"“{result.title}”: {result.pages} page(s), "
                            f"{len(result.cases)} case(s). Real names are replaced by "
                            f"pseudonyms.")
        self.save_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.status.setText(f"The brief could not be built: {message}")

    def _save(self) -> None:
        if self.result_pdf is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save learning brief",
                                              str(self.project.with_name("learning-brief.pdf")),
                                              "PDF files (*.pdf)")
        if path:
            write_pdf(path, self.result_pdf)
            self.status.setText(f"Saved {path}.")


def show_brief_dialog(parent: QWidget | None, project_path: Path, case_id: str | None) -> None:
    if case_id is None:
        return
    BriefDialog(Path(project_path), case_id, parent).exec()
