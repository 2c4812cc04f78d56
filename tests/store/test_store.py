"""The .mdesk file: round trips, edits, atomicity, migrations and refusing bad files."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlite_utils import Database

from matrixdesk.core.model import Role
from matrixdesk.store import (
    SCHEMA_VERSION,
    DamagedFileError,
    EditError,
    MatrixStore,
    NewerVersionError,
    NotAPlanError,
    PlanExistsError,
    PlanInUseError,
    ReadOnlyError,
    WriteError,
    schema,
)
from matrixdesk.store.fileformat import APPLICATION_ID


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def plan_file(tmp_path, small_plan):
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(path, small_plan).close()
    return path


def test_round_trip_keeps_the_plan(plan_file, small_plan):
    store = MatrixStore.open(plan_file)
    try:
        plan = store.plan()
    finally:
        store.close()
    assert plan.info == small_plan.info
    assert [(m.id, m.code, m.title, m.parent_id) for m in plan.measures] == [
        (m.id, m.code, m.title, m.parent_id) for m in small_plan.measures
    ]
    assert plan.department_named("省农委").name == "省农业农村厅"
    assert sorted((a.measure_id, a.department_id, a.role) for a in plan.assignments) == sorted(
        (a.measure_id, a.department_id, a.role) for a in small_plan.assignments
    )
    assert [(t.indicator, t.value, t.year) for t in plan.targets] == [
        (t.indicator, t.value, t.year) for t in small_plan.targets
    ]


def test_file_header_marks_a_matrixdesk_plan(plan_file):
    conn = sqlite3.connect(plan_file)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


def test_schema_version_counts_the_migrations():
    db = Database(memory=True)
    assert len(schema.migrations.pending(db)) == SCHEMA_VERSION


def test_the_file_alone_holds_every_edit_while_the_plan_is_open(plan_file, tmp_path):
    """A copy taken between any two edits (mailed, put on a stick) holds every committed
    edit: no write-ahead log keeps recent edits beside the plan."""
    store = MatrixStore.open(plan_file, lock=True)
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "truncate"
        for i, (measure, department) in enumerate([(6, 1), (6, 2), (2, 3), (3, 5)]):
            store.set_role(measure, department, Role.LEAD)
            store.rename_department(4, f"省商务厅{i}")
            copy = tmp_path / f"copy{i}.mdesk"
            copy.write_bytes(plan_file.read_bytes())  # the file only, nothing beside it
            seen = MatrixStore.open(copy, read_only=True)
            try:
                assert seen.role(measure, department) is Role.LEAD
                assert seen.department(4).name == f"省商务厅{i}"
                assert seen.plan() == store.plan()
            finally:
                seen.close()
        assert not (tmp_path / "plan.mdesk-wal").exists()
    finally:
        store.close()
    assert sorted(p.name for p in plan_file.parent.iterdir() if p.name.startswith("plan")) == [
        "plan.mdesk"
    ]  # nothing left beside it after closing


def test_create_refuses_to_overwrite(plan_file, small_plan):
    before = digest(plan_file)
    with pytest.raises(PlanExistsError):
        MatrixStore.create(plan_file, small_plan)
    assert digest(plan_file) == before


def test_each_edit_writes_a_change_log_row_with_the_old_value(plan_file):
    store = MatrixStore.open(plan_file)
    try:
        store.rename_department(3, "省农业农村厅（新）")
        last = store.changes(1)[0]
    finally:
        store.close()
    assert last["action"] == "rename department"
    assert "省农业农村厅" in last["detail"] and "省农业农村厅（新）" in last["detail"]


def test_failing_edit_leaves_nothing(plan_file, monkeypatch):
    store = MatrixStore.open(plan_file)
    try:
        before = store.plan()
        log_before = len(store.changes(1000))
        # The second cell names a department that does not exist: nothing may be written.
        with pytest.raises(EditError):
            store.set_roles([(6, 1, Role.LEAD), (6, 999, Role.SUPPORT)])

        # A failure inside the transaction (after the first row is written) rolls back too.
        def boom(*args, **kwargs):
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(store, "_write_log", boom)  # the last write of the transaction
        with pytest.raises(WriteError, match="could not be written"):
            store.set_roles([(6, 1, Role.LEAD), (6, 2, Role.SUPPORT)])
        monkeypatch.undo()
        assert store.role(6, 1) is None
        assert len(store.changes(1000)) == log_before
    finally:
        store.close()
    reopened = MatrixStore.open(plan_file)
    try:
        assert reopened.plan().assignments == before.assignments
        assert reopened.role(6, 1) is None
    finally:
        reopened.close()


def test_merge_and_restore_departments(small_plan):
    store = MatrixStore.memory(small_plan)
    before = store.plan()
    snaps = store.merge_departments(3, 4)  # 省农业农村厅 into 省商务厅
    assert store.department_named("省农业农村厅").id == 4
    assert store.role(3, 4) is Role.LEAD  # lead wins over support
    assert "省农委" in store.department(4).aliases
    store.restore_departments(snaps)
    after = store.plan()
    assert [(d.id, d.name, d.aliases, d.position) for d in after.departments] == [
        (d.id, d.name, d.aliases, d.position) for d in before.departments
    ]
    assert sorted(map(vars_tuple, after.assignments)) == sorted(map(vars_tuple, before.assignments))


def vars_tuple(a):
    return (a.measure_id, a.department_id, a.role, a.position)


def test_remove_measure_takes_children_and_restore_puts_them_back(small_plan):
    store = MatrixStore.memory(small_plan)
    snap = store.remove_measure(1)
    assert [m.id for m in store.measures()] == [4, 5, 6]
    assert all(a.measure_id not in (1, 2, 3) for a in store.assignments())
    store.restore_measures(snap)
    assert [m.id for m in store.measures()] == [1, 2, 3, 4, 5, 6]
    assert store.role(2, 1) is Role.LEAD and len(store.targets()) == 2


def test_observers_hear_about_edits(small_plan):
    store = MatrixStore.memory(small_plan)
    events = []
    store.subscribe(events.append)
    store.set_role(6, 2, Role.SUPPORT)
    store.update_measure(6, deadline="2022年底前")
    assert [e.kind for e in events] == ["roles", "measures"]
    assert events[0].measure_ids == (6,) and events[0].department_ids == (2,)


def test_read_only_plan_refuses_writes(plan_file):
    before = digest(plan_file)
    store = MatrixStore.open(plan_file, read_only=True)
    try:
        with pytest.raises(ReadOnlyError):
            store.set_role(6, 1, Role.LEAD)
    finally:
        store.close()
    assert digest(plan_file) == before


def test_lock_keeps_a_second_editor_out(plan_file):
    first = MatrixStore.open(plan_file, lock=True)
    try:
        with pytest.raises(PlanInUseError):
            MatrixStore.open(plan_file, lock=True)
        MatrixStore.open(plan_file, read_only=True).close()  # read-only is still offered
    finally:
        first.close()
    MatrixStore.open(plan_file, lock=True).close()  # released on close


def test_save_copy_writes_a_complete_plan(plan_file, tmp_path):
    store = MatrixStore.open(plan_file)
    try:
        store.set_role(6, 2, Role.LEAD)
        store.save_copy(str(tmp_path / "copy.mdesk"))
    finally:
        store.close()
    copy = MatrixStore.open(tmp_path / "copy.mdesk", read_only=True)
    try:
        assert copy.role(6, 2) is Role.LEAD
    finally:
        copy.close()


# -- migration ---------------------------------------------------------------------------------
def make_v1_file(path, small_plan) -> None:
    """A plan as the first schema wrote it: only migration m001 applied."""
    conn = sqlite3.connect(path)
    db = Database(conn)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    schema.migrations.apply(db, stop_before="m002_changelog_and_options")
    db.execute("PRAGMA user_version = 1")
    from matrixdesk.store import rows

    with db.atomic():
        rows.write_document(db, small_plan)
    conn.close()


def test_older_file_is_backed_up_then_migrated(tmp_path, small_plan):
    path = tmp_path / "old.mdesk"
    make_v1_file(path, small_plan)
    original = digest(path)
    store = MatrixStore.open(path)
    try:
        assert store.db.table("changelog").exists()
        store.set_role(6, 1, Role.LEAD)  # the new table takes the change log row
        assert store.changes(1)[0]["action"] == "roles"
    finally:
        store.close()
    backup = tmp_path / "old.v1-backup.mdesk"
    assert backup.exists() and digest(backup) == original
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


# -- bad files: refused with a clear error, left byte-for-byte unchanged ------------------------
def _foreign_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('x')")
    conn.commit()
    conn.close()


def _newer(path, small_plan):
    MatrixStore.create(path, small_plan).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()


def _truncated(path, small_plan):
    MatrixStore.create(path, small_plan).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _corrupt_pages(path, small_plan):
    MatrixStore.create(path, small_plan).close()
    data = bytearray(path.read_bytes())
    for i in range(4096 + 8, len(data), 97):  # scribble over every page after the first
        data[i] = 0xA5
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("maker", "error", "words"),
    [
        (lambda p, plan: p.write_bytes(b""), NotAPlanError, "empty"),
        (lambda p, plan: p.write_bytes("一份文本".encode() * 50), NotAPlanError, "not an SQLite"),
        (lambda p, plan: _foreign_sqlite(p), NotAPlanError, "not a MatrixDesk plan"),
        (_newer, NewerVersionError, "newer MatrixDesk"),
        (_truncated, DamagedFileError, "truncated"),
        (_corrupt_pages, DamagedFileError, "damaged"),
    ],
    ids=["empty", "text", "foreign-sqlite", "newer", "truncated", "corrupt"],
)
def test_bad_file_is_refused_and_untouched(tmp_path, small_plan, maker, error, words):
    path = tmp_path / "bad.mdesk"
    maker(path, small_plan)
    before = digest(path)
    with pytest.raises(error) as info:
        MatrixStore.open(path)
    assert words in info.value.message
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.mdesk"]


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(NotAPlanError, match="no such file"):
        MatrixStore.open(tmp_path / "nope.mdesk")


KILLED_EDITOR = """
import os, sys
from matrixdesk.core.model import Role
from matrixdesk.store import MatrixStore
store = MatrixStore.open(sys.argv[1], lock=True)
store.set_role(6, 1, Role.LEAD)
store.rename_department(2, "省体育局（新）")
os._exit(9)  # killed: no close, no checkpoint, the lock file left behind
"""


def test_a_killed_editor_loses_nothing_and_its_lock_is_taken_over(plan_file):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", KILLED_EDITOR, str(plan_file)], timeout=60)
    assert done.returncode == 9
    store = MatrixStore.open(plan_file, lock=True)  # the dead process's lock does not block
    try:
        assert store.role(6, 1) is Role.LEAD
        assert store.department(2).name == "省体育局（新）"
    finally:
        store.close()


def test_paths_with_chinese_spaces_and_uri_characters(tmp_path, small_plan):
    folder = tmp_path / "2021年 任务#1?%"
    folder.mkdir()
    path = folder / "分工 方案.mdesk"
    MatrixStore.create(path, small_plan).close()
    store = MatrixStore.open(path, read_only=True)  # the read-only open goes through a URI
    try:
        assert store.plan().info == small_plan.info
    finally:
        store.close()
    MatrixStore.open(path).close()


def test_close_while_another_program_reads_keeps_every_edit(plan_file):
    store = MatrixStore.open(plan_file)
    store.set_role(6, 1, Role.LEAD)
    reader = sqlite3.connect(plan_file)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM measures").fetchone()  # holds a read lock
    try:
        store.close()  # cannot leave WAL mode now; must not fail
    finally:
        reader.close()
    again = MatrixStore.open(plan_file, read_only=True)
    try:
        assert again.role(6, 1) is Role.LEAD
    finally:
        again.close()


def test_counts_and_tasks_follow_edits_as_a_fresh_open_sees_them(tmp_path, seed_plan):
    from dataclasses import replace

    from matrixdesk.core.stats import workload
    from matrixdesk.core.tasks import task_ids

    path = tmp_path / "seed.mdesk"
    store = MatrixStore.create(path, seed_plan)
    try:
        tasks = [m.id for m in store.measures() if store.is_task(m.id)]
        store.set_roles([(tasks[0], d.id, Role.SUPPORT) for d in store.departments()[:3]])
        store.set_roles([(tasks[1], d.id, None) for d in store.departments()])
        first, second = store.assignments_of(tasks[0]), store.assignments_of(tasks[1])
        moved = [replace(first[0], measure_id=tasks[2], position=5)]
        store.replace_assignments({tasks[2]: moved, tasks[1]: second})
        plan = store.plan()
        assert {m.id for m in plan.measures if store.is_task(m.id)} == task_ids(plan)
        expected = {
            w.department.id: (w.lead, w.support) for w in workload(plan, include_collective=True)
        }
        assert {d.id: store.department_counts(d.id) for d in plan.departments} == expected
        assert store.assignment_count() == len(plan.assignments)
        for m in plan.measures:
            roles = [a.role for a in plan.assignments_of(m.id)]
            assert store.measure_counts(m.id) == (roles.count(Role.LEAD), roles.count(Role.SUPPORT))
    finally:
        store.close()


def test_a_new_plan_is_readable_by_others_like_any_new_file(tmp_path, small_plan):
    """A plan made by New from Document or `import` had the private mode of a temporary file
    (0600): a colleague could not open it in a shared folder, nor a backup program read it.
    Written over an existing plan (--force), it keeps that file's permissions."""
    import os

    mask = os.umask(0o022)
    try:
        path = tmp_path / "新 计划.mdesk"
        MatrixStore.create(str(path), small_plan).close()
        assert path.stat().st_mode & 0o777 == 0o644
        path.chmod(0o640)
        MatrixStore.create(str(path), small_plan, overwrite=True).close()
        assert path.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(mask)
    assert [p.name for p in tmp_path.iterdir()] == ["新 计划.mdesk"]  # no temporary file left
