"""The report layout model, with fake metrics: no Qt involved."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, replace

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
from matrixdesk.report.layout import (
    MatrixLayout,
    Metrics,
    ReportOptions,
    TableLayout,
    fit_lines,
    layout_department_list,
    layout_matrix,
    layout_report,
    layout_task_list,
    target_text,
    task_text,
)
from matrixdesk.report.pages import enclosing, paginate

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


@dataclass(frozen=True)
class _Row:
    height: float
    heading: bool = False
    name: str = ""


def _rows(heights: list[float], headings: list[bool]) -> list[_Row]:
    return [_Row(h, g, str(i)) for i, (h, g) in enumerate(zip(heights, headings, strict=True))]


def test_paginate_keeps_headings_with_their_rows():
    headings = [False, False, True, False, False, True, False, False, False, False]
    flow = paginate(_rows([10.0] * 10, headings), 30.0)
    assert [list(p) for p in flow.pages] == [[0, 1], [2, 3, 4], [5, 6, 7], [8, 9]]


def test_paginate_without_split_gives_an_oversize_row_its_own_page():
    flow = paginate(_rows([10.0, 100.0, 10.0], [False] * 3), 30.0)
    assert [list(p) for p in flow.pages] == [[0], [1], [2]]
    assert [list(p) for p in paginate([], 30.0).pages] == [[]]


def test_paginate_repeats_the_enclosing_headings_on_a_continuation_page():
    # 0 part, 1 item, 2-5 tasks, 6 item, 7 task; 2 rows of 10 a page besides repeats
    rows = _rows([10.0] * 8, [True, True, False, False, False, False, True, False])
    context = enclosing(
        [1, 2, 3, 4, 5, 6, 7, 8],
        [r.heading for r in rows],
        {2: 1, 3: 2, 4: 2, 5: 2, 6: 2, 7: 1, 8: 7},
    )
    assert context == [(), (0,), (0, 1), (0, 1), (0, 1), (0, 1), (0,), (0, 6)]

    def repeat(row: _Row) -> _Row:
        return _Row(5.0, True, row.name + "续")

    flow = paginate(rows, 30.0, context=context, repeat=repeat)
    pages = [[r.name for r in flow.rows[p.start : p.stop]] for p in flow.pages]
    # pages 2 and 3 start inside item 1 of part 0: both repeated; page 4 starts with item 6
    # (moved on with its task): only its part is repeated, the item is not repeated twice
    assert pages == [
        ["0", "1", "2"],
        ["0续", "1续", "3", "4"],
        ["0续", "1续", "5"],
        ["0续", "6", "7"],
    ]
    assert all(sum(r.height for r in flow.rows[p.start : p.stop]) <= 30.0 for p in flow.pages)


def _nested_plan(parts: int, items: int, tasks: int) -> Plan:
    """Parts (一、) of items ((一)) of tasks (1.), every task led by the one department."""
    measures: list[Measure] = []
    assignments: list[Assignment] = []
    cn = "一二三四五六七八九十"
    for p in range(parts):
        part = Measure(len(measures) + 1, str(p + 1), f"{cn[p]}、", 1, f"第{p + 1}部分标题")
        measures.append(part)
        for i in range(items):
            item = Measure(
                len(measures) + 1,
                f"{p + 1}.{i + 1}",
                f"({cn[i]})",
                2,
                f"第{p + 1}部分第{i + 1}项",
                parent_id=part.id,
            )
            measures.append(item)
            for t in range(tasks):
                m = Measure(
                    len(measures) + 1,
                    f"{item.code}.{t + 1}",
                    f"{t + 1}.",
                    3,
                    f"任务{p + 1}.{i + 1}.{t + 1}",
                    f"落实任务{p + 1}.{i + 1}.{t + 1}。" * 3,
                    parent_id=item.id,
                )
                measures.append(m)
                assignments.append(Assignment(m.id, 1, Role.LEAD, 0))
    dept = [Department(1, "省商务厅", position=0)]
    return Plan(DocumentInfo("若干措施", "", ""), "", measures, dept, assignments, [])


def _page_rows(layout, page):
    return [layout.rows[i] for i in page.rows]


@pytest.mark.parametrize("kind", ["list", "matrix", "department"])
def test_continuation_pages_repeat_the_part_and_item_headings(kind):
    plan = _nested_plan(3, 3, 12)
    if kind == "department":
        layout = layout_department_list(plan, "省商务厅", *A4_LANDSCAPE, FAKE, DAY)
    else:
        layout = layout_report(plan, ReportOptions(kind=kind), *A4_LANDSCAPE, FAKE, DAY)
    text = (lambda r: r.span) if kind != "matrix" else (lambda r: r.text)
    parent = {m.id: m.parent_id for m in plan.measures}
    label = {m.id: f"{m.label}{m.title}" for m in plan.measures}
    assert layout.page_count > 3
    repeated = 0
    for page in layout.pages:
        rows = _page_rows(layout, page)
        lead = [r for r in rows if r.continued]
        assert rows[: len(lead)] == lead  # repeats only at the top
        first = rows[len(lead)]
        chain, mid = [], parent.get(first.measure_id)
        while mid is not None:
            chain.insert(0, mid)
            mid = parent.get(mid)
        if page.number == 1:
            assert not lead
        # exactly the headings around the first row, outermost first, marked 续
        assert [r.measure_id for r in lead] == chain
        assert [text(r) for r in lead] == [label[m] + "（续）" for m in chain]
        assert all(r.heading for r in lead)
        assert sum(r.height for r in rows) <= layout.frame.body_height
        repeated += len(lead)
    assert repeated >= layout.page_count - 1
    own = [text(r) for r in layout.rows if r.heading and not r.continued]
    assert len(own) == 3 + 9 and not any("续" in t for t in own)


def test_a_heading_at_the_top_of_a_page_is_not_repeated():
    plan = _nested_plan(3, 3, 12)
    layout = layout_task_list(plan, *A4_LANDSCAPE, FAKE, DAY)
    for page in layout.pages:
        rows = _page_rows(layout, page)
        ids = [r.measure_id for r in rows if r.heading]
        assert len(ids) == len(set(ids)), page


def _long_plan(sentences: int) -> tuple[Plan, str]:
    plan = _nested_plan(1, 2, 2)
    sentence = "持续推进冰雪旅游消费升级，完善冰雪场地设施和配套服务，丰富冰雪赛事活动供给；"
    text = "".join(f"{k + 1}.{sentence}" for k in range(sentences))
    plan.measures[3] = replace(plan.measures[3], text=text)
    return plan, text


def test_a_row_longer_than_a_page_is_split_across_pages_without_losing_text():
    plan, text = _long_plan(220)
    layout = layout_task_list(plan, *A4_LANDSCAPE, FAKE, DAY)
    body = layout.frame.body_height
    assert FAKE.text_height(text, layout.columns[1].width - 2 * FAKE.pad) > 2.5 * body
    pieces = [
        (p.number, r)
        for p in layout.pages
        for r in _page_rows(layout, p)
        if r.measure_id == plan.measures[3].id
    ]
    assert len(pieces) >= 3
    assert len({n for n, _ in pieces}) == len(pieces)  # one piece a page
    assert "".join(r.cells[1] for _, r in pieces) == text
    assert [r.continued for _, r in pieces] == [False] + [True] * (len(pieces) - 1)
    assert [r.cells[0] for _, r in pieces] == ["2"] + ["2\n续"] * (len(pieces) - 1)
    assert pieces[0][1].cells[2] == "省商务厅" and all(r.cells[2] == "" for _, r in pieces[1:])
    for page in layout.pages:
        rows = _page_rows(layout, page)
        assert sum(r.height for r in rows) <= body  # nothing is clipped
        for r in rows:
            for cell, col in zip(r.cells, layout.columns, strict=False):
                assert r.height >= FAKE.text_height(cell, col.width - 2 * FAKE.pad)
    # every page after the first starts with the part and item it continues
    for page in layout.pages[1:]:
        rows = _page_rows(layout, page)
        assert rows[0].span == "一、第1部分标题（续）"
        assert rows[1].span == "(一)第1部分第1项（续）"
    # the rows before and after it are all there, in order
    tasks = [r.cells[0] for r in layout.rows if not r.heading and not r.continued]
    assert tasks == ["1", "2", "3", "4"]


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
    assert layout.rows[1].text == "(一) 发展冰雪消费"  # the document's number, not 1.1
    assert [c.name for c in layout.columns] == [
        "省文化和旅游厅",
        "省体育局",
        "省农业农村厅",
        "省商务厅",
        "各地区",  # collective parties too, as in the master workbook
    ]
    assert layout.page_count == 1
    assert layout.title.title == "《关于促进消费的实施意见》任务分工矩阵"
    assert layout.title.subtitle == "吉政办发[2020]34号　吉林省人民政府办公厅"
    assert layout.title.printed == "打印日期 2026-01-02"


def _led_by_a_collective(plan: Plan) -> Plan:
    """The small plan with a task led by 各地区 alone (加强宣传, 2.4)."""
    return replace(plan, assignments=[*plan.assignments, Assignment(6, 5, Role.LEAD, 0)])


def test_collective_parties_print_as_the_workbook_shows_them_unless_left_out(small_plan):
    """A task led only by 各地区 printed with no marks at all: collective parties are matrix
    columns and named in the lists by default, as in the master workbook; an option leaves
    them out."""
    plan = _led_by_a_collective(small_plan)
    layout = _matrix(plan)
    assert [c.name for c in layout.columns][-1] == "各地区"
    assert layout.roles[(6, 5)] == Role.LEAD
    assert "各地区" not in [c.name for c in _matrix(plan, include_collective=False).columns]

    def list_row(options: ReportOptions, title: str) -> tuple[str, ...]:
        rows = layout_report(plan, options, *A4_LANDSCAPE, FAKE, DAY).rows
        return next(r.cells for r in rows if r.cells and title in r.cells[1])

    listed = list_row(ReportOptions(kind="list"), "加强宣传")
    assert listed[2:4] == ("各地区", "")
    assert list_row(ReportOptions(kind="list"), "压实责任")[2:4] == ("各地区", "省商务厅等")
    left_out = ReportOptions(kind="list", include_collective=False)
    assert list_row(left_out, "加强宣传")[2:4] == ("", "")
    assert list_row(left_out, "压实责任")[2:4] == ("", "省商务厅等")
    mine = ReportOptions(department="省商务厅")
    assert list_row(mine, "压实责任")[3] == "各地区（牵头）"
    assert list_row(replace(mine, include_collective=False), "压实责任")[3] == ""


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
