"""Units of work: every annotated stretch of text is a measure with its own departments.

One rule per test, on invented one-rule examples; the real corpus is scored by
bench/bench_corpus.py.
"""

from __future__ import annotations

from matrixdesk.core.model import Plan, Role
from matrixdesk.parse import parse_text

L, S = Role.LEAD, Role.SUPPORT


def rows(plan: Plan) -> list[tuple[str, str, int, list[tuple[str, Role]]]]:
    """(code, label, level, roles) of every measure."""
    return [
        (
            m.code,
            m.label,
            m.level,
            [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)],
        )
        for m in plan.measures
    ]


def test_several_annotations_in_one_item_are_sub_measures() -> None:
    plan = parse_text(
        "（一）扩大宣传营销。加强对接。（省委宣传部负责）举办冰雪节。（省商务厅牵头，省体育局配合）\n"
        "（二）下一项。（省财政厅负责）\n"
    )
    assert rows(plan) == [
        ("1", "（一）", 1, []),
        ("1.1", "", 2, [("省委宣传部", L)]),
        ("1.2", "", 2, [("省商务厅", L), ("省体育局", S)]),
        ("2", "（二）", 1, [("省财政厅", L)]),
    ]
    heading, first, second = plan.measures[:3]
    assert heading.title == "扩大宣传营销" and not heading.annotated
    assert first.text == "扩大宣传营销。加强对接。（省委宣传部负责）"
    assert first.title == "加强对接" and first.parent_id == heading.id
    assert second.text == "举办冰雪节。（省商务厅牵头，省体育局配合）"
    assert second.annotation == "省商务厅牵头，省体育局配合"


def test_unnumbered_paragraphs_under_a_heading_are_units() -> None:
    plan = parse_text(
        "一、重点任务\n"
        "推进甲。（省商务厅负责）\n"
        "推进乙。（省财政厅、省税务局负责）\n"
        "推进丙，并做好总结。\n"
        "二、保障措施\n"
    )
    assert rows(plan) == [
        ("1", "一、", 1, []),
        ("1.1", "", 2, [("省商务厅", L)]),
        ("1.2", "", 2, [("省财政厅", L), ("省税务局", S)]),
        ("1.3", "", 2, []),  # a paragraph nobody was named for: shown, not hidden
        ("2", "二、", 1, []),
    ]
    assert plan.measures[0].text == "重点任务"
    assert plan.measures[3].text == "推进丙，并做好总结。"


def test_one_annotation_in_the_middle_keeps_the_item_whole() -> None:
    plan = parse_text("（一）推进甲。（省商务厅负责）各地要抓好落实。\n（二）推进乙。\n")
    assert rows(plan)[0] == ("1", "（一）", 1, [("省商务厅", L)])
    assert plan.measures[0].text == "推进甲。（省商务厅负责）各地要抓好落实。"


def test_closing_prose_after_the_last_item_is_no_measure() -> None:
    plan = parse_text(
        "（一）推进甲。（省商务厅负责）\n（二）推进乙。（省财政厅负责）\n"
        "各地各部门要高度重视，认真抓好落实。\n附件：任务清单\n"
    )
    last = plan.measures[-1]
    assert last.text == "推进乙。（省财政厅负责）"
    assert plan.source_text[last.span[0] : last.span[1]] == "（二）推进乙。（省财政厅负责）"


def test_mid_sentence_brackets_are_text() -> None:
    plan = parse_text("（一）由省商务厅（牵头）会同有关部门建立机制，推进甲。\n")
    assert not plan.measures[0].annotated and plan.departments == []


def test_a_whole_annotation_in_the_middle_of_a_paragraph_is_its_own_unit() -> None:
    # 搬迁工程（A牵头，B等参与）2018年底前…（C负责）: the bracket names a lead and a supporter,
    # so it closes the text before it although a sentence runs on right after it.
    plan = parse_text(
        "（一）保护水源。实施居民搬迁工程（区环土局牵头，区经发局等参与）2018年底前，"
        "实现污水收集处理。（区交建局负责）\n（二）推进乙。（区财政局负责）\n"
    )
    assert [r[3] for r in rows(plan)[1:3]] == [
        [("区环土局", L), ("区经发局", S)],
        [("区交建局", L)],
    ]
    assert plan.measures[2].text.startswith("2018年底前")


def test_bare_organisation_list_must_end_its_line() -> None:
    plan = parse_text("（一）推进甲。（国家发展改革委、财政部）\n（二）推进乙（省商务厅）建设。\n")
    assert rows(plan)[0][3] == [("国家发展改革委", L), ("财政部", S)]
    assert rows(plan)[1][3] == []


def test_labelled_lines_after_each_paragraph() -> None:
    plan = parse_text(
        "（一）推进消费。\n"
        "开展汽车下乡。\n牵头单位：省商务厅\n配合单位：省财政厅、\n省税务局\n"
        "发展夜间经济。\n责任单位：各市（州）人民政府\n完成时限：持续推进\n"
    )
    assert rows(plan)[1:] == [
        ("1.1", "", 2, [("省商务厅", L), ("省财政厅", S), ("省税务局", S)]),
        ("1.2", "", 2, [("各市（州）人民政府", L)]),
    ]
    assert (
        plan.measures[1].text
        == "开展汽车下乡。\n牵头单位：省商务厅\n配合单位：省财政厅、\n省税务局"
    )
    assert plan.measures[2].deadline == "持续推进"


def test_field_block_stops_at_the_next_sentence_on_one_line() -> None:
    plan = parse_text(
        "一、任务 推进甲。责任单位：省商务厅。推进乙。责任单位：省财政厅、省税务局。\n"
    )
    assert [r[3] for r in rows(plan)] == [
        [],
        [("省商务厅", L)],
        [("省财政厅", L), ("省税务局", S)],
    ]


def test_annotated_paragraphs_before_any_heading() -> None:
    plan = parse_text(
        "（接上文）推进甲，加强\n协调。（省商务厅负责）\n（九）推进乙。（省财政厅负责）\n"
    )
    assert [(m.label, m.level) for m in plan.measures] == [("", 1), ("（九）", 1)]
    assert plan.measures[0].text == "（接上文）推进甲，加强协调。（省商务厅负责）"


def test_text_without_numbering_but_with_annotations() -> None:
    plan = parse_text(
        "关于做好某项工作的通知\n各市人民政府：\n"
        "一要推进甲。（省商务厅负责）\n二要推进乙。（省财政厅负责）\n某省人民政府\n2021年3月1日\n"
    )
    assert [(m.text, m.label) for m in plan.measures] == [
        ("一要推进甲。（省商务厅负责）", ""),
        ("二要推进乙。（省财政厅负责）", ""),
    ]


def test_rule_note_after_full_stop_in_the_first_bracket() -> None:
    plan = parse_text(
        "（一）推进甲。（省商务厅、省财政厅等负责。列第一位者为牵头单位，下同）\n"
        "（二）推进乙。（省税务局、省商务厅负责）\n"
    )
    assert [r[3] for r in rows(plan)] == [
        [("省商务厅", L), ("省财政厅", S)],
        [("省税务局", L), ("省商务厅", S)],
    ]
    assert not any("第一位" in d.name for d in plan.departments)


def test_unreadable_annotation_like_brackets_are_reported() -> None:
    from matrixdesk.parse.units import find_units

    text = "推进甲。（保险、基金等负责）"
    region = find_units(text, 0, len(text))
    assert region.units == [] and region.skipped == [(4, "保险、基金等负责")]


# -- numbering forms -------------------------------------------------------------------------


def labels(text: str) -> list[tuple[str, int]]:
    return [(m.label, m.level) for m in parse_text(text).measures]


def test_article_and_chapter_numbering() -> None:
    text = (
        "第一章 总则\n第一条 推进甲。（省商务厅负责）\n第二条 推进乙。\n第二章 附则\n第三条 丙。\n"
    )
    assert labels(text) == [
        ("第一章", 1), ("第一条", 2), ("第二条", 2), ("第二章", 1), ("第三条", 2),
    ]  # fmt: skip


def test_citations_of_articles_are_text() -> None:
    assert labels("第一条 依照本办法第三条规定执行。\n第二条 乙。\n") == [
        ("第一条", 1),
        ("第二条", 1),
    ]


def test_digit_label_variants() -> None:
    text = "一、甲\n1．全角。\n2﹒小点。\n3、顿号。\n4.半角。\n（1）子。\n1）右括号。\n①圈。\n"
    assert labels(text) == [
        ("一、", 1), ("1．", 2), ("2﹒", 2), ("3、", 2), ("4.", 2), ("（1）", 3), ("1）", 4),
        ("①", 5),
    ]  # fmt: skip


def test_circled_numbers_inside_a_sentence_are_clauses() -> None:
    plan = parse_text("（一）推进甲：①建设平台；②完善制度。（省商务厅负责）\n")
    assert [m.label for m in plan.measures] == ["（一）"]
    assert plan.measures[0].annotated


def test_excerpt_starting_mid_sequence() -> None:
    assert labels("三、重点任务\n（九）推进甲。\n（十）推进乙。\n四、保障\n（十一）丙。\n") == [
        ("三、", 1), ("（九）", 2), ("（十）", 2), ("四、", 1), ("（十一）", 2),
    ]  # fmt: skip


def test_titles_of_labelled_items_and_one_line_text() -> None:
    plan = parse_text(
        "（一）第三届消费品博览会\n时间：5月\n地点：省会展中心\n主办单位：省商务厅\n"
        "（二）推动服务消 费提质扩容\n"
    )
    assert [m.title for m in plan.measures] == ["第三届消费品博览会", "推动服务消 费提质扩容"]
    one_line = parse_text("一、总体要求 以习近平新时代中国特色社会主义思想为指导。二、重点任务")
    assert one_line.measures[0].title == "总体要求"


def test_unknown_labels_beside_known_ones_are_not_parties() -> None:
    plan = parse_text("（一）招商引资（4分）。（牵头考核单位：市投资促进局；数据来源：市商务局）\n")
    assert rows(plan)[0][3] == [("市投资促进局", L)]


def test_a_clause_with_a_verb_inside_a_name_is_text() -> None:
    plan = parse_text("（一）推进甲。（费用由保险公司负责）\n")
    assert plan.assignments == []


# -- text whose line breaks were lost, or added by hard wrapping -----------------------------


def test_labelled_lines_run_together_on_one_line() -> None:
    plan = parse_text(
        "现提出如下意见：一、推进甲。做好甲。属地责任:各地(市)行署(人民政府)责任单位:各地(市)住建局"
        "二、推进乙。做好乙。责任单位：市财政局"
    )
    assert [(m.label, r[3]) for m, r in zip(plan.measures, rows(plan), strict=True)] == [
        ("一、", [("各地(市)行署(人民政府)", L), ("各地(市)住建局", S)]),
        ("二、", [("市财政局", L)]),
    ]


def test_hard_wraps_inside_field_values_and_standing_statements() -> None:
    plan = parse_text(
        "（一）推进甲。（省商务厅负责。以下任务均\n需各市落实，不再列出）\n"
        "（二）推进乙。\n责任单位：市国有房产管理中\n心、各地(市)\n金融机构\n"
        "（三）推进丙。（省财政厅负责）\n"
    )
    assert [r[3] for r in rows(plan)] == [
        [("省商务厅", L)],
        [("市国有房产管理中心", L), ("各地(市)金融机构", S), ("各市", S)],
        [("省财政厅", L), ("各市", S)],
    ]


def test_a_wrapped_first_line_is_not_a_title_of_its_own() -> None:
    plan = parse_text(
        "7.推动企业上市融资。实施“迎客松行动计划”，新增上市\n企业30家以上。（省地方金融监管局负责）"
        "支持企业发债。（省发展改革委负责）\n"
    )
    first = plan.measures[1]
    assert first.text.startswith("推动企业上市融资。实施") and "新增上市企业30家以上" in first.text


def test_labels_in_lenticular_brackets() -> None:
    plan = parse_text(
        "（一）推进甲。【牵头单位】省商务厅【配合单位】省财政厅【完成时限】2023年底\n"
        "（二）推进乙。\n【责任单位】省发展改革委\n【完成时限】持续推进\n"
    )
    assert [r[3] for r in rows(plan)] == [
        [("省商务厅", L), ("省财政厅", S)],
        [("省发展改革委", L)],
    ]
    assert [m.deadline for m in plan.measures] == ["2023年底", "持续推进"]


def test_responsible_units_right_after_the_title() -> None:
    plan = parse_text(
        "（一）加快发展冰雪经济（省体育局、省文化和旅游厅）。推进冰雪场馆建设。\n"
        "（二）发展冰雪装备（含器材）。推进乙。\n"
    )
    assert [r[3] for r in rows(plan)] == [[("省体育局", L), ("省文化和旅游厅", S)], []]
    assert plan.measures[0].title == "加快发展冰雪经济"


def test_pdf_radicals_fold_to_ideographs_in_place() -> None:
    text = "（⼀）推进甲。（省⼈⺠政府办公厅负责）\n"
    plan = parse_text(text)
    assert [d.name for d in plan.departments] == ["省人民政府办公厅"]
    assert len(plan.source_text) == len(text) and plan.measures[0].label == "（一）"


def test_a_wrap_cutting_a_name_whose_first_half_is_a_name_too() -> None:
    plan = parse_text("（一）推进甲。\n责任单位：人民银行某市中心支\n行、某市地方金融监管局。\n")
    assert rows(plan)[0][3] == [("人民银行某市中心支行", L), ("某市地方金融监管局", S)]


def test_a_numbered_field_line_run_on_after_a_sentence() -> None:
    plan = parse_text(
        "（一）供气设施：红线内设施同步实施。2. 责任单位：市住房城乡建设局。（二）下一项。"
    )
    assert rows(plan)[0][3] == [("市住房城乡建设局", L)]


def test_an_item_that_is_only_a_label_keeps_its_wrapped_prose() -> None:
    plan = parse_text(
        "一、支持缓缴配套费\n（一）适用范围：房地产开发项目。\n"
        "（二）责任单位及承办科室：市自然资源局，市自然资源局行政审批科受\n理申请；建筑规划科承办审查。\n"
        "二、下一项。（市财政局负责）\n"
    )
    assert rows(plan)[0][3] == [
        ("市自然资源局", L),
        ("市自然资源局行政审批科", S),
        ("建筑规划科", S),
    ]


def test_a_heading_that_is_only_a_department_name_gives_it_to_each_task_under_it() -> None:
    plan = parse_text(
        "一、区经发局\n1.推进园区建设。\n2.做好项目储备。\n"
        "二、区财政局\n1.保障资金。\n2.加强监管。\n"
        "三、加强协调\n1.建立联席会议。\n2.定期通报。\n"
    )
    assert rows(plan) == [
        ("1", "一、", 1, []),
        ("1.1", "1.", 2, [("区经发局", L)]),
        ("1.2", "2.", 2, [("区经发局", L)]),
        ("2", "二、", 1, []),
        ("2.1", "1.", 2, [("区财政局", L)]),
        ("2.2", "2.", 2, [("区财政局", L)]),
        ("3", "三、", 1, []),
        ("3.1", "1.", 2, []),
        ("3.2", "2.", 2, []),
    ]
    assert plan.measures[1].text == "推进园区建设。"


def test_a_numbered_heading_naming_a_department_among_title_words_gives_it_to_its_tasks() -> None:
    plan = parse_text(
        "一、区经发局工作任务\n1.推进园区建设。\n2.做好项目储备。\n"
        "二、2016年区财政局目标责任\n1.保障资金。\n2.加强监管。\n"
    )
    assert [r[3] for r in rows(plan)] == [
        [], [("区经发局", L)], [("区经发局", L)], [], [("区财政局", L)], [("区财政局", L)]
    ]  # fmt: skip


def test_an_unnumbered_department_heading_restarts_the_numbering_under_it() -> None:
    plan = parse_text(
        "一、部署落实。各单位要落实。\n二、考核奖惩。年底考核。\n"
        "2016年区环境与国土资源局环境保护目标责任\n一、推进水污染防治。\n二、强化大气污染防治。\n"
        "2016年区经济发展局环境保护目标责任\n一、优化能源结构。\n二、推动绿色发展。\n"
    )
    assert rows(plan) == [
        ("1", "一、", 1, []),
        ("2", "二、", 1, []),
        ("3", "", 1, []),
        ("3.1", "一、", 2, [("区环境与国土资源局", L)]),
        ("3.2", "二、", 2, [("区环境与国土资源局", L)]),
        ("4", "", 1, []),
        ("4.1", "一、", 2, [("区经济发展局", L)]),
        ("4.2", "二、", 2, [("区经济发展局", L)]),
    ]
    assert plan.measures[2].title == "2016年区环境与国土资源局环境保护目标责任"


def test_a_department_heading_in_a_one_line_text_or_wrapped_inside_its_name() -> None:
    one_line = (
        "一、部署。各单位要落实。二、考核。年底考核。 2016年区环土局目标责任 一、推进甲。"
        "二、推进乙。2016年区经发局目标责任 一、推进丙。二、推进丁。"
    )
    wrapped = (
        "一、部署。落实。\n二、考核。考核。 2016年区环境与国\n土资源局目标责\n任 一、推进甲。\n"
        "二、推进乙。\n"
    )
    assert [r[3] for r in rows(parse_text(one_line))] == [
        [], [], [], [("区环土局", L)], [("区环土局", L)], [], [("区经发局", L)], [("区经发局", L)]
    ]  # fmt: skip
    assert [r[3] for r in rows(parse_text(wrapped))][-2:] == [[("区环境与国土资源局", L)]] * 2


def test_a_title_over_the_first_list_of_a_document_is_not_a_department_heading() -> None:
    plan = parse_text(
        "2016年区经发局工作任务\n一、推进园区建设。\n二、做好项目储备。\n三、保障资金。（区财政局负责）\n"
    )
    assert [r[3] for r in rows(plan)] == [[], [], [("区财政局", L)]]


def test_a_heading_naming_no_single_department_gives_no_one_the_tasks() -> None:
    plan = parse_text(
        "一、部署。落实。\n二、考核。考核。\n"
        "附件：2016年区直有关部门环境保护目标责任\n一、推进甲。\n二、推进乙。\n"
        "区经发局、区财政局工作任务\n一、推进丙。\n二、推进丁。\n"
    )
    assert all(not r[3] for r in rows(plan))
