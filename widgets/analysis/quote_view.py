"""The quote bank's widget: choose a field (and one of its options), filter the cases, and read
every quote behind the answers, case by case; export the list as CSV or PDF.

Changing a choice emits `query_changed` with an exports.quotes.QuoteFilter; activating a row
emits `quote_activated` with its QuoteRow; the export buttons emit `export_requested` with
".csv" or ".pdf".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exports.quotes import QuoteBank, QuoteFilter, QuoteRow, place
from schema.codebook_model import Codebook
from widgets.analysis.filters import CaseFilterBar
from widgets.analysis.rows_model import RowsModel

COLUMNS = (("Case", lambda r: r.case_reference), ("Quote", lambda r: r.quote),
           ("Page", lambda r: r.page), ("Para", lambda r: r.paragraph),
           ("Field", lambda r: f"{r.section_label}{f' {r.item}' if r.item else ''} / "
                               f"{r.field_label}"),
           ("Answer", lambda r: r.answer), ("Document", lambda r: r.file_name),
           ("Coder", lambda r: r.coder))
QUOTE_COLUMN = 1
WIDEST_OTHER_COLUMN = 200  # pixels: the quote keeps the room


def row_tooltip(row: QuoteRow) -> str:
    return f"“{row.quote}”\n\n{row.case_reference} · {place(row)} · coded by {row.coder}"


class QuoteBankView(QWidget):
    query_changed = Signal(object)  # QuoteFilter
    quote_activated = Signal(object)  # QuoteRow
    export_requested = Signal(str)  # ".csv" or ".pdf"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowsModel(COLUMNS, row_tooltip, self)
        self.codebook: Codebook | None = None
        self.bank: QuoteBank | None = None
        self._build()

    def _build(self) -> None:
        self.field = QComboBox(objectName="quoteField")
        self.field.setMinimumContentsLength(16)
        self.field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.field.activated.connect(self._field_chosen)
        self.option = QComboBox(objectName="quoteOption")
        self.option.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.option.activated.connect(lambda _i: self.request())
        self.filters = CaseFilterBar(("category", "review_type", "site", "coder"))
        self.filters.changed.connect(self.request)
        form = QHBoxLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for label, combo, stretch in (("Field", self.field, 3), ("Option", self.option, 2)):
            form.addWidget(QLabel(label))
            form.addWidget(combo, stretch)
        self.table = _quotes_table(self.model)
        self.table.clicked.connect(self._activate)
        self.table.activated.connect(self._activate)
        self.status = QLabel("Open a project to see its quotes.", wordWrap=True)
        self.export_csv = QPushButton("CSV…", toolTip="Export these quotes as a CSV file")
        self.export_pdf = QPushButton("PDF…", toolTip="Export these quotes as a printable PDF")
        self.export_csv.clicked.connect(lambda: self.export_requested.emit(".csv"))
        self.export_pdf.clicked.connect(lambda: self.export_requested.emit(".pdf"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(QLabel("Export:"))
        bottom.addWidget(self.export_csv)
        bottom.addWidget(self.export_pdf)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._set_exportable(False)

    # -- public ---------------------------------------------------------------------------

    def set_project(self, codebook: Codebook, cases: list, coders: list[str]) -> None:
        """Offer the project's fields and filter values (what was chosen stays chosen)."""
        chosen = self.field.currentData()
        self.codebook = codebook
        self.field.clear()
        self.field.addItem("All evidence (every field)", None)
        for section in codebook.sections:
            for spec in section.fields:
                self.field.addItem(f"{section.label} / {spec.label}", spec.path)
        self.field.setCurrentIndex(max(self.field.findData(chosen), 0) if chosen else 0)
        self._fill_options()
        self.filters.set_choices(codebook, cases, coders)

    def choose(self, field: str | None, option: str | None = None) -> None:
        """Pick a field and option as the user would, and ask for the quotes."""
        self.field.setCurrentIndex(max(self.field.findData(field), 0) if field else 0)
        self._fill_options()
        if option:
            self.option.setCurrentIndex(max(self.option.findData(option), 0))
        self.request()

    def query(self) -> QuoteFilter:
        values = self.filters.values()
        return QuoteFilter(field=self.field.currentData(), option=self.option.currentData(),
                           category=values["category"], review_type=values["review_type"],
                           site=values["site"], coder=values["coder"])

    def request(self) -> None:
        self.status.setText("Gathering quotes…")
        self.query_changed.emit(self.query())

    def show_bank(self, bank: QuoteBank) -> None:
        self.bank = bank
        self.model.set_records(bank.rows)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            if column != QUOTE_COLUMN:
                header.resizeSection(column, min(header.sectionSize(column),
                                                 WIDEST_OTHER_COLUMN))
        header.setSectionResizeMode(QUOTE_COLUMN, QHeaderView.ResizeMode.Stretch)
        count = len(bank.rows)
        text = (f"{count} quote(s) from {bank.cases} case(s) · {bank.scope}." if count else
                f"No quotes match · {bank.scope}.")
        if bank.unquoted_answers:
            text += f" {bank.unquoted_answers} matching answer(s) cite no quote."
        self.status.setText(text)
        self._set_exportable(True)

    def show_problem(self, message: str) -> None:
        self.bank = None
        self.model.set_records([])
        self.status.setText(message)
        self._set_exportable(False)

    def clear(self) -> None:
        self.show_problem("Open a project to see its quotes.")

    # -- internals ------------------------------------------------------------------------

    def _field_chosen(self, _index: int) -> None:
        self._fill_options()
        self.request()

    def _fill_options(self) -> None:
        self.option.clear()
        self.option.addItem("Any answer", None)
        path = self.field.currentData()
        spec = self.codebook.field(path) if (path and self.codebook) else None
        if spec is not None and spec.type == "boolean":
            self.option.addItem("Yes", "yes")
            self.option.addItem("No", "no")
        elif spec is not None:
            for option in spec.options:
                self.option.addItem(option.label, option.key)
        self.option.setEnabled(self.option.count() > 1)

    def _activate(self, index) -> None:
        row = self.model.record(index.row())
        if row is not None:
            self.quote_activated.emit(row)

    def _set_exportable(self, enabled: bool) -> None:
        self.export_csv.setEnabled(enabled)
        self.export_pdf.setEnabled(enabled)


def _quotes_table(model: RowsModel) -> QTableView:
    table = QTableView(objectName="quoteRows")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)  # compact
    return table
