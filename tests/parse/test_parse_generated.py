"""The benchmark generator's documents parse into exactly what was generated."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))

from gen import cn_number, generate_document  # noqa: E402

from matrixdesk.parse import parse_text  # noqa: E402
from matrixdesk.parse.numbering import cn_to_int  # noqa: E402


def test_chinese_numbers_round_trip() -> None:
    assert all(cn_to_int(cn_number(i)) == i for i in range(1, 3000))


@pytest.mark.parametrize(("n_measures", "n_departments"), [(1, 1), (7, 3), (300, 40), (2000, 120)])
def test_generated_document_parses_exactly(n_measures: int, n_departments: int) -> None:
    text = generate_document(n_measures, n_departments, seed=3)
    plan = parse_text(text)
    assert len(plan.measures) == n_measures
    assert len(plan.departments) <= n_departments
    if n_measures >= 2 * n_departments:
        assert len(plan.departments) == n_departments
    assert not any("冬令营" in d.name or "统一" in d.name for d in plan.departments)
    assert plan.info.issuer == "吉林省人民政府办公厅" and plan.info.date == "2020-12-24"


def test_generator_is_deterministic() -> None:
    assert generate_document(50, 10, seed=1) == generate_document(50, 10, seed=1)
    assert generate_document(50, 10, seed=1) != generate_document(50, 10, seed=2)
