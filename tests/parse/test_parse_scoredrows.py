"""A 考核表 crawled into one line (考核部门: 牵头部门 | 配合部门), each scored row's parties."""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.unitcolumn import rewrite_scored_tables

L, S = Role.LEAD, Role.SUPPORT

TABLE = (
    "附件 考核表 考核内容重点考核事项考核指标考核部门自评得分备注牵头部门配合部门(单位)"
    "确保耕地面积基本稳定(30分)保护耕地(12分)1.耕地保有量；基本农田保护面积(6分)"
    "区环境与国土资源局区农村发展局（农业处） 2.耕地质量监测网络(4分)区农村发展局（农业处）"
    "区环境与国土资源局提高粮食生产能力(18分)3.粮食生产科技水平(3分)区农村发展局（农业处） "
    "4.落实收购资金(1分)区农村发展局（粮食处）农发行平潭支行 "
    "平潭综合实验区管委会办公室 2016年5月17日印发"
)


def test_each_scored_row_gets_its_lead_and_supports() -> None:
    plan = parse_text(TABLE)
    rows = {
        m.text.split("\n")[0]: [
            (plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)
        ]
        for m in plan.measures
    }
    assert rows["耕地保有量；基本农田保护面积"] == [
        ("区环境与国土资源局", L),
        ("区农村发展局（农业处）", S),
    ]
    assert rows["耕地质量监测网络"] == [("区农村发展局（农业处）", L), ("区环境与国土资源局", S)]
    assert rows["粮食生产科技水平"] == [("区农村发展局（农业处）", L)]
    assert rows["落实收购资金"] == [("区农村发展局（粮食处）", L), ("农发行平潭支行", S)]


def test_text_without_the_header_is_unchanged() -> None:
    text = TABLE.replace("牵头部门配合部门", "责任单位")
    assert rewrite_scored_tables(text) == text
