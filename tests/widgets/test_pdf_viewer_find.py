"""PdfViewer: the find bar (count, next/previous, keys) and the lazily rendered page list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.widgets.make_pdf import make_pdf, review_pdf


def search(viewer, qtbot, phrase: str, expected: int) -> None:
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert viewer.find_bar.isVisible() and viewer.find_bar.edit.hasFocus()
    qtbot.keyClicks(viewer.find_bar.edit, phrase)
    qtbot.waitUntil(lambda: viewer.find_bar.hit_count() == expected, timeout=10000)


def current_hit_page(viewer) -> int:
    bar = viewer.find_bar
    return bar.model.resultAtIndex(bar.current_index()).page() + 1


def test_find_counts_every_hit_and_shows_the_current_ones_page(pdf_viewer, qtbot, review_doc):
    expected = review_doc.count("MARAC")
    assert expected > 20
    pdf_viewer.canvas.setFocus()
    search(pdf_viewer, qtbot, "MARAC", expected)
    edit, label = pdf_viewer.find_bar.edit, pdf_viewer.find_bar.count_label
    assert label.text() == f"{expected} matches"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert label.text() == f"1 of {expected}"
    assert pdf_viewer.current_page() == current_hit_page(pdf_viewer) == 1
    for _ in range(9):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert label.text() == f"10 of {expected}"
    assert pdf_viewer.current_page() == current_hit_page(pdf_viewer)
    assert pdf_viewer.current_page() > 1
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert label.text() == f"9 of {expected}"
    assert pdf_viewer.current_page() == current_hit_page(pdf_viewer)


def test_find_starts_from_the_current_page_and_wraps(pdf_viewer, qtbot, review_doc):
    pdf_viewer.go_to_page(12)
    search(pdf_viewer, qtbot, "MARAC", review_doc.count("MARAC"))
    pdf_viewer.find_bar.find_next()
    assert current_hit_page(pdf_viewer) == 12 == pdf_viewer.current_page()
    for _ in range(review_doc.count("MARAC")):
        pdf_viewer.find_bar.find_next()
        if current_hit_page(pdf_viewer) == 1:
            break
    assert pdf_viewer.current_page() == 1
    qtbot.keyClick(pdf_viewer.find_bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert current_hit_page(pdf_viewer) == 12


def test_no_match_says_so_and_escape_closes(pdf_viewer, qtbot):
    search(pdf_viewer, qtbot, "zebra crossing", 0)
    qtbot.waitUntil(lambda: pdf_viewer.find_bar.count_label.text() == "No matches")
    qtbot.keyClick(pdf_viewer.find_bar.edit, Qt.Key.Key_Return)
    assert pdf_viewer.current_page() == 1
    qtbot.keyClick(pdf_viewer.find_bar.edit, Qt.Key.Key_Escape)
    assert not pdf_viewer.find_bar.isVisible()


def test_a_new_document_resets_the_search(pdf_viewer, qtbot, review_doc):
    search(pdf_viewer, qtbot, "MARAC", review_doc.count("MARAC"))
    other = make_pdf([["A page about MARAC meetings"], ["Nothing here"]])
    pdf_viewer.load_pdf(other.data, "doc-2")
    qtbot.waitUntil(lambda: pdf_viewer.page_count() == 2)
    qtbot.waitUntil(lambda: pdf_viewer.find_bar.hit_count() == 1)
    assert pdf_viewer.find_bar.current_index() == -1


def test_page_list_navigates_on_click_and_follows_the_page(pdf_viewer, qtbot):
    pdf_viewer.toolbar.pages_toggle.click()
    page_list = pdf_viewer.page_list
    assert page_list.isVisible()
    assert page_list.model().rowCount() == 12
    index = page_list.model().index(3)
    qtbot.mouseClick(page_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=page_list.visualRect(index).center())
    assert pdf_viewer.current_page() == 4
    pdf_viewer.go_to_page(7)
    assert page_list.currentIndex().row() == 6
    pdf_viewer.toolbar.pages_toggle.click()
    assert not page_list.isVisible()


def test_thumbnails_render_lazily_for_a_long_document(qtbot):
    from widgets.pdf.viewer import PdfViewer

    long_review = review_pdf(150)
    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    viewer.resize(900, 700)
    viewer.show()
    viewer.toolbar.pages_toggle.setChecked(True)
    viewer.load_pdf(long_review.data, "long")
    qtbot.waitUntil(lambda: viewer.page_count() == 150)
    thumbnails = viewer.page_list.thumbnails
    qtbot.waitUntil(lambda: thumbnails.rendered_count() > 0)
    qtbot.wait(200)
    assert 0 < thumbnails.rendered_count() < 20
    viewer.go_to_page(140)
    qtbot.waitUntil(lambda: thumbnails.is_rendered(139))
    assert thumbnails.rendered_count() < 40
