"""The corpus scorer counts what it says it counts (tiny plans built by hand, one rule each)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role

_PATH = Path(__file__).resolve().parent / "real" / "scoring.py"
_spec = importlib.util.spec_from_file_location("corpus_scoring", _PATH)
scoring = importlib.util.module_from_spec(_spec)
sys.modules["corpus_scoring"] = scoring
_spec.loader.exec_module(scoring)


def plan_of(*measures: tuple[str, list[tuple[str, Role]]]) -> Plan:
    """Measures given as (text, [(department, role), ...]) in order."""
    plan = Plan(source_text="")
    ids: dict[str, int] = {}
    for n, (text, parties) in enumerate(measures, start=1):
        plan.measures.append(Measure(n, str(n), f"{n}.", 1, text[:6], text=text, position=n))
        for position, (name, role) in enumerate(parties):
            if name not in ids:
                ids[name] = len(ids) + 1
                plan.departments.append(
                    Department(ids[name], name, collective=name.startswith("各"))
                )
            plan.assignments.append(Assignment(n, ids[name], role, position=position))
    return plan


def _collective(parties: list[str]) -> list[str]:
    return [p for p in parties if p.startswith("各")]


def truth_of(*units: tuple[str, list[str], list[str]]) -> list:
    return scoring.expected_units(
        {
            "units": [
                {
                    "anchor": a,
                    "parties": p,
                    "leads": lead,
                    "collective": [x for x in p if x[0] == "各"],
                }
                for a, p, lead in units
            ]
        }
    )


L, S = Role.LEAD, Role.SUPPORT


def test_a_perfect_parse_scores_one():
    plan = plan_of(("推进冰雪消费。（省体育局、省商务厅负责）", [("省体育局", L), ("省商务厅", S)]))
    expected = truth_of(("推进冰雪消费", ["省体育局", "省商务厅"], ["省体育局"]))
    s = scoring.score("d", "tune", expected, scoring.parsed_units(plan))
    assert (s.found, s.tp, s.fp, s.fn, s.lead_ok, s.f1) == (1, 2, 0, 0, 1, 1.0)


def test_an_invented_department_lowers_precision_only():
    plan = plan_of(("推进冰雪消费。", [("省体育局", L), ("保险", S)]))
    expected = truth_of(("推进冰雪消费", ["省体育局"], ["省体育局"]))
    s = scoring.score("d", "tune", expected, scoring.parsed_units(plan))
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    assert s.precision == 0.5 and s.recall == 1.0


def test_a_missed_unit_counts_its_parties_as_misses_and_its_lead_as_wrong():
    plan = plan_of(("推进冰雪消费。", []), ("发展夜间经济。", [("省商务厅", L)]))
    expected = truth_of(
        ("推进冰雪消费", ["省体育局", "各市（州）政府"], ["省体育局"]),
        ("发展夜间经济", ["省商务厅"], ["省商务厅"]),
    )
    s = scoring.score("d", "tune", expected, scoring.parsed_units(plan))
    assert (s.found, s.tp, s.fn, s.lead_ok, s.lead_total) == (1, 1, 2, 1, 2)


def test_parties_of_a_measure_matching_no_unit_are_false_positives():
    plan = plan_of(
        ("总体要求。", [("保险", L), ("基金", S)]), ("发展夜间经济。", [("省商务厅", L)])
    )
    expected = truth_of(("发展夜间经济", ["省商务厅"], ["省商务厅"]))
    s = scoring.score("d", "tune", expected, scoring.parsed_units(plan))
    assert (s.tp, s.fp) == (1, 2)


def test_two_units_merged_into_one_measure_match_once():
    """Two annotations of one item parsed as one measure: the second unit is missed."""
    plan = plan_of(("甲事项。乙事项。", [("省商务厅", L), ("省财政厅", S)]))
    expected = truth_of(
        ("甲事项", ["省商务厅"], ["省商务厅"]), ("乙事项", ["省财政厅"], ["省财政厅"])
    )
    s = scoring.score("d", "tune", expected, scoring.parsed_units(plan))
    assert (s.found, s.tp, s.fp, s.fn) == (1, 1, 1, 1)


def test_anchors_ignore_white_space_and_full_width_forms():
    plan = plan_of(("推进 冰雪\n消费（ABC）。", [("省体育局", L)]))
    expected = truth_of(("推进冰雪消费(ABC)", ["省体育局"], ["省体育局"]))
    s = scoring.score("d", "tune", expected, scoring.parsed_units(plan))
    assert s.found == 1 and s.f1 == 1.0


def test_an_anchor_may_begin_with_the_measures_number():
    plan = plan_of(("水岸联动，推进措施。", [("县河长办", L)]))  # label "1."
    expected = truth_of(("1.水岸联动，推进", ["县河长办"], ["县河长办"]))
    s = scoring.score("d", "tune", expected, scoring.parsed_units(plan))
    assert s.found == 1 and s.f1 == 1.0


def test_wrong_lead_and_collective_flags_are_counted():
    plan = plan_of(("推进冰雪消费。", [("省体育局", S), ("各地", L)]))
    expected = truth_of(("推进冰雪消费", ["省体育局", "各地"], ["省体育局"]))
    plan.departments[1].collective = False
    s = scoring.score("d", "tune", expected, scoring.parsed_units(plan))
    assert (s.lead_ok, s.lead_total) == (0, 1)
    assert (s.collective_ok, s.collective_total) == (1, 2)


def test_summary_means_documents_and_pools_pairs():
    good = scoring.DocScore("a", "tune", tp=10, lead_ok=5, lead_total=5)
    bad = scoring.DocScore("b", "holdout", tp=1, fp=1, fn=2, lead_ok=0, lead_total=1)
    m = scoring.summarise([good, bad])
    assert m.mean_f1 == pytest.approx((1.0 + 0.4) / 2)
    assert m.min_f1 == pytest.approx(0.4)
    assert m.precision == pytest.approx(11 / 12)
    assert m.lead_accuracy == pytest.approx(5 / 6)
