"""Start the desktop app: QApplication set-up and the first window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem

from desktop.commands.common import open_store


def run_app(project: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Casecoder")
    window = QMainWindow()
    window.setWindowTitle("Casecoder")
    if project:
        store = open_store(project)
        cases = store.list_cases()
        table = QTableWidget(len(cases), 4)
        table.setHorizontalHeaderLabels(["Reference", "Review type", "Category", "Status"])
        for row, case in enumerate(cases):
            values = (case.reference, case.review_type, case.category or "", case.status)
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        window.setCentralWidget(table)
        window.setWindowTitle(f"Casecoder - {project} - {store.site}")
    window.resize(1200, 800)
    window.show()
    return app.exec()
