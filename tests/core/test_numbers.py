"""The document's own numbering: the shortest chain of written labels no other measure shares."""

from __future__ import annotations

from matrixdesk.core.model import Measure
from matrixdesk.core.numbers import display_numbers, search_key


def m(mid, code, label, parent=None):
    return Measure(mid, code, label, code.count(".") + 1, f"任务{code}", parent_id=parent)


def test_sub_items_are_named_with_their_item(seed_plan):
    numbers = display_numbers(seed_plan.measures)
    by_code = {x.code: numbers[x.id] for x in seed_plan.measures}
    assert by_code["1"] == "一、"
    assert by_code["1.1"] == "(一)"  # items are numbered through the document: unique alone
    assert by_code["1.1.1"] == "(一)1."
    assert by_code["1.3.2"] == "(三)2."
    assert len(set(numbers.values())) == len(numbers)


def test_items_restarting_in_every_part_take_the_part():
    ms = [
        m(1, "1", "一、"),
        m(2, "1.1", "(一)", 1),
        m(3, "1.1.1", "1.", 2),
        m(4, "2", "二、"),
        m(5, "2.1", "(一)", 4),
        m(6, "2.1.1", "1.", 5),
        m(7, "2.2", "(二)", 4),
    ]
    assert display_numbers(ms) == {
        1: "一、",
        2: "一、(一)",
        3: "一、(一)1.",
        4: "二、",
        5: "二、(一)",
        6: "二、(一)1.",
        7: "(二)",
    }


def test_unnumbered_measures_have_no_number_and_add_nothing():
    ms = [m(1, "1", ""), m(2, "1.1", "1.", 1), m(3, "2", "第二条"), m(4, "2.1", "1.", 3)]
    assert display_numbers(ms) == {1: "", 2: "1.", 3: "第二条", 4: "第二条1."}


def test_search_key_folds_full_width_forms():
    assert search_key("（三）2．") == search_key("(三)2.") == "(三)2."
    assert search_key(" 省 商务厅 ") == "省商务厅"
