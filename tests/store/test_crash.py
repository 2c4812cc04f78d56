"""Crashes while a plan opens, is edited or closes: SQLite recovers it, nothing reported saved
is lost, and only a file SQLite itself cannot read is called damaged (and left untouched)."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from matrixdesk.core.model import Role
from matrixdesk.store import DamagedFileError, MatrixStore
from matrixdesk.store.connection import has_hot_journal


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def plan_file(tmp_path, small_plan):
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(path, small_plan).close()
    return path


# -- a hot rollback journal: killed in the middle of writing an edit ---------------------------
KILLED_MID_EDIT = """
import os, sys, sqlite3
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # pages go to the file before the commit
conn.execute("BEGIN")
conn.execute("UPDATE departments SET name = name || '（改）'")
conn.execute("INSERT INTO source (id, text) SELECT 100 + value, hex(randomblob(3000))"
             " FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]')")
conn.execute("UPDATE measures SET text = hex(randomblob(2000))")
os._exit(9)  # killed before COMMIT: the journal beside the plan is hot
"""


def _kill_mid_edit(path) -> None:
    done = subprocess.run([sys.executable, "-c", KILLED_MID_EDIT, str(path)], timeout=60)
    assert done.returncode == 9
    assert has_hot_journal(str(path))


def test_a_hot_journal_is_rolled_back_not_called_damaged(plan_file, small_plan):
    _kill_mid_edit(plan_file)
    before = digest(plan_file)
    journal = plan_file.parent / "plan.mdesk-journal"
    journal_before = journal.read_bytes()
    viewer = MatrixStore.open(plan_file, read_only=True)  # read-only: recovered in a copy
    try:
        assert viewer.recovered
        assert [d.name for d in viewer.departments()] == [d.name for d in small_plan.departments]
    finally:
        viewer.close()
    assert digest(plan_file) == before and journal.read_bytes() == journal_before
    editor = MatrixStore.open(plan_file, lock=True)
    try:
        assert editor.recovered
        assert editor.plan().measures == small_plan.measures
    finally:
        editor.close()
    assert not has_hot_journal(str(plan_file))
    again = MatrixStore.open(plan_file)
    try:
        assert not again.recovered
    finally:
        again.close()


# -- a write-ahead log, half checkpointed: killed while closing (older MatrixDesk files) -------
def _half_checkpointed(path) -> None:
    """The plan in WAL mode with edits in the log, killed halfway through copying the log's
    pages back into the file: the file mixes new and old pages, the log is still whole."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    old = path.read_bytes()
    for i in range(40):
        conn.execute(
            "INSERT INTO departments (id, name, collective, position) VALUES (?, ?, 0, ?)",
            [100 + i, f"新增部门{i}" * 20, 100 + i],
        )
    log = (path.parent / (path.name + "-wal")).read_bytes()
    conn.execute("PRAGMA wal_checkpoint(FULL)")
    new = path.read_bytes()
    conn.close()  # (closing removes the log: put the killed state back by hand)
    page = 4096
    half = (len(new) // page // 2) * page
    path.write_bytes(new[:half] + old[half:])
    (path.parent / (path.name + "-wal")).write_bytes(log)


def test_a_half_checkpointed_log_is_folded_back(plan_file):
    _half_checkpointed(plan_file)
    before = digest(plan_file)
    viewer = MatrixStore.open(plan_file, read_only=True)
    try:
        assert len(viewer.departments()) == 45
    finally:
        viewer.close()
    assert digest(plan_file) == before
    editor = MatrixStore.open(plan_file, lock=True)
    try:
        assert editor.recovered and len(editor.departments()) == 45
        editor.set_role(6, 100, Role.LEAD)
    finally:
        editor.close()
    assert not (plan_file.parent / "plan.mdesk-wal").exists()
    final = MatrixStore.open(plan_file, read_only=True)
    try:
        assert final.role(6, 100) is Role.LEAD and not final.recovered
    finally:
        final.close()


def test_a_damaged_file_is_left_alone_and_the_message_offers_what_remains(plan_file, tmp_path):
    backup = tmp_path / "plan.v1-backup.mdesk"
    backup.write_bytes(plan_file.read_bytes())
    data = bytearray(plan_file.read_bytes())
    for i in range(4096 * 2 + 8, len(data), 97):  # scribble over the pages after the schema
        data[i] = 0xA5
    plan_file.write_bytes(bytes(data))
    before = digest(plan_file)
    with pytest.raises(DamagedFileError) as info:
        MatrixStore.open(plan_file, lock=True)
    assert info.value.backups == [str(backup)]
    assert digest(plan_file) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.mdesk", "plan.v1-backup.mdesk"]


# -- kill -9 at random moments while a plan opens, is edited and closes ------------------------
EDITOR_LOOP = """
import sys
from matrixdesk.core.model import Role
from matrixdesk.store import MatrixStore
path = sys.argv[1]
print("ready", flush=True)
while True:
    store = MatrixStore.open(path, lock=True)
    n = len(store.departments())
    for _ in range(n % 3 + 1):
        dep = store.add_department(f"部门{n}")
        store.set_role(6, dep.id, Role.SUPPORT)
        print(f"saved 部门{n}", flush=True)
        n += 1
    store.close()
"""


def test_kill_at_random_moments_loses_no_reported_edit(plan_file):
    runs = int(os.environ.get("MATRIXDESK_KILL_RUNS", "12"))
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)
    reported: set[str] = set()
    for run in range(runs):
        child = subprocess.Popen(
            [sys.executable, "-c", EDITOR_LOOP, str(plan_file)],
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        reported |= {line.split()[1] for line in out.splitlines() if line.startswith("saved")}
        store = MatrixStore.open(plan_file, lock=True)  # opens every time, lock taken over
        try:
            names = {d.name for d in store.departments()}
            missing = reported - names
            assert not missing, f"run {run} (seed {seed}) lost {sorted(missing)}"
            for name in reported:
                assert store.role(6, store.department_named(name).id) is Role.SUPPORT
        finally:
            store.close()
    assert reported, "the editor never got to save anything"


def test_the_command_line_reads_a_crashed_plan_and_says_so(plan_file, capsys):
    from matrixdesk.cli import main

    _kill_mid_edit(plan_file)
    before = digest(plan_file)
    capsys.readouterr()
    assert main(["show", str(plan_file), "--json"]) == 0
    out, err = capsys.readouterr()
    assert "not closed properly" in err and err.count("\n") == 1
    assert '"省体育局"' in out  # the last complete edit, not the half-written one
    assert digest(plan_file) == before
