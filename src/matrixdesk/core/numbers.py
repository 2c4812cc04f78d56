"""The document's own numbering of each measure, as a coordinator quotes it.

A measure's label is the number as written (``一、``, ``(三)``, ``2.``). Labels repeat — every
item restarts at ``1.`` — so a label alone does not say which measure is meant; coordinators
say "（三）2.": the item's label followed by the sub-item's. :func:`display_numbers` gives each
measure the shortest such chain of written labels that no other measure shares: its own label,
else its parent's label before it, and so on up. The hierarchical ``code`` ("1.3.2") stays the
key for sorting and for files; this is what people read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .model import Measure


def display_numbers(measures: Iterable[Measure]) -> dict[int, str]:
    """Measure id → its number as the document writes it, made unambiguous.

    Parameters
    ----------
    measures
        The measures of one plan (parents before or after children, any order).

    Returns
    -------
    dict[int, str]
        ``(三)2.`` for sub-item 2 of item (三); ``(三)`` for the item when no other item is
        called (三); ``一、(三)`` when every part restarts its items. A measure the document
        did not number (no label) has "" — callers show its hierarchical code instead.

    Examples
    --------
    >>> from matrixdesk.core.model import Measure
    >>> ms = [Measure(1, "1", "(一)", 1, "a"), Measure(2, "1.1", "1.", 2, "b", parent_id=1),
    ...       Measure(3, "2", "(二)", 1, "c"), Measure(4, "2.1", "1.", 2, "d", parent_id=3)]
    >>> display_numbers(ms)
    {1: '(一)', 2: '(一)1.', 3: '(二)', 4: '(二)1.'}
    """
    by_id = {m.id: m for m in measures}
    numbers = {mid: m.label.strip() for mid, m in by_id.items()}
    reached = {mid: by_id[mid].parent_id for mid in by_id}  # next ancestor to prepend
    while True:
        counts = Counter(n for n in numbers.values() if n)
        grow = [mid for mid, n in numbers.items() if n and counts[n] > 1 and reached[mid] in by_id]
        if not grow:
            return numbers
        for mid in grow:
            parent = by_id[reached[mid]]  # type: ignore[index]
            numbers[mid] = parent.label.strip() + numbers[mid]  # an unnumbered parent adds ""
            reached[mid] = parent.parent_id


def search_key(text: str) -> str:
    """Text folded for matching numbers as typed: full-width brackets and stops count as
    ASCII (（三）2． = (三)2.), case and spaces ignored."""
    table = str.maketrans("（）．。，、", "().., ", "")
    return "".join(text.translate(table).casefold().split())


_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (the numerals of 一、 and (一))."""
    tens, ones = divmod(n, 10)
    text = ("" if tens == 1 else _CN_DIGITS[tens]) + "十" if tens else ""
    return text + (_CN_DIGITS[ones] if ones or not tens else "")


def label_like(label: str, n: int) -> str:
    """The label ``n`` written as ``label`` is (``二、`` → ``四、``, ``(二)`` → ``(四)``,
    ``2．`` → ``4．``, ``②`` → ``④``); ``n.`` when ``label`` has no number to follow.

    Examples
    --------
    >>> label_like("二、", 12), label_like("（三）", 4), label_like("(1)", 10), label_like("", 3)
    ('十二、', '（四）', '(10)', '3.')
    """
    digits = re.search(r"[0-9]+(?!.*[0-9])", label)  # the last run: 2.1. → 2.4.
    if digits:
        return label[: digits.start()] + str(n) + label[digits.end() :]
    numeral = re.search("[零〇一二三四五六七八九十]+", label)
    if numeral and n < 100:
        return label[: numeral.start()] + _cn_numeral(n) + label[numeral.end() :]
    circled = re.search(f"[{_CIRCLED}]", label)
    if circled and n <= len(_CIRCLED):
        return label[: circled.start()] + _CIRCLED[n - 1] + label[circled.end() :]
    return f"{n}."
