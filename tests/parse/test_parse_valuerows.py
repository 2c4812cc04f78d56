"""An indicator table crawled into one line (序号 指标名称 …值 责任单位), read by its header."""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.valuerows import rewrite_value_tables

L, S = Role.LEAD, Role.SUPPORT

TABLE = (
    "（五）具体指标 表1主要指标表 序号指标名称2020年完成值2025年目标值责任单位养老方面"
    "1养老服务床位总量（张）25783000区社会事业局2养老机构护理型床位占比（%）-60区社会事业局"
    "养老方面3新建居住区配套设施达标率（%）-100区社会事业局区资源生态局区行政审批局"
    "4建有老年学校的乡镇街道比例（%）070各片区（乡镇、街道）区党工委党群工作部区社会事业局"
    "托育方面1新生儿访视率（%）89.8690区社会事业局 表2托位数 2021年610"
)


def test_each_row_gets_its_glued_units() -> None:
    plan = parse_text(TABLE)
    rows = {
        m.text.split("\n")[0]: [
            (plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)
        ]
        for m in plan.measures
    }
    assert rows["养老服务床位总量（张）"] == [("区社会事业局", L)]
    assert rows["新建居住区配套设施达标率（%）"] == [
        ("区社会事业局", L),
        ("区资源生态局", S),
        ("区行政审批局", S),
    ]
    assert rows["建有老年学校的乡镇街道比例（%）"] == [
        ("各片区（乡镇、街道）", L),
        ("区党工委党群工作部", S),
        ("区社会事业局", S),
    ]
    assert rows["新生儿访视率（%）"] == [("区社会事业局", L)]


def test_a_group_title_may_go_on_with_the_count_or_restart_it() -> None:
    rewritten = rewrite_value_tables(TABLE)
    numbers = [line.split("\t")[0] for line in rewritten.splitlines() if "\t" in line]
    assert numbers == ["序号", "1", "2", "3", "4", "1"]
    assert rewritten.endswith("表2托位数 2021年610")  # the text after the table stays


def test_fewer_than_three_rows_are_left_as_they_were() -> None:
    text = "序号指标名称目标值责任单位1床位总量（张）3000区社会事业局2访视率（%）90区卫健委"
    assert rewrite_value_tables(text) == text
