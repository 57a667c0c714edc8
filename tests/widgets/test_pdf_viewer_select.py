"""PdfViewer: drag-to-select quotes, copy, highlights, and the page layout against real pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage

from tests.widgets.pdf_helpers import at, line_on_screen

LEFT = Qt.MouseButton.LeftButton


def drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, LEFT, pos=start)
    middle = (start + end) / 2
    qtbot.mouseMove(widget, middle)
    qtbot.mouseMove(widget, end)
    qtbot.mouseRelease(widget, LEFT, pos=end)


def assert_rect_covers(rect, line, tolerance: float = 3.0) -> None:
    x0, y0, x1, y1 = rect
    assert abs(y0 - line.top) <= tolerance and abs(y1 - line.bottom) <= tolerance
    assert line.x0 - tolerance <= x0 < x1 <= line.x1 + tolerance


def test_drag_over_a_line_emits_its_quote_page_and_rect(pdf_viewer, qtbot, review_doc):
    line = review_doc.line_containing("Police attended the address")
    on_screen = line_on_screen(pdf_viewer, line)
    viewport = pdf_viewer.canvas.viewport()
    with qtbot.waitSignal(pdf_viewer.selection_changed) as selected:
        drag(qtbot, viewport, at(on_screen, 0.0) + QPoint(-2, 0), at(on_screen, 1.0) + QPoint(2, 0))
    text, page, rects = selected.args
    assert "Police attended the address on four occasions" in text
    assert text.endswith("the officer")
    assert page == 1
    assert len(rects) == 1
    assert_rect_covers(rects[0], line)
    assert abs(rects[0][0] - line.x0) <= 2 and abs(rects[0][2] - line.x1) <= 2
    assert pdf_viewer.current_selection() == (text, page, rects)


def test_drag_on_a_later_page_after_zoom_and_scroll(pdf_viewer, qtbot, review_doc):
    pdf_viewer.set_zoom_factor(1.3)
    target = next(line for line in review_doc.lines if line.page == 4 and "MARAC" in line.text)
    pdf_viewer.go_to_page(4)
    scroll = pdf_viewer.canvas.verticalScrollBar()
    scroll.setValue(scroll.value() + round(target.top * 1.3 * 96 / 72) - 300)
    on_screen = line_on_screen(pdf_viewer, target)
    start, end = at(on_screen, 0.0), at(on_screen, 0.5)
    viewport = pdf_viewer.canvas.viewport()
    assert viewport.rect().contains(start) and viewport.rect().contains(end)
    with qtbot.waitSignal(pdf_viewer.selection_changed) as selected:
        drag(qtbot, viewport, start, end)
    text, page, rects = selected.args
    assert page == 4
    assert target.text.startswith(text) and len(text) > 20
    assert_rect_covers(rects[0], target)


def test_drag_across_two_lines_gives_a_rect_per_line(pdf_viewer, qtbot, review_doc):
    first = review_doc.line_containing("Police attended the address")
    second = review_doc.lines[review_doc.lines.index(first) + 1]
    start, end = line_on_screen(pdf_viewer, first), line_on_screen(pdf_viewer, second)
    with qtbot.waitSignal(pdf_viewer.selection_changed) as selected:
        drag(qtbot, pdf_viewer.canvas.viewport(), at(start, 0.3), at(end, 0.4))
    text, _page, rects = selected.args
    assert "officer" in text and second.text.split()[0] in text
    assert len(rects) == 2
    assert rects[0][1] < rects[1][1]


def test_click_clears_the_selection_and_ctrl_c_copies(pdf_viewer, qtbot, review_doc):
    line = review_doc.line_containing("Overview report, written")
    on_screen = line_on_screen(pdf_viewer, line)
    viewport = pdf_viewer.canvas.viewport()
    drag(qtbot, viewport, at(on_screen, 0.0) + QPoint(-2, 0), at(on_screen, 1.0) + QPoint(2, 0))
    qtbot.keyClick(pdf_viewer.canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == line.text
    with qtbot.waitSignal(pdf_viewer.selection_changed) as cleared:
        qtbot.mouseClick(viewport, LEFT, pos=at(on_screen, 0.5))
    assert cleared.args == ["", 0, []]
    assert pdf_viewer.current_selection() is None


def test_loading_another_document_clears_the_selection(pdf_viewer, qtbot, review_doc):
    on_screen = line_on_screen(pdf_viewer, review_doc.line_containing("Overview report"))
    drag(qtbot, pdf_viewer.canvas.viewport(), at(on_screen, 0.0), at(on_screen, 0.6))
    assert pdf_viewer.current_selection() is not None
    with qtbot.waitSignal(pdf_viewer.selection_changed) as cleared:
        pdf_viewer.load_pdf(review_doc.data, "doc-2")
    assert cleared.args == ["", 0, []]
    assert pdf_viewer.current_selection() is None


def test_a_drag_over_blank_margin_selects_nothing(pdf_viewer, qtbot):
    viewport = pdf_viewer.canvas.viewport()
    with qtbot.assertNotEmitted(pdf_viewer.selection_changed):
        bottom = viewport.height()
        drag(qtbot, viewport, QPoint(20, bottom - 40), QPoint(60, bottom - 30))
    assert pdf_viewer.current_selection() is None


def test_highlight_goes_to_the_page_and_paints_yellow(pdf_viewer, qtbot, review_doc):
    line = next(line for line in review_doc.lines if line.page == 9)
    rect = (line.x0, line.top, line.x1, line.bottom)
    pdf_viewer.highlight(9, [rect], quote=line.text)
    assert pdf_viewer.current_page() == 9
    assert pdf_viewer.current_highlight() == (9, [rect], line.text)
    on_screen = line_on_screen(pdf_viewer, line).toRect()
    assert pdf_viewer.canvas.viewport().rect().contains(on_screen)
    qtbot.waitUntil(lambda: _yellowish(_grab(pdf_viewer), on_screen.adjusted(0, 0, 0, -4)))
    pdf_viewer.clear_highlight()
    assert pdf_viewer.current_highlight() is None
    qtbot.waitUntil(lambda: not _yellowish(_grab(pdf_viewer), on_screen))


def test_highlight_without_rects_just_goes_to_the_page(pdf_viewer):
    pdf_viewer.highlight(5, [])
    assert pdf_viewer.current_page() == 5


@pytest.mark.parametrize("zoom", [None, 1.25])
def test_page_layout_matches_the_rendered_pixels(pdf_viewer, qtbot, review_doc, zoom):
    """The layout the selection relies on puts each line exactly where QPdfView paints it."""
    if zoom:
        pdf_viewer.set_zoom_factor(zoom)
    line = next(line for line in review_doc.lines if line.page == 3 and len(line.text) > 60)
    pdf_viewer.highlight(3, [(line.x0, line.top, line.x1, line.bottom)])
    pdf_viewer.clear_highlight()
    predicted = line_on_screen(pdf_viewer, line).toRect()
    band = QRect(predicted.left() - 12, predicted.top() + 3, predicted.width() + 24, 6)
    qtbot.waitUntil(lambda: _ink_box(_grab(pdf_viewer), band) is not None)
    image = _grab(pdf_viewer)
    ink = _ink_box(image, band)
    assert abs(ink.left() - predicted.left()) <= 3
    assert abs(ink.right() - predicted.right()) <= 4
    gap_above = QRect(band.left(), predicted.top() - 4, band.width(), 3)
    assert _ink_box(image, gap_above) is None


def _grab(viewer) -> QImage:
    return viewer.canvas.viewport().grab().toImage()


def _yellowish(image: QImage, rect: QRect) -> bool:
    """Whether most sampled pixels in `rect` are yellow-tinted (red and green high, blue low)."""
    points = [(x, y) for x in range(rect.left(), rect.right(), 7) for y in (rect.center().y(),)]
    tinted = 0
    for x, y in points:
        colour = image.pixelColor(x, y)
        tinted += colour.red() > 180 and colour.green() > 150 and colour.blue() < 150
    return tinted > len(points) * 0.5


def _ink_box(image: QImage, area: QRect) -> QRect | None:
    """The bounding box of dark pixels within `area`, or None if it has none."""
    xs, ys = [], []
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            if image.pixelColor(x, y).lightness() < 110:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return QRect(QPoint(min(xs), min(ys)), QPoint(max(xs), max(ys)))
