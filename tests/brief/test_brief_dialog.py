"""The brief preview: built in the background, shown with QtPdf, saved on request."""

from __future__ import annotations

import io

from pdfminer.high_level import extract_text
from PySide6.QtPdf import QPdfDocument

from desktop.brief_dialog import BriefDialog
from tests.brief.sample import code_sample_case


def test_preview_shows_the_brief_and_saves_it(qtbot, store, project_path, tmp_path,
                                              monkeypatch):
    case_id = code_sample_case(store)
    store.close()
    dialog = BriefDialog(project_path, case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready,
                    timeout=10000)
    assert dialog.document.pageCount() >= 2
    assert dialog.save_button.isEnabled()
    out = tmp_path / "saved.pdf"
    monkeypatch.setattr("desktop.brief_dialog.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(out), ""))
    dialog.save_button.click()
    assert out.read_bytes() == dialog.result_pdf
    dialog.marking.setText("OFFICIAL-SENSITIVE")
    dialog.rebuild()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    assert "OFFICIAL-SENSITIVE" in extract_text(io.BytesIO(dialog.result_pdf))
