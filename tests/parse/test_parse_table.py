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
        ("2.3", "加强宣传引导"),
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


def parties(plan, code):
    return [(name, role.value) for name, role in roles(plan, code)]


def test_columns_are_found_by_header_in_any_order():
    text = (
        "完成时限\t配合单位\t重点任务\t序号\t牵头单位（部门）\n"
        "2021年底前\t省财政厅\t推进步行街改造提升。\t1\t省商务厅\n"
    )
    plan = parse_text(text)
    assert [m.title for m in plan.measures] == ["推进步行街改造提升"]
    assert parties(plan, "1") == [("省商务厅", "lead"), ("省财政厅", "support")]
    assert plan.measures[0].deadline == "2021年底前"


def test_a_header_over_two_rows_and_a_table_after_the_notice():
    text = (
        "吉林省人民政府办公厅关于印发重点任务分工方案的通知\n"
        "现将《重点任务分工方案》印发给你们，请认真贯彻落实。\n"
        "吉林省人民政府办公厅\n"
        "附件\n"
        "重点任务分工方案\n"
        "序号\t重点任务\t责任单位\t\t完成时限\n"
        "\t\t牵头单位\t配合单位\t\n"
        "一、扩大消费\n"
        '1\t发展夜间经济。\t省商务厅\t"省公安厅\n省文化和旅游厅"\t持续推进\n'
        "吉林省人民政府办公厅\n"
        "2021年3月1日\n"
    )
    plan = parse_text(text)
    assert [(m.code, m.title) for m in plan.measures] == [
        ("1", "扩大消费"),
        ("1.1", "发展夜间经济"),
    ]
    assert parties(plan, "1.1") == [
        ("省商务厅", "lead"),
        ("省公安厅", "support"),
        ("省文化和旅游厅", "support"),
    ]
    assert "现将《重点任务分工方案》印发给你们" in plan.source_text


def test_host_guide_and_category_columns():
    text = (
        "类别\t序号\t具体措施\t主办单位\t协办单位\t指导部门\n"
        "扩大消费\t1\t发展夜间经济。\t市商务局\t市公安局\t省商务厅\n"
        "扩大消费\t2\t十四五期间建成步行街。\t市商务局\t\t\n"
        "强化保障\t3\t加强宣传引导。\t市委宣传部\t\t\n"
    )
    plan = parse_text(text)
    assert [(m.code, m.title) for m in plan.measures] == [
        ("1", "扩大消费"),
        ("1.1", "发展夜间经济"),
        ("1.2", "十四五期间建成步行街"),
        ("2", "强化保障"),
        ("2.3", "加强宣传引导"),
    ]
    assert parties(plan, "1.1") == [
        ("市商务局", "lead"),
        ("市公安局", "support"),
        ("省商务厅", "support"),
    ]


def test_a_guide_column_alone_names_the_duty_units():
    text = "重点任务\t指导部门\n加强领导。\t省发展改革委、省财政厅\n"
    assert parties(parse_text(text), "1") == [("省发展改革委", "lead"), ("省财政厅", "support")]


def test_heading_rows_without_a_numeral_are_numbered_as_parts():
    text = (
        "序号\t工作任务\t责任单位\n"
        "\t推动传统消费提质升级\t\n"
        "1\t促进汽车消费。\t省商务厅\n"
        "二\t培育新型消费\t\n"
        "2\t完善农村物流配送。\t省邮政管理局\n"
    )
    plan = parse_text(text)
    assert [(m.label, m.title) for m in plan.measures] == [
        ("一、", "推动传统消费提质升级"),
        ("1.", "促进汽车消费"),
        ("二、", "培育新型消费"),
        ("2.", "完善农村物流配送"),  # 序号 2 counts across parts,
    ]


def test_column_kinds_ignore_people_and_notes():
    from matrixdesk.parse.table import column_kind

    assert column_kind("责任单位\n（列第一位的为牵头单位）") == "duty"
    assert column_kind("牵头责任单位") == "lead"
    assert column_kind("责任领导") is None
    assert column_kind("目标指标") is None
    assert column_kind("完成时限") == "deadline"
    assert column_kind("序 号") == "number"
    assert column_kind("推进步行街改造提升，加快建设一批重点任务") is None


def test_format_rows_joins_unit_lines_with_a_pause_mark():
    from matrixdesk.parse.table import format_rows

    rows = [["序号", "重点任务", "牵头单位"], ["1", '发展"夜间"\n经济。', "省商务厅\n省公安厅"]]
    lines = format_rows(rows)
    assert lines[1] == '1\t"发展""夜间""经济。"\t省商务厅、省公安厅'
    plan = parse_text("\n".join(lines))
    assert plan.measures[0].title == '发展"夜间"经济'
    assert format_rows([["姓名", "电话"], ["张\n三", "123"]]) == ["姓名\t电话", "张 三\t123"]


def test_an_indicator_table_right_before_the_annexed_task_table_does_not_swallow_it():
    # As Word and LibreOffice write a notice with 附件1 (indicators, no units) and 附件2 (the
    # 任务分工表) one after the other: the rows run on, 附件2's title a row between them.
    text = (
        "附件1 监测指标体系\t\t\t\n"
        "一级指标\t二级指标\t评价标准\t数据来源\n"
        "签约数量指标\t1.签约服务覆盖率\t较上一年增加。\t国家统计年报\n"
        "附件2 任务分工表\t\t\t\t\n"
        "序号\t工作事项\t主要内容\t牵头单位\t配合单位\n"
        "1\t扩大家庭医生来源。\t力争每万常住人口家庭医生数不低于4人。\t各区政府\t市卫生健康委\n"
    )
    plan = parse_text(text)
    task = next(m for m in plan.measures if "家庭医生数" in m.text)
    assert roles(plan, task.code) == [("各区政府", Role.LEAD), ("市卫生健康委", Role.SUPPORT)]
    assert not any(plan.assignments_of(m.id) for m in plan.measures if "签约" in m.text)
