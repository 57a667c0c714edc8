"""A whole coding session through the real main window, then closing and reopening it.

Create a project, import two PDFs, create a case, code two victims and one perpetrator, mark
a field not reported, select text in the viewer and attach it as evidence, undo and redo,
then close, reopen, and find everything (and the case, document and page) as it was left.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.cli.common import open_store
from desktop.coding.new_case_dialog import NewCaseDialog
from desktop.documents.import_dialog import ImportSummaryDialog
from desktop.project.new_project_dialog import NewProjectDialog
from desktop.settings import AppSettings
from tests.gui.helpers import (
    LEFT,
    activate,
    click_button,
    drag_over_line,
    open_window,
    wait_dialog,
    wait_idle,
)
from tests.widgets.make_pdf import make_pdf

_TEXT = ("Officers attended after a neighbour reported shouting late at night.",
         "The GP recorded low mood but did not ask about the relationship at home.",
         "Housing moved the tenancy twice without sharing the reasons for it.",
         "Police attended the address on four occasions in the final year.")


def numbered_review(pages: int):
    """A PDF whose pages hold paragraphs numbered as reviews number them (2.1, 2.2 ...)."""
    return make_pdf([[f"Section {page}"] + [f"{page}.{n + 1} {_TEXT[(page + n) % 4]}"
                                            for n in range(4)] for page in range(1, pages + 1)])

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def _type_into(qtbot, form, entity_id: str, field: str, text: str) -> None:
    widget = form.row_for(entity_id, field).editor.focus_widget()
    form.focus_field(entity_id, field)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def _items(window, section: str) -> list[str]:
    snapshot = window.workspace.current.snapshot
    return [e.id for e in snapshot.section_entities(section)]


def _stored(project, reference: str) -> dict:
    """What the project file holds for a case, read with a separate connection."""
    store = open_store(project, readonly=True)
    try:
        case = store.find_cases(reference)[0]
        coding = store.codings(case.id)[0]
        entities = {s: [e.id for e in store.entities(coding.id, s)]
                    for s in ("victims", "perpetrators")}
        answers = store.coding_answers(coding.id)
        return {"case": case, "coding": coding, "entities": entities, "answers": answers,
                "evidence": store.coding_evidence(coding.id),
                "documents": [d.file_name for d in store.case_documents(case.id)]}
    finally:
        store.close()


def _create_project(qtbot, window, project) -> None:
    window.actions.new_project.trigger()
    dialog = wait_dialog(qtbot, window, NewProjectDialog)
    qtbot.keyClicks(dialog.path_edit, str(project))
    qtbot.keyClicks(dialog.site_edit, "Lambeth")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.overview is not None, timeout=10000)
    assert window.windowTitle() == "Casecoder — session.casecoder — Lambeth"


def _import_two(qtbot, window, tmp_path) -> tuple:
    overview, chronology = numbered_review(6), numbered_review(3)
    paths = [tmp_path / "overview.pdf", tmp_path / "chronology.pdf"]
    paths[0].write_bytes(overview.data)
    paths[1].write_bytes(chronology.data + b"\n% a different file\n")
    window.import_documents([str(p) for p in paths])
    summary = wait_dialog(qtbot, window, ImportSummaryDialog)
    qtbot.waitUntil(lambda: summary.table.rowCount() == 2, timeout=60000)
    assert summary.statuses() == ["imported", "imported"]
    summary.accept()
    return overview, paths


def _create_case(qtbot, window) -> None:
    window.actions.new_case.trigger()
    dialog = wait_dialog(qtbot, window, NewCaseDialog)
    assert dialog.documents.count() == 2
    assert len(dialog.checked_documents()) == 2  # the batch just imported
    qtbot.keyClicks(dialog.reference_edit, "DHR-2019-07")
    qtbot.keyClicks(dialog.title_edit, "Review into the death of Adult A")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: window.workspace.current is not None
                    and window.viewer.page_count() == 3, timeout=10000)  # the chronology
    assert window.panel.current_case_id() == window.workspace.current.case.id
    # switch to the overview report with the viewer's document chooser
    chooser = window.viewer.toolbar.documents
    assert [chooser.itemText(i) for i in range(chooser.count())] == [
        "chronology.pdf", "overview.pdf"]
    chooser.setCurrentIndex(1)
    chooser.activated.emit(1)
    qtbot.waitUntil(lambda: window.viewer.page_count() == 6, timeout=10000)


def _code_people(qtbot, window) -> tuple[list[str], list[str]]:
    form = window.form
    activate(qtbot, window)  # offscreen, closing a dialog does not give activation back
    for _ in range(2):
        count = len(_items(window, "victims"))
        click_button(qtbot, form, "Add victim")
        qtbot.waitUntil(lambda c=count: len(_items(window, "victims")) == c + 1)
    click_button(qtbot, form, "Add perpetrator")
    qtbot.waitUntil(lambda: len(_items(window, "perpetrators")) == 1)
    victims, perpetrators = _items(window, "victims"), _items(window, "perpetrators")
    _type_into(qtbot, form, victims[0], "pseudonym", "Adult A")
    _type_into(qtbot, form, victims[1], "pseudonym", "Child B")
    _type_into(qtbot, form, perpetrators[0], "pseudonym", "Adult C")
    # "Not reported" on the first victim's ethnicity, from the keyboard
    form.focus_field(victims[0], "ethnicity")
    qtbot.keyClick(form.row_for(victims[0], "ethnicity").editor.focus_widget(),
                   Qt.Key.Key_N, CTRL_SHIFT)
    wait_idle(qtbot, window)
    return victims, perpetrators


def _attach_evidence(qtbot, window, overview, victim: str):
    line = overview.line_containing("2.2 Police attended the address")
    window.viewer.go_to_page(line.page)
    qtbot.waitUntil(lambda: window.viewer.current_page() == line.page)
    qtbot.wait(50)
    drag_over_line(qtbot, window.viewer, line)
    assert window.viewer.current_selection() is not None
    window.form.focus_field(victim, "pseudonym")
    qtbot.keyClick(window.form.row_for(victim, "pseudonym").editor.focus_widget(),
                   Qt.Key.Key_E, CTRL)
    wait_idle(qtbot, window)
    return line


def test_a_whole_session_survives_close_and_reopen(qtbot, tmp_path):
    settings = AppSettings(tmp_path / "settings.ini")
    project = tmp_path / "session.casecoder"
    window = open_window(qtbot, settings)
    _create_project(qtbot, window, project)
    overview, _paths = _import_two(qtbot, window, tmp_path)
    _create_case(qtbot, window)
    victims, perpetrators = _code_people(qtbot, window)
    line = _attach_evidence(qtbot, window, overview, victims[0])

    stored = _stored(project, "DHR-2019-07")
    assert stored["documents"] == ["chronology.pdf", "overview.pdf"]
    assert stored["entities"] == {"victims": victims, "perpetrators": perpetrators}
    assert stored["answers"][victims[0]]["pseudonym"].value == "Adult A"
    assert stored["answers"][victims[1]]["pseudonym"].value == "Child B"
    assert stored["answers"][perpetrators[0]]["pseudonym"].value == "Adult C"
    assert stored["answers"][victims[0]]["ethnicity"].state == "not_reported"
    [evidence] = stored["evidence"]
    assert (evidence.entity_id, evidence.field) == (victims[0], "pseudonym")
    assert evidence.page == line.page
    assert line.text.startswith(evidence.quote) and len(evidence.quote) > 30
    assert evidence.paragraph == "2.2"
    assert len(evidence.rects) == 1
    chips = window.form.row_for(victims[0], "pseudonym").chips.chips()
    assert [c.evidence.id for c in chips] == [evidence.id]

    # Undo the evidence and the "not reported" mark; redo brings both back.
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    wait_idle(qtbot, window)
    stored = _stored(project, "DHR-2019-07")
    assert stored["evidence"] == []
    assert "ethnicity" not in stored["answers"][victims[0]]
    assert window.form.row_for(victims[0], "pseudonym").chips.chips() == []
    assert window.form.row_for(victims[0], "ethnicity").state is None
    window.actions.redo.trigger()
    window.actions.redo.trigger()
    wait_idle(qtbot, window)
    stored = _stored(project, "DHR-2019-07")
    assert [e.id for e in stored["evidence"]] == [evidence.id]
    assert stored["answers"][victims[0]]["ethnicity"].state == "not_reported"
    assert window.form.row_for(victims[0], "ethnicity").state == "not_reported"

    # Clicking the evidence chip shows its page with the quote highlighted.
    window.viewer.go_to_page(5)
    chip = window.form.row_for(victims[0], "pseudonym").chips.chips()[0]
    qtbot.mouseClick(chip, LEFT)
    qtbot.waitUntil(lambda: window.viewer.current_highlight() is not None)
    assert window.viewer.current_highlight()[0] == line.page
    qtbot.waitUntil(lambda: window.viewer.current_page() == line.page)

    # Leave the work on page 3 of the overview, with the layout changed, then close.
    window.viewer.go_to_page(3)
    qtbot.waitUntil(lambda: window.viewer.current_page() == 3)
    window.splitter.setSizes([250, 700, 550])
    sizes = window.splitter.sizes()
    window.close()
    assert window.workspace is None

    reopened = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
    assert reopened.splitter.sizes() == sizes
    reopened.open_project(reopened.settings.last_project())
    qtbot.waitUntil(lambda: reopened.workspace.current is not None
                    and reopened.viewer.page_count() == 6, timeout=10000)
    qtbot.waitUntil(lambda: reopened.viewer.current_page() == 3)
    assert reopened.workspace.current.case.reference == "DHR-2019-07"
    assert reopened.viewer.document_id() == evidence.document_id  # the overview
    form = reopened.form
    assert form.row_for(victims[0], "pseudonym").value() == "Adult A"
    assert form.row_for(victims[1], "pseudonym").value() == "Child B"
    assert form.row_for(perpetrators[0], "pseudonym").value() == "Adult C"
    assert form.row_for(victims[0], "ethnicity").state == "not_reported"
    assert [c.evidence.id for c in form.row_for(victims[0], "pseudonym").chips.chips()] == [
        evidence.id]
    assert reopened.windowTitle() == "Casecoder — session.casecoder — Lambeth"

