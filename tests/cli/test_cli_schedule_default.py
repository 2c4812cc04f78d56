"""The reporting schedule a new plan starts with, on real documents: from the document's date
(else the day the plan is made) to its latest deadline or target year (else the end of the
next year). A notice without a date had reported from 2000-01 to 2027-12: 336 periods."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from matrixdesk.cli import main

REAL = Path(__file__).resolve().parents[1] / "parse" / "real" / "docs"


def imported(tmp_path, name: str, capsys) -> dict:
    out = tmp_path / "plan.mdesk"
    assert main(["import", str(REAL / name), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["show", str(out), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("name", "date", "first", "last"),
    [
        # dated under its 代章 signature, no deadline, no target year: to the end of next year
        ("m-anhui-xiaofei-2022-jinqi.docx", "2022-01-26", "2022-01", "2023-12"),
        # dated, targets to 2027 (到2027年…)
        ("p-guangdong-yuefuban-2025-14.txt", "2025-06-06", "2025-06", "2027-12"),
    ],
)
def test_a_dated_document_reports_from_its_date(tmp_path, capsys, name, date, first, last):
    doc = imported(tmp_path, name, capsys)
    assert doc["document"]["date"] == date
    assert (doc["reporting"]["first"], doc["reporting"]["last"]) == (first, last)


def test_an_undated_document_reports_from_the_day_the_plan_is_made(tmp_path, capsys):
    today = dt.date.today()
    doc = imported(tmp_path, "p-shanghai-2024-yinfa-jingji.txt", capsys)  # no date, no targets
    assert doc["document"]["date"] == ""
    reporting = doc["reporting"]
    assert reporting["first"] == f"{today.year}-{today.month:02d}"
    assert reporting["last"] == f"{today.year + 1}-12"


def test_the_bounds_follow_a_change_of_cadence(tmp_path, capsys):
    doc = imported(tmp_path, "p-guangdong-yuefuban-2025-14.txt", capsys)
    assert doc["reporting"]["first"] == "2025-06"
    plan = str(tmp_path / "plan.mdesk")
    assert main(["schedule", plan, "--cadence", "quarter"]) == 0
    assert "periods 2025-Q2 to 2027-Q4" in capsys.readouterr().out
    assert main(["schedule", plan, "--cadence", "month"]) == 0
    assert "periods 2025-04 to 2027-12" in capsys.readouterr().out


def test_an_empty_bound_is_the_default_again(tmp_path, capsys):
    imported(tmp_path, "p-guangdong-yuefuban-2025-14.txt", capsys)
    plan = str(tmp_path / "plan.mdesk")
    assert main(["schedule", plan, "--first", "2026-01", "--last", "2026-06"]) == 0
    assert "periods 2026-01 to 2026-06" in capsys.readouterr().out
    assert main(["schedule", plan, "--first", "", "--last", ""]) == 0
    assert "periods 2025-06 to 2027-12" in capsys.readouterr().out
