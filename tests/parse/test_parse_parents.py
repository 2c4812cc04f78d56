"""Annotations written after an item's sub-items belong to the item; brackets missing a half.

One rule per test, on invented examples (the real documents are scored in test_real_corpus.py).
"""

from __future__ import annotations

from matrixdesk.parse import parse_text


def rows(text: str) -> list[tuple[str, str, list[str]]]:
    plan = parse_text(text)
    return [
        (
            m.label,
            m.text,
            [plan.department(a.department_id).name for a in plan.assignments_of(m.id)],
        )
        for m in plan.measures
    ]


def test_an_annotation_on_its_own_line_after_sub_items_is_the_items() -> None:
    assert rows(
        "（一）促进汽车消费。（省商务厅负责）\n"
        "（二）支持住房消费。\n1.降低首付比例；\n2.发放购房补贴。\n（省住房城乡建设厅负责）\n"
        "（三）发展夜间经济。（省商务厅负责）\n"
    ) == [
        ("（一）", "促进汽车消费。（省商务厅负责）", ["省商务厅"]),
        ("（二）", "支持住房消费。", ["省住房城乡建设厅"]),
        ("1.", "降低首付比例；", []),
        ("2.", "发放购房补贴。", []),
        ("（三）", "发展夜间经济。（省商务厅负责）", ["省商务厅"]),
    ]


def test_sub_items_annotated_each_keep_their_annotations() -> None:
    assert [r[2] for r in rows(
        "（一）支持住房消费。\n1.降低首付比例。\n（省财政厅负责）\n2.发放购房补贴。\n"
        "（省住房城乡建设厅负责）\n"
    )] == [[], ["省财政厅"], ["省住房城乡建设厅"]]  # fmt: skip


def test_a_level_that_annotates_sub_items_keeps_the_last_ones_own() -> None:
    # （一）'s sub-items carry their own annotations, so （二）'s last one is 2.'s, not （二）'s.
    assert [r[2] for r in rows(
        "（一）甲。\n1.子甲。（省财政厅负责）\n2.子乙。（省商务厅负责）\n"
        "（二）乙。\n1.子丙。\n2.子丁。\n（省民政厅负责）\n"
    )] == [[], ["省财政厅"], ["省商务厅"], [], [], ["省民政厅"]]  # fmt: skip


def test_sub_items_that_only_name_the_responsible_are_the_items_annotation() -> None:
    assert rows(
        "一、优化土地出让方式\n（一） 适用范围：重点地块。\n（二） 办理流程：拍卖出让。\n"
        "（三） 责任单位及承办科室：市自然资源局，储备中心。\n"
        "二、推动项目交付\n延长交房期限。\n责任单位：市住房城乡建设局。\n"
    ) == [
        ("一、", "优化土地出让方式", ["市自然资源局", "储备中心"]),
        ("（一）", "适用范围：重点地块。", []),
        ("（二）", "办理流程：拍卖出让。", []),
        ("二、", "推动项目交付延长交房期限。\n责任单位：市住房城乡建设局。", ["市住房城乡建设局"]),
    ]


def test_a_digit_label_spaced_from_its_dot_at_a_line_start() -> None:
    assert [
        r[0] for r in rows("（一）供水设施：\n1 .红线外设施同步实施。\n2. 已建道路另行申请。\n")
    ] == [
        "（一）",
        "1 .",
        "2.",
    ]


def test_a_bracket_missing_its_closing_half() -> None:
    assert [r[2] for r in rows(
        "（一）加强统筹。（省发展改革委牵头，省统计局按职责分工配合\n"
        "（二）做好宣传。（省委宣传部负责）\n"
    )] == [["省发展改革委", "省统计局"], ["省委宣传部"]]  # fmt: skip


def test_a_bracket_missing_its_opening_half() -> None:
    assert [r[2] for r in rows(
        "（一）做好宣传。开展活动。省委网信办负责）\n（二）强化保障。持续激发活力省商务厅负责）\n"
    )] == [["省委网信办"], []]  # fmt: skip


def test_every_item_annotated_after_its_sub_items() -> None:
    assert [r[2] for r in rows(
        "一、优化信贷政策\n（一）认房不认贷。\n（二）降低首付比例。\n（责任部门：人民银行某分行）\n"
        "二、提供公积金支持\n（一）支持人才贷款。\n（二）支持多孩家庭。\n（责任部门：市公积金中心）\n"
    )] == [["人民银行某分行"], [], [], ["市公积金中心"], [], []]  # fmt: skip
