"""The seed document 吉政办发[2020]34号 parses into every measure with the right leads."""

from __future__ import annotations

from pathlib import Path

import pytest

from matrixdesk.core.model import Comparator, Plan, Role
from matrixdesk.parse import parse_file, parse_text

SEED = Path(__file__).parents[2] / "samples" / "jizhengbanfa-2020-34.txt"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return parse_file(SEED)


def by_code(plan: Plan, code: str):
    return next(m for m in plan.measures if m.code == code)


def roles(plan: Plan, code: str) -> list[tuple[str, Role]]:
    measure = by_code(plan, code)
    return [
        (plan.department(a.department_id).name, a.role) for a in plan.assignments_of(measure.id)
    ]


def test_info(plan: Plan) -> None:
    assert plan.info.number == "吉政办发[2020]34号"
    assert plan.info.issuer == "吉林省人民政府办公厅"
    assert plan.info.date == "2020-12-24"
    assert plan.info.title == ""


def test_measure_counts(plan: Plan) -> None:
    levels = [m.level for m in plan.measures]
    assert levels.count(1) == 7
    assert levels.count(2) == 30
    assert levels.count(3) == 11
    assert [m.id for m in plan.measures] == list(range(1, 49))
    assert [m.position for m in plan.measures] == list(range(48))
    assert len({m.code for m in plan.measures}) == 48


def test_codes_labels_titles(plan: Plan) -> None:
    part7 = by_code(plan, "7")
    assert part7.label == "七、" and part7.title == "强化组织保障" and part7.parent_id is None
    item = by_code(plan, "7.28")
    assert item.label == "(二十八)" and item.title == "压实工作责任"
    assert item.parent_id == part7.id
    sub = by_code(plan, "1.1.1")
    assert sub.label == "1." and sub.title == "优化冰雪消费供给"
    assert sub.text.startswith("优化冰雪消费供给。 按照")
    assert sub.text.endswith("省体育局等部门负责)")
    assert by_code(plan, "1.1").title == "大力发展冰雪消费"
    assert by_code(plan, "1.1").parent_id == by_code(plan, "1").id
    assert by_code(plan, "2.4").title == "推动传统商贸数字化升级"


def test_spans_cover_paragraphs(plan: Plan) -> None:
    for m in plan.measures:
        start, end = m.span
        assert plan.source_text[start:end].startswith(m.label)
    last = plan.measures[-1]
    assert plan.source_text[last.span[0] : last.span[1]].endswith("省商务厅负责)")


def test_preamble_and_closing_are_not_measures(plan: Plan) -> None:
    texts = " ".join(m.text for m in plan.measures)
    assert "为贯彻落实" not in texts
    assert "吉林省人民政府办公厅" not in texts
    assert "2020年12月24日" not in texts


def test_sub_item_roles(plan: Plan) -> None:
    assert roles(plan, "1.2.1") == [
        ("省农业农村厅", Role.LEAD),
        ("省商务厅", Role.SUPPORT),
        ("省邮政管理局", Role.SUPPORT),
    ]
    first = roles(plan, "1.1.1")
    assert first[0] == ("省文化和旅游厅", Role.LEAD)
    assert [n for n, _ in first][-1] == "省体育局"
    assert by_code(plan, "1.1.1").open_ended


def test_item_roles(plan: Plan) -> None:
    assert roles(plan, "2.5") == [("省教育厅", Role.LEAD)]
    names = [n for n, _ in roles(plan, "2.11")]
    assert names[:4] == ["省交通运输厅", "省商务厅", "人民银行长春中心支行", "长春海关"]
    m28 = by_code(plan, "7.28")
    assert roles(plan, "7.28") == [("省发展改革委", Role.LEAD)]
    assert m28.open_ended and m28.annotation == "省发展改革委等各有关部门按职责分工负责"


def test_headings_have_no_annotation(plan: Plan) -> None:
    for code in ["1", "1.1", "1.2", "1.3", "7"]:
        assert not by_code(plan, code).annotated
        assert roles(plan, code) == []
    assert all(m.annotated for m in plan.measures if m.level == 3)


def test_departments_are_whole_names(plan: Plan) -> None:
    names = [d.name for d in plan.departments]
    assert len(names) == len(set(names)) == 35
    for name in names:
        assert "冬令营" not in name and "统一" not in name and "负责" not in name
        assert name.endswith(("厅", "局", "委", "部", "社", "行", "关"))
    assert names[:3] == ["省文化和旅游厅", "省商务厅", "省政务服务和数字化局"]
    assert {"省工业和信息化厅", "省人力资源社会保障厅", "吉林银保监局"} <= set(names)
    assert not any(d.collective for d in plan.departments)
    assert [d.position for d in plan.departments] == list(range(35))


def test_every_annotated_measure_has_one_lead(plan: Plan) -> None:
    for m in plan.measures:
        leads = [a for a in plan.assignments_of(m.id) if a.role is Role.LEAD]
        assert len(leads) == (1 if m.annotated else 0), m.code
    assert len(plan.assignments) == 140


def test_targets(plan: Plan) -> None:
    found = [
        (plan.measure(t.measure_id).code, t.indicator, t.value, t.unit, t.comparator, t.year)
        for t in plan.targets
    ]
    assert found == [
        ("1.1.1", "滑冰场所", 500, "个", Comparator.GE, 2022),
        ("1.1.1", "滑雪场", 60, "座", Comparator.EQ, 2022),
        ("1.1.4", "冰雪运动特色学校", 500, "所", Comparator.EQ, 2025),
        ("1.1.4", "青少年校外冰雪活动基地", 100, "个", Comparator.EQ, 2025),
        ("1.1.4", "冰雪研学旅行(冬令营)基地", 30, "个", Comparator.EQ, 2025),
        ("1.2.2", "省级“互联网+”农产品出村进城试点县", 10, "个", Comparator.GE, 2025),
        ("1.3.1", "国家森林康养基地", 30, "个", Comparator.EQ, 2025),
        ("1.3.1", "省级森林康养基地", 30, "个", Comparator.EQ, 2025),
    ]
    assert [t.id for t in plan.targets] == list(range(1, 9))


def test_crlf_text_gives_same_measures(plan: Plan) -> None:
    crlf = parse_text(plan.source_text.replace("\n", "\r\n"))
    assert crlf.source_text == plan.source_text
    assert [(m.code, m.span) for m in crlf.measures] == [(m.code, m.span) for m in plan.measures]
