"""The document's identity as real documents write it: number, title, issuer, date."""

from __future__ import annotations

from matrixdesk.parse import parse_text


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
