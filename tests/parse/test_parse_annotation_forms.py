"""Annotation contents: any verb, any party label, notes after a 。, clauses that are not parties.

Each test is one rule on an invented one-line example; whether the parser reads real documents
is measured on the real corpus (bench/bench_corpus.py), not here.
"""

from __future__ import annotations

import pytest

from matrixdesk.core.model import Role
from matrixdesk.parse.annotation import parse_content

L, S = Role.LEAD, Role.SUPPORT


def parties(content: str) -> list[tuple[str, Role]]:
    parsed = parse_content(content)
    assert parsed is not None, content
    return parsed.parties


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("省商务厅指导，各市政府负责", [("省商务厅", L), ("各市政府", S)]),
        ("省商务厅负责，省财政厅参与", [("省商务厅", L), ("省财政厅", S)]),
        ("省财政厅、省税务局按职责分工配合", [("省财政厅", S), ("省税务局", S)]),
        ("省商务厅牵头负责，省财政厅配合", [("省商务厅", L), ("省财政厅", S)]),
        ("省商务厅主办，省财政厅协办", [("省商务厅", L), ("省财政厅", S)]),
        ("省教育厅、省体育局分别负责", [("省教育厅", L), ("省体育局", S)]),
        ("省民政厅组织实施", [("省民政厅", L)]),
    ],
)
def test_any_responsibility_verb(content: str, expected: list) -> None:
    assert parties(content) == expected


def test_only_supporters_means_no_lead() -> None:
    assert parties("省委网信办、省通信管理局配合") == [("省委网信办", S), ("省通信管理局", S)]


@pytest.mark.parametrize(
    "content",
    [
        "省商务厅、省财政厅等负责。列第一位者为牵头单位，下同",
        "省商务厅、省财政厅负责。排在第一位的部门为牵头部门",
    ],
)
def test_rule_note_after_a_full_stop(content: str) -> None:
    assert parties(content) == [("省商务厅", L), ("省财政厅", S)]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("主办单位：省商务厅；协办单位：省财政厅", [("省商务厅", L), ("省财政厅", S)]),
        ("牵头考核单位：省统计局", [("省统计局", L)]),
        ("实施主体：省交通运输厅、省公安厅", [("省交通运输厅", L), ("省公安厅", S)]),
        ("指导部门：省住房城乡建设厅", [("省住房城乡建设厅", L)]),
        ("督查单位：省政府督查室", [("省政府督查室", L)]),  # an unknown label naming an organ
        ("牵头单位：省商务厅，省财政厅", [("省商务厅", L), ("省财政厅", L)]),
    ],
)
def test_any_party_label(content: str, expected: list) -> None:
    assert parties(content) == expected


@pytest.mark.parametrize(
    ("content", "deadline"),
    [
        ("省商务厅负责，0.5分", ""),
        ("责任单位：省商务厅；适用范围：各县（市、区）", ""),
        ("省商务厅负责，6月底完成", "6月底完成"),
        ("责任单位：省商务厅；完成时限：2022年底前", "2022年底前"),
        ("省商务厅负责；时间：持续推进", "持续推进"),
    ],
)
def test_clauses_that_are_not_parties(content: str, deadline: str) -> None:
    parsed = parse_content(content)
    assert parsed is not None and parsed.parties == [("省商务厅", L)]
    assert parsed.deadline == deadline


@pytest.mark.parametrize(
    "content",
    [
        "适用范围：各级政府部门",
        "0.5分",
        "6月底完成",
        "银行、保险、基金、信托等",
        "由省财政厅负责解释",
    ],
)
def test_brackets_naming_no_party_are_not_annotations(content: str) -> None:
    assert parse_content(content) is None


def test_bare_list_of_organs() -> None:
    assert parties("国家发展改革委、财政部") == [("国家发展改革委", L), ("财政部", S)]
    assert parse_content("长春市、吉林市") is None  # places alone are not enough
    assert parse_content("国家发展改革委、财政部", bare_list=False) is None


def test_fragments_that_are_not_organisations_are_skipped_and_reported() -> None:
    parsed = parse_content("省商务厅、全社会负责")
    assert parsed is not None and parsed.parties == [("省商务厅", L)]
    assert parsed.skipped == ["全社会"]


def test_working_groups_and_their_members() -> None:
    parsed = parse_content("省稳外贸工作专班牵头单位、省消费专项工作组成员单位按职责分工负责")
    assert parsed is not None
    assert [n for n, _ in parsed.parties] == [
        "省稳外贸工作专班牵头单位",
        "省消费专项工作组成员单位",
    ]


def test_square_brackets_and_standing_statement_naming_two_parties() -> None:
    from matrixdesk.parse import parse_text

    plan = parse_text(
        "1.推进甲。〔责任单位:市税务局,各园区管委会,各镇(街)人民政府(办事处),"
        "以下均需各园区管委会,各镇(街)人民政府(办事处)落实,不再列出〕\n"
        "2.推进乙。(责任单位:市财政局)\n"
    )
    names = [
        [plan.department(a.department_id).name for a in plan.assignments_of(m.id)]
        for m in plan.measures
    ]
    assert names == [
        ["市税务局", "各园区管委会", "各镇(街)人民政府(办事处)"],
        ["市财政局", "各园区管委会", "各镇(街)人民政府(办事处)"],
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("牵头责任单位：区财政局、区税务局", [("区财政局", L), ("区税务局", L)]),
        ("国家发展改革委、财政部会同有关部门负责",
         [("国家发展改革委", L), ("财政部", L), ("有关部门", S)]),
        ("省商务厅，省税务局、海关总署广东分署牵头负责",
         [("省商务厅", L), ("省税务局", L), ("海关总署广东分署", L)]),
        ("牵头单位:省政务局,责任单位:省自然资源厅。市州、县市区人民政府负责落实",
         [("省政务局", L), ("省自然资源厅", S), ("市州、县市区人民政府", S)]),
        ("责任单位：各市〔州〕、各县〔市、区、特区〕人民政府，省直有关部门和单位",
         [("各市〔州〕、各县〔市、区、特区〕人民政府", L), ("省直有关部门和单位", S)]),
    ],
)  # fmt: skip
def test_real_document_forms(content: str, expected: list) -> None:
    assert parties(content) == expected


def test_kinds_of_department_everywhere_are_collective() -> None:
    from matrixdesk.core.names import is_collective

    parsed = parse_content("责任单位：市商务局，各区商务部门、应急部门")
    assert parsed is not None
    assert [n for n, _ in parsed.parties] == ["市商务局", "各区商务部门", "应急部门"]
    assert is_collective("应急部门") and not is_collective("市商务局")


@pytest.mark.parametrize(
    "name",
    ["各园区管委会", "各街道办事处", "市管各园区管委会", "试点城市政府", "市州、县市区人民政府",
     "各地(市)行署(人民政府)"],
)  # fmt: skip
def test_more_sets_of_organs_are_collective(name: str) -> None:
    from matrixdesk.core.names import is_collective

    assert is_collective(name)


def test_a_distributive_prefix_makes_the_list_collective() -> None:
    from matrixdesk.parse import parse_text

    plan = parse_text(
        "（一）推进甲。\n责任单位:各地(市)住建局、自然资源局,省财政厅\n"
        "（二）推进乙。（省发展改革委、商务部负责）\n"
    )
    collective = {d.name: d.collective for d in plan.departments}
    assert collective == {
        "各地(市)住建局": True,
        "自然资源局": True,  # 各地(市) distributes over the list
        "省财政厅": False,
        "省发展改革委": False,
        "商务部": False,
    }


def test_a_bracket_straight_after_a_name_is_part_of_the_name() -> None:
    # A task table's row flattened into one line: 区农村发展局（农业处） is one department with
    # its office named, not a title followed by a bracket naming 农业处.
    from matrixdesk.parse import parse_text

    plan = parse_text("4.粮食生产科技水平(3分)区农村发展局（农业处）\n5.粮食种植面积(3分)")
    assert plan.assignments == []
    plan = parse_text("4.粮食生产科技水平（区农村发展局）\n5.粮食种植面积")
    assert [plan.department(a.department_id).name for a in plan.assignments] == ["区农村发展局"]


def test_places_before_a_zones_headquarters_are_one_party_each() -> None:
    # 金井湾、岚城、澳前、流水片区项目建设指挥部: four zone headquarters, three as written.
    from matrixdesk.parse import parse_text

    plan = parse_text("1.片区巨变。责任单位：金井湾、岚城、澳前、流水片区项目建设指挥部。\n2.数")
    names = [plan.department(a.department_id).name for a in plan.assignments]
    assert names == ["金井湾", "岚城", "澳前", "流水片区项目建设指挥部"]
