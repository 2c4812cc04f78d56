"""The work of whole-plan passes grows with the plan, not with its square.

No clocks: each pass runs on a plan of n and of 2n measures whose lists count every item
handed out by iteration (and the report's text measurements are counted too). A linear pass
does about twice the work on the doubled plan; a lookup that scans a list once per measure
(``plan.targets_of`` in a loop) does four times as much, and fails here.
"""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest

from matrixdesk.cli import plan_to_json, plan_to_table
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
from matrixdesk.core.stats import workload
from matrixdesk.core.validate import validate
from matrixdesk.report.layout import Metrics, ReportOptions, layout_report

LINEAR = 2.3  # doubling the plan may cost at most this much more (linear ≈ 2, quadratic ≈ 4)
SIZES = (300, 600)


class Tally:
    """Counts the items the plan's lists hand out and the text measurements asked for."""

    def __init__(self) -> None:
        self.visits = 0


class CountingList(list):
    """A list that adds one to its tally for every item an iteration takes from it."""

    def __init__(self, items, tally: Tally) -> None:
        super().__init__(items)
        self.tally = tally

    def __iter__(self):
        for item in super().__iter__():
            self.tally.visits += 1
            yield item


def grown_plan(n_tasks: int, tally: Tally, n_departments: int = 40) -> Plan:
    """Parts of 10 tasks, each task led by one department and supported by two; a target on
    every fifth task (every other one without a year); the lists count their visits."""
    departments = [Department(i + 1, f"省部门{i + 1}厅", position=i) for i in range(n_departments)]
    measures: list[Measure] = []
    assignments: list[Assignment] = []
    targets: list[Target] = []
    part = 0
    for k in range(n_tasks):
        if k % 10 == 0:
            part = len(measures) + 1
            measures.append(Measure(part, str(k // 10 + 1), "一、", 1, f"第{k}部分"))
        mid = len(measures) + 1
        measures.append(
            Measure(
                mid, f"{part}.{k}", f"({k})", 2, f"任务{k}", f"推进任务{k}。", part, annotated=True
            )
        )
        for pos in range(3):
            d = (k * 7 + pos * 11) % n_departments + 1
            assignments.append(Assignment(mid, d, Role.LEAD if pos == 0 else Role.SUPPORT, pos))
        if k % 5 == 0:
            year = 2026 if k % 10 else None
            targets.append(Target(len(targets) + 1, mid, "指标", 5, "个", Comparator.GE, year))
    for i, m in enumerate(measures):
        m.position = i
    return Plan(
        DocumentInfo("测试", "测〔2026〕1号"),
        "",
        CountingList(measures, tally),
        CountingList(departments, tally),
        CountingList(assignments, tally),
        CountingList(targets, tally),
    )


def work_ratio(run) -> float:
    """Work on the plan of 2n over work on the plan of n."""
    work = []
    for n in SIZES:
        tally = Tally()
        plan = grown_plan(n, tally)
        tally.visits = 0  # building the plan does not count
        run(plan, tally)
        work.append(tally.visits)
    assert work[0] > 0
    return work[1] / work[0]


def test_the_counting_catches_a_quadratic_pass():
    def per_measure_scan(plan: Plan, _tally: Tally) -> None:
        for m in plan.measures:
            plan.targets_of(m.id)

    assert work_ratio(per_measure_scan) > 3.5


def test_validation_is_linear():
    assert work_ratio(lambda plan, _t: validate(plan)) <= LINEAR


def test_show_json_and_table_are_linear():
    assert work_ratio(lambda plan, _t: json.dumps(plan_to_json(plan))) <= LINEAR
    assert work_ratio(lambda plan, _t: plan_to_table(plan)) <= LINEAR


def test_workload_is_linear():
    assert work_ratio(lambda plan, _t: workload(plan)) <= LINEAR


def counting_metrics(tally: Tally) -> Metrics:
    em, line = 10.0, 14.0

    def height(text: str, width: float) -> float:
        tally.visits += 1
        per_line = max(int(width // em), 1)
        return line * sum(max(math.ceil(len(p) / per_line), 1) for p in text.split("\n"))

    return Metrics(height, em, line)


@pytest.mark.parametrize(
    "options",
    [
        ReportOptions(kind="matrix"),
        ReportOptions(kind="list"),
        ReportOptions(department="省部门3厅"),
    ],
    ids=["matrix", "list", "department"],
)
def test_report_layout_is_linear(options):
    def lay_out(plan: Plan, tally: Tally) -> None:
        layout = layout_report(
            plan, options, 1092.0, 744.0, counting_metrics(tally), dt.date(2026, 1, 2)
        )
        assert layout.page_count > 1
        tally.visits += layout.page_count  # pages are work too

    assert work_ratio(lay_out) <= LINEAR
