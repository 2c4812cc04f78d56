"""Character-level clean-up before parsing, one character for one so offsets stay valid.

Text extracted from PDF files often carries Kangxi radicals (⼀ U+2F00 for 一, ⼈ for 人) and CJK
radical supplements (⺠ for 民, ⻓ for 长) where the ideograph was meant; names such as 国务院办公厅
then fail to match. They are folded back to the unified ideographs. Zero-width characters and
non-breaking and typographic spaces (U+2002 en space …) become plain spaces, so they neither split
names nor hide line starts.
"""

from __future__ import annotations

import re
import unicodedata

# Radical supplement forms (no NFKC mapping) that PDF generators emit for common characters.
_SUPPLEMENT = {
    "⺠": "民", "⻓": "长", "⻔": "门", "⻅": "见", "⻬": "齐", "⻢": "马", "⻋": "车", "⻄": "西",
    "⻩": "黄", "⻛": "风", "⻜": "飞", "⻚": "页", "⻆": "角", "⻘": "青", "⻝": "食", "⻨": "麦",
    "⻥": "鱼", "⻦": "鸟", "⻰": "龙", "⻳": "龟", "⺟": "母", "⺩": "王", "⻈": "讠", "⻉": "贝",
    "⻑": "長", "⻣": "骨", "⻤": "鬼", "⻗": "雨", "⻙": "韦",
}  # fmt: skip


def _table() -> dict[int, str]:
    table = {ord(k): v for k, v in _SUPPLEMENT.items()}
    for cp in range(0x2F00, 0x2FD6):  # Kangxi radicals: NFKC gives the ideograph
        folded = unicodedata.normalize("NFKC", chr(cp))
        if len(folded) == 1:
            table[cp] = folded
    # Zero-width characters, no-break spaces and the typographic spaces (en, em, thin …) that
    # web pages indent paragraphs with.
    for cp in (
        0x200B,
        0x200C,
        0x200D,
        0x2060,
        0xFEFF,
        0x00A0,
        0x202F,
        0x205F,
        *range(0x2000, 0x200B),
    ):
        table[cp] = " "
    return table


_TABLE = _table()
_FOLDED = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE)) + "]")


def normalise_text(text: str) -> str:
    """``text`` with radicals folded to ideographs and invisible spaces made plain (same length).

    Parameters
    ----------
    text
        Newline-normalised document text.

    Returns
    -------
    str
        A string of the same length, so offsets into it are offsets into ``text``.
    """
    if not _FOLDED.search(text):
        return text  # the usual case: nothing to fold (translate costs a dict look-up a char)
    return text.translate(_TABLE)
