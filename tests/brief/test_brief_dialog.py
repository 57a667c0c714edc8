"""The brief preview: built in the background, shown with QtPdf, saved on request."""

from __future__ import annotations

import io

from pdfminer.high_level import extract_text
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from desktop.brief.dialog import BriefDialog
from tests.brief.sample import code_sample_case


def test_preview_shows_the_brief_and_saves_it(qtbot, store, project_path, tmp_path,
                                              monkeypatch, store_thread_for):
    case_id = code_sample_case(store)
    store.close()
    dialog = BriefDialog(store_thread_for(project_path, readonly=True), case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready,
                    timeout=10000)
    assert dialog.document.pageCount() >= 2
    assert dialog.save_button.isEnabled()
    out = tmp_path / "saved.pdf"
    monkeypatch.setattr("desktop.brief.dialog.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(out), ""))
    dialog.save_button.click()
    assert out.read_bytes() == dialog.result_pdf
    dialog.marking.setEditText("OFFICIAL-SENSITIVE")
    dialog.rebuild()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    assert "OFFICIAL-SENSITIVE" in extract_text(io.BytesIO(dialog.result_pdf))


def test_without_an_open_case_the_brief_covers_ticked_cases(qtbot, store, project_path,
                                                            store_thread_for):
    code_sample_case(store, "SAR-2021-04")
    code_sample_case(store, "DHR-2020-09", review_type="DHR")
    store.close()
    dialog = BriefDialog(store_thread_for(project_path, readonly=True), None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.case_list.count() == 2, timeout=10000)
    assert "Tick the cases" in dialog.status.text()
    assert not dialog.save_button.isEnabled()
    for row in range(2):
        dialog.case_list.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.rebuild()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    text = extract_text(io.BytesIO(dialog.result_pdf))
    assert "Thematic learning brief" in text and "DHR-2020-09" in text


def test_only_the_newest_build_is_shown(qtbot, store, project_path, store_thread_for):
    case_id = code_sample_case(store)
    store.close()
    dialog = BriefDialog(store_thread_for(project_path, readonly=True), case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    dialog.marking.setEditText("OFFICIAL")
    dialog.rebuild()
    dialog.marking.setEditText("OFFICIAL-SENSITIVE")
    dialog.rebuild()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    qtbot.wait(300)  # let the older build's result arrive too
    assert "OFFICIAL-SENSITIVE" in extract_text(io.BytesIO(dialog.result_pdf))


def test_a_marking_that_is_too_long_is_refused(qtbot, store, project_path, store_thread_for):
    case_id = code_sample_case(store)
    store.close()
    dialog = BriefDialog(store_thread_for(project_path, readonly=True), case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    dialog.marking.setEditText("X" * 80)
    dialog.rebuild()
    assert "at most 40 characters" in dialog.status.text()
    assert not dialog.save_button.isEnabled()


def test_a_thinly_coded_case_is_refused_with_a_clear_message(qtbot, store, project_path,
                                                             store_thread_for):
    case = store.create_case("SAR-THIN", "SAR", category="intimate_partner")
    review = store.section_entity(store.add_coding(case.id).id, "review")
    store.set_answer(review.id, "subject", "Adult C")
    store.close()
    dialog = BriefDialog(store_thread_for(project_path, readonly=True), case.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "could not be built" in dialog.status.text(), timeout=10000)
    assert "case SAR-THIN has only 1 answered field, and a brief needs at least 5" in \
        dialog.status.text()
    assert not dialog.save_button.isEnabled() and dialog.result_pdf is None
    assert dialog.document.pageCount() == 0


def test_include_in_progress_widens_a_thematic_brief(qtbot, store, project_path,
                                                     store_thread_for):
    case_id = code_sample_case(store, "SAR-2021-04")
    code_sample_case(store, "DHR-2020-09", review_type="DHR", status="in_progress")
    store.close()
    dialog = BriefDialog(store_thread_for(project_path, readonly=True), case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    dialog.scope.setCurrentIndex(dialog.scope.findData("category"))
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    assert "Left out: DHR-2020-09: marked in progress." in dialog.status.text()
    assert "1 case(s)" in dialog.status.text()
    dialog.in_progress.setChecked(True)
    qtbot.waitUntil(lambda: "2 case(s)" in dialog.status.text(), timeout=10000)
    assert "Left out" not in dialog.status.text()
