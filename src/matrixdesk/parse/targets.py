"""Candidate quantified targets in a measure's text.

``到2022年,全省各级各类滑冰场所达到500个以上、滑雪场达到60座`` gives (滑冰场所, 500, 个, ≥, 2022)
and (滑雪场, 60, 座, =, 2022). Numbers are read only where a sentence sets a goal: after a year
marker (到2025年, 2025年底前) or with a goal verb (达到, 不低于 …), and only with a unit, so counts
such as "28个国家电子商务进农村综合示范县" in running text stay text. The user confirms
targets in the UI; this is a conservative first guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matrixdesk.core.model import Comparator

_YEAR = re.compile(
    r"(?:到|至|截至|截止到?)\s*(?P<a>\d{4})\s*年(?:底|末)?|(?P<b>\d{4})\s*年(?:底|末)?(?:以)?前"
    # A bare year opening a goal ("2022年全省5G用户达到…"), not 2020年以来 / 2021年度 / 2021年3月.
    r"|(?<![0-9])(?P<c>\d{4})\s*年(?![0-9度以来月起的初中])"
    # A plan period sets goals without naming a year: "“十四五”期间" → year None.
    r"|(?P<period>[“\"‘]?十[一二三四五六七八九]五[”\"’]?(?:期间|时期|期末|末))"
)
_NUM = r"(?<![0-9０-９.．A-Za-z])[0-9０-９]+(?:[.．][0-9０-９]+)?"
_UNIT = (
    r"(?:(?:万亿|千万|百万|[万亿千百])?(?:个百分点|人次|平方公里|平方米|立方米|公里|千米|千瓦时"
    r"|标准箱|元|人|户|个|所|座|家|条|项|处|名|吨|张|台|套|辆|场|次|倍|亩|公顷|千瓦|兆瓦|件|间|栋"
    r"|批|床|株)|%|％|万亿|[万亿])"
)
# A range "30—50个" is read as its lower bound, at least (>=): the floor is the commitment.
_VALUE = rf"(?P<val>{_NUM})(?:\s*[—\-－~～至]{{1,2}}\s*(?P<hi>{_NUM}))?"
_SUFFIX = r"(?P<cmp>以上|以内|以下|左右)?"
_GOAL_VERB = (
    r"(?P<verb>力争达到|达到|超过|不少于|不低于|不超过|不高于|提高到|提高至|提升到|提升至|增加到"
    r"|增加至|增长到|控制在|保持在|稳定在|突破|达)"
)
_BY_VERB = re.compile(rf"^(?P<ind>.*?){_GOAL_VERB}{_VALUE}(?P<unit>{_UNIT}){_SUFFIX}")
_NOUN_FIRST = re.compile(rf"^(?P<ind>.+?){_VALUE}(?P<unit>{_UNIT}){_SUFFIX}$")
_NUMBER_FIRST = re.compile(rf"{_VALUE}(?P<unit>{_UNIT}){_SUFFIX}(?P<ind>.{{2,}})$")
_LEADING_NOISE = re.compile(
    r"^(?:全省|全国|全市|全区|全县|全州|我省|我市|各级各类|各级|各类|累计|新增|新建|改扩建|建成|建设"
    r"|培育|培树|打造|创建|认定|力争|形成|完成|确保|基本|全面|推动|实现|使|共|的|，|,|\s)+"
)
_SENTENCE = re.compile(r"[^。；;！？!?\n]+")
# Every target pattern needs a figure (_NUM): a sentence without one holds no target.
_FIGURE = re.compile(r"[0-9０-９]")
_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_SEGMENT_SPLIT = re.compile(r"[、，,：:]|[和及](?=[0-9０-９])")

_GE_WORDS = ("以上", "超过", "不少于", "不低于", "突破")
_LE_WORDS = ("以内", "以下", "不超过", "不高于", "控制在")


@dataclass
class FoundTarget:
    """A target as read from the text, before it gets ids."""

    indicator: str
    value: float | None
    unit: str
    comparator: Comparator
    year: int | None


def find_targets(text: str) -> list[FoundTarget]:
    """Candidate targets in a measure's text (pass it without the annotation).

    Parameters
    ----------
    text
        The measure paragraph.

    Returns
    -------
    list of FoundTarget
        In written order; ``year`` is None when no year marker precedes the target in its sentence.
    """
    found: list[FoundTarget] = []
    if not _FIGURE.search(text):
        return found
    for sentence in _SENTENCE.finditer(text):
        if _FIGURE.search(sentence.group()):
            found.extend(_sentence_targets(sentence.group()))
    return found


def _sentence_targets(sentence: str) -> list[FoundTarget]:
    markers = list(_YEAR.finditer(sentence))
    found: list[FoundTarget] = []
    # Before the first year marker only explicit goal verbs count, with no year.
    head_end = markers[0].start() if markers else len(sentence)
    for segment in _SEGMENT_SPLIT.split(sentence[:head_end]):
        found.extend(_segment_target(segment, None, goal_only=True))
    for i, marker in enumerate(markers):
        digits = marker.group("a") or marker.group("b") or marker.group("c")
        year = int(digits) if digits else None
        end = markers[i + 1].start() if i + 1 < len(markers) else len(sentence)
        for segment in _SEGMENT_SPLIT.split(sentence[marker.end() : end]):
            found.extend(_segment_target(segment, year, goal_only=False))
    return found


def _segment_target(segment: str, year: int | None, goal_only: bool) -> list[FoundTarget]:
    segment = segment.strip()
    if not segment:
        return []
    match = _BY_VERB.search(segment)
    if match is None and not goal_only:
        match = _NOUN_FIRST.search(segment) or _NUMBER_FIRST.search(segment)
    if match is None:
        return []
    indicator = _clean_indicator(match.group("ind"))
    if not indicator:
        return []
    words = (match.groupdict().get("verb") or "") + (match.group("cmp") or "")
    if match.group("hi") and not words:
        words = "以上"
    return [
        FoundTarget(
            indicator=indicator,
            value=_number(match.group("val")),
            unit=match.group("unit"),
            comparator=_comparator(words),
            year=year,
        )
    ]


def _clean_indicator(raw: str) -> str:
    indicator = _LEADING_NOISE.sub("", raw.strip()).strip(" ，,、")
    if len(indicator) < 2 or len(indicator) > 40:
        return ""
    # An indicator needs words, not just figures.
    if not _WORDS.search(indicator):
        return ""
    return indicator


def _number(raw: str) -> float | None:
    try:
        return float(raw.replace("．", "."))
    except ValueError:
        return None


def _comparator(words: str) -> Comparator:
    if any(w in words for w in _GE_WORDS):
        return Comparator.GE
    if any(w in words for w in _LE_WORDS):
        return Comparator.LE
    return Comparator.EQ
