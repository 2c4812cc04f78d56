"""Reporting periods: a month (``2026-11``) or a quarter (``2026-Q4``), chosen per plan.

Periods are plain strings in those two forms, so they sort in time order as text and travel
unchanged through SQLite, JSON and the workbooks.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum


class Cadence(StrEnum):
    """How often departments report."""

    MONTH = "month"
    QUARTER = "quarter"


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_ZH_MONTH = re.compile(r"^(\d{4})年(\d{1,2})月$")
_ZH_QUARTER = re.compile(r"^(\d{4})年第?([1-4一二三四])季度$")
_ZH_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4"}
MIN_YEAR, MAX_YEAR = 1990, 2199


class PeriodError(ValueError):
    """A text is not a period of the expected cadence."""

    def __init__(self, text: str, cadence: Cadence | None = None) -> None:
        what = {
            Cadence.MONTH: "a month such as 2026-11",
            Cadence.QUARTER: "a quarter such as 2026-Q4",
        }
        expected = what[cadence] if cadence else "2026-11 or 2026-Q4"
        super().__init__(f"{text!r} is not a reporting period ({expected})")
        self.text = text
        self.cadence = cadence


def cadence_of(period: str) -> Cadence:
    """The cadence a well-formed period belongs to."""
    return Cadence.QUARTER if "Q" in period else Cadence.MONTH


def parse_period(text: object, cadence: Cadence | None = None) -> str:
    """Normalise ``text`` (``2026-11``, ``2026-1``, ``2026Q4``, ``2026年11月``, ``2026年第四季度``).

    Raises
    ------
    PeriodError
        Not a period, out of range, or not of ``cadence`` when one is given.
    """
    raw = str(text).strip() if text is not None else ""
    found = _read(raw)
    if found is None or (cadence is not None and cadence_of(found) != cadence):
        raise PeriodError(raw, cadence)
    return found


def _read(raw: str) -> str | None:
    for pattern, quarter in ((_MONTH, False), (_ZH_MONTH, False), (_QUARTER, True)):
        m = pattern.match(raw)
        if m:
            year, part = int(m.group(1)), int(m.group(2))
            return _make(year, part, quarter)
    m = _ZH_QUARTER.match(raw)
    if m:
        return _make(int(m.group(1)), int(_ZH_DIGITS.get(m.group(2), m.group(2))), True)
    return None


def _make(year: int, part: int, quarter: bool) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if quarter:
        return f"{year}-Q{part}" if 1 <= part <= 4 else None
    return f"{year}-{part:02d}" if 1 <= part <= 12 else None


def _split(period: str) -> tuple[int, int]:
    year, part = period.split("-")
    return int(year), int(part.lstrip("Q"))


def period_of(day: dt.date, cadence: Cadence) -> str:
    """The period ``day`` falls in."""
    if cadence == Cadence.QUARTER:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def shift(period: str, by: int) -> str:
    """The period ``by`` steps after (negative: before) ``period``."""
    year, part = _split(period)
    size = 4 if cadence_of(period) == Cadence.QUARTER else 12
    index = year * size + part - 1 + by
    year, part = divmod(index, size)
    return f"{year}-Q{part + 1}" if size == 4 else f"{year}-{part + 1:02d}"


def periods_between(first: str, last: str) -> list[str]:
    """Every period from ``first`` to ``last`` inclusive (empty when ``last`` is earlier)."""
    out: list[str] = []
    current = first
    while current <= last and len(out) < 12 * (MAX_YEAR - MIN_YEAR + 1):
        out.append(current)
        current = shift(current, 1)
    return out


def period_end(period: str) -> dt.date:
    """The last day of ``period``."""
    year, part = _split(period)
    month = part * 3 if cadence_of(period) == Cadence.QUARTER else part
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def period_label(period: str) -> str:
    """``2026年11月`` / ``2026年第4季度`` as written on workbooks and reports."""
    year, part = _split(period)
    if cadence_of(period) == Cadence.QUARTER:
        return f"{year}年第{part}季度"
    return f"{year}年{part}月"
