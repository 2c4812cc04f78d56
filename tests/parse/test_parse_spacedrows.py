"""A task table flattened into one line with a space between its cells (parse/spacedrows.py).

One rule per test, on invented examples (the real documents are scored in test_real_corpus.py).
"""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.spacedrows import rewrite_spaced_tables

L, S = Role.LEAD, Role.SUPPORT
HEAD = "附件 重点任务表 重点任务 工作措施 牵头单位 参与单位 "


def rows(text: str) -> list[tuple[str, list[tuple[str, Role]]]]:
    plan = parse_text(text)
    return [
        (
            m.text[:4],
            [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)],
        )
        for m in plan.measures
        if plan.assignments_of(m.id)
    ]


def test_cells_after_the_header_are_sorted_into_rows() -> None:
    text = HEAD + (
        "1.优化布局 完成清单编制。 区环土局 区经发局、各片区指挥部 "
        "2.退出落后产能 关停淘汰类产能。 区经发局 区环土局、市场监管局 "
        "3.深化治理 推进达标排放。 区环土局"
    )
    assert rows(text) == [
        ("优化布局", [("区环土局", L), ("区经发局", S), ("各片区指挥部", S)]),
        ("退出落后", [("区经发局", L), ("区环土局", S), ("市场监管局", S)]),
        ("深化治理", [("区环土局", L)]),
    ]


def test_words_without_a_number_after_a_row_are_a_second_row_of_the_task() -> None:
    text = HEAD + (
        "1.车船升级 推广新能源汽车。 区经发局 区财金局 "
        "推进船舶更新。推广清洁能源船舶。 区交建局 区环土局 "
        "2.油品升级 停止销售低标准汽柴油。 区经发局"
    )
    assert rows(text)[1] == ("推进船舶", [("区交建局", L), ("区环土局", S)])


def test_a_cell_that_states_its_own_role_is_read_by_its_words() -> None:
    # A、B按职责分工负责 marks no lead: the first named leads, as in a bracket, not both as
    # the 牵头单位 column would have it.
    text = HEAD + (
        "1.优化布局 完成清单编制。 区环土局 区经发局 "
        "2.培育产业 培育服务企业。 区经发局、环土局按职责分工负责 "
        "3.深化治理 推进达标排放。 区环土局"
    )
    assert rows(text)[1] == ("培育产业", [("区经发局", L), ("环土局", S)])


def test_a_part_heading_and_a_repeated_header_between_rows() -> None:
    text = HEAD + (
        "一、调整结构 1.优化布局 完成清单编制。 区环土局 区经发局 "
        "重点任务 工作措施 牵头单位 参与单位 2.退出落后产能 关停淘汰类产能。 区经发局 "
        "二、调整能源 3.优化能源 提高清洁能源比重。 区经发局 区环土局"
    )
    out = rewrite_spaced_tables(text)
    assert "一、调整结构\n" in out and "\n二、调整能源\n" in out
    assert out.count("牵头单位") == 1
    assert [r[0] for r in rows(text)] == ["优化布局", "退出落后", "优化能源"]


def test_text_without_such_a_header_is_unchanged() -> None:
    prose = "二、重点任务 坚持新发展理念 对标更高标准 区环土局 区经发局 三、保障措施 加强领导"
    assert rewrite_spaced_tables(prose) == prose
    two_rows = HEAD + "1.优化布局 完成编制。 区环土局 2.退出产能 关停产能。 区经发局"
    assert rewrite_spaced_tables(two_rows) == two_rows  # fewer than three rows: prose
