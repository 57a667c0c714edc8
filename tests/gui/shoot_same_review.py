"""Screenshots of the look-alike step of the merge wizard and of Tools → Combine, for looking
at them (not a test). Run under Xvfb at the screen size to check:

    xvfb-run -s '-screen 0 1366x768x24' .venv/bin/python tests/gui/shoot_same_review.py OUT_DIR

Builds two sites (the SAR sample, and an early draft of it), opens an empty region project in
the window, merges both through the wizard, and grabs the whole screen at each step.
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


def _sites(folder: Path) -> tuple[Path, list[Path]]:
    from schema.codebook_loader import load_codebook
    from schema.project import create_project
    from schema.resources import default_codebook_path
    from tests.merge.review_copies import CaseSpec, build_site, draft

    sources = [build_site(folder / "harbridge.casecoder", "Harbridge", "ana",
                          [CaseSpec("SAR-2023-02", title="Adult B (George)")]),
               build_site(folder / "northfold.casecoder", "Northfold", "cal",
                          [CaseSpec("NF-SAR-DRAFT", title="Adult B, draft report",
                                    change=draft)])]
    region = folder / "region.casecoder"
    create_project(region, site="Region", coder="lead",
                   codebook=load_codebook(default_codebook_path())).conn.close()
    return region, sources


def main(out: str) -> None:
    from desktop.app import set_up_application
    from desktop.combine.dialog import show_combine_dialog
    from desktop.main_window import MainWindow
    from desktop.merge.wizard import MergeWizard
    from desktop.settings import AppSettings

    app = set_up_application()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    region, sources = _sites(folder)
    window = MainWindow(AppSettings(folder / "s.ini"), "lead")
    window.show()
    window.open_project(region)
    _spin(app, lambda: window.workspace is not None and window.workspace.overview, 10)
    wizard = MergeWizard(window.workspace.store_thread, window)
    wizard.add_sources(sources)
    wizard.show()
    wizard.start_merge()
    _spin(app, lambda: wizard.task is None, 60)
    _spin(app, lambda: wizard.candidates.pages.rowCount() > 0, 10)
    _spin(app, seconds=1.0)
    shot = out_dir / f"wizard_candidates_{app.primaryScreen().size().width()}.png"
    app.primaryScreen().grabWindow(0).save(str(shot))
    wizard.close()
    window.workspace.reload_cases()
    _spin(app, lambda: window.workspace.current is not None, 10)
    window.panel.next_case()
    _spin(app, seconds=1.0)
    dialog = show_combine_dialog(window, window.workspace.store_thread,
                                 window.workspace.current.case.id)
    _spin(app, lambda: dialog.case is not None, 10)
    _spin(app, seconds=1.0)
    shot = out_dir / f"combine_dialog_{app.primaryScreen().size().width()}.png"
    app.primaryScreen().grabWindow(0).save(str(shot))
    dialog.reject()
    window.close()


if __name__ == "__main__":
    main(sys.argv[1])
