"""desktop.ops: work on the project's store thread, after queued edits, with progress, cancel
and failures that arrive as the exception itself."""

from __future__ import annotations

from desktop.ops import StoreOp
from desktop.store_thread import StoreThread
from schema.errors import NotFoundError, ProjectError, ValidationError
from schema.locking import ProjectLocked


def test_an_op_sees_the_edits_queued_before_it_and_reports_progress(qtbot, project_path):
    thread = StoreThread(project_path, "A. Analyst")
    thread.submit(lambda s: s.create_case("R-1", "DHR"))
    steps, results = [], []

    def count(store, progress):
        cases = store.list_cases()
        for i, _case in enumerate(cases, 1):
            progress.update(i, len(cases), "counting")
        return [c.reference for c in cases]

    op = StoreOp(count, on_success=results.append,
                 on_progress=lambda d, t, m: steps.append((d, t, m))).run_on(thread)
    qtbot.waitUntil(lambda: op.finished and bool(steps))
    assert results == [["R-1"]] and steps == [(1, 1, "counting")]
    assert thread.close()


def test_failures_arrive_typed(qtbot, project_path):
    thread = StoreThread(project_path, "A. Analyst")
    errors: list[Exception] = []
    StoreOp(lambda s, p: s.get_case("no-such-case"), on_failure=errors.append).run_on(thread)
    StoreOp(lambda s, p: s.create_case("X", "NOT-A-TYPE"), on_failure=errors.append
            ).run_on(thread)
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert isinstance(errors[0], NotFoundError) and isinstance(errors[1], ValidationError)
    thread.close()
    StoreOp(lambda s, p: None, on_failure=errors.append).run_on(thread)
    assert isinstance(errors[2], ProjectError) and "is closed" in str(errors[2])


def test_a_cancelled_op_does_not_report_success(qtbot, project_path):
    thread = StoreThread(project_path, "A. Analyst")
    outcome: list[str] = []

    def slow(store, progress):
        for _ in range(200):
            progress.check()
            store.list_cases()
        return "done"

    op = StoreOp(slow, on_success=outcome.append, on_cancel=lambda: outcome.append("cancelled"))
    op.cancel()
    op.run_on(thread)
    qtbot.waitUntil(lambda: op.finished)
    assert outcome == ["cancelled"]
    thread.close()


def test_a_locked_project_is_told_apart_by_type(qtbot, project_path):
    """Why the project could not be opened (here: another writer) reaches every op."""
    thread = StoreThread(project_path, "A. Analyst",
                         opener=lambda _p, _c: (_ for _ in ()).throw(ProjectLocked(
                             project_path, {"user": "B"})))
    errors: list[Exception] = []
    StoreOp(lambda s, p: s.list_cases(), on_failure=errors.append).run_on(thread)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ProjectLocked)
    thread.close()
