"""Look-alike cases side by side, for a person to decide whether each pair is one review.

Shows the pairs a merge could not decide (as schema.merge.candidate_report describes them):
a list of pairs; for the chosen pair, both cases' details in two columns, how alike their
texts are, and which pages differ, with the text of a chosen page from each document. The
person marks each pair "same review", "different reviews" or leaves it for later. The view
holds no store: it asks for page comparisons through `pages_wanted` and is given them with
`set_pages`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

DETAIL_ROWS = [("Reference", "reference"), ("Title", "title"), ("Type", "review_type"),
               ("Year", "publication_year"), ("Site", "site"), ("Status", "status"),
               ("Coded by", "codings"), ("Documents", "documents")]
CHOICES = {"same": "Same review: combine the two cases",
           "different": "Different reviews: keep them apart on every merge",
           "later": "Decide later"}
SUFFIX = {"same": "  ✔ same", "different": "  ✘ different", "later": ""}


def likeness(pair: dict) -> str:
    if pair["similarity"] is not None:
        return f"text {pair['similarity']:.0%} alike"
    return {"reference": "same reference", "details": "same type and title, no text to "
                                                      "compare"}.get(pair["basis"],
                                                                     pair["basis"])


class CandidateView(QWidget):
    pages_wanted = Signal(int)  # index of the pair whose differing pages are needed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs: list[dict] = []
        self.choices: list[str] = []
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.pair_list = QListWidget(objectName="candidatePairs")
        self.pair_list.currentRowChanged.connect(self._show_pair)
        splitter.addWidget(self.pair_list)
        splitter.addWidget(self._detail_panel())
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _detail_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(wordWrap=True)
        layout.addWidget(self.summary)
        self.details = QTableWidget(len(DETAIL_ROWS), 2, objectName="candidateDetails")
        self.details.setVerticalHeaderLabels([label for label, _ in DETAIL_ROWS])
        self.details.setHorizontalHeaderLabels(["One case", "The other"])
        self.details.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.details.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.details.setWordWrap(True)
        line = self.details.fontMetrics().height() + 6
        self.details.verticalHeader().setDefaultSectionSize(line)
        self.details.setMinimumHeight(line * (len(DETAIL_ROWS) + 1) + 8)
        layout.addWidget(self.details, 3)
        layout.addWidget(self._choice_row())
        layout.addLayout(self._pages_row(), 4)
        return panel

    def _pages_row(self) -> QHBoxLayout:
        """The differing pages, and the chosen page of each document side by side."""
        row = QHBoxLayout()
        self.pages = QTableWidget(0, 3, objectName="differingPages")
        self.pages.setHorizontalHeaderLabels(["Page", "Closest", "Alike"])
        self.pages.setToolTip("Pages of the first document whose text differs, the page of "
                              "the other document closest to each, and how alike they are")
        self.pages.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.pages.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.pages.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.pages.verticalHeader().setVisible(False)
        self.pages.verticalHeader().setDefaultSectionSize(self.pages.fontMetrics().height() + 6)
        self.pages.setFixedWidth(200)
        self.pages.currentCellChanged.connect(lambda r, *_: self._show_page(r))
        row.addWidget(self.pages)
        self.first_text, self.second_text = QPlainTextEdit(readOnly=True), \
            QPlainTextEdit(readOnly=True)
        for box in (self.first_text, self.second_text):
            box.setPlaceholderText("Choose a page on the left to read both versions here.")
            row.addWidget(box, 1)
        return row

    def _choice_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.choice_buttons: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        for key, text in CHOICES.items():
            button = QRadioButton(text)
            button.toggled.connect(lambda on, k=key: on and self._choose(k))
            group.addButton(button)
            layout.addWidget(button)
            self.choice_buttons[key] = button
        layout.addStretch(1)
        return row

    def set_pairs(self, pairs: list[dict]) -> None:
        self.pairs, self.choices = list(pairs), ["later"] * len(pairs)
        self.pair_list.clear()
        for pair in self.pairs:
            first, second = pair["cases"]
            self.pair_list.addItem(QListWidgetItem(
                f"{first['reference']} ~ {second['reference']}\n{likeness(pair)}"))
        if self.pairs:
            self.pair_list.setCurrentRow(0)

    def decisions(self) -> list[tuple[str, str, bool]]:
        """(case id, other case id, same review?) for every pair decided."""
        return [(p["case_id"], p["other_case_id"], c == "same")
                for p, c in zip(self.pairs, self.choices, strict=True) if c != "later"]

    def set_pages(self, index: int, pages: list[dict] | None) -> None:
        self.pairs[index]["pages"] = pages
        if index == self.pair_list.currentRow():
            self._fill_pages(pages)

    def _show_pair(self, index: int) -> None:
        if not 0 <= index < len(self.pairs):
            return
        pair = self.pairs[index]
        for row, (_label, key) in enumerate(DETAIL_ROWS):
            for column, case in enumerate(pair["cases"]):
                value = case.get(key)
                text = "\n".join(value) if isinstance(value, list) else \
                    "" if value is None else str(value)
                self.details.setItem(row, column, QTableWidgetItem(text))
        names = pair.get("document_names") or []
        between = f" between {names[0]} and {names[1]}" if len(names) == 2 else ""
        self.summary.setText(f"<b>{likeness(pair)}</b>{between}. Pair {index + 1} of "
                             f"{len(self.pairs)}.")
        self.choice_buttons[self.choices[index]].setChecked(True)
        if "pages" in pair:
            self._fill_pages(pair["pages"])
        else:
            self._fill_pages([])
            if pair.get("documents"):
                self.pages_wanted.emit(index)

    def _fill_pages(self, pages: list[dict] | None) -> None:
        self.first_text.clear()
        self.second_text.clear()
        rows = pages or []
        self.pages.setRowCount(len(rows))
        for row, page in enumerate(rows):
            values = [page["first_page"] or "–", page["second_page"] or "none",
                      f"{page['similarity']:.0%}"]
            for column, value in enumerate(values):
                self.pages.setItem(row, column, QTableWidgetItem(str(value)))
        if pages is None:
            self.first_text.setPlaceholderText("The page text is not in this project "
                                               "(a codings-only merge).")
        elif rows:
            self.pages.selectRow(0)

    def _show_page(self, row: int) -> None:
        pages = self.pairs[self.pair_list.currentRow()].get("pages") or []
        if 0 <= row < len(pages):
            self.first_text.setPlainText(pages[row].get("first_text", ""))
            self.second_text.setPlainText(pages[row].get("second_text", ""))

    def _choose(self, key: str) -> None:
        index = self.pair_list.currentRow()
        if not 0 <= index < len(self.pairs):
            return
        self.choices[index] = key
        first, second = self.pairs[index]["cases"]
        self.pair_list.item(index).setText(
            f"{first['reference']} ~ {second['reference']}{SUFFIX[key]}\n"
            f"{likeness(self.pairs[index])}")
