"""Task-division tables pasted from Word or Excel (tab-separated) read like the notice layout."""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.table import looks_like_table, table_to_text

TABLE = (
    "关于印发扩大消费重点任务分工方案的通知\n"
    "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
    "一、扩大消费\t\t\t\t\n"
    "1\t推进步行街改造提升，到2022年建成示范街区10个以上。\t省商务厅\t省发展改革委、省财政厅\t2021年底前\n"
    '2\t"发展夜间经济，\n丰富消费业态。"\t省商务厅、省文化和旅游厅\t省公安厅\t持续推进\n'
    "二、强化保障\t\t\t\t\n"
    "3\t加强宣传引导。\t省委宣传部\t\t长期坚持\n"
)


def roles(plan, code):
    m = next(m for m in plan.measures if m.code == code)
    return [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)]


def test_a_pasted_table_becomes_parts_and_tasks():
    plan = parse_text(TABLE)
    assert [(m.code, m.title) for m in plan.measures] == [
        ("1", "扩大消费"),
        ("1.1", "推进步行街改造提升，到2022年建成示范街区10个以上"),
        ("1.2", "发展夜间经济，丰富消费业态"),
        ("2", "强化保障"),
        ("2.1", "加强宣传引导"),
    ]
    assert roles(plan, "1.1") == [
        ("省商务厅", Role.LEAD),
        ("省发展改革委", Role.SUPPORT),
        ("省财政厅", Role.SUPPORT),
    ]
    assert roles(plan, "1.2") == [
        ("省商务厅", Role.LEAD),
        ("省文化和旅游厅", Role.LEAD),
        ("省公安厅", Role.SUPPORT),
    ]
    deadlines = [m.deadline for m in plan.measures if m.level == 2]
    assert deadlines == ["2021年底前", "持续推进", "长期坚持"]
    target = plan.targets[0]
    assert (target.indicator, target.value, target.year) == ("示范街区", 10, 2022)
    assert "关于印发扩大消费重点任务分工方案的通知" in plan.source_text


def test_a_duty_column_makes_the_first_named_lead():
    text = "重点任务\t责任单位\n加强领导。\t省发展改革委、省财政厅\n加强宣传。\t省委宣传部\n"
    plan = parse_text(text)
    assert roles(plan, "1") == [("省发展改革委", Role.LEAD), ("省财政厅", Role.SUPPORT)]
    assert roles(plan, "2") == [("省委宣传部", Role.LEAD)]


def test_tabs_without_a_task_division_header_are_not_a_table():
    text = "一、总体要求\n姓名\t电话\t地址\n(一)加强领导。(省商务厅负责)\n"
    assert not looks_like_table(text)
    assert table_to_text(text) is None
    assert len(parse_text(text).measures) == 2  # read as an ordinary document
