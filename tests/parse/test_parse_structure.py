"""Numbering, document info, targets and the invented corpus documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from matrixdesk.core.model import Comparator, Plan, Role
from matrixdesk.parse import parse_file, parse_text
from matrixdesk.parse.numbering import cn_to_int, find_headings
from matrixdesk.parse.targets import find_targets

CORPUS = Path(__file__).parent / "corpus"


def codes(plan: Plan) -> list[str]:
    return [m.code for m in plan.measures]


def names(plan: Plan, code: str) -> list[tuple[str, Role]]:
    m = next(m for m in plan.measures if m.code == code)
    return [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十八", 28), ("三十", 30), ("一百零三", 103)],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert cn_to_int(numeral) == value


def test_numbers_inside_text_do_not_split() -> None:
    text = (
        "(一)发展5G应用。到2022年投资1.5亿元,建设冰雪(冬令营)基地,落实第1.项和第2.项。"
        "2.5倍增长。3、是否。(三)不是下一项。\n(二)下一项。\n"
    )
    assert [(h.kind, h.number) for h in find_headings(text)] == [("pcn", 1), ("pcn", 2)]


def test_a_part_number_cut_from_its_comma_by_a_hard_wrap() -> None:
    plan = parse_text("一、甲。落实。二、乙。推进丙项工作九\n项。三\n、丁。推进。\n")
    assert [m.label for m in plan.measures] == ["一、", "二、", "三、"]


def test_one_line_body_splits() -> None:
    plan = parse_file(CORPUS / "oneline.txt")
    assert codes(plan) == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "1.2.2", "2", "2.3"]
    assert names(plan, "1.2.1")[0] == ("省农业农村厅", Role.LEAD)
    assert plan.measures[0].title == "总体要求"
    assert plan.measures[1].title == "丰富服务供给"
    assert not any("冬令营" in d.name for d in plan.departments)
    assert plan.info.issuer == "某省人民政府办公厅" and plan.info.date == "2022-03-01"


def test_sub_items_restart_and_items_continue() -> None:
    plan = parse_text("一、甲\n（一）A。\n1.a。\n2.b。\n（二）B。\n1.c。\n二、乙\n（三）C。\n")
    assert codes(plan) == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "2", "2.3"]
    assert [m.level for m in plan.measures] == [1, 2, 3, 3, 2, 3, 1, 2]
    assert [m.label for m in plan.measures][:3] == ["一、", "（一）", "1."]


def test_paren_digits_nest_below_sub_items() -> None:
    plan = parse_text("（一）甲。\n1.乙。\n（1）丙。（省商务厅负责）\n（2）丁。\n2.戊。\n")
    assert codes(plan) == ["1", "1.1", "1.1.1", "1.1.2", "1.2"]
    assert plan.measures[2].level == 3


def test_colliding_codes_get_suffix() -> None:
    plan = parse_text("一、甲\n二、乙\n二、丙\n")
    assert codes(plan) == ["1", "2", "2-2"]


def test_text_without_headings() -> None:
    plan = parse_text("这是一段没有编号的文字。")
    assert plan.measures == [] and plan.source_text == "这是一段没有编号的文字。"


def test_guoban_corpus() -> None:
    plan = parse_file(CORPUS / "guoban_style.txt")
    info = plan.info
    assert info.number == "国办发〔2021〕17号" and info.issuer == "国务院办公厅"
    assert info.title == "国务院办公厅关于加快发展冷链物流保障食品安全促进消费升级的意见"
    assert info.date == "2021-04-20"
    assert codes(plan) == [
        "1", "1.1", "1.2", "1.3", "2", "2.4", "2.4.1", "2.4.2", "2.4.3", "2.5", "2.6",
    ]  # fmt: skip
    assert names(plan, "1.1") == [
        ("农业农村部", Role.LEAD),
        ("国家发展改革委", Role.SUPPORT),
        ("财政部", Role.SUPPORT),
    ]
    assert names(plan, "1.3")[:2] == [("工业和信息化部", Role.LEAD), ("交通运输部", Role.LEAD)]
    unannotated = next(m for m in plan.measures if m.code == "2.4.3")
    assert not unannotated.annotated and "含技工院校" in unannotated.text
    deadlines = {m.code: m.deadline for m in plan.measures if m.deadline}
    assert deadlines == {"1.2": "2022年底前完成", "2.5": "持续推进", "2.6": "2022年6月底前"}
    collective = {d.name for d in plan.departments if d.collective}
    assert collective == {
        "国务院相关部门",
        "各地区",
        "各有关省级人民政府",
        "各省级人民政府",
        "各部门",
    }


def test_fullwidth_corpus() -> None:
    plan = parse_file(CORPUS / "fullwidth.txt")
    assert plan.info.number == "某政发［2023］8号"
    assert plan.info.date == "2023-03-15"
    assert plan.info.issuer == "某市人民政府"
    assert codes(plan) == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.3"]
    assert plan.measures[1].title == "建设城市信息模型（CIM）平台"
    assert plan.measures[2].label == "１．"
    assert names(plan, "1.1") == [
        ("市住房城乡建设局", Role.LEAD),
        ("市自然资源和规划局", Role.SUPPORT),
        ("市政务服务和数据管理局", Role.SUPPORT),
        ("各区、县级政府", Role.SUPPORT),
    ]
    assert all("统一" not in d.name and "CIM" not in d.name for d in plan.departments)
    assert names(plan, "2.3")[0] == ("市财政局", Role.LEAD)


def test_chinese_numeral_date() -> None:
    plan = parse_text("（一）甲。（省商务厅负责）\n某省人民政府\n二〇二〇年十二月二十四日\n")
    assert plan.info.date == "2020-12-24" and plan.info.issuer == "某省人民政府"
    assert plan.measures[0].text == "甲。（省商务厅负责）"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2023年，全市网络零售额达到1.5亿元", ("网络零售额", 1.5, "亿元", Comparator.EQ, 2023)),
        ("2024年底前，城镇化率不低于60%", ("城镇化率", 60, "%", Comparator.GE, 2024)),
        ("到2025年，覆盖率达到90%以上", ("覆盖率", 90, "%", Comparator.GE, 2025)),
        ("到2025年，能耗控制在300万吨以内", ("能耗", 300, "万吨", Comparator.LE, 2025)),
        ("全省滑雪场达到60座", ("滑雪场", 60, "座", Comparator.EQ, None)),
    ],
)
def test_targets(text: str, expected: tuple) -> None:
    (found,) = find_targets(text)
    assert (found.indicator, found.value, found.unit, found.comparator, found.year) == expected


def test_counts_in_running_text_are_not_targets() -> None:
    text = (
        "持续推进我省28个国家电子商务进农村综合示范县项目实施建设。"
        "改扩新建20个滑雪场。实现5G全覆盖。"
    )
    assert find_targets(text) == []


def test_paragraphs_indented_with_typographic_spaces() -> None:
    from matrixdesk.parse import parse_text

    text = "\u2002\u2002一、发放补贴。（市住建局负责）\n\u2003二、延续优惠。（市税务局负责）\n"
    assert [m.label for m in parse_text(text).measures] == ["一、", "二、"]
