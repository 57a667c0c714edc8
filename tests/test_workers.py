"""Background tasks report progress, results, errors and cancellation on the GUI thread."""

from __future__ import annotations

import threading
import time

from desktop.workers import start_task
from schema.errors import ValidationError


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    gui_thread = threading.get_ident()
    seen = []

    def work(progress):
        for i in range(3):
            progress.update(i + 1, 3, f"step {i + 1}")
        return threading.get_ident()

    results = []
    start_task(work, on_success=results.append,
               on_progress=lambda d, t, m: seen.append((d, t, m, threading.get_ident())))
    qtbot.waitUntil(lambda: len(results) == 1, timeout=5000)
    assert results[0] != gui_thread
    assert [s[:3] for s in seen] == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
    assert all(s[3] == gui_thread for s in seen)


def test_errors_are_reported_as_messages(qtbot):
    def work(progress):
        raise ValidationError("victims.gender: 'x' is not one of its options")

    errors = []
    start_task(work, on_failure=errors.append)
    qtbot.waitUntil(lambda: errors == ["victims.gender: 'x' is not one of its options"],
                    timeout=5000)


def test_cancel_stops_the_work(qtbot):
    started = threading.Event()

    def work(progress):
        started.set()
        while True:
            progress.check()
            time.sleep(0.01)

    cancelled = []
    task = start_task(work, on_cancel=lambda: cancelled.append(True))
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
