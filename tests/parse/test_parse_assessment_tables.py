"""Tables of the 考核细则 kind and the rule notes of one bracket that hold for the rest.

Each test is one rule on an invented example; the real documents that show them are in the
corpus (tests/parse/real: g-shicheng-2018-hezhang-kaohe-*, m-dazhou-2024-fangdichan-huiwen).
"""

from __future__ import annotations

import pytest

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.annotation import parse_content
from matrixdesk.parse.table import column_kind, label_cell

L, S = Role.LEAD, Role.SUPPORT


def roles(plan, title):
    m = next(m for m in plan.measures if m.title == title)
    return [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)]


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("负责考核部门", "duty"),
        ("考核单位", "duty"),
        ("督办单位", "duty"),
        ("牵头考核单位", "lead"),
        ("协助部门", "support"),
        ("考核项目", "task"),
        ("考核指标", "detail"),
        ("评分标准", "detail"),
        ("目标指标", None),
        ("联系人", None),
    ],
)
def test_a_party_column_is_read_by_its_words_whatever_its_wording(header, kind):
    assert column_kind(header) == kind


def test_a_table_with_a_department_column_of_any_wording_is_a_task_table():
    text = "序号\t考核项目\t考核指标\t负责考核部门\n1\t完善河湖长体系\t健全组织体系。\t县水利局\n"
    plan = parse_text(text)
    assert roles(plan, "完善河湖长体系") == [("县水利局", L)]


def test_the_cells_that_describe_a_task_belong_to_its_text():
    text = "序号\t考核项目\t考核指标\t负责考核部门\n1\t完善河湖长体系\t健全组织体系。\t县水利局\n"
    measure = parse_text(text).measures[0]
    assert "完善河湖长体系" in measure.text and "健全组织体系" in measure.text


def test_a_cell_labelling_the_cell_beside_it_names_parties():
    assert label_cell("重点考核部门") == "duty"
    assert label_cell("牵头单位") == "lead"
    assert label_cell("县委农工部") is None
    text = (
        "序号\t考核项目\t\t考核内容\n"
        "1\t重点考核部门\t县委农工部\t农村生活垃圾治理。\n"
        "2\t重点考核部门\t县水利局\t河道采砂整治。\n"
    )
    plan = parse_text(text)
    assert roles(plan, "农村生活垃圾治理") == [("县委农工部", L)]
    assert roles(plan, "河道采砂整治") == [("县水利局", L)]


def test_a_first_task_column_none_of_whose_cells_spans_rows_titles_each_task():
    text = (
        "序号\t考核项目\t考核内容\t责任单位\n"
        "1\t组织领导\t成立领导小组。\t县河长办\n"
        "2\t日常工作\t按月报送进展。\t县水利局\n"
    )
    plan = parse_text(text)
    assert [m.title for m in plan.measures] == ["组织领导", "日常工作"]
    assert roles(plan, "日常工作") == [("县水利局", L)]


def test_a_row_numbered_as_a_part_that_names_units_is_a_part_heading_carrying_them():
    text = (
        "序号\t考核项目\t考核指标\t负责考核部门\n"
        "一、\t水岸联动\t落实属地管理责任。\t县河长办\n"
        "1\t城镇污水治理\t提升污水处理率。\t县城建局\n"
    )
    plan = parse_text(text)
    part, task = plan.measures
    assert (part.label, part.level, task.parent_id) == ("一、", 1, part.id)
    assert roles(plan, "水岸联动") == [("县河长办", L)]


def test_a_list_inside_a_cell_numbers_no_heading():
    text = (
        "序号\t考核项目\t考核指标\t负责考核部门\n"
        "一、\t宣传工作\t1.按时报送信息，得5分。2.上报年终总结，得2分。\t县河长办\n"
        "1\t污水治理\t1.建设管网；2.提升处理率。\t县城建局\n"
    )
    plan = parse_text(text)
    assert [m.label for m in plan.measures] == ["一、", "1."]
    assert roles(plan, "宣传工作") == [("县河长办", L)]


def test_a_rule_note_making_the_parties_before_the_comma_lead():
    content = "责任单位：市住建局、市财政局，市商务局、市公安局。逗号前面的为牵头单位"
    assert parse_content(content).parties == [
        ("市住建局", L),
        ("市财政局", L),
        ("市商务局", S),
        ("市公安局", S),
    ]


def test_the_comma_rule_with_xiatong_holds_for_every_later_bracket():
    text = (
        "第一条 支持购房。（责任单位：市住建局、市财政局，市商务局。逗号前面的为牵头单位，下同）\n"
        "第二条 稳定预期。（责任单位：市自然资源局、市住建局，市税务局）\n"
    )
    plan = parse_text(text)
    assert roles(plan, "稳定预期") == [("市自然资源局", L), ("市住建局", L), ("市税务局", S)]


def test_without_xiatong_the_comma_rule_holds_for_its_own_bracket_only():
    text = (
        "第一条 支持购房。（责任单位：市住建局、市财政局，市商务局。逗号前面的为牵头单位）\n"
        "第二条 稳定预期。（责任单位：市自然资源局、市住建局，市税务局）\n"
    )
    plan = parse_text(text)
    assert roles(plan, "稳定预期") == [("市自然资源局", L), ("市住建局", S), ("市税务局", S)]


def test_a_scope_note_inside_a_names_bracket_is_not_part_of_the_name():
    content = "责任单位：市住建局，各县（市、区，含高新区、经开区，下同）人民政府（管委会）"
    assert parse_content(content).parties == [
        ("市住建局", L),
        ("各县（市、区）人民政府（管委会）", S),
    ]


def test_a_column_of_offices_inside_one_organisation_names_no_parties():
    assert column_kind("市卫健委内牵头处室") is None
    assert column_kind("局内配合科室") is None
    assert column_kind("责任处室") == "duty"  # a department's own table: its offices are parties
    text = (
        "序号\t主要内容\t牵头单位\t配合单位\t市卫健委内牵头处室\n"
        "1\t推进签约服务。\t市卫生健康委\t市医保局\t基层处\n"
    )
    plan = parse_text(text)
    assert roles(plan, "推进签约服务") == [("市卫生健康委", L), ("市医保局", S)]


def test_a_web_pages_footer_after_the_last_rows_fields_leaves_them_an_annotation():
    text = (
        "1. 加强宣传引导。\n牵头单位：各区政府、市卫生健康委\n配合单位：/\n发布\n"
        "主办单位：广州市卫生健康委员会 联系方式：020-12320\n粤公网安备44010402000409号\n"
    )
    plan = parse_text(text)
    assert roles(plan, "加强宣传引导") == [("各区政府", L), ("市卫生健康委", L)]
    assert "广州市卫生健康委员会" not in {d.name for d in plan.departments}


def test_one_number_over_several_rows_numbers_the_group_not_each_row():
    text = (
        "序号\t工作事项\t主要内容\t牵头单位\n"
        "1\t完善签约服务\t扩大签约覆盖。\t各区政府\n"
        "1\t完善签约服务\t优化签约流程。\t各区政府\n"
        "2\t保障合理用药\t落实药品配备。\t市医保局\n"
    )
    plan = parse_text(text)
    assert [(m.label, m.title) for m in plan.measures] == [
        ("一、", "完善签约服务"),
        ("1.", "扩大签约覆盖"),
        ("2.", "优化签约流程"),
        ("二、", "保障合理用药"),
        ("1.", "落实药品配备"),
    ]
