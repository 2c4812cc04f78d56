"""The report layout model, with fake metrics: no Qt involved."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest

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
from matrixdesk.core.tasks import task_ids
from matrixdesk.ui.report import (
    MatrixLayout,
    Metrics,
    ReportOptions,
    TableLayout,
    fit_lines,
    layout_department_list,
    layout_matrix,
    layout_report,
    layout_task_list,
    paginate,
    target_text,
    task_text,
)

EM, LINE = 10.0, 14.0
A4_LANDSCAPE = (273 * 4.0, 186 * 4.0)  # 273 × 186 mm inside margins, 4 units a millimetre
DAY = dt.date(2026, 1, 2)


def _height(text: str, width: float) -> float:
    per_line = max(int(width // EM), 1)
    lines = sum(max(math.ceil(len(part) / per_line), 1) for part in text.split("\n"))
    return lines * LINE


FAKE = Metrics(_height, EM, LINE)


def synthetic_plan(n_measures: int, n_departments: int, seed: int = 7) -> Plan:
    """Parts of 20 tasks each; every task led by one department and supported by up to 4."""
    rnd = random.Random(seed)
    depts = [Department(i + 1, f"省第{i + 1}部门管理局", position=i) for i in range(n_departments)]
    measures: list[Measure] = []
    assignments: list[Assignment] = []
    next_id = 1
    part = None
    for k in range(n_measures):
        if k % 20 == 0:
            part = Measure(next_id, str(k // 20 + 1), f"{k // 20 + 1}、", 1, "加快推进重点工作")
            measures.append(part)
            next_id += 1
        title = "推进" + "消费" * rnd.randint(1, 30)
        code = f"{part.code}.{k % 20 + 1}"
        m = Measure(
            next_id,
            code,
            f"({k % 20 + 1})",
            2,
            title,
            title + "。(省第1部门负责)",
            parent_id=part.id,
            annotated=True,
            deadline="2022年底前",
        )
        measures.append(m)
        for pos, d in enumerate(rnd.sample(depts, rnd.randint(1, min(5, n_departments)))):
            role = Role.LEAD if pos == 0 else Role.SUPPORT
            assignments.append(Assignment(m.id, d.id, role, pos))
        next_id += 1
    info = DocumentInfo("关于促进消费的若干措施", "吉政办发[2021]1号", "吉林省人民政府办公厅")
    return Plan(info, "", measures, depts, assignments, [])


@pytest.fixture(scope="module")
def big_plan() -> Plan:
    return synthetic_plan(300, 80)


def _matrix(plan: Plan, **kw) -> MatrixLayout:
    return layout_matrix(plan, ReportOptions(**kw), *A4_LANDSCAPE, FAKE, DAY)


# -- helpers ------------------------------------------------------------------------------------


def test_paginate_keeps_headings_with_their_rows():
    heights = [10.0] * 10
    headings = [False, False, True, False, False, True, False, False, False, False]
    pages = paginate(heights, 30.0, headings)
    assert [list(p) for p in pages] == [[0, 1], [2, 3, 4], [5, 6, 7], [8, 9]]


def test_paginate_gives_an_oversize_row_its_own_page():
    pages = paginate([10.0, 100.0, 10.0], 30.0, [False] * 3)
    assert [list(p) for p in pages] == [[0], [1], [2]]
    assert [list(p) for p in paginate([], 30.0, [])] == [[]]


def test_fit_lines_shortens_to_the_allowed_lines():
    text, height = fit_lines("字" * 100, 50.0, 2, FAKE)
    assert height <= 2 * LINE
    assert text.endswith("…") and len(text) == 10
    assert fit_lines("短", 50.0, 2, FAKE) == ("短", LINE)


def test_task_text_drops_the_annotation_and_targets_read_naturally(small_plan):
    assert task_text(small_plan.measure(2)) == "发展冰雪消费。"
    assert task_text(small_plan.measure(6)) == "加强宣传。"
    assert target_text(small_plan.targets[0]) == "滑雪场 60座以上（2022年）"
    assert target_text(Target(9, 2, "增速", 7.5, "%", Comparator.LE)) == "增速 7.5%以内"


# -- the matrix ---------------------------------------------------------------------------------


def test_small_matrix_rows_columns_and_title(small_plan):
    layout = _matrix(small_plan)
    assert [(r.measure_id, r.heading) for r in layout.rows] == [
        (1, True),
        (2, False),
        (3, False),
        (4, True),
        (5, False),
        (6, False),
    ]
    assert layout.rows[1].text == "1.1 发展冰雪消费"
    assert [c.name for c in layout.columns] == [
        "省文化和旅游厅",
        "省体育局",
        "省农业农村厅",
        "省商务厅",
    ]
    assert layout.page_count == 1
    assert layout.title.title == "《关于促进消费的实施意见》任务分工矩阵"
    assert layout.title.subtitle == "吉政办发[2020]34号　吉林省人民政府办公厅"
    assert layout.title.printed == "打印日期 2026-01-02"


def test_collective_parties_are_matrix_columns_only_on_request(small_plan):
    names = [c.name for c in _matrix(small_plan, include_collective=True).columns]
    assert names[-1] == "各地区"


def test_big_matrix_splits_both_ways_and_repeats_header_and_measure_column(big_plan):
    layout = _matrix(big_plan)
    frame = layout.frame
    groups = {(p.columns.start, p.columns.stop) for p in layout.pages}
    chunks = {(p.rows.start, p.rows.stop) for p in layout.pages}
    assert len(groups) > 1 and len(chunks) > 1
    assert layout.page_count == len(groups) * len(chunks)
    assert [p.number for p in layout.pages] == list(range(1, layout.page_count + 1))
    covered = set()
    for page in layout.pages:
        # every sheet has the header row, the measure column and some of the departments
        assert frame.header_height > LINE and layout.measure_width > 10 * EM
        assert page.rows and page.columns
        width = layout.measure_width + sum(layout.columns[i].width for i in page.columns)
        assert width <= frame.width
        assert sum(layout.rows[i].height for i in page.rows) <= frame.body_height
        assert not layout.rows[page.rows[-1]].heading
        covered |= {(r, c) for r in page.rows for c in page.columns}
    assert len(covered) == len(layout.rows) * len(layout.columns)
    tasks = [r for r in layout.rows if not r.heading]
    assert len(tasks) == 300 and all(r.height <= 2 * LINE + 2 * FAKE.pad for r in tasks)
    assert "任务 1–" in layout.pages[0].note and "部门 1–" in layout.pages[0].note


def test_long_department_names_get_wider_columns():
    plan = synthetic_plan(3, 2)
    plan.departments[1].name = "省" + "长" * 30 + "局"
    layout = _matrix(plan)
    short, long = layout.columns
    assert long.width > short.width
    assert layout.frame.header_height <= 8 * LINE * 1.05 + 2 * FAKE.pad


# -- the lists ----------------------------------------------------------------------------------


def test_task_list_columns_rows_and_serials(small_plan):
    layout = layout_task_list(small_plan, *A4_LANDSCAPE, FAKE, DAY)
    assert isinstance(layout, TableLayout)
    titles = [c.title for c in layout.columns]
    assert titles == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限", "目标指标"]
    assert sum(c.width for c in layout.columns) == pytest.approx(A4_LANDSCAPE[0])
    spans = [r.span for r in layout.rows if r.heading]
    assert spans == ["一、提高消费品质", "二、强化保障"]
    cells = [r.cells for r in layout.rows if not r.heading]
    assert [c[0] for c in cells] == ["1", "2", "3", "4"]
    assert cells[0][1:] == (
        "发展冰雪消费。",
        "省文化和旅游厅",
        "省体育局",
        "",
        "滑雪场 60座以上（2022年）",
    )
    assert cells[2][2:5] == ("各地区", "省商务厅等", "2021年底前")
    assert layout.title.title.endswith("任务分工表")


def test_task_list_rows_fit_their_text_and_pages_repeat_the_header(big_plan):
    layout = layout_task_list(big_plan, *A4_LANDSCAPE, FAKE, DAY)
    assert "目标指标" not in [c.title for c in layout.columns]  # no targets in this plan
    assert layout.page_count > 1
    for row in layout.rows:
        if row.heading:
            continue
        for text, col in zip(row.cells, layout.columns, strict=True):
            assert row.height >= _height(text, col.width - 2 * FAKE.pad)
    for page in layout.pages:
        assert layout.frame.header_height > 0 and page.rows
        assert sum(layout.rows[i].height for i in page.rows) <= layout.frame.body_height
    assert sorted(i for p in layout.pages for i in p.rows) == list(range(len(layout.rows)))


def test_department_list_holds_only_its_tasks(small_plan):
    layout = layout_department_list(small_plan, "省商务厅", *A4_LANDSCAPE, FAKE, DAY)
    assert layout.title.title == "省商务厅任务清单"
    assert [c.title for c in layout.columns][-1] == "进展情况"
    tasks = [r for r in layout.rows if not r.heading]
    assert [r.measure_id for r in tasks] == [3, 5]
    assert [r.cells[2] for r in tasks] == ["配合", "配合"]
    assert [r.cells[3] for r in tasks] == ["省农业农村厅（牵头）", "各地区（牵头）"]
    assert all(r.cells[-1] == "" for r in tasks)


def test_department_list_by_alias_and_lead_role(small_plan):
    layout = layout_department_list(small_plan, "省农委", *A4_LANDSCAPE, FAKE, DAY)
    tasks = [r for r in layout.rows if not r.heading]
    assert [(r.measure_id, r.cells[2], r.cells[3]) for r in tasks] == [(3, "牵头", "省商务厅")]
    assert [r.span for r in layout.rows if r.heading] == ["一、提高消费品质"]


def test_big_department_list_matches_the_assignments(big_plan):
    dept = big_plan.departments[5]
    layout = layout_department_list(big_plan, dept.name, *A4_LANDSCAPE, FAKE, DAY)
    mine = {a.measure_id for a in big_plan.assignments if a.department_id == dept.id}
    assert {r.measure_id for r in layout.rows if not r.heading} == mine
    assert mine <= task_ids(big_plan)


def test_unknown_department_and_kind_raise(small_plan):
    with pytest.raises(ValueError, match="unknown department: 省外星局"):
        layout_department_list(small_plan, "省外星局", *A4_LANDSCAPE, FAKE)
    with pytest.raises(ValueError, match="unknown report kind"):
        layout_report(small_plan, ReportOptions(kind="pie"), *A4_LANDSCAPE, FAKE)


def test_layout_report_dispatches(small_plan):
    def kind(**kw):
        return layout_report(small_plan, ReportOptions(**kw), *A4_LANDSCAPE, FAKE, DAY)

    assert isinstance(kind(), MatrixLayout)
    assert kind(kind="list").title.title.endswith("任务分工表")
    assert kind(kind="matrix", department="省体育局").title.title == "省体育局任务清单"
