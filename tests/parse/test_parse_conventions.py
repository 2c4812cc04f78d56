"""Conventions of real policy documents, one test per fix found by red-teaming the parser.

The corpus documents (guofa_style.txt, task_division.txt, yanglao.html) are invented, written
in the style of 国务院 / 省政府办公厅 documents and task-division notices.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from matrixdesk.core.model import Comparator, Plan, Role
from matrixdesk.parse import parse_file, parse_text
from matrixdesk.parse.annotation import parse_content
from matrixdesk.parse.targets import find_targets

CORPUS = Path(__file__).parent / "corpus"
L, S = Role.LEAD, Role.SUPPORT


def roles(plan: Plan, code: str) -> list[tuple[str, Role]]:
    m = next(m for m in plan.measures if m.code == code)
    return [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)]


def measure(plan: Plan, code: str):
    return next(m for m in plan.measures if m.code == code)


def parties(content: str) -> list[tuple[str, Role]]:
    parsed = parse_content(content)
    assert parsed is not None, content
    return parsed.parties


# -- 国务院 documents ------------------------------------------------------------------------


def test_guofa_corpus() -> None:
    plan = parse_file(CORPUS / "guofa_style.txt")
    assert plan.info.number == "国发〔2019〕5号" and plan.info.date == "2019-02-03"
    assert roles(plan, "1.1") == [("工业和信息化部", L), ("国家发展改革委", S), ("财政部", S)]
    assert roles(plan, "1.2")[-1] == ("地方各级人民政府", S)
    assert roles(plan, "3.8") == [("各地区", L), ("各部门", S)]
    assert measure(plan, "2.4").open_ended
    collective = {d.name for d in plan.departments if d.collective}
    assert collective == {"地方各级人民政府", "各省级人民政府", "各地区", "各部门"}
    assert not any("第一位" in d.name or "下同" in d.name for d in plan.departments)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("各地区各部门按职责分工负责", [("各地区", L), ("各部门", S)]),
        ("各地各部门按职责分工负责", [("各地", L), ("各部门", S)]),
        ("省发展改革委等10部门按职责分工负责", [("省发展改革委", L)]),
        ("省发展改革委等十个部门负责", [("省发展改革委", L)]),
    ],
)
def test_catch_alls_written_together_and_counted_deng(content: str, expected: list) -> None:
    assert parties(content) == expected


# -- responsibility verbs and separators -------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "省发展改革委、省财政厅按职责分工负责，各市（州）政府抓好落实",
            [("省发展改革委", L), ("省财政厅", S), ("各市（州）政府", S)],
        ),
        ("省卫生健康委会同省医保局负责", [("省卫生健康委", L), ("省医保局", S)]),
        ("省交通运输厅、省公安厅分别负责", [("省交通运输厅", L), ("省公安厅", S)]),
        ("省生态环境厅、省水利厅按职能分工负责", [("省生态环境厅", L), ("省水利厅", S)]),
        ("省发展改革委牵头，省直相关部门按职责落实", [("省发展改革委", L), ("省直相关部门", S)]),
        ("省教育厅负责组织实施", [("省教育厅", L)]),
        (
            "省商务厅（牵头）、省财政厅、省税务局负责",
            [("省商务厅", L), ("省财政厅", S), ("省税务局", S)],
        ),
    ],
)
def test_responsibility_verbs(content: str, expected: list) -> None:
    assert parties(content) == expected


@pytest.mark.parametrize(
    ("content", "names"),
    [
        ("各市（州）、县（市、区）政府负责", ["各市（州）、县（市、区）政府"]),
        (
            "各市（州）、长白山管委会、梅河口市政府负责",
            ["各市（州）", "长白山管委会", "梅河口市政府"],
        ),
        ("各市、州政府和省直有关部门负责", ["各市、州政府", "省直有关部门"]),
        ("有关部门和单位按职责分工负责", ["有关部门和单位"]),
        ("省教育厅和省人力资源社会保障厅负责", ["省教育厅", "省人力资源社会保障厅"]),
    ],
)
def test_level_lists_and_conjunctions(content: str, names: list[str]) -> None:
    assert [n for n, _ in parties(content)] == names


def test_yixia_jiancheng_becomes_an_alias() -> None:
    plan = parse_text(
        "（一）甲。（省发展改革委（以下简称省发改委）牵头，省直各有关部门配合）\n"
        "（二）乙。（省发改委、省财政厅负责）\n"
    )
    assert roles(plan, "1") == [("省发展改革委", L), ("省直各有关部门", S)]
    assert roles(plan, "2") == [("省发展改革委", L), ("省财政厅", S)]
    department = plan.department_named("省发改委")
    assert department is not None and department.name == "省发展改革委"
    assert department.aliases == ["省发改委"]


def test_jiancheng_with_quotes() -> None:
    assert parties("省政务服务和数字化局（以下简称“省政数局”）负责") == [
        ("省政务服务和数字化局", L)
    ]


# -- task-division notices: labelled fields ---------------------------------------------------


def test_task_division_corpus() -> None:
    plan = parse_file(CORPUS / "task_division.txt")
    assert [m.code for m in plan.measures] == ["1", "1.1", "1.2", "1.3", "2", "2.4", "2.5", "2.6"]
    assert roles(plan, "1.1") == [("省商务厅", L), ("省发展改革委", S), ("省财政厅", S)]
    assert measure(plan, "1.1").deadline == "2021年底前"
    assert roles(plan, "1.2") == [("省商务厅", L), ("省发展改革委", S), ("省市场监管厅", S)]
    assert measure(plan, "1.2").deadline == "2022年6月底前"
    assert measure(plan, "1.2").title == "扩大家电消费"
    assert roles(plan, "1.3") == [
        ("各市（州）人民政府", L),
        ("长白山管委会", S),
        ("梅河口市政府", S),
    ]
    assert measure(plan, "1.3").deadline == "持续推进"
    assert roles(plan, "2.4")[0] == ("省商务厅", L)
    assert [n for n, r in roles(plan, "2.4") if r is S] == [
        "省委网信办",
        "省通信管理局",
        "人民银行长春中心支行",
    ]
    assert measure(plan, "2.4").deadline == "长期坚持"
    assert roles(plan, "2.5")[0] == ("省邮政管理局", L) and len(roles(plan, "2.5")) == 4
    assert roles(plan, "2.6") == [("人民银行长春中心支行", L), ("吉林银保监局", S), ("长春海关", S)]
    assert measure(plan, "2.6").deadline == "持续推进"
    assert all(m.annotated for m in plan.measures if m.level == 2)
    assert not any("：" in d.name or "时限" in d.name for d in plan.departments)


def test_own_line_fields_in_any_order() -> None:
    plan = parse_text(
        "（一）甲任务。\n完成时限：2022年底前\n牵头单位：省民政厅\n"
        "（二）乙任务。\n牵头单位：省体育局、省教育厅\n配合单位：团省委\n时间：每年9月底前\n"
        "（三）丙任务。\n责任单位：省教育厅（牵头），省人力资源社会保障厅\n"
        "（四）丁任务。\n配合单位：省财政厅\n"
    )
    assert roles(plan, "1") == [("省民政厅", L)]
    assert measure(plan, "1").deadline == "2022年底前"
    assert roles(plan, "2") == [("省体育局", L), ("省教育厅", L), ("团省委", S)]
    assert measure(plan, "2").deadline == "每年9月底前"
    assert roles(plan, "3") == [("省教育厅", L), ("省人力资源社会保障厅", S)]
    assert roles(plan, "4") == [("省财政厅", S)]  # nobody leads: validation warns, no guess
    # each field keeps its own line, in the text as in the annotation
    assert (
        measure(plan, "2").annotation
        == "牵头单位：省体育局、省教育厅\n配合单位：团省委\n时间：每年9月底前"
    )
    assert measure(plan, "2").text.endswith("\n" + measure(plan, "2").annotation)


def test_fields_after_a_sentence_end_on_the_same_line() -> None:
    plan = parse_text("（一）乙任务。责任单位：省商务厅、省财政厅。完成时限：2021年底前。\n")
    assert roles(plan, "1") == [("省商务厅", L), ("省财政厅", S)]
    assert plan.measures[0].deadline == "2021年底前" and plan.measures[0].title == "乙任务"


def test_lead_field_makes_duty_field_support() -> None:
    plan = parse_text("（一）甲。（牵头单位：省商务厅；责任单位：省财政厅、省税务局）\n")
    assert roles(plan, "1") == [("省商务厅", L), ("省财政厅", S), ("省税务局", S)]


def test_mixed_annotation_with_time_label() -> None:
    plan = parse_text(
        "（一）甲。（省民政厅负责；时间：持续推进）\n（二）乙。（省商务厅负责，完成时限：2021年底前）\n"
    )
    assert roles(plan, "1") == [("省民政厅", L)] and plan.measures[0].deadline == "持续推进"
    assert roles(plan, "2") == [("省商务厅", L)] and plan.measures[1].deadline == "2021年底前"


@pytest.mark.parametrize(
    "text",
    [
        "（一）甲任务。要明确责任单位：各地要按要求执行。\n",
        "（一）乙任务。完成时限：2021年底前。\n",
        "（一）丙任务。（说明：本条不设责任单位）\n",
    ],
)
def test_labels_without_parties_are_not_annotations(text: str) -> None:
    plan = parse_text(text)
    assert not plan.measures[0].annotated and plan.assignments == []


# -- HTML and targets --------------------------------------------------------------------------


def test_html_page_with_fields_and_targets() -> None:
    plan = parse_file(CORPUS / "yanglao.html")
    assert [m.code for m in plan.measures] == ["1", "1.1", "1.2", "1.2.1", "1.2.2"]
    assert roles(plan, "1.2") == [("省卫生健康委", L), ("省民政厅", S), ("省医保局", S)]
    assert measure(plan, "1.2.1").deadline == "2023年底前完成"
    assert roles(plan, "1.2.2") == [("省民政厅", L)]
    assert measure(plan, "1.2.2").deadline == "持续推进"
    targets = [(t.indicator, t.value, t.unit, t.comparator, t.year) for t in plan.targets]
    assert targets[0] == ("街道综合养老服务机构覆盖率", 95, "%", Comparator.EQ, 2022)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "到2025年，全省数字经济规模达到1.5万亿元以上",
            [("数字经济规模", 1.5, "万亿元", Comparator.GE, 2025)],
        ),
        (
            "“十四五”期间，建设30—50个数字农业示范基地",
            [("数字农业示范基地", 30, "个", Comparator.GE, None)],
        ),
        (
            "到2025年，建设30-50个特色小镇，培育10～20家龙头企业",
            [
                ("特色小镇", 30, "个", Comparator.GE, 2025),
                ("龙头企业", 10, "家", Comparator.GE, 2025),
            ],
        ),
        ("到2023年，全省快递业务量突破10亿件", [("快递业务量", 10, "亿件", Comparator.GE, 2023)]),
        (
            "到2022年，5G基站达到2万个，投资1.5万亿元",
            [
                ("5G基站", 2, "万个", Comparator.EQ, 2022),
                ("投资", 1.5, "万亿元", Comparator.EQ, 2022),
            ],
        ),
    ],
)
def test_targets_units_ranges_and_periods(text: str, expected: list) -> None:
    got = [(t.indicator, t.value, t.unit, t.comparator, t.year) for t in find_targets(text)]
    assert got == expected


# -- one-line pastes and standing parties -------------------------------------------------------


def test_one_line_task_division_paste() -> None:
    plan = parse_text(
        "一、重点任务 1.促进汽车消费。责任单位：省商务厅、省财政厅。完成时限：2021年底前。"
        "2.扩大家电消费。牵头单位：省商务厅；配合单位：省市场监管厅；完成时限：持续推进。"
        "3.发展夜间经济。（各市（州）政府负责）二、保障措施 4.加强督导。（省政府办公厅负责）"
    )
    assert [m.code for m in plan.measures] == ["1", "1.1", "1.2", "1.3", "2", "2.4"]
    assert roles(plan, "1.1") == [("省商务厅", L), ("省财政厅", S)]
    assert measure(plan, "1.1").deadline == "2021年底前"
    assert roles(plan, "1.2") == [("省商务厅", L), ("省市场监管厅", S)]
    assert measure(plan, "1.2").deadline == "持续推进"
    assert roles(plan, "2.4") == [("省政府办公厅", L)]


def test_digits_inside_a_title_do_not_run_on() -> None:
    plan = parse_text("（一）甲。\n1.子。\n（二）支持2、3号线建设。\n")
    assert [m.code for m in plan.measures] == ["1", "1.1", "2"]


def test_standing_party_with_brackets() -> None:
    plan = parse_text(
        "（一）甲。以下均需各市（州）政府负责，不再列出。（省商务厅负责）\n"
        "（二）乙。（省财政厅牵头，省直有关部门配合）\n"
    )
    assert roles(plan, "1") == [("省商务厅", L)]
    assert roles(plan, "2") == [("省财政厅", L), ("省直有关部门", S), ("各市（州）政府", S)]
