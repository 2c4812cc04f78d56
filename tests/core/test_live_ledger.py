"""The live ledger answers as the whole-plan ledger does, and works out only what an edit
touched (counted, not timed)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from matrixdesk.core.ledger import build_ledger
from matrixdesk.core.live_ledger import LiveLedger
from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role
from matrixdesk.core.progress import ProgressEntry, ProgressUpdate
from matrixdesk.store import MatrixStore

TODAY = dt.date(2021, 6, 15)
PERIOD = "2021-05"
STATUSES = ["未开始", "推进中", "已完成", "滞后", ""]
PERIODS = ["2021-03", "2021-04", "2021-05", "2021-06"]  # the last one is after PERIOD


def plan_of(n_tasks: int, seed: int = 7) -> Plan:
    """Parts of ten tasks, 12 departments (two collective), one to three per task, several
    leads now and then, deadlines past and future, reports over four periods."""
    rnd = random.Random(seed)
    departments = [
        Department(i + 1, f"省部门{i + 1}厅", position=i, collective=i >= 10) for i in range(12)
    ]
    measures, assignments, progress = [], [], []
    part = 0
    for k in range(n_tasks):
        if k % 10 == 0:
            part = len(measures) + 1
            measures.append(Measure(part, str(k // 10 + 1), "一、", 1, f"第{k // 10 + 1}部分"))
        mid = len(measures) + 1
        deadline = rnd.choice(["", "2021年3月底前", "2022年底前", "长期坚持", "2021年6月"])
        measures.append(Measure(mid, f"{k}", f"{k}.", 2, f"任务{k}", parent_id=part,
                                annotated=True, deadline=deadline))  # fmt: skip
        chosen = rnd.sample(range(1, 13), rnd.randint(1, 3))
        for pos, d in enumerate(chosen):
            role = Role.LEAD if pos == 0 or rnd.random() < 0.15 else Role.SUPPORT
            assignments.append(Assignment(mid, d, role, pos))
            for period in PERIODS:
                if rnd.random() < 0.4:
                    progress.append(ProgressEntry(mid, d, period, rnd.choice(STATUSES[:4])))
    for i, m in enumerate(measures):
        m.position = i
    return Plan(measures=measures, departments=departments, assignments=assignments,
                progress=progress)  # fmt: skip


def assert_same(store: MatrixStore, live: LiveLedger) -> None:
    whole = build_ledger(store.plan(), PERIOD, TODAY)
    for m in store.measures():
        for d in store.departments():
            key = (m.id, d.id)
            cell = live.cell(*key)
            if key in whole.meaning:
                assert cell == (whole.status[key], whole.meaning[key]), key
            else:
                assert cell is None, key
        assert live.overdue(m.id) == (m.id in whole.overdue), m.id
        _same_tally(live.measure_tally(m.id), whole.by_measure.get(m.id))
    for d in store.departments():
        _same_tally(live.department_tally(d.id), whole.by_department.get(d.id))


def _same_tally(live, whole) -> None:
    if whole is None:
        assert live is None
        return
    assert live is not None
    counts = ("tasks", "reported", "done", "doing", "late", "todo", "overdue")
    assert [getattr(live, c) for c in counts] == [getattr(whole, c) for c in counts]
    assert sorted(live.measure_ids) == sorted(whole.measure_ids)


@pytest.fixture
def store():
    plan = plan_of(60)
    s = MatrixStore.memory(plan)
    s.set_schedule(s.schedule().__class__(s.schedule().cadence, "2021-01", "2021-12"))
    return s


def test_answers_as_the_whole_plan_ledger(store):
    assert_same(store, LiveLedger(store, PERIOD, TODAY))


def test_follows_edits_it_is_told_about(store):
    live = LiveLedger(store, PERIOD, TODAY)
    assert_same(store, live)
    rnd = random.Random(3)
    tasks = [m.id for m in store.measures() if m.level == 2]
    for _ in range(30):
        m, d = rnd.choice(tasks), rnd.randint(1, 12)
        store.set_role(m, d, rnd.choice([None, Role.LEAD, Role.SUPPORT]))
        live.touch([m])
    m = tasks[5]
    store.update_measure(m, deadline="2020年底前")  # now past
    live.touch([m])
    assert_same(store, live)
    entries = [ProgressEntry(m, a.department_id, PERIOD, "已完成") for a in store.assignments_of(m)]
    store.apply_progress(ProgressUpdate(entries))
    live.touch_all()  # reports came in
    assert_same(store, live)
    assert not live.overdue(m)


def test_an_edit_works_out_only_the_measure_it_touched(store):
    live = LiveLedger(store, PERIOD, TODAY)
    ids = [m.id for m in store.measures()]
    for mid in ids:  # the grid painted every row
        live.overdue(mid)
    read = live.read
    store.set_role(ids[3], 1, Role.LEAD)
    live.touch([ids[3]])
    for mid in ids:  # and paints them all again
        live.overdue(mid)
    assert live.read == read + 1
