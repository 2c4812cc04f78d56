"""One test per annotation form: leads, supports, catch-alls, notes and non-annotations."""

from __future__ import annotations

import pytest

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.annotation import find_annotation, parse_content

L, S = Role.LEAD, Role.SUPPORT


def parties(content: str) -> list[tuple[str, Role]]:
    parsed = parse_content(content)
    assert parsed is not None, content
    return parsed.parties


def test_first_named_leads() -> None:
    assert parties("省文化和旅游厅、省商务厅、省体育局负责") == [
        ("省文化和旅游厅", L),
        ("省商务厅", S),
        ("省体育局", S),
    ]


def test_deng_bumen_is_open_ended() -> None:
    parsed = parse_content("省通信管理局、省自然资源厅等部门负责")
    assert parsed is not None and parsed.open_ended
    assert parsed.parties == [("省通信管理局", L), ("省自然资源厅", S)]


def test_explicit_lead_and_division_of_duties() -> None:
    assert parties("市住房城乡建设局牵头，市自然资源和规划局、市公安局按职责分工负责") == [
        ("市住房城乡建设局", L),
        ("市自然资源和规划局", S),
        ("市公安局", S),
    ]


def test_several_leads() -> None:
    assert parties("工业和信息化部、交通运输部牵头，市场监管总局负责") == [
        ("工业和信息化部", L),
        ("交通运输部", L),
        ("市场监管总局", S),
    ]


def test_catch_all_after_deng_and_ji() -> None:
    parsed = parse_content("商务部、国家发展改革委等国务院相关部门及各地区按职责分工负责")
    assert parsed is not None and parsed.open_ended
    assert parsed.parties == [
        ("商务部", L),
        ("国家发展改革委", S),
        ("国务院相关部门", S),
        ("各地区", S),
    ]


def test_catch_all_after_deng_he() -> None:
    parsed = parse_content("国家发展改革委、商务部等和各有关省级人民政府负责")
    assert parsed is not None and parsed.open_ended
    assert [n for n, _ in parsed.parties] == ["国家发展改革委", "商务部", "各有关省级人民政府"]


def test_catch_all_in_second_clause() -> None:
    assert parties("交通运输部、公安部负责，各省级人民政府按职责分工负责") == [
        ("交通运输部", L),
        ("公安部", S),
        ("各省级人民政府", S),
    ]


def test_only_collective_parties() -> None:
    assert parties("各地区、各部门负责") == [("各地区", L), ("各部门", S)]


def test_deng_ge_youguan_bumen_is_only_open_ended() -> None:
    parsed = parse_content("省发展改革委等各有关部门按职责分工负责")
    assert parsed is not None and parsed.open_ended
    assert parsed.parties == [("省发展改革委", L)]


def test_deng_chushi_is_only_open_ended() -> None:
    # a 片区管理局's own offices: 等处室 / 等相关处室 names no body, like 等部门
    parsed = parse_content("政法综治处牵头，党群工作处、党政办公室等处室按职责分工负责")
    assert parsed is not None and parsed.open_ended
    assert parsed.parties == [("政法综治处", L), ("党群工作处", S), ("党政办公室", S)]
    parsed = parse_content("交通与建设处牵头，经济发展处、社会事业处等相关处室按职责分工负责")
    assert parsed is not None and parsed.open_ended
    assert [n for n, _ in parsed.parties] == ["交通与建设处", "经济发展处", "社会事业处"]


@pytest.mark.parametrize(
    "name",
    [
        "工业和信息化部",
        "文化和旅游部",
        "省文化和旅游厅",
        "省政务服务和数字化局",
        "住房和城乡建设部",
    ],
)
def test_he_inside_names_is_kept(name: str) -> None:
    assert parties(f"{name}、省商务厅负责") == [(name, L), ("省商务厅", S)]


def test_he_between_two_full_names_splits() -> None:
    assert [n for n, _ in parties("中央网信办和工业和信息化部负责")] == [
        "中央网信办",
        "工业和信息化部",
    ]


@pytest.mark.parametrize(
    "content",
    [
        "国家发展改革委牵头，排在第一位的部门为牵头部门，下同",
        "国家发展改革委、财政部负责，列第一位者为牵头单位",
    ],
)
def test_notes_are_not_departments(content: str) -> None:
    names = [n for n, _ in parties(content)]
    assert names[0] == "国家发展改革委"
    assert all("第一位" not in n and "下同" not in n for n in names)


def test_bracketed_names_inside_annotation() -> None:
    text = "推进建设。(各市(州)人民政府、各县（市、区）政府负责)"
    found = find_annotation(text)
    assert found is not None
    assert text[found.start] == "("
    assert [n for n, _ in found.parties] == ["各市(州)人民政府", "各县（市、区）政府"]


@pytest.mark.parametrize(
    "text",
    [
        "建设冰雪研学旅行(冬令营)",
        "推动城市信息模型(CIM)",
        "鼓励实行“五统一”(统一管理、统一采购配送、统一质量标准、统一商号、统一标识)",
        "覆盖各省（自治区、直辖市）",
        "支持高等院校（含技工院校）",
        "贯彻落实相关意见(国办发〔2020〕32号)",
        "推动落实。（本条由省政府负责解释。另行通知）",
    ],
)
def test_plain_parentheses_are_text(text: str) -> None:
    assert find_annotation(text) is None


def test_deadline_in_annotation() -> None:
    parsed = parse_content("文化和旅游部负责，2022年6月底前")
    assert parsed is not None and parsed.deadline == "2022年6月底前"
    parsed = parse_content("商务部牵头，2021年底前完成")
    assert parsed is not None and parsed.deadline == "2021年底前完成"


def test_standing_party_applies_to_later_annotated_measures() -> None:
    text = (
        "（一）推进甲。（省商务厅负责；以下均需各市、县级政府负责，不再列出）\n"
        "（二）推进乙。（省财政厅负责）\n"
        "（三）推进丙。\n"
    )
    plan = parse_text(text)
    names = {
        m.code: [plan.department(a.department_id).name for a in plan.assignments_of(m.id)]
        for m in plan.measures
    }
    assert names == {"1": ["省商务厅"], "2": ["省财政厅", "各市、县级政府"], "3": []}
    assert plan.department_named("各市、县级政府").collective


def test_task_and_sub_measures_each_annotated() -> None:
    text = (
        "一、重点任务\n"
        "（一）培育骨干企业。鼓励兼并重组。（国家发展改革委、商务部负责）\n"
        "1.支持走出去。布局海外仓。（商务部负责）\n"
        "2.规范车辆管理。推广冷藏车。（交通运输部、工业和信息化部负责）\n"
    )
    plan = parse_text(text)
    got = {
        m.code: [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)]
        for m in plan.measures
    }
    assert got["1.1"] == [("国家发展改革委", L), ("商务部", S)]
    assert got["1.1.1"] == [("商务部", L)]
    assert got["1.1.2"] == [("交通运输部", L), ("工业和信息化部", S)]
    assert plan.measure(2).annotation == "国家发展改革委、商务部负责"


def test_same_department_reused_and_deng_stripped() -> None:
    plan = parse_text("（一）甲。（省商务厅等负责）\n（二）乙。（省商务厅、省财政厅等单位负责）\n")
    assert [d.name for d in plan.departments] == ["省商务厅", "省财政厅"]
    assert all(m.open_ended for m in plan.measures)


def test_two_complete_names_written_without_a_comma_are_two_parties() -> None:
    assert parties("区经发局牵头，公安局、综合执法局（安监局）规划局配合") == [
        ("区经发局", L),
        ("公安局", S),
        ("综合执法局（安监局）", S),
        ("规划局", S),
    ]
