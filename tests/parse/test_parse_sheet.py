"""Excel task tables: workbooks written by openpyxl read back into measures and departments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from matrixdesk.core.model import Role
from matrixdesk.parse import ParseError, parse_file, read_source

FILES = Path(__file__).parent / "files"


def parties(plan, code: str) -> list[tuple[str, Role]]:
    m = next(m for m in plan.measures if m.code == code)
    return [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)]


def task_workbook(path: Path) -> None:
    """A 任务分工 workbook as offices circulate it: merged title, header in row 4, odd order."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务分工"
    ws["A1"] = "吉林省促进消费扩容提质重点任务分工表"
    ws.merge_cells("A1:E1")
    ws["A2"] = "吉政办函〔2021〕88号"
    ws.append([])
    ws.append(["序号", "完成时限", "重点任务", "配合单位", "牵头单位"])  # row 4
    ws.append(["一、推动传统消费提质升级"])
    ws.merge_cells("A5:E5")
    ws.append([1, dt.datetime(2021, 12, 31), "促进汽车消费。开展汽车下乡活动。",
               "省发展改革委\n省财政厅", "省商务厅"])  # fmt: skip
    ws.append([2, "2022年6月底前", "扩大家电消费。推进家电以旧换新。", "省市场监管厅", None])
    ws.merge_cells("E6:E7")  # one lead named once for both tasks
    ws.append(["二、培育新型消费"])
    ws.merge_cells("A8:E8")
    ws.append([3, "持续推进", "发展夜间经济。到2022年，建成夜间经济集聚区20个以上。",
               "省公安厅、省文化和旅游厅", "省商务厅"])  # fmt: skip
    notes = wb.create_sheet("填报说明")
    notes["A1"] = "请于每月5日前报送进展情况。"
    wb.save(path)


def test_a_task_workbook_with_merged_title_and_cells(tmp_path):
    path = tmp_path / "分工表.xlsx"
    task_workbook(path)
    lines = read_source(path).splitlines()
    assert lines[:2] == ["吉林省促进消费扩容提质重点任务分工表", "吉政办函〔2021〕88号"]
    assert "请于每月5日前报送" not in "\n".join(lines)  # a sheet without a table is skipped
    plan = parse_file(path)
    assert [(m.code, m.title) for m in plan.measures] == [
        ("1", "推动传统消费提质升级"),
        ("1.1", "促进汽车消费"),
        ("1.2", "扩大家电消费"),
        ("2", "培育新型消费"),
        ("2.3", "发展夜间经济"),  # the table's own 序号,
    ]
    assert parties(plan, "1.1") == [
        ("省商务厅", Role.LEAD),
        ("省发展改革委", Role.SUPPORT),
        ("省财政厅", Role.SUPPORT),
    ]
    assert parties(plan, "1.2") == [("省商务厅", Role.LEAD), ("省市场监管厅", Role.SUPPORT)]
    assert parties(plan, "2.3")[0] == ("省商务厅", Role.LEAD)
    deadlines = [m.deadline for m in plan.measures if m.level == 2]
    assert deadlines == ["2021年12月31日", "2022年6月底前", "持续推进"]
    assert [(t.indicator, t.value, t.year) for t in plan.targets] == [("夜间经济集聚区", 20, 2022)]
    assert plan.info.number == "吉政办函〔2021〕88号"


def test_a_header_over_two_rows_with_guide_and_host_columns(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "责任单位", None, "指导部门"])
    ws.append([None, None, "主办单位", "协办单位", None])
    for cell in ("A1:A2", "B1:B2", "C1:D1", "E1:E2"):
        ws.merge_cells(cell)
    ws.append([1, "加快建设充电基础设施。", "市发展改革委", "市住房城乡建委", "省能源局"])
    ws.append([2, "加强宣传引导。", "市委宣传部", None, None])
    path = tmp_path / "tasks.xlsx"
    wb.save(path)
    plan = parse_file(path)
    assert [m.title for m in plan.measures] == ["加快建设充电基础设施", "加强宣传引导"]
    assert parties(plan, "1") == [
        ("市发展改革委", Role.LEAD),
        ("市住房城乡建委", Role.SUPPORT),
        ("省能源局", Role.SUPPORT),
    ]
    assert parties(plan, "2") == [("市委宣传部", Role.LEAD)]


def test_a_workbook_without_task_columns_says_what_was_looked_for(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "单位", "电话"])
    wb.active.append(["张三", "省商务厅", "0431-1234567"])
    path = tmp_path / "通讯录.xlsx"
    wb.save(path)
    with pytest.raises(ParseError, match="重点任务.*牵头单位") as caught:
        read_source(path)
    assert caught.value.reason == "no-task-columns"


def test_damaged_workbook(tmp_path):
    good = tmp_path / "good.xlsx"
    task_workbook(good)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good.read_bytes()[:2000])
    with pytest.raises(ParseError) as caught:
        read_source(bad)
    assert caught.value.reason == "damaged"


def test_an_old_excel_workbook_is_named():
    with pytest.raises(ParseError, match=r"Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx"):
        read_source(FILES / "tasks.xls")


def test_several_task_sheets_named_for_their_parts(tmp_path):
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "扩大消费"
    for row in (["序号", "重点任务", "牵头单位"], [1, "促进汽车消费。", "省商务厅"]):
        first.append(row)
    second = wb.create_sheet("强化保障")
    for row in (["序号", "重点任务", "牵头单位"], [1, "加强宣传。", "省委宣传部"]):
        second.append(row)
    path = tmp_path / "two.xlsx"
    wb.save(path)
    plan = parse_file(path)
    assert [(m.code, m.title) for m in plan.measures] == [
        ("1", "扩大消费"),
        ("1.1", "促进汽车消费"),
        ("2", "强化保障"),
        ("2.1", "加强宣传"),
    ]
    assert parties(plan, "2.1") == [("省委宣传部", Role.LEAD)]
    second.title = "Sheet2"  # default names head nothing; the header is still read once
    wb.save(path)
    assert [m.title for m in parse_file(path).measures] == ["促进汽车消费", "加强宣传"]


def test_a_title_in_the_first_header_cell_is_a_title(tmp_path):
    # Calc writes an HTML table's <caption> into A1 above the first column name (and clerks
    # type a title there with Alt+Enter): the 序号 column is still found, and numbers parts.
    wb = openpyxl.Workbook()
    ws = wb.active
    title = "石城县2018年度河长制湖长制工作乡镇目标管理（绩效）考核细则"
    ws.append([f"{title}\n序号", "考核项目", "考核指标", "负责考核部门"])
    ws.append(["一、", "巩固成果", None, None])
    ws.append([1, "完善四个到位", "健全河长制组织体系。", "县河长办"])
    ws.append(["二、", "水岸联动", "落实属地管理责任。", "县水利局"])
    path = tmp_path / "考核细则.xlsx"
    wb.save(path)
    lines = read_source(path).splitlines()
    assert lines[:2] == [f"{title}\t\t\t", "序号\t考核项目\t考核指标\t负责考核部门"]
    plan = parse_file(path)
    assert [(m.label, m.title) for m in plan.measures if plan.assignments_of(m.id)] == [
        ("1.", "完善四个到位"),
        ("二、", "水岸联动"),
    ]
