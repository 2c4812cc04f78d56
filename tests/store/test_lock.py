"""The lock of a plan open for editing: atomic, the same plan by any path, who holds it, and
taking over a lock left by a crashed PC where the file system has no locks of its own."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import sys

import pytest

from matrixdesk.store import (
    LockOwner,
    MatrixStore,
    PlanInUseError,
    ReadOnlyLocationError,
)
from matrixdesk.store import lock as lock_module
from matrixdesk.store.lock import lock_path, read_owner


@pytest.fixture
def plan_file(tmp_path, small_plan):
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(path, small_plan).close()
    return path


RACER = """
import sys
from matrixdesk.store import MatrixStore, PlanInUseError
print("ready", flush=True)
sys.stdin.readline()  # all racers are loaded and waiting: go
try:
    store = MatrixStore.open(sys.argv[1], lock=True)
except PlanInUseError:
    print("in use", flush=True)
else:
    print("editing", flush=True)
    sys.stdin.read()  # hold the plan until every racer has answered
    store.close()
"""


def test_windows_opening_at_the_same_moment_never_both_edit(plan_file):
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(plan_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    try:
        for racer in racers:
            assert racer.stdout.readline().strip() == "ready"
        for racer in racers:
            racer.stdin.write("go\n")
        for racer in racers:
            racer.stdin.flush()
        answers = sorted(racer.stdout.readline().strip() for racer in racers)
    finally:
        for racer in racers:
            racer.stdin.close()
            racer.wait(timeout=60)
    assert answers == ["editing"] + ["in use"] * 5


HOLDER = """
import sys, time
from matrixdesk.store import MatrixStore
store = MatrixStore.open(sys.argv[1], lock=True)
print("holding", flush=True)
time.sleep(60)
"""


def test_a_link_or_second_path_is_the_same_plan(plan_file, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "link.mdesk"
    link.symlink_to(plan_file)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(link)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        for path in (plan_file, tmp_path / "elsewhere" / ".." / "plan.mdesk", link):
            with pytest.raises(PlanInUseError) as info:
                MatrixStore.open(path, lock=True)
            owner = info.value.holder
            assert owner.pid == holder.pid and owner.host == socket.gethostname()
            assert f"process {holder.pid}" in info.value.message
    finally:
        holder.kill()
        holder.wait()
    MatrixStore.open(link, lock=True).close()  # the dead holder's lock went with it


def test_the_record_names_host_process_and_user(plan_file, monkeypatch):
    monkeypatch.setenv("USERNAME", "张三")  # what Windows sets
    monkeypatch.setattr(lock_module, "_user_name", lambda: os.environ["USERNAME"])
    store = MatrixStore.open(plan_file, lock=True)
    try:
        owner = read_owner(str(plan_file))
        assert owner == LockOwner(socket.gethostname(), os.getpid(), "张三", owner.since)
        with pytest.raises(PlanInUseError, match="another window of this program"):
            MatrixStore.open(plan_file, lock=True)
    finally:
        store.close()
    assert not os.path.exists(lock_path(str(plan_file)))


def test_the_lock_file_is_hidden_where_files_have_a_hidden_attribute(plan_file, monkeypatch):
    """On Windows a leading dot hides nothing: .~lock.plan.mdesk# showed in Explorer beside
    the plan. The lock sets the hidden attribute (faked here: Linux files have none)."""
    from matrixdesk.core import safefile

    hidden: list[tuple[str, bool]] = []
    monkeypatch.setattr(safefile, "_set_hidden", lambda p, h: hidden.append((str(p), h)))
    store = MatrixStore.open(plan_file, lock=True)
    try:
        assert hidden == [(lock_path(str(plan_file)), True)]
        assert os.path.exists(lock_path(str(plan_file)))
    finally:
        store.close()
    assert not os.path.exists(lock_path(str(plan_file)))


def test_a_stale_record_of_another_pc_does_not_block_when_the_os_lock_is_free(plan_file):
    record = {"host": "PC-CRASHED", "pid": os.getpid(), "user": "李四", "since": "2024-01-02"}
    with open(lock_path(str(plan_file)), "wb") as fh:
        fh.write(b"\n" + json.dumps(record).encode())
    store = MatrixStore.open(plan_file, lock=True)  # no process holds the lock: it is free
    try:
        assert read_owner(str(plan_file)).host == socket.gethostname()
    finally:
        store.close()


def test_without_os_locks_another_pcs_record_is_taken_over_only_after_confirming(
    plan_file, monkeypatch
):
    def no_locks(fd, blocking=True):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock_module.filelock, "lock_descriptor", no_locks)
    # "compares host and process together": this process's pid on another PC is not us
    record = {"host": "PC-CRASHED", "pid": os.getpid(), "user": "李四", "since": "2024-01-02T09:30"}
    with open(lock_path(str(plan_file)), "wb") as fh:
        fh.write(b"\n" + json.dumps(record).encode())
    with pytest.raises(PlanInUseError) as info:
        MatrixStore.open(plan_file, lock=True)
    assert info.value.can_take_over
    assert "李四 on PC-CRASHED" in info.value.message and "2024-01-02 09:30" in info.value.message
    store = MatrixStore.open(plan_file, lock=True, take_over=True)
    try:
        assert read_owner(str(plan_file)).is_this_process()
    finally:
        store.close()


@pytest.fixture
def read_only_folder(tmp_path, small_plan):
    """A plan on a read-only file system (a read-only share, a write-protected stick)."""
    if os.geteuid() != 0 or sys.platform != "linux":
        pytest.skip("mounting a read-only file system needs root on Linux")
    folder = tmp_path / "stick"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)]).returncode:
        pytest.skip("this machine does not allow mounting a file system")
    try:
        MatrixStore.create(folder / "plan.mdesk", small_plan).close()
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)])


def test_a_plan_on_a_read_only_drive_is_offered_read_only(read_only_folder):
    path = read_only_folder / "plan.mdesk"
    with pytest.raises(ReadOnlyLocationError):
        MatrixStore.open(path, lock=True)
    store = MatrixStore.open(path, read_only=True)
    try:
        assert store.read_only and store.departments()
    finally:
        store.close()


def test_database_is_locked_never_reaches_the_user(plan_file):
    """Another program writing to the plan makes an edit wait; if it keeps the plan busy,
    the edit fails with its own message and the store's view of the plan is unchanged."""
    import sqlite3
    import threading

    from matrixdesk.core.model import Role
    from matrixdesk.store import WriteError

    store = MatrixStore.open(plan_file, lock=True)
    other = sqlite3.connect(plan_file, check_same_thread=False, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program is writing
        threading.Timer(0.5, lambda: other.execute("COMMIT")).start()
        store.set_role(6, 1, Role.LEAD)  # waits for it, then writes
        assert store.role(6, 1) is Role.LEAD
        other.execute("BEGIN IMMEDIATE")  # and now it keeps the plan busy
        store.db.execute("PRAGMA busy_timeout = 200")
        with pytest.raises(WriteError) as info:
            store.set_role(6, 2, Role.SUPPORT)
        assert info.value.reason == "busy" and "locked" not in info.value.message
        assert store.role(6, 2) is None
        other.execute("COMMIT")
    finally:
        other.close()
        store.close()


STOPPED_COMMAND = """
import sys, time
from matrixdesk import cli
from matrixdesk.exchange import collect as module

def slow_collect(plan, files, period=None):
    print("reading", flush=True)  # the plan is open and locked now
    time.sleep(60)

module.collect = slow_collect
sys.exit(cli.main(["collect", sys.argv[1], sys.argv[2]]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_command_stopped_by_a_signal_closes_the_plan_and_leaves_no_lock(
    plan_file, tmp_path, signum
):
    """`kill` (SIGTERM) or Ctrl+C (SIGINT) during `matrixdesk collect` left .~lock.plan.mdesk#
    behind: the command now closes the plan first, and says it was stopped."""
    book = tmp_path / "back.xlsx"
    book.write_bytes(b"PK")
    command = subprocess.Popen(
        [sys.executable, "-c", STOPPED_COMMAND, str(plan_file), str(book)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert command.stdout.readline().strip() == "reading"
        assert os.path.exists(lock_path(str(plan_file)))
        command.send_signal(signum)
        _out, err = command.communicate(timeout=60)
    finally:
        command.kill()
    assert command.returncode == 2, err
    assert err.strip() == "matrixdesk collect: stopped; nothing half-written was left"
    assert not os.path.exists(lock_path(str(plan_file)))
    MatrixStore.open(plan_file, lock=True).close()
