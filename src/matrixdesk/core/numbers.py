"""The document's own numbering of each measure, as a coordinator quotes it.

A measure's label is the number as written (``一、``, ``(三)``, ``2.``). Labels repeat — every
item restarts at ``1.`` — so a label alone does not say which measure is meant; coordinators
say "（三）2.": the item's label followed by the sub-item's. :func:`display_numbers` gives each
measure the shortest such chain of written labels that no other measure shares: its own label,
else its parent's label before it, and so on up. The hierarchical ``code`` ("1.3.2") stays the
key for sorting and for files; this is what people read.
"""

from __future__ import annotations

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
