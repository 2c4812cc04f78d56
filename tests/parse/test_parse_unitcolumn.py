"""A table flattened into one line whose last column names the units (parse/unitcolumn.py).

One rule per test, on invented examples (the real documents are scored in test_real_corpus.py).
"""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.orgs import OrgKind, classify
from matrixdesk.parse.unitcolumn import rewrite_unit_column_tables

HEAD = "附件 问题汇总表 序号存 在 问 题整改责任单位"


def parties(text: str) -> list[list[str]]:
    plan = parse_text(text)
    return [
        [plan.department(a.department_id).name for a in plan.assignments_of(m.id)]
        for m in plan.measures
        if plan.assignments_of(m.id)
    ]


def test_each_rows_units_stand_between_its_last_sentence_and_the_next_number() -> None:
    text = HEAD + (
        "7 坛西大道项目未开工。现场还是一片农地。 岚城片区开发管理局、区环境与国土资源局"
        "8 流水加工园项目，征地未办理 。流水片区开发管理局、区规划局"
        "9 区外侨办：⑴审批事项未进驻中心。⑵未制作办事指南。区台湾工作部"
        "10 问题整改情况：至督查时只问责1人。 区效能办 平潭综合实验区管委会办公室 2016年4月28日印发"
    )
    assert parties(text) == [
        ["岚城片区开发管理局", "区环境与国土资源局"],
        ["流水片区开发管理局", "区规划局"],
        ["区台湾工作部"],
        ["区效能办"],
    ]
    assert parse_text(text).measures[0].label == "7、"


def test_glued_names_part_where_a_name_ends_and_a_level_begins() -> None:
    # 区社会事业局 is one name (not 区社 | 会事业局); 计划生育局区环境… is two.
    text = HEAD + (
        "1 未取消事项。区社会事业局2 未压缩时限。区规划局"
        "3 未整改到位。 区效能办（1-2）、区卫生和计划生育局（6-7）区环境与国土资源局（8） 印发"
    )
    assert parties(text)[0] == ["区社会事业局"]
    assert parties(text)[2] == ["区效能办", "区卫生和计划生育局", "区环境与国土资源局"]


def test_rows_whose_last_words_are_no_names_are_no_such_table() -> None:
    text = HEAD + "1 项目未开工。现场还是农地2 项目进展缓慢。开工无法确定3 工作不到位。有待改进"
    assert rewrite_unit_column_tables(text) == text


def test_a_state_forest_farm_is_an_organisation() -> None:
    assert classify("区国有林场") is OrgKind.ORG
    assert classify("农贸市场") is OrgKind.NONE


def test_the_units_lead_in_written_order() -> None:
    text = HEAD + "1 项目未开工。区交建局、区财政金融局2 未完工。区农发局3 未验收。区规划局"
    plan = parse_text(text)
    first = plan.assignments_of(plan.measures[0].id)
    assert [a.role for a in first] == [Role.LEAD, Role.SUPPORT]
