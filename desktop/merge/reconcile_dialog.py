"""Reconciling one case: pick or enter a value for each field its codings disagree on, and
save the result as the case's consensus coding (through the store, so it is audited)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from schema.codebook_model import Codebook
from schema.consensus import build_consensus, consensus_coding, open_conflicts
from schema.errors import CasecoderError
from schema.merge.conflicts import comparable
from schema.records import Case
from schema.store import Store
from widgets.merge.reconcile_view import ReconcileView


def _current_consensus(store: Store, case_id: str) -> dict[tuple, tuple]:
    """What an existing consensus says, so the view opens with those values picked."""
    coding = consensus_coding(store, case_id)
    if coding is None:
        return {}
    found = {}
    for entity in store.entities(coding.id):
        for field, answer in store.answers(entity.id).items():
            found[(entity.section, entity.position, field)] = comparable(answer.state,
                                                                         answer.value)
    return found


@dataclass
class Reconciliation:
    """What the dialog shows, read on the store thread in one go."""

    case: Case
    codings: int
    codebook: Codebook
    conflicts: list
    quotes: dict[tuple[str, str], list]
    current: dict[tuple, tuple]

    def evidence(self, entity_id: str, field: str) -> list:
        return self.quotes.get((entity_id, field), [])


def read_reconciliation(store: Store, case_id: str) -> Reconciliation:
    """What the dialog shows; refused (ValidationError, one line) while the case is still
    blind-coded, so no coder sees another's answers early."""
    store.check_comparable(case_id)
    conflicts = open_conflicts(store, case_id)
    quotes = {(value.entity_id, conflict.field): store.evidence_for(value.entity_id,
                                                                     conflict.field)
              for conflict in conflicts for value in conflict.values if value.entity_id}
    codings = [c for c in store.codings(case_id) if c.kind != "consensus"]
    return Reconciliation(store.get_case(case_id), len(codings), store.codebook, conflicts,
                          quotes, _current_consensus(store, case_id))


class ReconcileDialog(QDialog):
    def __init__(self, store_thread: StoreThread, data: Reconciliation,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_thread = store_thread
        self.project = store_thread.path
        self.case_id = data.case.id
        self.task: StoreOp | None = None
        self.saved_coding: str | None = None
        self.conflicts = data.conflicts
        self.view = ReconcileView(data.codebook, self.conflicts, data.evidence, data.current)
        self.reference = data.case.reference
        self._decided = 0
        self.setWindowTitle(f"Reconcile {data.case.reference}")
        self.resize(1150, 700)
        self._setup_ui(data.codings)

    def _setup_ui(self, codings: int) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{len(self.conflicts)} field(s) differ between the {codings} codings of this "
            "case. Pick one coding's value or enter another for each; fields the codings "
            "agree on are copied to the consensus as they are. Undecided fields stay open "
            "and can be decided later." if self.conflicts else
            "The codings of this case agree on every field. Saving copies them into a "
            "consensus coding.")
        if codings < 2:
            intro.setText("This case has only one coding: there is nothing to reconcile. "
                          "Merge in another site's coding, or add a second coding.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.status = QLabel()
        row.addWidget(self.status, 1)
        self.save_button = QPushButton("Save consensus")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.reject)
        row.addWidget(self.save_button)
        row.addWidget(cancel)
        layout.addLayout(row)
        self.view.decisions_changed.connect(self._count)
        self._count()
        self.save_button.setEnabled(codings >= 2)

    def _count(self) -> None:
        self.status.setText(f"{self.view.decided()} of {len(self.conflicts)} decided")

    def save(self) -> None:
        try:
            choices = self.view.choices()
        except ValueError as exc:
            QMessageBox.warning(self, "Reconcile", str(exc))
            return
        self.save_button.setEnabled(False)
        self._decided = self.view.decided()
        self.status.setText("Saving the consensus coding…")
        case_id = self.case_id
        self.task = StoreOp(lambda store, _p: build_consensus(store, case_id, choices).id,
                            on_success=self._saved,
                            on_failure=lambda error: self._failed(str(error))
                            ).run_on(self.store_thread)

    def _saved(self, coding_id: str) -> None:
        self.task = None
        self.saved_coding = coding_id
        self.accept()

    def confirmation(self) -> str:
        """What saving did, in a sentence, for the message shown once the dialog closes."""
        total = len(self.conflicts)
        if not total:
            return (f"Saved the consensus coding of {self.reference}: the codings agreed on "
                    "every field, so their answers were copied into it.")
        open_ = total - self._decided
        left = f"; {open_} still open, to decide later" if open_ else ""
        return (f"Saved the consensus coding of {self.reference}: {self._decided} of {total} "
                f"differing field(s) decided{left}. Fields the codings agree on were copied "
                "as they are.")

    def _failed(self, message: str) -> None:
        self.task = None
        self.save_button.setEnabled(True)
        self._count()
        QMessageBox.warning(self, "Reconcile", f"The consensus was not saved: {message}")


def load_reconcile_dialog(store_thread: StoreThread, case_id: str,
                          parent: QWidget | None = None) -> ReconcileDialog:
    """Read what the dialog needs on the store thread, keeping the GUI responsive meanwhile,
    and make the dialog (ProjectError and kin are raised here, for the caller to show)."""
    loop, outcome = QEventLoop(), {}

    def finish(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    op = StoreOp(lambda store, _p: read_reconciliation(store, case_id),
                 on_success=lambda data: finish("data", data),
                 on_failure=lambda error: finish("error", error)).run_on(store_thread)
    if not op.finished:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return ReconcileDialog(store_thread, outcome["data"], parent)


def show_reconcile_dialog(parent: QWidget | None, store_thread: StoreThread,
                          case_id: str) -> bool:
    """Open the reconciliation of one case; True when a consensus coding was saved."""
    try:
        dialog = load_reconcile_dialog(store_thread, case_id, parent)
    except CasecoderError as exc:
        QMessageBox.warning(parent, "Reconcile", str(exc))
        return False
    dialog.exec()
    if dialog.saved_coding is None:
        return False
    QMessageBox.information(parent, "Consensus saved", dialog.confirmation())
    return True
