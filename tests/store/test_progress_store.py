"""The progress ledger in the plan file: schedule, entries, actuals, undo, removals, migration."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlite_utils import Database

from matrixdesk.core.model import Role
from matrixdesk.core.periods import Cadence
from matrixdesk.core.progress import (
    DEFAULT_STATUSES,
    Actual,
    LogLine,
    Meaning,
    ProgressEntry,
    ProgressUpdate,
    Schedule,
    Status,
)
from matrixdesk.store import EditError, MatrixStore, schema
from matrixdesk.store.fileformat import APPLICATION_ID


def _update(status="推进中", note="已召开推进会", period="2021-03") -> ProgressUpdate:
    return ProgressUpdate(
        entries=[ProgressEntry(3, 4, period, status, note, "2021-03-28T10:00:00", "商务厅.xlsx")],
        actuals=[Actual(1, period, 42.0, 1, "2021-03-28T10:00:00", "文旅厅.xlsx")],
        log=[LogLine("collect", "省商务厅 2021-03", 4, period, "商务厅.xlsx")],
    )


@pytest.fixture
def store(tmp_path, small_plan):
    s = MatrixStore.create(str(tmp_path / "p.mdesk"), small_plan)
    yield s
    s.close()


def test_a_new_plan_reports_monthly_with_the_four_statuses(store):
    sch = store.schedule()
    assert sch.cadence == Cadence.MONTH
    assert sch.status_names() == ["未开始", "推进中", "已完成", "滞后"]
    assert sch.meaning("已完成") == Meaning.DONE
    periods = store.periods()  # from the document's date (2020-12-24) to next year's end
    assert periods[0] == "2020-12" and periods[-1] == f"{max(2025, date.today().year + 1)}-12"


def test_apply_writes_one_step_with_its_log_and_the_inverse_puts_it_back(store, tmp_path):
    before = store.plan()
    inverse = store.apply_progress(_update())
    entry = store.progress_entry(3, 4, "2021-03")
    assert (entry.status, entry.note, entry.source) == ("推进中", "已召开推进会", "商务厅.xlsx")
    assert store.actual(1, "2021-03").value == 42.0
    row = store.db.execute(
        "SELECT action, department, period, source FROM changelog ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert row == ("collect", "省商务厅", "2021-03", "商务厅.xlsx")
    store.apply_progress(inverse)
    after = store.plan()
    assert after.progress == before.progress == [] and after.actuals == []


def test_the_ledger_survives_closing_and_reopening(store):
    store.apply_progress(_update())
    path = store.path
    store.close()
    again = MatrixStore.open(path, read_only=True)
    try:
        assert again.progress_entry(3, 4, "2021-03").note == "已召开推进会"
        assert again.plan().actuals[0].value == 42.0
    finally:
        again.close()


def test_a_status_outside_the_list_is_refused_and_nothing_written(store):
    with pytest.raises(EditError):
        store.apply_progress(_update(status="差不多了"))
    assert store.progress_entries() == []


def test_schedule_edits_are_checked_and_kept(store):
    custom = Schedule(
        Cadence.QUARTER, "2021-Q1", "2022-Q4", (*DEFAULT_STATUSES, Status("暂缓", Meaning.LATE))
    )
    old = store.set_schedule(custom)
    assert store.periods() == [f"{y}-Q{q}" for y in (2021, 2022) for q in (1, 2, 3, 4)]
    assert store.schedule().status_names()[-1] == "暂缓"
    with pytest.raises(EditError):
        store.set_schedule(
            Schedule(statuses=(Status("a", Meaning.DONE), Status("a", Meaning.DONE)))
        )
    with pytest.raises(EditError):
        store.set_schedule(Schedule(Cadence.MONTH, "2021-Q1"))
    store.set_schedule(old)
    assert store.schedule() == old


def test_removing_a_measure_takes_its_progress_and_undo_brings_it_back(store):
    store.apply_progress(_update())
    snap = store.remove_measure(3)
    assert store.progress_entries() == []
    store.restore_measures(snap)
    assert store.progress_entry(3, 4, "2021-03").status == "推进中"


def test_removing_a_department_and_undo(store):
    store.apply_progress(_update())
    snap = store.remove_department(4)
    assert store.progress_entries() == []
    store.restore_departments([snap])
    assert store.progress_entry(3, 4, "2021-03").note == "已召开推进会"


def test_merging_moves_the_reports_to_the_remaining_department(store):
    store.apply_progress(_update())
    snaps = store.merge_departments(4, 3)
    assert store.progress_entry(3, 3, "2021-03").note == "已召开推进会"
    store.restore_departments(snaps)
    assert store.progress_entry(3, 3, "2021-03") is None
    assert store.progress_entry(3, 4, "2021-03").note == "已召开推进会"


def test_removing_a_target_and_adding_it_back_keeps_its_actuals(store):
    store.apply_progress(_update())
    target = store.remove_target(1)
    assert store.actuals() == []
    store.add_target(target)
    assert store.actual(1, "2021-03").value == 42.0


def test_a_version_2_plan_is_migrated_with_the_default_statuses(tmp_path, small_plan):
    path = tmp_path / "v2.mdesk"
    conn = sqlite3.connect(path)
    db = Database(conn)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    schema.migrations.apply(db, stop_before="m003_progress")
    db.execute("PRAGMA user_version = 2")
    from matrixdesk.store import rows

    with db.atomic():
        rows.write_document(db, small_plan)
    conn.close()
    store = MatrixStore.open(str(path))
    try:
        assert store.schedule().statuses == DEFAULT_STATUSES
        store.apply_progress(_update())
    finally:
        store.close()
    assert (tmp_path / "v2.v2-backup.mdesk").exists()


def test_the_change_log_since_a_row_is_the_rows_written_after_it(store):
    """What the Change Log panel reads after an edit: the rows written since its last read."""
    assert store.last_change_id() == 0 and store.change_log() == []  # a new plan
    store.set_roles([(3, 1, Role.SUPPORT)])
    last = store.last_change_id()
    assert last == store.change_log()[0]["id"]
    store.apply_progress(_update())
    store.set_roles([(3, 1, None)])
    newer = store.change_log(after=last)
    assert [r["action"] for r in newer] == ["roles", "collect"]  # newest first
    assert [r["id"] for r in newer] == [r["id"] for r in store.change_log()[:2]]
    assert store.last_change_id() == newer[0]["id"]
    assert store.change_log(after=store.last_change_id()) == []
    assert store.change_log(after=last, department="省商务厅") == newer[1:]
