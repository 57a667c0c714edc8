"""Benchmark: opening a 150-page review in the PDF viewer, and a drag selection on it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_pdf_viewer.py [--runs 10]

Measures, per run: load_pdf until the first page is laid out (GUI thread time), the time until
page 1 is painted, and one mouse-drag selection (press, move, release -> selection_changed).
Also reports how many thumbnails the page list asked for (lazy rendering: only visible rows).
Target: open under 100 ms on the GUI thread; the selection under 20 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.widgets.make_pdf import review_pdf  # noqa: E402
from tests.widgets.pdf_helpers import at, line_on_screen  # noqa: E402
from widgets.pdf.viewer import PdfViewer  # noqa: E402


def painted(viewer: PdfViewer) -> bool:
    """Whether page 1's title is on screen (dark pixels where the title is drawn)."""
    image = viewer.canvas.viewport().grab().toImage()
    return any(image.pixelColor(x, 95).lightness() < 100 for x in range(80, 400, 2))


def one_run(app: QApplication, data: bytes, review) -> tuple[float, float, float, int]:
    viewer = PdfViewer()
    viewer.resize(900, 900)
    viewer.show()
    viewer.toolbar.pages_toggle.setChecked(True)
    app.processEvents()
    start = time.perf_counter()
    viewer.load_pdf(data, "long")
    opened = time.perf_counter() - start
    while not painted(viewer) and time.perf_counter() - start < 10:
        app.processEvents()
    shown = time.perf_counter() - start
    box = line_on_screen(viewer, review.line_containing("Police attended"))
    viewport, left = viewer.canvas.viewport(), Qt.MouseButton.LeftButton
    start = time.perf_counter()
    QTest.mousePress(viewport, left, pos=at(box, 0.0) - QPoint(2, 0))
    QTest.mouseMove(viewport, at(box, 0.9))
    QTest.mouseRelease(viewport, left, pos=at(box, 0.9))
    selected = time.perf_counter() - start
    assert viewer.current_selection() is not None
    requested = viewer.page_list.thumbnails.rendered_count()
    viewer.close()
    viewer.deleteLater()
    app.processEvents()
    return opened, shown, selected, requested


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    review = review_pdf(150)
    results = [one_run(app, review.data, review) for _ in range(args.runs)]
    opened, shown, selected, requested = zip(*results, strict=True)
    def ms(values) -> str:
        return f"median {statistics.median(values) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms"

    print(f"150-page PDF, {len(review.data) // 1024} KB, {args.runs} runs")
    print(f"load_pdf (GUI thread):    {ms(opened)}")
    print(f"until page 1 is painted:  {ms(shown)}")
    print(f"drag selection:           {ms(selected)}")
    print(f"thumbnails requested:     {max(requested)} of 150")


if __name__ == "__main__":
    main()
