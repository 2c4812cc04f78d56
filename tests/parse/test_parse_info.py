"""The document's identity as real documents write it: number, title, issuer, date."""

from __future__ import annotations

from pathlib import Path

import pytest

from matrixdesk.parse import parse_file, parse_text


def test_title_over_three_lines_and_signature_above_the_plan() -> None:
    info = parse_text(
        "某省人民政府办公厅关于印发某省促进\n经济持续向好服务做强国内大循环\n工作方案的通知\n"
        "某府办〔2025〕14号\n各地级以上市人民政府：\n现将方案印发给你们。\n"
        "某省人民政府办公厅\n2025年6月6日\n某省工作方案\n一、总体要求\n（一）甲。（省商务厅负责）\n"
    ).info
    assert (
        info.title
        == "某省人民政府办公厅关于印发某省促进经济持续向好服务做强国内大循环工作方案的通知"
    )
    assert info.number == "某府办〔2025〕14号"
    assert (info.issuer, info.date) == ("某省人民政府办公厅", "2025-06-06")


def test_web_page_head_with_labels_and_navigation() -> None:
    info = parse_text(
        "首页 > 政务公开 > 政策文件\n[主题分类] 体育\n[成文日期] 2025-06-11\n"
        "[发文字号] 某政办发〔2025〕12号\n[有效性] 是\n"
        "某 市 体 育 局关于以冰雪运动激发冰雪经济活力的实施意见\n一、总体要求\n"
    ).info
    assert info.number == "某政办发〔2025〕12号"
    assert info.title == "某市体育局关于以冰雪运动激发冰雪经济活力的实施意见"


def test_a_plan_without_a_notice_is_titled_by_its_own_line() -> None:
    info = parse_text(
        "某省推动银发经济高质量发展若干政策措施\n为贯彻落实…，制定如下措施。\n一、甲\n"
    ).info
    assert info.title == "某省推动银发经济高质量发展若干政策措施"


# -- the date under the signature, as real notices write it ------------------------------------
REAL = Path(__file__).resolve().parent / "real" / "docs"
FILES = Path(__file__).resolve().parent / "files"


@pytest.mark.parametrize(
    ("path", "issuer", "date"),
    [
        # …联席会议（代章） above the date: the seal mark hid the issuer, and with it the date
        (
            REAL / "m-anhui-xiaofei-2022-jinqi.docx",
            "省完善促进消费体制机制厅际联席会议",
            "2022-01-26",
        ),
        (FILES / "anhui-2022.pdf", "省完善促进消费体制机制厅际联席会议", "2022-01-26"),
        # eight issuers, two a line, above the date; nine, one a line
        (
            REAL / "p-chongqing-yufagaiguifan-2025-7.html",
            "重庆市发展和改革委员会等8部门",
            "2025-11-06",
        ),
        (REAL / "r-beijing-jingshangshenger-2025-17.html", "北京市商务局等9部门", "2025-09-26"),
        # the signature, then the web page's own lines (公报PDF, 分享, 相关解读 …; 来源, 打印)
        (REAL / "r-beijing-jingzhengbanfa-2025-12.html", "北京市人民政府办公厅", "2025-06-11"),
        (REAL / "m-dalian-dazhengban-2021-31.html", "大连市人民政府办公室", "2021-08-13"),
        # the notice's signature below a long web-page head
        (REAL / "m-fuzhou-rongzhengban-2016-180.html", "福州市人民政府办公厅", "2016-09-26"),
        # a notice signed by its date alone
        (REAL / "g-jiyuan-2023-tizhen-xinxin.txt", "", "2023-01-19"),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else None,
)
def test_the_date_under_a_signature_is_read(path, issuer, date) -> None:
    info = parse_file(path).info
    assert (info.issuer, info.date) == (issuer, date)


def test_a_seal_mark_and_a_spaced_date_in_the_closing_lines() -> None:
    info = parse_text(
        "一、加强领导。（省商务厅负责）\n二、加强宣传。（省委宣传部负责）\n"
        "某省促进消费工作领导小组办公室（代章）\n2022 年 1 月 26 日\n"
    ).info
    assert (info.issuer, info.date) == ("某省促进消费工作领导小组办公室", "2022-01-26")


def test_a_dated_sentence_in_the_head_is_not_the_documents_date() -> None:
    info = parse_text(
        "某市关于促进消费的通知\n各区人民政府：\n现将措施印发给你们。\n"
        "本措施自2022年1月26日起施行。\n一、加强领导。（市商务局负责）\n"
    ).info
    assert info.date == ""
