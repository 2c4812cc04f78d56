"""Parsing stays linear on pathological input: the work is counted, not timed.

Each input is built at two sizes, n and 4n. The characters handed to the parser's inner readers
(bracket contents, field blocks, clauses, name fragments) are summed; linear work grows about
four times, quadratic work sixteen times.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))

from gen import cn_number  # noqa: E402

from matrixdesk.parse import annotation, parse_text, parties, units  # noqa: E402

N = 300


def _inputs(n: int) -> dict[str, str]:
    return {
        "time lines without parties": "（一）任务。\n" + "完成时限：2021年底前\n" * n,
        "unclosed brackets": "（一）甲" + "（乙" * n + "\n（二）乙。（省商务厅负责）\n",
        "deep nesting": "（一）甲。" + "（" * n + "省商务厅负责" + "）" * n + "\n",
        "a huge list joined by 和": "（一）甲。\n责任单位：" + "省商务厅和" * n + "\n",
        "levels continuing each other": "（一）甲。\n责任单位：各市" + "、县" * n + "\n",
        "many annotations in one item": "（一）" + "推进。（省商务厅负责）" * n + "\n",
        "one long line of items": "".join(
            f"（{cn_number(i + 1)}）推进。（省商务厅负责）" for i in range(n)
        ),
        "labels everywhere": "（一）甲。" + "责任单位：省商务厅。" * n + "\n",
        "brackets without boundaries": "（一）" + "甲（省商务厅负责）乙" * n + "\n",
        "standing statements everywhere": "（一）甲。" + "以下均需各市、各县负责，不再列出，" * n,
        "closers without openers": "（一）" + "推进甲省商务厅负责）" * n + "\n",
        "subjects without predicates": "（一）甲。\n责任单位：" + "省商务厅给予" * n + "\n",
        "annotations after sub-items": "".join(
            f"（{cn_number(i + 1)}）甲。\n1.子甲。\n2.子乙。\n（省商务厅负责）\n" for i in range(n)
        ),
    }


@pytest.fixture
def counter(monkeypatch):
    work = {"chars": 0}

    def counting(module, name, size):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            work["chars"] += size(*args) + 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counting(units, "_bracket_annotation", lambda s, o, c, *_: c - o)
    counting(units, "_block_end", lambda s, at, end: end - at)
    counting(annotation, "_read_clauses", lambda text, *_: len(text))
    counting(parties, "split_and", lambda piece: len(piece))
    counting(parties, "classify", lambda name: len(name))
    return work


@pytest.mark.parametrize("case", list(_inputs(1)))
def test_work_grows_linearly(counter, case: str) -> None:
    counts = []
    for n in (N, 4 * N):
        counter["chars"] = 0
        text = _inputs(n)[case]
        parse_text(text)
        counts.append(max(counter["chars"], 1) / len(text))
    small, big = counts
    assert big <= 1.5 * small + 0.5, (case, counts)  # work per character does not grow with n
