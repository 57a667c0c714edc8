"""Reconciling one case: pick or enter a value for each field its codings disagree on, and
save the result as the case's consensus coding (through the store, so it is audited)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.workers import Task, start_task
from schema.consensus import Choice, build_consensus, consensus_coding, open_conflicts
from schema.merge.conflicts import comparable
from schema.opening import open_store
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


def save_consensus(project: Path, case_id: str, choices: list[Choice]) -> str:
    """Background work: its own store (connections are per thread)."""
    store = open_store(project)
    try:
        return build_consensus(store, case_id, choices).id
    finally:
        store.close()


class ReconcileDialog(QDialog):
    def __init__(self, project: Path, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.case_id = case_id
        self.task: Task | None = None
        self.saved_coding: str | None = None
        store = open_store(project, readonly=True)
        try:
            case = store.get_case(case_id)
            codings = [c for c in store.codings(case_id) if c.kind != "consensus"]
            self.conflicts = open_conflicts(store, case_id)
            self.view = ReconcileView(store.codebook, self.conflicts, store.evidence_for,
                                      _current_consensus(store, case_id))
        finally:
            store.close()
        self.setWindowTitle(f"Reconcile {case.reference}")
        self.resize(1150, 700)
        self._setup_ui(len(codings))

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
        self.status.setText("Saving the consensus coding…")
        self.task = start_task(lambda _p: save_consensus(self.project, self.case_id, choices),
                               on_success=self._saved, on_failure=self._failed)

    def _saved(self, coding_id: str) -> None:
        self.task = None
        self.saved_coding = coding_id
        self.accept()

    def _failed(self, message: str) -> None:
        self.task = None
        self.save_button.setEnabled(True)
        self._count()
        QMessageBox.warning(self, "Reconcile", f"The consensus was not saved: {message}")


def show_reconcile_dialog(parent: QWidget | None, project_path: Path, case_id: str) -> bool:
    """Open the reconciliation of one case; True when a consensus coding was saved."""
    dialog = ReconcileDialog(Path(project_path), case_id, parent)
    dialog.exec()
    return dialog.saved_coding is not None
