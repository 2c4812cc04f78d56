"""Benchmark helpers: synthetic plans of any size (core objects, no parser) and a timer."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from matrixdesk.core.model import (
    Assignment,
    Comparator,
    Department,
    DocumentInfo,
    Measure,
    Plan,
    Role,
    Target,
)

TARGET_SHARE = 0.2  # about one measure in five carries a target, as in provincial plans


def synthetic_plan(
    n_measures: int = 10_000,
    n_departments: int = 500,
    per_measure: int = 3,
    seed: int = 0,
    target_share: float = TARGET_SHARE,
) -> Plan:
    """``n_measures`` tasks in parts of 20, ``per_measure`` departments each (first leads);
    ``target_share`` of the tasks carry a target (one in three of them without a year, which
    the check reports)."""
    rng = random.Random(seed)
    departments = [
        Department(i + 1, f"省测试部门{i + 1:04d}厅", position=i) for i in range(n_departments)
    ]
    measures: list[Measure] = []
    assignments: list[Assignment] = []
    next_id, part_id = 1, None
    for i in range(n_measures):
        if i % 20 == 0:
            part_no = i // 20 + 1
            part_id = next_id
            measures.append(
                Measure(
                    part_id,
                    str(part_no),
                    f"{part_no}、",
                    1,
                    f"第{part_no}部分",
                    position=len(measures),
                )
            )
            next_id += 1
        mid = next_id
        next_id += 1
        text = f"推进第{i + 1}项重点任务，完善工作机制。"
        measures.append(
            Measure(
                mid,
                f"{part_no}.{i + 1}",
                f"({i + 1})",
                2,
                f"重点任务{i + 1}",
                text,
                parent_id=part_id,
                annotated=True,
                position=len(measures),
            )
        )
        for pos, d in enumerate(rng.sample(range(1, n_departments + 1), per_measure)):
            assignments.append(Assignment(mid, d, Role.LEAD if pos == 0 else Role.SUPPORT, pos))
    targets: list[Target] = []
    for m in measures:
        if m.level >= 2 and rng.random() < target_share:
            year = rng.choice([2025, 2026, None])
            value = float(rng.randint(1, 900))
            tid = len(targets) + 1
            targets.append(Target(tid, m.id, f"指标{tid}", value, "个", Comparator.GE, year))
    info = DocumentInfo("合成测试文件", "测试〔2026〕1号", "测试办公厅", "2026-01-01")
    return Plan(info, "", measures, departments, assignments, targets)


def median_time(fn: Callable[[], object], runs: int = 5) -> float:
    """Median wall time of ``runs`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)
