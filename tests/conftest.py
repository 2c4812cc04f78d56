"""Shared fixtures. Qt runs offscreen; every test gets plans built here or from the seed."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from matrixdesk.core import safefile  # noqa: E402
from matrixdesk.core.model import (  # noqa: E402
    Assignment,
    Comparator,
    Department,
    DocumentInfo,
    Measure,
    Plan,
    Role,
    Target,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "jizhengbanfa-2020-34.txt"


def make_small_plan() -> Plan:
    """Two parts, four tasks, four departments (one collective), two targets."""
    m = [
        Measure(1, "1", "一、", 1, "提高消费品质", position=0),
        Measure(
            2,
            "1.1",
            "(一)",
            2,
            "发展冰雪消费",
            "发展冰雪消费。(省文化和旅游厅、省体育局负责)",
            parent_id=1,
            annotated=True,
            position=1,
        ),
        Measure(
            3,
            "1.2",
            "(二)",
            2,
            "扩大农产品消费",
            "扩大农产品消费。(省农业农村厅、省商务厅负责)",
            parent_id=1,
            annotated=True,
            position=2,
        ),
        Measure(4, "2", "二、", 1, "强化保障", position=3),
        Measure(
            5,
            "2.3",
            "(三)",
            2,
            "=SUM(A1)压实责任",
            "压实责任。(各地区、省商务厅负责)",
            parent_id=4,
            annotated=True,
            open_ended=True,
            deadline="2021年底前",
            position=4,
        ),
        Measure(6, "2.4", "(四)", 2, "加强宣传", "加强宣传。", parent_id=4, position=5),
    ]
    d = [
        Department(1, "省文化和旅游厅", position=0),
        Department(2, "省体育局", position=1),
        Department(3, "省农业农村厅", ["省农委"], position=2),
        Department(4, "省商务厅", position=3),
        Department(5, "各地区", collective=True, position=4),
    ]
    a = [
        Assignment(2, 1, Role.LEAD, 0),
        Assignment(2, 2, Role.SUPPORT, 1),
        Assignment(3, 3, Role.LEAD, 0),
        Assignment(3, 4, Role.SUPPORT, 1),
        Assignment(5, 5, Role.LEAD, 0),
        Assignment(5, 4, Role.SUPPORT, 1),
    ]
    t = [
        Target(1, 2, "滑雪场", 60, "座", Comparator.GE, 2022, 0),
        Target(2, 3, "试点县", 10, "个", Comparator.GE, None, 0),
    ]
    info = DocumentInfo(
        "关于促进消费的实施意见", "吉政办发[2020]34号", "吉林省人民政府办公厅", "2020-12-24"
    )
    return Plan(info, "source", m, d, a, t)


@pytest.fixture
def small_plan() -> Plan:
    return make_small_plan()


@pytest.fixture
def seed_plan() -> Plan:
    from matrixdesk.parse import parse_file

    return parse_file(SEED)


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):
    """A QApplication before any test: a report test run first would otherwise leave the
    QGuiApplication that report.paint makes for the command line, and a later test that makes
    a widget aborts the run (Qt: no QWidget without a QApplication). The headless path is
    tested in a subprocess."""
    return qapp


@pytest.fixture(scope="session", autouse=True)
def _clear_clipboard_at_exit():
    """Qt's offscreen platform crashes at exit while the clipboard holds mime data we set
    (a bare script shows it too); empty it before the application goes away."""
    yield
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QApplication.clipboard().clear()


# -- files held open by other programs, as on Windows ------------------------------------------
def sharing_violation(path) -> PermissionError:
    """What Windows raises for a file another process holds (ERROR_SHARING_VIOLATION)."""
    exc = PermissionError(
        errno.EACCES,
        "The process cannot access the file because it is being used by another process",
        str(path),
    )
    exc.winerror = 32  # type: ignore[attr-defined]
    return exc


class Office:
    """Files held open by other programs, as Windows treats them: no replacing, no writing.

    ``held[path] = n`` holds ``path`` for the next ``n`` attempts (a scanner); ``None`` holds it
    until the test ends (WPS)."""

    def __init__(self, monkeypatch) -> None:
        self.held: dict[str, int | None] = {}
        self.sleeps: list[float] = []
        real_replace = os.replace

        def replace(src, dst) -> None:
            for p in (src, dst):
                self._refuse(p)
            real_replace(src, dst)

        def probe(path) -> None:
            self._refuse(path)
            safefile._open_for_writing(path)

        monkeypatch.setattr(safefile, "_replace", replace)
        monkeypatch.setattr(safefile, "_probe", probe)
        monkeypatch.setattr(safefile, "_sleep", self.sleeps.append)

    def _refuse(self, path) -> None:
        key = os.path.abspath(path)
        if key not in self.held:
            return
        left = self.held[key]
        if left is not None:
            if left <= 0:
                return
            self.held[key] = left - 1
        raise sharing_violation(path)

    def hold(self, path, times: int | None = None) -> None:
        self.held[os.path.abspath(path)] = times


@pytest.fixture
def office(monkeypatch):
    return Office(monkeypatch)


def fill_department_workbook(
    path, *, statuses=None, notes=None, actuals=None, edit=None, save_as=None
) -> str:
    """Fill in a department workbook with openpyxl as the department would: a status and a
    note per task (by measure id), values reached per target id; ``edit(wb)`` may change
    anything else first. Saved over ``path`` (or to ``save_as``); returns the path."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["任务进展"]
    for row in ws.iter_rows(min_row=4):
        mid = row[0].value
        if mid in (statuses or {}):
            row[11].value = statuses[mid]
        if mid in (notes or {}):
            row[10].value = notes[mid]
    if actuals and "目标完成情况" in wb.sheetnames:
        for row in wb["目标完成情况"].iter_rows(min_row=4):
            if row[0].value in actuals:
                row[10].value = actuals[row[0].value]
    if edit is not None:
        edit(wb)
    out = str(save_as or path)
    wb.save(out)
    return out


@pytest.fixture
def fill_workbook():
    return fill_department_workbook
