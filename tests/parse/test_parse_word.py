"""Word documents: files written by python-docx are read back into the same measures."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from matrixdesk.core.model import Role
from matrixdesk.parse import ParseError, parse_file, read_source

SEED = Path(__file__).parents[2] / "samples" / "jizhengbanfa-2020-34.txt"


def summary(plan) -> list[tuple]:
    names = {d.id: d.name for d in plan.departments}
    return [
        (m.code, m.title, [(names[a.department_id], a.role) for a in plan.assignments_of(m.id)])
        for m in plan.measures
    ]


def parties(plan, code: str) -> list[tuple[str, Role]]:
    m = next(m for m in plan.measures if m.code == code)
    return [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)]


def test_the_seed_as_a_word_document_parses_like_the_text(tmp_path: Path) -> None:
    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "吉政办发〔2020〕34号.docx"
    document.save(path)
    assert summary(parse_file(path)) == summary(parse_file(SEED))
    assert len(parse_file(path).measures) > 40


def _merge_row(table, row: int) -> None:
    cells = table.rows[row].cells
    cells[0].merge(cells[-1])


def notice_with_annex(path: Path) -> None:
    """A notice whose measures are in the 附件 task table, with merged header and cells."""
    document = docx.Document()
    document.add_paragraph(
        "吉林省人民政府办公厅关于印发吉林省促进消费扩容提质重点任务分工方案的通知"
    )
    document.add_paragraph("吉政办函〔2021〕88号")
    document.add_paragraph("各市（州）人民政府，省政府各厅委办、各直属机构：")
    document.add_paragraph(
        "现将《吉林省促进消费扩容提质重点任务分工方案》印发给你们，请认真组织实施。"
    )
    document.add_paragraph("吉林省人民政府办公厅")
    document.add_paragraph("2021年3月1日")
    document.add_paragraph("附件")
    document.add_paragraph("吉林省促进消费扩容提质重点任务分工方案")
    table = document.add_table(rows=7, cols=5)
    header = ["序号", "重点任务", "责任单位", "", "完成时限"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    table.cell(0, 2).merge(table.cell(0, 3))  # 责任单位 over 牵头单位 | 配合单位
    for col in (0, 1, 4):
        table.cell(0, col).merge(table.cell(1, col))
    table.cell(1, 2).text = "牵头单位"
    table.cell(1, 3).text = "配合单位"
    table.cell(2, 0).text = "一、推动传统消费提质升级"
    _merge_row(table, 2)
    rows = [
        "1|促进汽车消费。开展汽车下乡活动。|省商务厅|省发展改革委\n省财政厅|2021年底前",
        "2|扩大家电消费。推进家电以旧换新。|省商务厅|省市场监管厅|2022年6月底前",
        "|二、培育新型消费|||",
        "3|完善农村物流配送。到2022年，建成县级物流中心50个以上。|省邮政管理局"
        "|省交通运输厅、省供销社|2022年底前",
    ]
    for r, values in enumerate(rows, start=3):
        for c, text in enumerate(values.split("|")):
            table.cell(r, c).text = text
    table.cell(3, 2).merge(table.cell(4, 2))  # one lead named once for two tasks
    table.cell(3, 2).text = "省商务厅"
    _merge_row(table, 5)
    table.cell(5, 0).text = "二、培育新型消费"
    document.add_paragraph("（此件公开发布）")
    document.save(path)


def test_a_notice_with_its_task_table_in_the_annex(tmp_path: Path) -> None:
    path = tmp_path / "分工方案.docx"
    notice_with_annex(path)
    text = read_source(path)
    assert "现将《吉林省促进消费扩容提质重点任务分工方案》印发给你们" in text
    assert (
        "1\t促进汽车消费。开展汽车下乡活动。\t省商务厅\t省发展改革委、省财政厅\t2021年底前" in text
    )
    plan = parse_file(path)
    assert [(m.code, m.title) for m in plan.measures] == [
        ("1", "推动传统消费提质升级"),
        ("1.1", "促进汽车消费"),
        ("1.2", "扩大家电消费"),
        ("2", "培育新型消费"),
        ("2.3", "完善农村物流配送"),  # 序号 3, as in the table,
    ]
    assert parties(plan, "1.1") == [
        ("省商务厅", Role.LEAD),
        ("省发展改革委", Role.SUPPORT),
        ("省财政厅", Role.SUPPORT),
    ]
    assert parties(plan, "1.2") == [("省商务厅", Role.LEAD), ("省市场监管厅", Role.SUPPORT)]
    assert parties(plan, "2.3") == [
        ("省邮政管理局", Role.LEAD),
        ("省交通运输厅", Role.SUPPORT),
        ("省供销社", Role.SUPPORT),
    ]
    assert [m.deadline for m in plan.measures if m.level == 2] == [
        "2021年底前",
        "2022年6月底前",
        "2022年底前",
    ]
    assert (plan.targets[0].value, plan.targets[0].year) == (50, 2022)
    assert plan.info.number == "吉政办函〔2021〕88号"


def _chinese_list(document) -> str:
    """Give the document a two-level list 一、 / （一） and return its numId."""
    numbering = document.part.numbering_part.element
    abstract = numbering.makeelement(qn("w:abstractNum"), {qn("w:abstractNumId"): "90"})
    for ilvl, fmt, text in (("0", "chineseCounting", "%1、"), ("1", "chineseCounting", "（%2）")):
        lvl = abstract.makeelement(qn("w:lvl"), {qn("w:ilvl"): ilvl})
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = lvl.makeelement(qn(tag), {qn("w:val"): value})
            lvl.append(child)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = numbering.makeelement(qn("w:num"), {qn("w:numId"): "90"})
    num.append(num.makeelement(qn("w:abstractNumId"), {qn("w:val"): "90"}))
    numbering.append(num)
    return "90"


def _number(paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.makeelement(qn("w:numPr"), {})
    num_pr.append(num_pr.makeelement(qn("w:ilvl"), {qn("w:val"): str(level)}))
    num_pr.append(num_pr.makeelement(qn("w:numId"), {qn("w:val"): num_id}))
    ppr.append(num_pr)


def test_word_list_numbers_are_written_out(tmp_path: Path) -> None:
    document = docx.Document()
    num_id = _chinese_list(document)
    for level, text in [
        (0, "提高优势产业消费品质"),
        (1, "大力发展冰雪消费。加大冰雪设施供给。（省文化和旅游厅、省体育局负责）"),
        (1, "着力扩大农产品消费。培树农产品品牌。（省农业农村厅负责）"),
        (0, "加快重点领域消费扩容"),
        (1, "发展在线教育。建立完善教育资源公共服务体系。（省教育厅负责）"),
    ]:
        _number(document.add_paragraph(text), num_id, level)
    document.add_paragraph("第三步", style="List Number")
    path = tmp_path / "list.docx"
    document.save(path)
    lines = read_source(path).splitlines()
    assert lines[:5] == [
        "一、提高优势产业消费品质",
        "（一）大力发展冰雪消费。加大冰雪设施供给。（省文化和旅游厅、省体育局负责）",
        "（二）着力扩大农产品消费。培树农产品品牌。（省农业农村厅负责）",
        "二、加快重点领域消费扩容",
        "（一）发展在线教育。建立完善教育资源公共服务体系。（省教育厅负责）",
    ]
    assert lines[5] == "1.第三步"  # the template's List Number style: decimal "%1."
    plan = parse_file(path)
    assert [m.code for m in plan.measures][:5] == ["1", "1.1", "1.2", "2", "2.1"]
    assert parties(plan, "2.1") == [("省教育厅", Role.LEAD)]


def test_deleted_revisions_and_tabs(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("一、加强宣传。\t（省委宣传部负责）")
    deleted = copy.deepcopy(paragraph._p.r_lst[0])
    wrapper = paragraph._p.makeelement(qn("w:del"), {})
    wrapper.append(deleted)
    paragraph._p.append(wrapper)
    path = tmp_path / "revisions.docx"
    document.save(path)
    assert read_source(path) == "一、加强宣传。 （省委宣传部负责）"


def test_damaged_and_empty_word_files(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    notice_with_annex(good)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    with pytest.raises(ParseError, match="damaged") as caught:
        read_source(broken)
    assert caught.value.reason == "damaged"
    empty = tmp_path / "empty.docx"
    docx.Document().save(empty)
    with pytest.raises(ParseError) as caught:
        read_source(empty)
    assert caught.value.reason == "no-text"


def seed_task_table(path: Path, borders: bool = True) -> None:
    """The seed's measures as a bordered 任务分工表 running over several pages, its header row
    repeated on each page, part headings in merged rows, cells centred as offices lay them out."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    plan = parse_file(SEED)
    names = {d.id: d.name for d in plan.departments}
    document = docx.Document()
    document.add_paragraph("附件")
    document.add_paragraph("关于以新业态新模式引领新型消费加快发展的实施意见重点任务分工")
    table = document.add_table(rows=1, cols=4)
    if borders:
        table.style = document.styles["Table Grid"]
    for cell, text in zip(
        table.rows[0].cells, ["序号", "重点任务", "牵头单位", "配合单位"], strict=True
    ):
        cell.text = text
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
    number = 0
    for m in plan.measures:
        roles = plan.assignments_of(m.id)
        if m.level == 1:
            row = table.add_row()
            row.cells[0].merge(row.cells[-1]).text = f"{m.label}{m.title}"
            continue
        if not roles:
            continue
        number += 1
        lead = "\n".join(names[a.department_id] for a in roles if a.role == Role.LEAD)
        support = "、".join(names[a.department_id] for a in roles if a.role == Role.SUPPORT)
        for cell, text in zip(
            table.add_row().cells, [str(number), m.title + "。", lead, support], strict=True
        ):
            cell.text = text
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.save(path)


def test_a_link_to_a_place_in_the_document_as_libreoffice_writes_it(tmp_path: Path) -> None:
    # A saved page's <a href="#"> becomes an internal relationship to "#": no part has that
    # name, and python-docx would give up on the whole file.
    import zipfile

    good = tmp_path / "good.docx"
    notice_with_annex(good)
    linked = tmp_path / "linked.docx"
    rels = "word/_rels/document.xml.rels"
    link = (
        '<Relationship Id="rId999" Target="#" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/hyperlink"/></Relationships>'
    )
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(linked, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == rels:
                data = data.replace(b"</Relationships>", link.encode())
            out.writestr(item, data)
    assert read_source(linked) == read_source(good)
