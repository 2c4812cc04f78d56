"""Annotations that lost their brackets in a table flattened into one line (parse/runon.py).

One rule a test, on invented lines; the real document is m-pingtan-lanzongguanban-2016-20.
"""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text

L, S = Role.LEAD, Role.SUPPORT

FLAT = (
    "存在问题整改目标和措施责任单位投资不足出台扩大投资的实施意见。区经发局牵头，区交建局、"
    "广电网络分公司创新投融资方式，推广PPP模式。区财金局、经发局牵头，区环土局抓好重点项目建设。"
    "区交建局牵头排涝设施薄弱完成排水防涝规划编制。区公安局牵头"
)


def parties_of(plan, words):
    m = next(m for m in plan.measures if words in m.text)
    return [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)]


def test_a_lead_sentence_after_a_task_is_its_annotation_and_the_list_ends_with_a_name():
    plan = parse_text(FLAT)
    assert parties_of(plan, "出台扩大投资") == [
        ("区经发局", L),
        ("区交建局", S),
        ("广电网络分公司", S),
    ]
    assert parties_of(plan, "创新投融资方式") == [("区财金局", L), ("经发局", L), ("区环土局", S)]
    assert parties_of(plan, "完成排水防涝规划") == [("区公安局", L)]


def test_one_or_two_such_sentences_are_prose():
    text = "（二）落实工作责任。省自然资源厅牵头“多测合一”改革；省政务局牵头，会同有关部门推进。"
    plan = parse_text(text)
    assert not plan.assignments


def test_a_text_with_bracketed_annotations_keeps_its_lead_sentences_as_prose():
    text = (
        "1.推进改革。省商务厅牵头，省财政厅配合完善政策。省税务局牵头，省民政厅落实。"
        "省公安局牵头，省司法厅做好保障。（省发展改革委负责）"
    )
    plan = parse_text(text)
    assert parties_of(plan, "推进改革") == [("省发展改革委", L)]


def test_a_name_with_its_office_written_after_it_ends_the_list_whole():
    text = (
        "清理前置条件。区审批局牵头，区经发局、区办法规处精简申报材料，推进中心建设。"
        "区交建局牵头，区经发局、市住房城乡建设局审批科受理申请。区公安局牵头，区环土局加强巡查。"
    )
    plan = parse_text(text)
    assert parties_of(plan, "清理前置条件") == [("区审批局", L), ("区经发局", S), ("区办法规处", S)]
    assert parties_of(plan, "精简申报材料")[-1] == ("市住房城乡建设局审批科", S)
