"""Show the PDF viewer with a generated review, a selection, a highlight and a find; save PNGs.

Run under a virtual screen and look at the pictures:
    xvfb-run -s '-screen 0 1600x1000x24' .venv/bin/python tests/widgets/show_pdf_viewer.py [OUT_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.widgets.make_pdf import review_pdf  # noqa: E402
from tests.widgets.pdf_helpers import at, line_on_screen  # noqa: E402
from widgets.pdf.viewer import PdfViewer  # noqa: E402


def settle(seconds: float = 0.6) -> None:
    """Let QtPdf's background rendering arrive and the view repaint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def save(viewer: PdfViewer, out: Path, name: str) -> None:
    settle()
    path = out / name
    viewer.grab().save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pdf_viewer_shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    review = review_pdf(30)
    viewer = PdfViewer()
    viewer.resize(820, 960)
    viewer.show()
    viewer.set_documents([("doc-1", "Overview report: Adult A"), ("doc-2", "Chronology")])
    viewer.load_pdf(review.data, "doc-1", "Overview report: Adult A")
    save(viewer, out, "1_opened.png")

    line = review.line_containing("Police attended the address")
    on_screen = line_on_screen(viewer, line)
    viewport = viewer.canvas.viewport()
    start, end = at(on_screen, 0.0) - QPoint(2, 0), at(on_screen, 0.7)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    print("selection:", viewer.current_selection())
    save(viewer, out, "2_selection.png")

    target = next(line for line in review.lines if line.page == 7 and "MARAC" in line.text)
    viewer.highlight(7, [(target.x0, target.top, target.x1, target.bottom)], target.text)
    viewer.toolbar.pages_toggle.setChecked(True)
    save(viewer, out, "3_highlight_pages.png")

    viewer.clear_highlight()
    viewer.find_bar.open_bar()
    QTest.keyClicks(viewer.find_bar.edit, "risk assessment")
    settle(1.5)
    for _ in range(3):
        QTest.keyClick(viewer.find_bar.edit, Qt.Key.Key_Return)
    save(viewer, out, "4_find.png")

    viewer.load_pdf(b"this is not a PDF", "doc-2", "Chronology")
    save(viewer, out, "5_broken.png")
    viewer.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
