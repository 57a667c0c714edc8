"""Screenshots of the main window on a project, for looking at it (not a test).

    xvfb-run -s '-screen 0 1600x1000x24' .venv/bin/python tests/gui/take_screenshots.py \
        PROJECT OUT_DIR

Writes case_list.png (the window on the first case), evidence.png (an evidence chip clicked:
its page with the quote highlighted) and repeating_group.png (the form at the victims).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _spin(app, done=lambda: False, seconds: float = 1.0) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end and not done():
        app.processEvents()
        time.sleep(0.01)


def main(project: str, out: str) -> None:
    from desktop.app import set_up_application
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings

    app = set_up_application()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(AppSettings(Path(tempfile.mkdtemp()) / "s.ini"), "A. Analyst")
    window.resize(1600, 980)
    window.show()
    window.open_project(project)
    _spin(app, lambda: window.workspace.current is not None, 10)
    _spin(app, seconds=1.5)
    window.grab().save(str(out_dir / "case_list.png"))
    chips = [chip for row in _rows(window.form) for chip in row.chips.chips()]
    if chips:
        window.form.evidence_activated.emit(chips[0].evidence)
        _spin(app, seconds=1.5)
        window.grab().save(str(out_dir / "evidence.png"))
    window.form.jump_to_section("victims")
    _spin(app, seconds=1.0)
    window.grab().save(str(out_dir / "repeating_group.png"))
    window.close()


def _rows(form):
    return [found[0] for found in form._rows.values()]


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
