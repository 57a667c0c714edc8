"""A project open in another Casecoder: the window says so and offers to open it read-only,
where it can be read but no edit is saved."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QMessageBox

from desktop.cli.common import open_store
from desktop.settings import AppSettings
from tests.gui.helpers import open_window, wait_idle

HOLD = textwrap.dedent("""
    import sys, time
    from desktop.cli.common import open_store
    store = open_store(sys.argv[1], coder="Other analyst")
    print("open", flush=True)
    time.sleep(60)
""")


def test_locked_project_opens_read_only_and_refuses_edits(qtbot, tmp_path, project_path,
                                                         monkeypatch):
    store = open_store(project_path)
    case = store.create_case("DHR-11", "DHR", title="Adult K")
    coding = store.add_coding(case.id, coder="Other analyst")
    victim = store.add_entity(coding.id, "victims")
    store.set_answer(victim.id, "gender", "female")
    store.close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(project_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        asked = []
        monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *_a:
                            asked.append(text) or QMessageBox.StandardButton.Open)
        window = open_window(qtbot, AppSettings(tmp_path / "settings.ini"))
        window.open_project(project_path)
        qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.readonly
                        and window.workspace.current is not None, timeout=10000)
        assert "already open in another Casecoder" in asked[0]
        assert window.windowTitle().endswith("read-only")
        assert window.workspace.current.coding.id == coding.id
        assert not window.actions.new_case.isEnabled()
        window.form.answer_edited.emit(victim.id, "gender", "answered", "male")
        wait_idle(qtbot, window)
        assert "Read-only" in window.statusBar().currentMessage()
        window.close()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    reader = open_store(project_path, readonly=True)
    assert reader.answers(victim.id)["gender"].value == "female"
    reader.close()
