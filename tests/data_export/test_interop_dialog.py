"""Export → "Data for other tools…": exporting a CSV off the GUI thread, the filters, and
the confirmation an encrypted project asks for."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.interop.dialog import InteropDialog
from desktop.interop.kinds import KINDS
from schema.encryption import forget_passphrase
from schema.project import create_project
from schema.store import Store
from tests.data_export.conftest import build_project

SECRET = "correct horse battery staple"


def _open(qtbot, store_thread) -> InteropDialog:
    dialog = InteropDialog(store_thread)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.facts is not None, timeout=10000)
    return dialog


def _save_as(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "CSV (*.csv)")))


def _choose(dialog: InteropDialog, key: str) -> None:
    dialog.kinds.setCurrentRow([k.key for k in KINDS].index(key))


def test_exports_a_csv_with_the_chosen_cases_and_says_where(qtbot, data_project,
                                                           store_thread_for, tmp_path,
                                                           monkeypatch):
    dialog = _open(qtbot, store_thread_for(data_project, readonly=True))
    assert [dialog.site.itemText(i) for i in range(dialog.site.count())] == \
        ["Any", "Croydon", "Lambeth"]
    assert not dialog.warning.isVisible()
    _choose(dialog, "data_csv")
    dialog.site.setCurrentText("Lambeth")
    dialog.in_progress.setChecked(True)
    out = tmp_path / "lambeth"  # the suffix is added
    _save_as(monkeypatch, out)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Wrote"), timeout=15000)
    written = tmp_path / "lambeth.csv"
    assert str(written) in dialog.status.text()
    with written.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["case.reference"] for r in rows) == ["CSPR-C", "DHR-A"]
    assert (tmp_path / "lambeth.dictionary.csv").exists()
    assert dialog.export_button.isEnabled()


def test_long_shape_and_all_codings_reach_the_export(qtbot, data_project, store_thread_for,
                                                     tmp_path, monkeypatch):
    dialog = _open(qtbot, store_thread_for(data_project, readonly=True))
    _choose(dialog, "data_csv")
    dialog.long.setChecked(True)
    dialog.all_codings.setChecked(True)
    dialog.category.setCurrentIndex(dialog.category.findData("intimate_partner"))
    _save_as(monkeypatch, tmp_path / "long.csv")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Wrote"), timeout=15000)
    with (tmp_path / "long.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["coding.coder"] for r in rows} == {"A. Analyst", "B. Second", "C. Lead"}
    assert {r["case.reference"] for r in rows} == {"DHR-A"}


def test_a_filter_matching_nothing_is_said_and_writes_nothing(qtbot, data_project,
                                                               store_thread_for, tmp_path,
                                                               monkeypatch):
    dialog = _open(qtbot, store_thread_for(data_project, readonly=True))
    dialog.review_type.setCurrentIndex(dialog.review_type.findData("CSPR"))
    _save_as(monkeypatch, tmp_path / "none.csv")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Nothing written"), timeout=15000)
    assert "in progress" in dialog.status.text()
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def encrypted_project(tmp_path, codebook, monkeypatch):
    path = tmp_path / "secret.casecoder"
    store = Store(create_project(path, site="Lambeth", coder="A", codebook=codebook,
                                 passphrase=SECRET), "A")
    build_project(store)
    store.close()
    forget_passphrase(path)
    monkeypatch.setenv("CASECODER_PASSPHRASE", SECRET)
    return path


def test_an_encrypted_project_asks_before_writing_plaintext(qtbot, encrypted_project,
                                                            store_thread_for, tmp_path,
                                                            monkeypatch):
    dialog = _open(qtbot, store_thread_for(encrypted_project, readonly=True))
    assert dialog.warning.isVisible() and "encrypted" in dialog.warning.text()
    out = tmp_path / "exports" / "cases.sav"
    out.parent.mkdir()
    _choose(dialog, "data_sav")
    _save_as(monkeypatch, out)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args, **kwargs: answers.pop(0)))
    dialog.export_button.click()
    assert dialog.status.text() == "Nothing written: the export was not confirmed."
    assert list(out.parent.iterdir()) == []
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Wrote"), timeout=15000)
    assert out.exists()


def test_exports_redcap_files_into_a_chosen_folder(qtbot, data_project, store_thread_for,
                                                   tmp_path, monkeypatch):
    dialog = _open(qtbot, store_thread_for(data_project, readonly=True))
    _choose(dialog, "redcap")
    folder = tmp_path / "redcap"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(folder)))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Wrote"), timeout=15000)
    assert sorted(p.name for p in folder.iterdir()) == [
        "README.txt", "redcap_data_dictionary.csv", "redcap_records.csv"]
    with (folder / "redcap_records.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and list(rows[0])[0] == "record_id"


@pytest.mark.parametrize("key, suffix", [("qdpx", ".qdpx"), ("datasette", ".json")])
def test_exports_for_qda_tools_and_datasette(qtbot, data_project, store_thread_for, tmp_path,
                                             monkeypatch, key, suffix):
    import json
    import zipfile

    dialog = _open(qtbot, store_thread_for(data_project, readonly=True))
    _choose(dialog, key)
    out = tmp_path / f"export{suffix}"
    _save_as(monkeypatch, out)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Wrote"), timeout=15000)
    if key == "qdpx":
        assert "project.qde" in zipfile.ZipFile(out).namelist()
    else:
        assert "databases" in json.loads(out.read_text(encoding="utf-8"))
