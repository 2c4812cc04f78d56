"""Writing files the way an office needs: complete or not at all, files held open, Windows paths.

Windows refuses to replace a file that WPS, Excel or a PDF reader holds open (and an antivirus
scanner holds every new file for a moment); Linux does not, so the tests play Windows with the
``office`` fixture (tests/conftest.py).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from matrixdesk.core import safefile
from matrixdesk.core.safefile import (
    DiskFullError,
    EmptyOutputError,
    FileInUseError,
    PathTooLongError,
    atomic_output,
    check_path,
    replace_all,
    same_path,
)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(safefile.TEMP_SUFFIX))


# -- complete or not at all ------------------------------------------------------------------
def test_a_completed_write_replaces_the_file(tmp_path):
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old")
    with atomic_output(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".~md-")
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("painting failed")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["r.pdf"]


def test_an_empty_result_is_never_reported_as_written(tmp_path):
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old")
    with pytest.raises(EmptyOutputError) as info, atomic_output(target):
        pass  # the writer "succeeded" and wrote nothing
    assert info.value.path == str(target)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["r.pdf"]


def test_a_full_disk_says_so_and_keeps_the_old_file(tmp_path):
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(DiskFullError, match="disk is full") as info, atomic_output(target):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert info.value.path == str(target)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["r.xlsx"]


def test_temporary_files_of_a_killed_process_are_swept(tmp_path):
    dead = tmp_path / f"{safefile.TEMP_PREFIX}999999999-abcd{safefile.TEMP_SUFFIX}"
    mine = tmp_path / f"{safefile.TEMP_PREFIX}{os.getpid()}-abcd{safefile.TEMP_SUFFIX}"
    other = tmp_path / "notes.part"
    for p in (dead, mine, other):
        p.write_bytes(b"x")
    with atomic_output(tmp_path / "r.pdf") as tmp:
        tmp.write_bytes(b"%PDF")
    assert not dead.exists()
    assert mine.exists() and other.exists()  # a write in progress here; not ours


# -- files held open -------------------------------------------------------------------------
def test_a_file_held_open_is_retried_then_named(tmp_path, office):
    target = tmp_path / "任务分工.xlsx"
    target.write_bytes(b"old")
    office.hold(target)
    with pytest.raises(FileInUseError) as info, atomic_output(target, excel=True) as tmp:
        tmp.write_bytes(b"new")
    assert info.value.path == str(target)
    assert "open in another program" in str(info.value)
    assert office.sleeps == list(safefile.RETRY_DELAYS)  # a few tries, then the message
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_scanner_holding_the_file_for_a_moment_is_waited_out(tmp_path, office):
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old")
    office.hold(target, times=2)
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert len(office.sleeps) == 2


def test_replace_all_replaces_nothing_when_one_target_is_held(tmp_path, office):
    pairs = []
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.xlsx").write_bytes(b"old " + name.encode())
        tmp = safefile.temp_beside(tmp_path / f"{name}.xlsx")
        tmp.write_bytes(b"new " + name.encode())
        pairs.append((tmp, tmp_path / f"{name}.xlsx"))
    office.hold(tmp_path / "c.xlsx")
    with pytest.raises(FileInUseError, match="c.xlsx"):
        replace_all(pairs)
    assert [(tmp_path / f"{n}.xlsx").read_bytes() for n in "abc"] == [b"old a", b"old b", b"old c"]
    assert leftovers(tmp_path) == []


def test_replace_all_puts_the_old_files_back_when_a_replacement_fails(tmp_path, monkeypatch):
    pairs = []
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.xlsx").write_bytes(b"old " + name.encode())
        tmp = safefile.temp_beside(tmp_path / f"{name}.xlsx")
        tmp.write_bytes(b"new " + name.encode())
        pairs.append((tmp, tmp_path / f"{name}.xlsx"))
    real_replace = os.replace

    def replace(src, dst):  # the check passed, then "b" went away under us (a USB stick)
        if Path(src) == pairs[1][0]:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(safefile, "_replace", replace)
    with pytest.raises(safefile.OutputError, match="b.xlsx"):
        replace_all(pairs)
    assert [(tmp_path / f"{n}.xlsx").read_bytes() for n in "abc"] == [b"old a", b"old b", b"old c"]
    assert leftovers(tmp_path) == []


# -- paths as Windows sees them ----------------------------------------------------------------
def test_paths_too_long_for_windows_or_excel_are_caught(tmp_path):
    folder = "C:\\Users\\张三\\Documents\\" + "省政府办公厅督查室\\" * 20
    workbook = folder + "任务分工.xlsx"
    assert 218 < safefile.path_units(workbook) <= 259
    with pytest.raises(PathTooLongError) as info:
        check_path(workbook, excel=True, windows=True)
    assert info.value.limit == 218
    assert info.value.length == safefile.path_units(info.value.path) > 218
    check_path(folder + "责任矩阵.pdf", windows=True)  # a PDF reader opens it
    with pytest.raises(PathTooLongError):
        check_path(folder + "省" * 40 + ".pdf", windows=True)


def test_a_name_longer_than_any_file_system_allows_is_caught(tmp_path):
    with pytest.raises(PathTooLongError):
        check_path(tmp_path / ("省" * 84 + ".xlsx"))  # 257 bytes: Linux refuses it
    check_path(tmp_path / ("省" * 80 + ".xlsx"))


def test_paths_compare_as_windows_compares_them(tmp_path):
    assert same_path("C:\\Plans\\Plan.PDF", "c:/plans/plan.pdf", windows=True)
    assert not same_path("C:\\Plans\\a.pdf", "C:\\Plans\\b.pdf", windows=True)
    real = tmp_path / "a.pdf"
    real.write_bytes(b"x")
    link = tmp_path / "link.pdf"
    os.link(real, link)
    assert same_path(real, link)  # one file through a second path
    assert not same_path(tmp_path / "A.pdf", tmp_path / "a.pdf", windows=False) or (
        (tmp_path / "A.pdf").exists()  # a case-insensitive file system
    )


def test_the_file_put_in_place_is_not_hidden(tmp_path, monkeypatch):
    """Windows keeps a renamed file's attributes: the temporary file is hidden, so it must be
    made visible again before it becomes the user's file."""
    calls: list[tuple[str, bool]] = []
    monkeypatch.setattr(safefile, "_set_hidden", lambda p, h: calls.append((Path(p).name, h)))
    real_replace = safefile._replace

    def replace(src, dst):
        assert calls[-1] == (Path(src).name, False), "renamed while still hidden"
        real_replace(src, dst)

    monkeypatch.setattr(safefile, "_replace", replace)
    with atomic_output(tmp_path / "r.pdf") as tmp:
        tmp.write_bytes(b"%PDF")
    assert calls == [(tmp.name, True), (tmp.name, False)]
