"""The store thread: jobs run off the GUI thread, in order, with results back on the GUI."""

from __future__ import annotations

import threading

from desktop.store_thread import StoreThread


def test_jobs_run_in_order_off_the_gui_thread_and_report_on_it(qtbot, project_path):
    thread = StoreThread(project_path, "A. Analyst")
    gui = threading.get_ident()
    seen: list = []
    thread.submit(lambda s: s.create_case("R-1", "DHR").id, lambda r: seen.append(("made", r)))
    thread.submit(lambda s: (threading.get_ident(), [c.reference for c in s.list_cases()]),
                  lambda r: seen.append(("read", r, threading.get_ident())))
    qtbot.waitUntil(thread.is_idle)
    assert seen[0][0] == "made"
    worker, references = seen[1][1]
    assert references == ["R-1"] and worker != gui and seen[1][2] == gui
    assert thread.close()


def test_errors_come_back_as_messages_and_later_jobs_still_run(qtbot, project_path):
    thread = StoreThread(project_path, "A. Analyst")
    errors, results = [], []
    thread.submit(lambda s: s.create_case("R-1", "NOT-A-TYPE"), results.append, errors.append)
    thread.submit(lambda s: len(s.list_cases()), results.append, errors.append)
    qtbot.waitUntil(thread.is_idle)
    assert len(errors) == 1 and "unknown review type 'NOT-A-TYPE'" in errors[0]
    assert results == [0]
    thread.close()


def test_a_project_that_cannot_be_opened_reports_why(qtbot, tmp_path):
    broken = tmp_path / "broken.casecoder"
    broken.write_bytes(b"this is not a database")
    thread = StoreThread(broken, "A. Analyst")
    errors = []
    thread.submit(lambda s: s.list_cases(), lambda r: None, errors.append)
    qtbot.waitUntil(thread.is_idle)
    assert "not a Casecoder project" in errors[0]
    thread.close()


def test_close_writes_every_queued_edit_first(qtbot, project_path):
    from desktop.cli.common import open_store

    thread = StoreThread(project_path, "A. Analyst")
    for n in range(20):
        thread.submit(lambda s, n=n: s.create_case(f"R-{n:02}", "SAR"))
    assert thread.close()
    store = open_store(project_path, readonly=True)
    assert len(store.list_cases()) == 20
    store.close()
