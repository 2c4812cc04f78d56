"""parse_text accepts any string; its measures always point into the source text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matrixdesk.core.model import Plan
from matrixdesk.parse import decode_bytes, html_to_text, parse_text
from matrixdesk.parse.encoding import ParseError

FRAGMENTS = (
    "一、 二、 十一、 (一) （二） (三十) 1. 2． 3、 (1) （2） ( ) （ ） 负责 牵头 按职责分工负责"
    " 、 ， 。 ； 等 和 及 省商务厅 省文化和旅游厅 各地区 国务院相关部门 有关部门 到2022年"
    " 达到 500 个 以上 % 1.5亿元 5G (冬令营) 排在第一位的部门为牵头部门 下同"
    " 以下均需各市、县级政府负责，不再列出 2020年12月24日 吉林省人民政府办公厅"
    " 吉政办发[2020]34号 关于 的通知 2021年底前完成 持续推进"
).split() + ["\n", " ", "\r\n", "\ufeff"]

fragment_text = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


def check_plan(plan: Plan) -> None:
    n = len(plan.measures)
    assert [m.id for m in plan.measures] == list(range(1, n + 1))
    assert [m.position for m in plan.measures] == list(range(n))
    assert len({m.code for m in plan.measures}) == n
    ids = {m.id for m in plan.measures}
    previous_end = 0
    for m in plan.measures:
        start, end = m.span
        assert 0 <= start <= end <= len(plan.source_text)
        assert start >= previous_end
        previous_end = end
        assert m.parent_id is None or m.parent_id in ids and m.parent_id < m.id
        assert m.level >= 1
    department_ids = {d.id for d in plan.departments}
    for a in plan.assignments:
        assert a.measure_id in ids and a.department_id in department_ids
    assert len({(a.measure_id, a.department_id) for a in plan.assignments}) == len(plan.assignments)
    for d in plan.departments:
        assert d.name and d.name == d.name.strip()
    for t in plan.targets:
        assert t.measure_id in ids
    assert "\r" not in plan.source_text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text(text: str) -> None:
    check_plan(parse_text(text))


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(fragment_text)
def test_policy_like_fragments(text: str) -> None:
    check_plan(parse_text(text))


@settings(max_examples=200)
@given(st.binary(max_size=200))
def test_decode_bytes_returns_text_or_parse_error(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except ParseError:
        return
    assert isinstance(text, str) and "\x00" not in text


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("<>/&;#pbrdiv =\"'abc一、（）\n")), max_size=80))
def test_html_to_text_never_raises(html: str) -> None:
    assert isinstance(html_to_text(html), str)
