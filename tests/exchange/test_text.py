"""How plan data reads in workbooks."""

from __future__ import annotations

from matrixdesk.core.model import Comparator, Measure, Target
from matrixdesk.exchange.text import clean, number, target_text, task_text


def test_target_text():
    assert (
        target_text(Target(1, 1, "滑雪场", 60.0, "座", Comparator.GE, 2022))
        == "2022年：滑雪场 ≥60座"
    )
    assert target_text(Target(1, 1, "覆盖率", 95.5, "%", Comparator.LE)) == "覆盖率 ≤95.5%"
    assert target_text(Target(1, 1, "基地", 30, "个", Comparator.EQ, 2025)) == "2025年：基地 30个"
    assert target_text(Target(1, 1, "体系", None, "", Comparator.EQ, 2025)) == "2025年：体系"


def test_number():
    assert number(60.0) == 60 and isinstance(number(60.0), int)
    assert number(1.5) == 1.5 and number(None) is None


def test_task_text_strips_the_annotation():
    m = Measure(
        1,
        "1",
        "1.",
        3,
        "标题",
        "标题。 正文(冬令营)基地。(省体育局、各市(州)政府负责)",
        annotation="省体育局、各市(州)政府负责",
        annotated=True,
    )
    assert task_text(m) == "标题。 正文(冬令营)基地。"
    plain = Measure(2, "2", "2.", 3, "标题", "正文。（省商务厅牵头，省财政厅配合）")
    assert task_text(plain) == "正文。"
    assert task_text(Measure(3, "3", "3.", 3, "只有标题")) == "只有标题"


def test_clean_removes_xml_illegal_characters():
    assert clean("a\x00b\x1fc\td\ne") == "abc\td\ne"


def test_task_text_strips_field_lines_after_the_task():
    from matrixdesk.parse import parse_text

    plan = parse_text(
        "一、扩大消费\n1. 推进步行街改造提升。\n牵头单位：省商务厅；配合单位：省财政厅\n"
        "完成时限：2021年底前\n2. 发展夜间经济。（责任单位：省商务厅；完成时限：持续推进）\n"
    )
    first, second = plan.measures[1], plan.measures[2]
    assert task_text(first) == "推进步行街改造提升。"
    assert first.deadline == "2021年底前"
    assert task_text(second) == "发展夜间经济。"
