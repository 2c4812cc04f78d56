"""Forms of the genre beyond the tuning documents: standing statements in other words, label
families, prose after a label, unusual verbs, names with notes, bare places, footers.

Each test is one rule on an invented example; the real documents that show them are scored in
tests/parse/test_real_corpus.py.
"""

from __future__ import annotations

import pytest

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.annotation import parse_content
from matrixdesk.parse.standing import find_standing

L, S = Role.LEAD, Role.SUPPORT


def parties(content: str) -> list[tuple[str, Role]]:
    parsed = parse_content(content)
    assert parsed is not None, content
    return parsed.parties


def names_by_measure(text: str) -> list[list[str]]:
    plan = parse_text(text)
    return [
        [plan.department(a.department_id).name for a in plan.assignments_of(m.id)]
        for m in plan.measures
    ]


# -- standing statements -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("以下均需各市、县级政府负责，不再列出", ["各市、县级政府"]),
        ("各项措施责任单位均包括各市（州）人民政府，以下不再列出", ["各市（州）人民政府"]),
        ("各县（市、区）人民政府为各项任务的责任主体，以下不再列出", ["各县（市、区）人民政府"]),
        ("以下各项任务均由各市州人民政府负责落实", ["各市州人民政府"]),
        ("各市州人民政府负责所有任务的落实，不再单独列出", ["各市州人民政府"]),
        ("以下均需各省辖市政府和济源示范区落实，不再列出", ["各省辖市政府", "济源示范区"]),
        ("以下任务均\n需各市落实，不再\n列出", ["各市"]),  # hard wraps
        ("以下均需各片区配合落实，不再列出", ["各片区"]),  # several verbs after the party
    ],
)  # fmt: skip
def test_standing_statements_in_other_words(statement: str, named: list[str]) -> None:
    found = find_standing(f"（省商务厅负责。{statement}）")
    assert [list(s.names) for s in found] == [named]


@pytest.mark.parametrize(
    "prose",
    [
        "所有企业均由税务部门负责办理。",
        "各部门要加强政策宣传和解读，确保各项政策应落尽落。",
        "以下均为示例，不再列出。",
    ],
)
def test_prose_is_no_standing_statement(prose: str) -> None:
    assert find_standing(prose) == []


def test_a_standing_statement_invents_no_party_and_keeps_the_annotation() -> None:
    assert names_by_measure(
        "（一）推进甲。（责任单位：省工业和信息化厅，各市（州）人民政府。"
        "各项措施责任单位均包括各市（州）人民政府，以下不再列出）\n"
        "（二）推进乙。（责任单位：省能源局）\n"
    ) == [["省工业和信息化厅", "各市（州）人民政府"], ["省能源局", "各市（州）人民政府"]]


def test_a_standing_statement_in_the_preamble() -> None:
    assert names_by_measure(
        "各县（市、区）人民政府为各项任务的责任主体，以下不再一一列出。\n"
        "一、推进甲。（市商务局负责）\n"
    ) == [["市商务局", "各县（市、区）人民政府"]]


def test_parties_joined_by_he() -> None:
    assert parties("各省辖市政府和济源示范区落实") == [("各省辖市政府", L), ("济源示范区", S)]


# -- label families ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("责任单位及承办科室（单位）：市房管中心，市场处、租赁处",
         [("市房管中心", L), ("市场处", S), ("租赁处", S)]),
        ("牵头单位和配合单位：省商务厅、省财政厅", [("省商务厅", L), ("省财政厅", S)]),
        ("责任单位/配合单位：省市场监管局/省公安厅", [("省市场监管局", L), ("省公安厅", S)]),
        ("牵头单位（部门）：省发展改革委；配合单位（部门）：省财政厅",
         [("省发展改革委", L), ("省财政厅", S)]),
        ("责任单位：省商务厅 完成时限：2022年底", [("省商务厅", L)]),
        ("省商务厅为牵头单位，省财政厅为配合单位", [("省商务厅", L), ("省财政厅", S)]),
    ],
)  # fmt: skip
def test_label_families(content: str, expected: list) -> None:
    assert parties(content) == expected


def test_prose_after_a_label_names_its_subjects() -> None:
    assert parties(
        "责任单位及承办科室：市自然资源局，市自然资源局行政审批科受理申请、出具意见书；"
        "建筑规划科承办审查"
    ) == [("市自然资源局", L), ("市自然资源局行政审批科", S), ("建筑规划科", S)]


def test_an_unusual_verb() -> None:
    assert parties("省商务厅负责，省财政厅给予经费保障") == [("省商务厅", L), ("省财政厅", S)]
    assert parties("省财政厅给予经费保障") == [("省财政厅", L)]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("市政府办公室负总责，各区政府抓落实", [("市政府办公室", L), ("各区政府", S)]),
        ("省商务厅牵头，省财政厅等负责，列第一位的为牵头单位", [("省商务厅", L), ("省财政厅", S)]),
    ],
)  # fmt: skip
def test_more_verbs_and_notes(content: str, expected: list) -> None:
    parsed = parse_content(content)
    assert parsed is not None and parsed.parties == expected
    assert parsed.skipped == []


def test_a_sentence_in_brackets_is_no_annotation() -> None:
    assert parse_content("申请人主动申请办理的，消防部门予以受理") is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("牵头考核单位：省商务厅（3分）；配合单位：海关（1分）", [("省商务厅", L), ("海关", S)]),
        ("牵头单位：省商务厅（牵头领导：张三）", [("省商务厅", L)]),
        ("省商务厅 省财政厅负责", [("省商务厅", L), ("省财政厅", S)]),
    ],
)  # fmt: skip
def test_notes_and_spaces_around_names(content: str, expected: list) -> None:
    assert parties(content) == expected


def test_bare_places_share_the_suffix_of_the_last() -> None:
    assert parties("广州、深圳市政府分别负责") == [("广州", L), ("深圳市政府", S)]
    assert parse_content("保险、基金负责") is None


def test_a_web_page_footer_is_no_annotation() -> None:
    plan = parse_text(
        "一、推进甲。（市商务局负责）\n二、推进乙。\n"
        "主办单位：某市发展和改革局 联系方式：0769-22830911\n"
    )
    assert [d.name for d in plan.departments] == ["市商务局"]
