"""Random sequences of edits: undoing all of them restores the plan exactly, redoing all of
them gives the same plan again, and what is on disk always equals what the views read."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from PySide6.QtGui import QUndoStack

from matrixdesk.core.model import Role, Target
from matrixdesk.core.progress import Actual, ProgressEntry, ProgressUpdate
from matrixdesk.store import MatrixStore
from matrixdesk.ui import commands as c

ROLES = st.sampled_from([Role.LEAD, Role.SUPPORT, None])


def snapshot(store: MatrixStore):
    plan = store.plan()
    return (
        [
            (m.id, m.title, m.text, m.deadline, m.open_ended, m.parent_id, m.position)
            for m in plan.measures
        ],
        [(d.id, d.name, tuple(d.aliases), d.collective, d.position) for d in plan.departments],
        sorted((a.measure_id, a.department_id, a.role, a.position) for a in plan.assignments),
        sorted((t.id, t.measure_id, t.indicator, t.value, t.year) for t in plan.targets),
        # what the store keeps up to date edit by edit must equal what a fresh open builds
        [(d.id, store.department_counts(d.id)) for d in plan.departments],
        [
            (
                m.id,
                store.measure_counts(m.id),
                store.is_task(m.id),
                store.has_children(m.id),
                [(a.department_id, a.role) for a in store.assignments_of(m.id)],
                [t.id for t in store.targets(m.id)],
            )
            for m in plan.measures
        ],
        store.assignment_count(),
        sorted((e.key, e.status, e.note) for e in plan.progress),
        sorted((a.key, a.value) for a in plan.actuals),
    )


@st.composite
def edit(draw, store: MatrixStore):
    """One command valid for the store's current state."""
    measures = [m.id for m in store.measures()]
    departments = [d.id for d in store.departments()]
    kind = draw(
        st.sampled_from(
            ["roles", "measure", "target", "rename", "merge", "move", "remove", "progress"]
        )
    )
    if kind == "roles" and measures and departments:
        cells = draw(
            st.lists(
                st.tuples(st.sampled_from(measures), st.sampled_from(departments), ROLES),
                min_size=1,
                max_size=6,
                unique_by=lambda x: (x[0], x[1]),
            )
        )
        return c.SetRolesCommand(store, cells)
    if kind == "measure" and measures:
        return c.EditMeasureCommand(
            store, draw(st.sampled_from(measures)), deadline=draw(st.sampled_from(["", "年底前"]))
        )
    if kind == "target" and measures:
        return c.AddTargetCommand(
            store, Target(0, draw(st.sampled_from(measures)), "指标", 1, "个")
        )
    if kind == "rename" and departments:
        d = draw(st.sampled_from(departments))
        return c.RenameDepartmentCommand(store, d, store.department(d).name + "新")
    if kind == "merge" and len(departments) >= 2:
        a, b = draw(st.lists(st.sampled_from(departments), min_size=2, max_size=2, unique=True))
        return c.MergeDepartmentsCommand(store, a, b)
    if kind == "move" and departments:
        return c.MoveDepartmentCommand(
            store, draw(st.sampled_from(departments)), draw(st.integers(0, len(departments)))
        )
    if kind == "progress" and measures and departments:
        status = draw(st.sampled_from(["推进中", "已完成", "滞后"]))
        entry = ProgressEntry(
            draw(st.sampled_from(measures)),
            draw(st.sampled_from(departments)),
            draw(st.sampled_from(["2021-03", "2021-04"])),
            status,
            f"进展{status}",
        )
        targets = [t.id for t in store.targets()]
        actuals = [Actual(draw(st.sampled_from(targets)), entry.period, 7.0)] if targets else []
        return c.ApplyProgressCommand(store, ProgressUpdate([entry], actuals=actuals))
    if kind == "remove" and len(measures) > 1:
        return c.RemoveMeasureCommand(store, draw(st.sampled_from(measures)))
    n = len(departments) + 1
    while store.department_named(f"省新增部门{n}") is not None:  # a merge freed a count
        n += 1
    return c.AddDepartmentCommand(store, f"省新增部门{n}")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_sequence_undoes_and_redoes_exactly(qapp, tmp_path_factory, small_plan, data):
    path = tmp_path_factory.mktemp("seq") / "plan.mdesk"
    store = MatrixStore.create(path, small_plan)
    stack = QUndoStack()
    try:
        before = snapshot(store)
        for _ in range(data.draw(st.integers(1, 12))):
            stack.push(data.draw(edit(store)))
        after = snapshot(store)
        while stack.canUndo():
            stack.undo()
        assert snapshot(store) == before
        while stack.canRedo():
            stack.redo()
        assert snapshot(store) == after
    finally:
        store.close()
    reopened = MatrixStore.open(path, read_only=True)
    try:
        assert snapshot(reopened) == after  # the disk saw every step
    finally:
        reopened.close()
