"""Text hard-wrapped at a fixed width (parse/unwrap.py): one rule a test, on invented lines."""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse import parse_text
from matrixdesk.parse.unwrap import unwrap_fixed_width

L, S = Role.LEAD, Role.SUPPORT
CRAWL = "".join(
    f"{n}.推进第{n}项重点工作，按期完成年度任务。责任单位：区经发局牵头，区财政局配合。"
    for n in range(1, 9)
)


def _wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def test_a_text_wrapped_every_n_characters_is_joined_back() -> None:
    assert unwrap_fixed_width(_wrap(CRAWL, 19))[0] == CRAWL
    wrapped = parse_text(_wrap(CRAWL, 19))
    assert len(wrapped.measures) == 8
    fourth = wrapped.assignments_of(wrapped.measures[3].id)
    assert [(wrapped.department(a.department_id).name, a.role) for a in fourth] == [
        ("区经发局", L),
        ("区财政局", S),
    ]


def test_a_paragraph_that_fills_its_last_line_still_ends_there() -> None:
    paragraphs = [
        "（一）建立联席会议制度，定期研究解决重大问题，形成工作合力，推动各项任务落到实处取得实效。",
        "（责任部门：区经发局）",
        "（二）完善考核办法，把任务完成情况纳入年度绩效考核内容，按季度通报进展，年底前完成全面评估工作。",
    ]
    assert len(paragraphs[0]) == 45  # three full lines of 15
    text = "\n".join("\n".join(p[i : i + 15] for i in range(0, len(p), 15)) for p in paragraphs * 4)
    assert unwrap_fixed_width(text)[0] == "\n".join(paragraphs * 4)


def test_lines_of_varied_length_and_padded_rows_are_left_alone() -> None:
    prose = "一、总体要求\n坚持稳中求进。\n二、重点任务\n（一）扩大有效投资。\n"
    assert unwrap_fixed_width(prose * 5) == (prose * 5, [])
    rows = "\n".join(f"{n:>3}  推进重点项目建设  区经发局" for n in range(20))
    assert unwrap_fixed_width(rows) == (rows, [])


def test_the_measures_spans_point_into_the_text_as_given() -> None:
    given = _wrap(CRAWL, 19)
    plan = parse_text(given)
    assert plan.source_text == given
    for measure in plan.measures:
        start, end = measure.span
        assert given[start:end].replace("\n", "").startswith(measure.label + measure.text[:10])
