"""Texts whose line breaks were lost (copied from a web page or a database: one long line).

One rule per test, on invented examples (the real documents are scored in test_real_corpus.py).
"""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.numbering import find_headings

L, S = Role.LEAD, Role.SUPPORT


def labels(text: str) -> list[str]:
    return [h.label(text) for h in find_headings(text)]


def rows(text: str) -> list[tuple[str, list[tuple[str, Role]]]]:
    plan = parse_text(text)
    return [
        (
            m.label,
            [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)],
        )
        for m in plan.measures
    ]


def test_a_labels_list_ends_where_the_next_number_begins_after_a_space() -> None:
    text = (
        "1.推进简化审批。 责任单位：市商务局牵头，市直相关部门按职责分工负责 "
        "2.减少收费项目。 责任单位：市财政局"
    )
    assert labels(text) == ["1.", "2."]


def test_a_labels_list_runs_into_the_next_number_without_a_space() -> None:
    # The last party is a set of organs (各市属国企), not a name ending in 局/厅/委.
    text = (
        "一、促进公平竞争1.同等待遇。落实准入制度。责任单位：市发改委，各市属国企"
        "2.公平审查。推行集中审查。责任单位：市市场监管局，市工商联二、放宽准入3.壮大产业。"
        "鼓励延伸。责任单位：市发改委"
    )
    assert labels(text) == ["一、", "1.", "2.", "二、", "3."]


def test_a_number_before_a_year_is_a_label() -> None:
    # 1.2017年… is item 1, not the decimal 1.2017; 1.5亿 stays a number.
    assert labels("（一）降低门槛\n1.2017年底前实现多证合一。\n2.增加1.5亿元投入。") == [
        "（一）",
        "1.",
        "2.",
    ]


def test_a_title_with_a_comma_runs_on_into_its_first_child_after_a_space() -> None:
    text = (
        "（一）纵深推进减权放权，为促进创业降门槛 1.实现多证合一。"
        "（二）推进减税，为企业减负担 2.依法治税。"
    )
    assert labels(text) == ["（一）", "1.", "（二）", "2."]


def test_a_parts_title_with_a_comma_runs_on_into_its_bracketed_first_item() -> None:
    # 一、…，…（一）: a bracketed item number is no word of prose, so no space is needed;
    # the count may continue across parts (二、…，…（三）).
    text = (
        "制定本措施。一、加快完善金融体系，做大做强金融产业（一）推动银行业发展。增强能力。"
        "责任单位：平潭银保监组，区财政金融局（二）推动保险业发展。支持保险。"
        "责任单位：区财政金融局二、实施金融支撑工程，助推经济发展（三）扩大信贷投放。"
        "责任单位：人行平潭支行"
    )
    assert labels(text) == ["一、", "（一）", "（二）", "二、", "（三）"]
    assert rows(text)[-1] == ("（三）", [("人行平潭支行", L)])


def test_a_comma_in_prose_before_a_digit_item_still_needs_the_space() -> None:
    assert labels("一、加强组织领导，健全工作机制1.建立制度。") == ["一、"]


def test_parties_after_a_lead_verb_under_a_duty_label_support() -> None:
    # 责任单位：A牵头，B — the verb makes A lead; B, named after it without a verb, supports.
    assert rows("1.推进改革。\n责任单位：市审批局牵头，市直相关部门\n") == [
        ("1.", [("市审批局", L), ("市直相关部门", S)])
    ]


def test_a_section_closing_label_after_its_sub_items_is_the_sections() -> None:
    # No line breaks: the label after the last sub-item's 。 closes the section, not the sub-item.
    text = (
        "（一）青少年提升行动1.弘扬科学精神。开展活动。2.加强师资。培训教师。"
        "责任单位：市教育局、市科协牵头，市财政局、团市委等参加。"
        "（二）农民提升行动3.培育农民。开展培训。4.强化支撑。推广技术。"
        "责任单位：市农业农村局牵头，市妇联等参加。"
    )
    assert rows(text) == [
        ("（一）", [("市教育局", L), ("市科协", L), ("市财政局", S), ("团市委", S)]),
        ("1.", []),
        ("2.", []),
        ("（二）", [("市农业农村局", L), ("市妇联", S)]),
        ("3.", []),
        ("4.", []),
    ]


def test_a_gap_where_a_line_break_was_lost_may_begin_the_next_part_or_item() -> None:
    text = (
        "一、活动时间 八月至十月。 二、总牵头单位 市政府 市文旅局 三、精品活动 具体安排如下："
        " （一）沙滩节 活动内容：举办啤酒展销。 （二）音乐节 活动内容：邀请歌手献唱。"
    )
    assert labels(text) == ["一、", "二、", "三、", "（一）", "（二）"]


def test_host_and_organiser_lines_name_the_activitys_lead_and_support() -> None:
    # 主办单位 leads, 承办单位 supports; each pair belongs to the activity it follows.
    text = (
        "（一）沙滩节 活动内容：举办啤酒展销。 主办单位：市政府、市文旅局 承办单位：市旅游集团"
        " （二）音乐节 活动内容：邀请歌手献唱。 主办单位：市政府 承办单位：市文化中心、市音乐协会"
    )
    assert rows(text) == [
        ("（一）", [("市政府", L), ("市文旅局", L), ("市旅游集团", S)]),
        ("（二）", [("市政府", L), ("市文化中心", S), ("市音乐协会", S)]),
    ]


def test_a_labels_value_ends_at_a_gap_before_a_part_number() -> None:
    # 二、 does not continue the numbering here (the document restarts it), yet it is no name.
    text = (
        "三、精品活动\n（一）沙滩节。主办单位：市政府 承办单位：市旅游协会"
        " 二、优化线路 工作任务：推出线路。"
    )
    assert rows(text)[1] == ("（一）", [("市政府", L), ("市旅游协会", S)])


def test_spaces_left_by_lost_line_breaks_inside_words_are_closed() -> None:
    # 牵 头 is 牵头 and 各乡镇 人民政府 one party; 省商务厅 省财政厅 stay two names.
    text = (
        "（九）推进职业病治理。（区安监局牵 头，区财政局配合）\n"
        "（十 一）加强法律援助。（区司法局牵头、各乡镇 人民政府配合）\n"
        "（十二）加强宣传。（省商务厅 省财政厅负责）\n"
    )
    assert rows(text) == [
        ("（九）", [("区安监局", L), ("区财政局", S)]),
        ("（十 一）", [("区司法局", L), ("各乡镇人民政府", S)]),
        ("（十二）", [("省商务厅", L), ("省财政厅", S)]),
    ]


def test_a_party_label_after_a_comma_begins_an_annotation() -> None:
    # …组织开展研讨活动，责任单位：… — the sentence was not closed before the label.
    text = (
        "（一）交流合作工程1.推动交流。开展活动。2.深化合作。组织开展研讨活动，"
        "责任单位：市科协牵头，市教育局等参加。（二）心理健康工程3.开展服务。4.加强科普。"
        "责任单位：市卫健委牵头，市总工会等参加。"
    )
    assert rows(text)[0] == ("（一）", [("市科协", L), ("市教育局", S)])


def test_a_web_pages_line_run_on_after_the_last_party_is_not_a_name() -> None:
    text = "28.加强领导。确保落地生根。责任单位：市委组织部、市发改委H5解读：https://example.cn/s/1"
    assert rows(text) == [("28.", [("市委组织部", L), ("市发改委", S)])]


def test_a_standing_statement_closing_a_label_line_ends_before_the_next_number() -> None:
    # 责任单位：…。以下均需B落实，不再列出 2.…: the next item starts after the statement, and
    # the standing party is added to it.
    text = (
        "（一）掌握状况 1.开展详查 完成调查。 责任单位：区环土局牵头，区农发局等参与，"
        "各乡镇人民政府负责落实。以下均需各乡镇人民政府落实，不再列出 2.建立体系 结合建设。 "
        "责任单位：区环土局牵头"
    )
    assert labels(text) == ["（一）", "1.", "2."]
    assert rows(text)[-1] == ("2.", [("区环土局", L), ("各乡镇人民政府", S)])


def test_a_gap_after_the_lists_verb_ends_a_labelled_value() -> None:
    # A one-line crawl keeps a space where the line break was: the prose after …等参与 is no
    # part of the value (学校、医疗机构 are not parties), nor is the page's 来源：… line.
    text = (
        "1.推进治理 制定规划。 责任单位：区环土局牵头，区农发局等参与 结合城市布局调整，"
        "以学校、医疗机构等项目为重点。 2.加强考核 纳入考核。 责任单位：区环土局牵头，"
        "区党群工作部、监察专员办等参与 来源：平潭综合实验区环境与国土资源局 附件下载"
    )
    assert [r[1] for r in rows(text)] == [
        [("区环土局", L), ("区农发局", S)],
        [("区环土局", L), ("区党群工作部", S), ("监察专员办", S)],
    ]


def test_a_list_after_a_colon_is_numbered_when_its_items_end_with_annotations() -> None:
    # 工作任务：1.… — the 2. right after item 1's annotation bracket shows a list of measures.
    text = (
        "（一）种植环节治理指标：合格率稳定在97%以上。工作任务：1.推广绿色技术。建设监测点。"
        "（区农发局）2.推进标准化生产。建设标准园。（区农发局）（二）水产养殖业"
    )
    assert labels(text) == ["（一）", "1.", "2.", "（二）"]
    assert rows(text)[1:3] == [("1.", [("区农发局", L)]), ("2.", [("区农发局", L)])]


def test_a_list_of_clauses_after_a_colon_stays_one_sentence() -> None:
    # 主要包括：1.…；2.… — no annotation closes item 1, so 1. and 2. are not headings.
    text = "（一）完善制度。主要包括：1.建立台账；2.定期通报。（区农发局）（二）加强监管。"
    assert labels(text) == ["（一）", "（二）"]


def test_a_number_missing_on_the_page_is_skipped_after_an_annotation() -> None:
    # 1. 2. 4. and （六）（八）: the page lost a number; the next sibling follows an annotation.
    text = (
        "（六）餐饮环节工作任务：1.加强食堂监管。（区教育局）2.推进量化分级。（区市场监管局）"
        "4.强化监测。（区卫计局）（八）其他有关工作1.开展疾病监测。（区卫计局）"
    )
    assert labels(text) == ["（六）", "1.", "2.", "4.", "（八）", "1."]


def test_a_skipped_number_needs_the_annotation_before_it() -> None:
    text = "（一）加强监管。工作任务：1.加强食堂监管。（区教育局）2.推进分级，减少4.5万元支出。"
    assert labels(text) == ["（一）", "1.", "2."]


def test_the_first_part_may_begin_after_a_gap_in_a_one_line_text() -> None:
    # the page's title, a space where the line break was, then 一、 with nothing open yet
    text = (
        "（此件主动公开） 2022年农业系统普法责任清单 一、重点宣传普及法律法规1.学习宪法。"
        "责任单位：局办公室二、机关内部学法活动1.开展学法活动。责任单位：局农业处"
    )
    assert labels(text) == ["一、", "1.", "二、", "1."]


def test_a_later_part_number_after_a_gap_opens_nothing() -> None:
    assert labels("普法责任清单 二、机关内部学法活动。") == []


def test_a_party_label_glued_to_the_measures_last_word_begins_its_annotation() -> None:
    # no stop before 责任单位： in one line (…学法活动责任单位：…, …《安全生产法》责任单位：…)
    text = (
        "二、机关内部学法1.开展“12.4”国家宪法日学法活动责任单位：各处（办）、区农业农村中心"
        "2.学习《种子法》《安全生产法》责任单位：局农业处、渔业处"
    )
    assert rows(text)[1:] == [
        ("1.", [("各处（办）", L), ("区农业农村中心", S)]),
        ("2.", [("局农业处", L), ("渔业处", S)]),
    ]
