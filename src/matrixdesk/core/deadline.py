"""Reading a 完成时限 as a date: ``2022年底前`` → 2022-12-31, ``2021年6月底前`` → 2021-06-30.

Deadlines are free text; what cannot be read as a date (``长期坚持``, ``持续推进``) has none and
is never overdue.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MONTH = re.compile(r"(\d{4})年(\d{1,2})月")
_QUARTER = re.compile(r"(\d{4})年(?:第)?([1-4一二三四])季度")
_HALF = re.compile(r"(\d{4})年(上|下)半年")
_YEAR = re.compile(r"(\d{4})年")
_ZH = {"一": 1, "二": 2, "三": 3, "四": 4}


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def deadline_date(text: str) -> dt.date | None:
    """The last day a deadline allows, or None when the text names no date.

    When a text names several dates (``2021年起，2022年底前``) the last one counts.
    """
    text = (text or "").strip()
    if not text:
        return None
    for reader in (_day, _month, _quarter, _half, _year):
        found = reader(text)
        if found is not None:
            return found
    return None


def _valid(year: int) -> bool:
    return 1990 <= year <= 2199


def _day(text: str) -> dt.date | None:
    for pattern in (_ISO, _DAY):
        hits = pattern.findall(text)
        for y, m, d in reversed(hits):
            try:
                if _valid(int(y)):
                    return dt.date(int(y), int(m), int(d))
            except ValueError:
                continue
    return None


def _month(text: str) -> dt.date | None:
    for y, m in reversed(_MONTH.findall(text)):
        if _valid(int(y)) and 1 <= int(m) <= 12:
            return _month_end(int(y), int(m))
    return None


def _quarter(text: str) -> dt.date | None:
    for y, q in reversed(_QUARTER.findall(text)):
        quarter = _ZH.get(q) or int(q)
        if _valid(int(y)):
            return _month_end(int(y), quarter * 3)
    return None


def _half(text: str) -> dt.date | None:
    for y, half in reversed(_HALF.findall(text)):
        if _valid(int(y)):
            return _month_end(int(y), 6 if half == "上" else 12)
    return None


def _year(text: str) -> dt.date | None:
    years = [int(y) for y in _YEAR.findall(text) if _valid(int(y))]
    return dt.date(years[-1], 12, 31) if years else None
