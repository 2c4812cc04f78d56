"""Word's automatic list numbers, written out as the text a reader sees on the page.

A ``.docx`` may number its parts with Word's list feature instead of typing ``一、``: the number
is then not in the paragraph's text but computed from ``numbering.xml`` (a level's format such as
``chineseCounting`` and its text such as ``%1、``). The parser needs those labels, so
:class:`ListNumbers` replays Word's counters in document order and renders each paragraph's
label. Counters belong to the abstract list, as in Word, so a list split over several numbering
instances keeps counting; deeper levels restart when a shallower one advances.
"""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = [chr(0x2460 + i) for i in range(20)]  # ①…⑳


def chinese_numeral(n: int, digits: str = _CN) -> str:
    """1 → 一, 10 → 十, 23 → 二十三, 105 → 一百零五 (list numbers stay far below 10,000)."""
    if n <= 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            if zero:
                out += digits[0]
            out += digits[d] + name
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith(digits[1] + "十") else out


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter value in one of Word's number formats (unknown formats: decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):  # fmt: skip
        return chinese_numeral(n)
    if fmt == "chineseLegalSimplified":
        return chinese_numeral(n, _LEGAL)
    if fmt in ("ideographTraditional", "ideographZodiac") and 1 <= n <= 10:
        return _STEMS[n - 1]
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(n).upper() if fmt == "upperLetter" else _letters(n)
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _val(element: Any, path: str, default: str = "") -> str:
    found = element.find(path)
    return found.get(W + "val", default) if found is not None else default


class ListNumbers:
    """Renders the list label of each numbered paragraph, in document order."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstract → levels
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstract, overrides)
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: Any) -> None:
        for abstract in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                start = int(_val(lvl, W + "start", "1") or 1)
                levels[int(lvl.get(W + "ilvl", "0"))] = (
                    start,
                    _val(lvl, W + "numFmt", "decimal"),
                    _val(lvl, W + "lvlText", ""),
                )
            self.levels[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            overrides = {
                int(o.get(W + "ilvl", "0")): int(_val(o, W + "startOverride", "1") or 1)
                for o in num.iter(W + "lvlOverride")
                if o.find(W + "startOverride") is not None
            }
            self.nums[num.get(W + "numId", "")] = (_val(num, W + "abstractNumId"), overrides)

    def _read_styles(self, root: Any) -> None:
        for style in root.iter(W + "style"):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr, W + "numId")
                self.style_num[style.get(W + "styleId", "")] = (
                    num_id,
                    int(_val(num_pr, W + "ilvl", "0") or 0),
                )

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(W + "pPr")
        if ppr is None:
            return None
        num_pr = ppr.find(W + "numPr")
        style = self.style_num.get(_val(ppr, W + "pStyle"))
        if num_pr is None:
            return style
        num_id = _val(num_pr, W + "numId") or (style[0] if style else "")
        level = _val(num_pr, W + "ilvl")
        return num_id, int(level) if level else (style[1] if style else 0)

    def label(self, p: Any) -> str:
        """The label Word shows before paragraph ``p`` (``一、``, ``（二）``, ``3.``) or ''."""
        found = self._num_pr(p)
        if found is None or found[0] in ("", "0") or found[0] not in self.nums:
            return ""
        num_id, level = found
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(abstract, [0] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for ilvl, start in overrides.items():
                if 0 <= ilvl < 9:
                    counters[ilvl] = start - 1
        start = levels[level][0]
        counters[level] = max(counters[level], start - 1) + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        text = levels[level][2]
        if levels[level][1] in ("bullet", "none"):
            return ""
        for i in range(9):
            if f"%{i + 1}" in text:
                value = counters[i] or levels.get(i, (1, "", ""))[0]
                fmt = levels.get(i, (1, "decimal", ""))[1]
                text = text.replace(f"%{i + 1}", format_number(value, fmt))
        return text
