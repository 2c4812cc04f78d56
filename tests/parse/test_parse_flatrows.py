"""A task table crawled into one line with every cell separator lost (parse/flatrows.py).

Invented tables; the real document is m-pingtan-lanzongguanzong-2016-62.
"""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.flatrows import rewrite_flat_tables

L, S = Role.LEAD, Role.SUPPORT

# 序号 | 主要任务 | 具体措施 | 完成时限 | 责任单位 | 任务来源; the source lists count 1、2、 again.
FLAT = (
    "附件 工作分工表 序号主要任务具体措施完成时限责任单位任务来源"
    "1加强水源保护1、编制水源地保护规划6月区规划局区水利局1、省水利工作要点（甲发〔2020〕1号）"
    "2、全省水利工作会议2、清理水源地违章建筑12月相关乡镇人民政府、区执法局"
    "3、建设水质自动监测站全年区生态环境局区财政局"
    "2推进垃圾分类4、建成垃圾转运站9月区住建局1、市政府工作报告2、市容管理条例"
    "5、开展分类宣传长期区委宣传部区教育局 注：责任单位第一个为牵头单位。"
)


def parties_of(plan, words):
    m = next(m for m in plan.measures if words in m.text)
    return [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)]


def test_the_header_reads_the_rows_glued_units_split_and_the_first_leads():
    plan = parse_text(FLAT)
    assert parties_of(plan, "编制水源地保护规划") == [("区规划局", L), ("区水利局", S)]
    assert parties_of(plan, "清理水源地违章建筑") == [("相关乡镇人民政府", L), ("区执法局", S)]
    assert parties_of(plan, "建设水质自动监测站") == [("区生态环境局", L), ("区财政局", S)]
    assert parties_of(plan, "建成垃圾转运站") == [("区住建局", L)]
    assert parties_of(plan, "开展分类宣传")[1:] == [("区教育局", S)]


def test_a_source_lists_restarting_numbers_are_no_tasks_and_groups_are_parts():
    text, _ = rewrite_flat_tables(FLAT)
    lines = text.split("\n")
    tasks = [line for line in lines if line[:1].isdigit()]
    assert [t.split("、")[0] for t in tasks] == ["1", "2", "3", "4", "5"]
    assert "一、加强水源保护" in lines and "二、推进垃圾分类" in lines
    assert "2、清理水源地违章建筑" in lines  # not 2、全省水利工作会议 of the source list
    assert "完成时限：6月" in lines and "完成时限：长期" in lines
    assert lines[0] == "附件 工作分工表"
    assert lines[-1] == "注：责任单位第一个为牵头单位。"


def test_without_a_flattened_header_the_text_is_left_alone():
    prose = "一、总体要求 序号从1开始编排，完成时限为3月区经发局负责汇总。"
    assert rewrite_flat_tables(prose) == (prose, [])
    tabbed = "序号\t重点任务\t完成时限\t责任单位\n1\t编制规划\t6月\t区规划局"
    assert rewrite_flat_tables(tabbed) == (tabbed, [])
    # A header whose units do not follow the deadline cannot be cut: left to the other readers.
    other = FLAT.replace("完成时限责任单位", "责任单位完成时限")
    assert rewrite_flat_tables(other)[0] == other


def test_a_table_hard_wrapped_at_a_fixed_width_is_read_across_its_breaks():
    wrapped = "\n".join(FLAT[i : i + 19] for i in range(0, len(FLAT), 19))
    plan = parse_text(wrapped)
    assert parties_of(plan, "清理水源地违章建筑") == [("相关乡镇人民政府", L), ("区执法局", S)]
    assert parties_of(plan, "建成垃圾转运站") == [("区住建局", L)]
