"""The search panel's widget: a query box, filters, and the hits, one row per page.

Typing a query and pressing Enter (or Search) emits `search_requested`; activating a hit
(click, Enter) emits `hit_activated`; "Cite for the focused field" emits `cite_requested`
with the chosen hit. Matched words show as [word] in the snippet; a hit's tooltip gives the
sentence that citing it would attach.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from schema.documents.search import SearchFilter, SearchHit
from widgets.analysis.filters import CaseFilterBar
from widgets.analysis.rows_model import RowsModel

WIDEST_FILE_NAME = 260  # pixels: the snippet keeps the room
HINT = 'Words (all must occur), "a phrase", prefix*, AND / OR / NOT in capitals.'
COLUMNS = (("Case", lambda h: h.case_reference or "—"), ("Document", lambda h: h.file_name),
           ("Page", lambda h: h.page), ("Para", lambda h: h.paragraph),
           ("Snippet", lambda h: h.snippet))


def hit_tooltip(hit: SearchHit) -> str:
    where = f"{hit.file_name}, p. {hit.page}" + (f", para {hit.paragraph}"
                                                 if hit.paragraph else "")
    return f"{hit.case_reference or 'No case'} · {where}\n\nCite: “{hit.quote}”"


class SearchView(QWidget):
    search_requested = Signal(str, object)  # query, SearchFilter
    hit_activated = Signal(object)  # SearchHit
    cite_requested = Signal(object)  # SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowsModel(COLUMNS, hit_tooltip, self)
        self._build()

    def _build(self) -> None:
        self.query = QLineEdit(placeholderText="Search all reviews", clearButtonEnabled=True,
                               objectName="searchQuery")
        self.query.setToolTip(HINT)
        self.query.returnPressed.connect(self.request_search)
        go = QPushButton("Search")
        go.clicked.connect(self.request_search)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(go)
        self.filters = CaseFilterBar(("case_id", "category", "review_type", "site"))
        self.filters.changed.connect(self._research)
        self.table = _hits_table(self.model)
        self.table.activated.connect(self._activate_index)
        self.table.clicked.connect(self._activate_index)
        self.table.customContextMenuRequested.connect(self._menu)
        cite_key = QShortcut(QKeySequence("Ctrl+Return"), self.table, self.cite_current)
        cite_key.setContext(Qt.ShortcutContext.WidgetShortcut)  # only in the hit list
        self.cite = QPushButton("Cite for the focused field", objectName="citeHit")
        self.cite.setToolTip("Attach the chosen hit's sentence as evidence for the field "
                             "last focused in the coding form (Ctrl+Enter); undo removes it")
        self.cite.clicked.connect(self.cite_current)
        self.status = QLabel(HINT, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.cite)
        layout.addLayout(bottom)

    # -- public ---------------------------------------------------------------------------

    def request_search(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.status.setText(f"Type something to search for. {HINT}")
            return
        self.status.setText("Searching…")
        self.search_requested.emit(text, self.search_filter())

    def search_filter(self) -> SearchFilter:
        return SearchFilter(**self.filters.values())

    def show_hits(self, hits: list[SearchHit], limit: int) -> None:
        self.model.set_records(hits)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.resizeSection(1, min(header.sectionSize(1), WIDEST_FILE_NAME))
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        cases = len({h.case_reference for h in hits})
        more = f" (the best {limit}; narrow the search for others)" if len(hits) >= limit else ""
        self.status.setText(f"No pages match “{self.query.text().strip()}”." if not hits else
                            f"{len(hits)} page(s) in {cases} case(s){more}. Click one to "
                            f"open it.")
        if hits:
            self.table.selectRow(0)

    def show_problem(self, message: str) -> None:
        self.model.set_records([])
        self.status.setText(message)

    def clear(self) -> None:
        self.model.set_records([])
        self.status.setText(HINT)

    def current_hit(self) -> SearchHit | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def cite_current(self) -> None:
        hit = self.current_hit()
        if hit is None:
            self.status.setText("Choose a hit first, then cite it.")
            return
        self.cite_requested.emit(hit)

    # -- internals ------------------------------------------------------------------------

    def _research(self) -> None:
        if self.query.text().strip():
            self.request_search()

    def _activate_index(self, index) -> None:
        hit = self.model.record(index.row())
        if hit is not None:
            self.hit_activated.emit(hit)

    def _menu(self, position) -> None:
        index = self.table.indexAt(position)
        hit = self.model.record(index.row()) if index.isValid() else None
        if hit is None:
            return
        menu = QMenu(self)
        menu.addAction("Open the page", lambda: self.hit_activated.emit(hit))
        menu.addAction("Cite for the focused field", lambda: self.cite_requested.emit(hit))
        menu.exec(self.table.viewport().mapToGlobal(position))


def _hits_table(model: RowsModel) -> QTableView:
    table = QTableView(objectName="searchHits")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)  # compact
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return table
