"""Fixtures for the PDF viewer tests: a generated review and a shown viewer with it loaded."""

from __future__ import annotations

import pytest

from tests.widgets.make_pdf import GeneratedPdf, review_pdf
from widgets.pdf.viewer import PdfViewer

VIEWER_SIZE = (900, 760)


@pytest.fixture(scope="session")
def review_doc() -> GeneratedPdf:
    """A 12-page review-like PDF with known text positions."""
    return review_pdf(12)


@pytest.fixture
def pdf_viewer(qtbot, review_doc) -> PdfViewer:
    """A shown PdfViewer with two documents listed and the review loaded as "doc-1"."""
    widget = PdfViewer()
    qtbot.addWidget(widget)
    widget.resize(*VIEWER_SIZE)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_documents([("doc-1", "Overview report"), ("doc-2", "Chronology")])
    widget.load_pdf(review_doc.data, "doc-1", "Overview report")
    qtbot.waitUntil(lambda: widget.current_page() == 1)
    return widget
