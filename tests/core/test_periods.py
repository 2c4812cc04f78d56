"""Reporting periods and deadlines read as dates."""

from __future__ import annotations

import datetime as dt

import pytest

from matrixdesk.core.deadline import deadline_date
from matrixdesk.core.periods import (
    Cadence,
    PeriodError,
    parse_period,
    period_end,
    period_label,
    period_of,
    periods_between,
    shift,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11", "2026-11"),
        ("2026-1", "2026-01"),
        ("2026年3月", "2026-03"),
        ("2026Q4", "2026-Q4"),
        ("2026-q2", "2026-Q2"),
        ("2026年第三季度", "2026-Q3"),
    ],
)
def test_periods_are_read_in_their_usual_spellings(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "11月", "", None, "1800-01", "=A1"])
def test_what_is_not_a_period_is_refused(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_cadence_must_match():
    with pytest.raises(PeriodError):
        parse_period("2026-Q4", Cadence.MONTH)
    assert parse_period("2026-Q4", Cadence.QUARTER) == "2026-Q4"


def test_arithmetic():
    assert shift("2026-12", 1) == "2027-01" and shift("2026-Q1", -1) == "2025-Q4"
    assert periods_between("2026-11", "2027-02") == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert period_end("2026-02") == dt.date(2026, 2, 28)
    assert period_end("2026-Q4") == dt.date(2026, 12, 31)
    assert period_of(dt.date(2026, 5, 3), Cadence.QUARTER) == "2026-Q2"
    assert period_label("2026-Q4") == "2026年第4季度" and period_label("2026-03") == "2026年3月"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年底前", dt.date(2022, 12, 31)),
        ("2021年6月底前", dt.date(2021, 6, 30)),
        ("2021年上半年", dt.date(2021, 6, 30)),
        ("2021年第三季度", dt.date(2021, 9, 30)),
        ("2021年起，2023年底前", dt.date(2023, 12, 31)),
        ("2022-03-15", dt.date(2022, 3, 15)),
        ("长期坚持", None),
        ("", None),
    ],
)
def test_deadlines_read_as_dates(text, expected):
    assert deadline_date(text) == expected


def test_an_unbounded_plan_keeps_accepting_reports_as_the_years_go_by():
    from matrixdesk.core.progress import Schedule

    s = Schedule()
    assert s.window("2020-12-24", dt.date(2022, 5, 1)) == ("2020-12", "2025-12")
    assert s.window("2020-12-24", dt.date(2031, 5, 1)) == ("2020-12", "2032-12")
    assert s.current(dt.date(2031, 5, 1), "2020-12-24") == "2031-05"
    assert s.window("", dt.date(2026, 1, 1))[0] == "2000-01"  # a document without a date
    bounded = Schedule(first="2021-01", last="2021-12")
    assert bounded.current(dt.date(2031, 5, 1)) == "2021-12"


@pytest.mark.parametrize(
    ("date", "ends", "window"),
    [
        ("2022-01-26", [], ("2022-01", "2023-12")),  # to the end of next year
        ("2025-06-06", [dt.date(2027, 12, 31), dt.date(2026, 6, 30)], ("2025-06", "2027-12")),
        ("", [], ("2026-11", "2027-12")),  # from the day the plan is made
        ("", [dt.date(2028, 3, 31)], ("2026-11", "2028-03")),
        ("2022-01-26", [dt.date(2021, 12, 31)], ("2022-01", "2023-12")),  # before the start
    ],
)
def test_a_new_plan_reports_from_its_date_to_its_last_deadline(date, ends, window):
    from matrixdesk.core.progress import starting_window

    made = dt.date(2026, 11, 27)
    assert starting_window(date, ends, made, Cadence.MONTH) == window


def test_a_new_plans_window_counts_deadlines_and_target_years():
    from matrixdesk.core.model import DocumentInfo, Measure, Plan, Target
    from matrixdesk.core.progress import Schedule, new_plan_schedule

    plan = Plan(
        DocumentInfo(date="2020-12-24"),
        measures=[Measure(1, "1", "一、", 1, "甲", deadline="2022年6月底前")],
        targets=[Target(1, 1, "滑雪场", 60, "座", year=2021)],
    )
    schedule = new_plan_schedule(plan, dt.date(2026, 11, 27))
    assert (schedule.first, schedule.last) == ("2020-12", "2022-06")
    plan.schedule = Schedule(Cadence.QUARTER, first="2021-Q1")  # a window of its own stays
    assert new_plan_schedule(plan, dt.date(2026, 11, 27)) == plan.schedule


def test_bounds_follow_a_change_of_cadence():
    from matrixdesk.core.progress import Schedule

    monthly = Schedule(Cadence.MONTH, "2022-02", "2023-11")
    quarterly = monthly.with_cadence(Cadence.QUARTER)
    assert (quarterly.first, quarterly.last) == ("2022-Q1", "2023-Q4")
    back = quarterly.with_cadence(Cadence.MONTH)
    assert (back.first, back.last) == ("2022-01", "2023-12")
    assert Schedule(Cadence.MONTH).with_cadence(Cadence.QUARTER) == Schedule(Cadence.QUARTER)
