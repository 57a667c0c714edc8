"""Show the coding form with a realistic coded case and save screenshots (not a test).

    xvfb-run -s '-screen 0 1600x1000x24' .venv/bin/python -m tests.widgets_form.show_form OUT

writes OUT/form_top.png (the case-level sections), OUT/form_victims.png (a repeating group)
and OUT/form_agencies.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from schema.codebook_loader import load_codebook
from schema.project import create_project, open_project
from schema.resources import default_codebook_path
from schema.store import Store
from tests.widgets_form.sample_coding import code_case
from widgets.coding_form import CodingForm, load_snapshot


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    codebook = load_codebook(default_codebook_path())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "show.casecoder"
        create_project(path, site="Northbridge", coder="A. Analyst", codebook=codebook)
        store = Store(open_project(path), "A. Analyst")
        snapshot = load_snapshot(store, code_case(store, "DHR-2021-07"))
        store.close()
    form = CodingForm()
    form.set_codebook(codebook)
    form.resize(900, 980)
    form.show()
    form.show_coding(snapshot)
    out.mkdir(parents=True, exist_ok=True)
    for name, section in (("form_top", "review"), ("form_victims", "victims"),
                          ("form_agencies", "agencies")):
        form.jump_to_section(section)
        for _ in range(5):
            app.processEvents()
        form.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/form_shots"))
