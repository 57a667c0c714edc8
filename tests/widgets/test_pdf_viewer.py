"""PdfViewer: loading, failures, document switching, page navigation, zoom and view state."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.widgets.make_pdf import make_pdf
from widgets.pdf.viewer import NO_DOCUMENT, PdfViewer


def test_loads_a_generated_review_on_page_one(pdf_viewer):
    assert pdf_viewer.page_count() == 12
    assert pdf_viewer.current_page() == 1
    assert pdf_viewer.message_text() == ""
    assert pdf_viewer.toolbar.page_total.text() == "of 12"
    assert pdf_viewer.toolbar.fit_width.isChecked()


def test_navigation_buttons_spin_box_and_page_keys(pdf_viewer, qtbot):
    pages = []
    pdf_viewer.page_changed.connect(pages.append)
    pdf_viewer.toolbar.next.click()
    qtbot.waitUntil(lambda: pdf_viewer.current_page() == 2)
    pdf_viewer.toolbar.page_box.setValue(7)
    qtbot.waitUntil(lambda: pdf_viewer.current_page() == 7)
    pdf_viewer.canvas.setFocus()
    qtbot.keyClick(pdf_viewer.canvas, Qt.Key.Key_PageDown)
    assert pdf_viewer.current_page() == 8
    qtbot.keyClick(pdf_viewer.canvas, Qt.Key.Key_PageUp)
    qtbot.keyClick(pdf_viewer.canvas, Qt.Key.Key_PageUp)
    assert pdf_viewer.current_page() == 6
    pdf_viewer.toolbar.previous.click()
    assert pdf_viewer.current_page() == 5
    assert pages == [2, 7, 8, 7, 6, 5]
    assert pdf_viewer.toolbar.page_box.value() == 5


def test_go_to_page_is_clamped_and_shows_the_page_top(pdf_viewer):
    pdf_viewer.go_to_page(99)
    assert pdf_viewer.current_page() == 12
    pdf_viewer.go_to_page(4)
    assert pdf_viewer.current_page() == 4
    page_top = pdf_viewer.canvas.page_layout().rects[3].top()
    scrolled = pdf_viewer.canvas.verticalScrollBar().value()
    assert abs(scrolled - page_top) <= pdf_viewer.canvas.pageSpacing()


def test_zoom_keeps_the_page_and_fit_modes_switch(pdf_viewer):
    pdf_viewer.go_to_page(6)
    before = pdf_viewer.canvas.effective_zoom()
    pdf_viewer.toolbar.zoom_in.click()
    assert pdf_viewer.canvas.effective_zoom() > before
    assert not pdf_viewer.toolbar.fit_width.isChecked()
    assert pdf_viewer.current_page() == 6
    pdf_viewer.toolbar.zoom_out.click()
    pdf_viewer.toolbar.zoom_out.click()
    assert pdf_viewer.canvas.effective_zoom() < before
    assert pdf_viewer.current_page() == 6
    pdf_viewer.fit_page()
    assert pdf_viewer.toolbar.fit_page.isChecked()
    page = pdf_viewer.canvas.page_layout().rects[5]
    assert page.height() <= pdf_viewer.canvas.viewport().height()
    pdf_viewer.fit_width()
    assert abs(pdf_viewer.canvas.effective_zoom() - before) < 0.01
    assert pdf_viewer.current_page() == 6


def test_a_file_that_is_not_a_pdf_shows_a_message_and_emits_load_failed(pdf_viewer, qtbot):
    with qtbot.waitSignal(pdf_viewer.load_failed) as failed:
        pdf_viewer.load_pdf(b"%PDF-1.4 this is not really a PDF at all", "doc-2", "Chronology")
    message = failed.args[0]
    assert "Chronology" in message and "not a valid PDF" in message
    assert "Import it again" in message
    assert pdf_viewer.message_text() == message
    assert pdf_viewer.page_count() == 0 and pdf_viewer.current_page() == 0
    assert not pdf_viewer.toolbar.next.isEnabled()


def test_a_password_protected_pdf_says_so(qtbot):
    widget = PdfViewer()
    qtbot.addWidget(widget)
    locked = make_pdf([["Sealed"]], encrypt="secret")
    with qtbot.waitSignal(widget.load_failed) as failed:
        widget.load_pdf(locked.data, "doc-9", "Sealed report")
    assert "password" in failed.args[0]


def test_a_good_pdf_after_a_broken_one_is_shown(pdf_viewer, qtbot, review_doc):
    with qtbot.waitSignal(pdf_viewer.load_failed):
        pdf_viewer.load_pdf(b"garbage", "doc-2")
    pdf_viewer.load_pdf(review_doc.data, "doc-1")
    qtbot.waitUntil(lambda: pdf_viewer.page_count() == 12)
    assert pdf_viewer.message_text() == ""


def test_document_switcher_requests_the_chosen_document(pdf_viewer, qtbot):
    combo = pdf_viewer.toolbar.documents
    assert [combo.itemText(i) for i in range(combo.count())] == ["Overview report", "Chronology"]
    assert combo.currentData() == "doc-1"
    with qtbot.waitSignal(pdf_viewer.document_requested) as requested:
        combo.activated.emit(1)
    assert requested.args == ["doc-2"]


def test_clear_shows_the_empty_message(pdf_viewer):
    pdf_viewer.clear()
    assert pdf_viewer.message_text() == NO_DOCUMENT
    assert pdf_viewer.page_count() == 0
    assert pdf_viewer.toolbar.documents.count() == 0
    assert pdf_viewer.document_id() is None


def test_view_state_round_trip(pdf_viewer, qtbot, review_doc):
    pdf_viewer.go_to_page(9)
    pdf_viewer.set_zoom_factor(1.5)
    pdf_viewer.toolbar.pages_toggle.setChecked(True)
    state = pdf_viewer.view_state()
    assert state == {
        "document_id": "doc-1", "page": 9, "zoom_mode": "custom", "zoom_factor": 1.5,
        "pages_panel": True,
    }
    pdf_viewer.clear()
    pdf_viewer.set_documents([("doc-1", "Overview report")])
    with qtbot.waitSignal(pdf_viewer.document_requested) as requested:
        pdf_viewer.restore_view_state(state)
    assert requested.args == ["doc-1"]
    pdf_viewer.load_pdf(review_doc.data, "doc-1")
    qtbot.waitUntil(lambda: pdf_viewer.current_page() == 9)
    assert pdf_viewer.view_state() == state
    assert pdf_viewer.page_list.isVisible()


def test_restore_ignores_unusable_saved_values(pdf_viewer):
    pdf_viewer.restore_view_state({"page": "nine", "zoom_mode": "sideways", "zoom_factor": -3})
    assert pdf_viewer.view_state()["zoom_mode"] == "fit_width"
    assert pdf_viewer.current_page() == 1
    pdf_viewer.restore_view_state(None)
    assert pdf_viewer.current_page() == 1


def test_state_restored_before_the_viewer_is_shown(qtbot, review_doc):
    widget = PdfViewer()
    qtbot.addWidget(widget)
    widget.restore_view_state({"document_id": "doc-1", "page": 7, "zoom_mode": "fit_width"})
    widget.load_pdf(review_doc.data, "doc-1")
    widget.resize(700, 600)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.current_page() == 7)

