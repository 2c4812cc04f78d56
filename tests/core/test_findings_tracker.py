"""The check kept up to date edit by edit always equals a whole check of the plan."""

from __future__ import annotations

import random

from matrixdesk.core.findings import FindingsTracker, Splice
from matrixdesk.core.model import Role, Target
from matrixdesk.core.validate import validate
from matrixdesk.store import MatrixStore, StoreEvent


def follow(store: MatrixStore, tracker: FindingsTracker) -> None:
    """What the window's document does with store events."""

    def on_event(event: StoreEvent) -> None:
        if event.kind == "roles":
            tracker.touch(event.measure_ids, event.department_ids)
        elif event.kind in ("measures", "targets"):
            tracker.touch(event.measure_ids)
        else:
            tracker.touch_all()

    store.subscribe(on_event)


def mirror(tracker: FindingsTracker) -> list:
    """A list kept equal to the tracker's by applying its splices, as a view does."""
    rows = list(tracker.findings())

    def apply(splices: list[Splice] | None) -> None:
        if splices is None:
            rows[:] = tracker.findings()
            return
        for s in splices:
            rows[s.start : s.start + s.removed] = s.inserted

    tracker.subscribe(apply)
    return rows


def random_edit(store: MatrixStore, rng: random.Random) -> None:
    measures = [m.id for m in store.measures()]
    departments = [d.id for d in store.departments()]
    kind = rng.choice(["roles", "roles", "roles", "target", "year", "title", "rename"])
    if kind == "roles":
        cells = {
            (rng.choice(measures), rng.choice(departments)): rng.choice(
                [Role.LEAD, Role.SUPPORT, None]
            )
            for _ in range(rng.randint(1, 4))
        }
        store.set_roles([(m, d, r) for (m, d), r in cells.items()])
    elif kind == "target":
        year = rng.choice([None, 2025])
        store.add_target(Target(0, rng.choice(measures), "指标", 1, "个", year=year))
    elif kind == "year":
        targets = store.targets()
        if targets:
            store.update_target(rng.choice(targets).id, year=rng.choice([None, 2026]))
    elif kind == "title":
        m = rng.choice(measures)
        store.update_measure(m, title=store.measure(m).title + "改")
    else:
        d = rng.choice(departments)
        store.rename_department(d, store.department(d).name + "新")


def test_refreshes_equal_a_whole_check(seed_plan):
    store = MatrixStore.memory(seed_plan)
    tracker = FindingsTracker(store)
    follow(store, tracker)
    rows = mirror(tracker)
    tracker.refresh()
    assert tracker.findings() == validate(store.plan()) == rows
    rng = random.Random(11)
    for _ in range(150):
        random_edit(store, rng)
        if rng.random() < 0.7:
            tracker.refresh()
            expected = validate(store.plan())
            assert tracker.findings() == expected
            assert rows == expected
            errors = sum(f.severity == "error" for f in expected)
            assert (tracker.errors, tracker.warnings) == (errors, len(expected) - errors)


def test_a_cell_edit_checks_one_measure_and_its_departments(seed_plan):
    store = MatrixStore.memory(seed_plan)
    tracker = FindingsTracker(store)
    follow(store, tracker)
    tracker.refresh()
    checked = tracker.checked
    task = next(m.id for m in store.measures() if store.is_task(m.id))
    store.set_role(task, store.departments()[0].id, Role.SUPPORT)
    tracker.refresh()
    assert tracker.checked - checked == 2  # the measure and the department, nothing else
