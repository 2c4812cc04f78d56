"""The PDF's text layer carries the plan's own characters.

Qt's PDF writer tells a reader which character each glyph stands for (the font's ``ToUnicode``
map) by asking the font, for every code point from U+0000 up, which glyph it draws, and keeps
the lowest code point found for each glyph. Many CJK fonts (Noto Sans CJK, Source Han Sans, the
bundled Noto Sans SC) draw a radical and the ideograph of the same shape with one glyph, and the
radicals come first in Unicode: the text layer then says ⽂ for 文, ⻚ for 页, ⼈ for 人, so
searching a printed report for 省文化和旅游厅 finds nothing and text copied out of it no longer
matches a department's name. The same happens to – (read back as the figure dash ‒) and to the
space (read back as a tab).

:func:`glyph_aliases` repeats Qt's rule on the faces the report was painted with and the
characters actually drawn, and finds each drawn character that the PDF would name by another
code point; :func:`repair_text_layer` rewrites the ``ToUnicode`` maps of the finished PDF with
the drawn characters (an incremental update: the pages are not rewritten). It works for any
font: a font without shared glyphs gives no aliases and the file is left as it is.

When a report draws both characters of such a pair (⽂ typed on purpose beside 文), the PDF can
name their one glyph only once: the one Qt chose stays. Characters beyond the Basic
Multilingual Plane (CJK extension B) are not named by Qt at all.
"""

from __future__ import annotations

import functools
import io
import os
import re
from collections.abc import Iterable

from PySide6.QtGui import QFont, QRawFont

__all__ = ["glyph_aliases", "repair_text_layer"]

_BMP = "".join(chr(c) for c in range(1, 0x10000) if not 0xD800 <= c <= 0xDFFF)


@functools.cache
def _glyph_table(family: str, weight: int, italic: bool) -> tuple[dict[int, int], dict[int, int]]:
    """For one face: code point → glyph, and glyph → the lowest code point drawing it (the one
    Qt's PDF writer names the glyph by), over the Basic Multilingual Plane."""
    font = QFont(family)
    font.setWeight(QFont.Weight(weight))
    font.setItalic(italic)
    raw = QRawFont.fromFont(font)
    if not raw.isValid():
        return {}, {}
    glyph_of: dict[int, int] = {}
    first: dict[int, int] = {}
    for ch, glyph in zip(_BMP, raw.glyphIndexesForString(_BMP), strict=False):
        if glyph:
            glyph_of[ord(ch)] = glyph
            first.setdefault(glyph, ord(ch))
    return glyph_of, first


def glyph_aliases(fonts: Iterable[QFont], drawn: Iterable[str]) -> dict[int, int]:
    """The code point the PDF would name → the character that was drawn, for each character of
    ``drawn`` whose glyph in one of ``fonts`` is also drawn by a lower code point."""
    chars = {ord(ch) for text in drawn for ch in text}
    aliases: dict[int, int] = {}
    for font in fonts:
        glyph_of, first = _glyph_table(font.family(), int(font.weight()), font.italic())
        for code in sorted(chars):
            glyph = glyph_of.get(code)
            if glyph is not None and first[glyph] != code and first[glyph] not in chars:
                aliases[first[glyph]] = code
    return aliases


_HEX = r"<([0-9A-Fa-f]+)>"
_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_PAIR = re.compile(rf"{_HEX}\s*{_HEX}")
_RANGE = re.compile(rf"{_HEX}\s*{_HEX}\s*(?:{_HEX}|\[([^\]]*)\])")


def _decode(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", errors="surrogatepass")


def parse_cmap(text: str) -> dict[int, str]:
    """The code → text pairs of a ToUnicode CMap (its ``bfchar`` and ``bfrange`` sections)."""
    mapping: dict[int, str] = {}
    for block in _BFCHAR.findall(text):
        for code, dest in _PAIR.findall(block):
            mapping[int(code, 16)] = _decode(dest)
    for block in _BFRANGE.findall(text):
        for lo, hi, start, array in _RANGE.findall(block):
            first, last = int(lo, 16), int(hi, 16)
            if array:
                dests = re.findall(_HEX, array)
                for code, dest in zip(range(first, last + 1), dests, strict=False):
                    mapping[code] = _decode(dest)
            else:
                base = _decode(start)
                for offset, code in enumerate(range(first, last + 1)):
                    mapping[code] = base[:-1] + chr(ord(base[-1]) + offset)
    return mapping


def write_cmap(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap for two-byte codes (Qt's Identity-H fonts) in ``bfchar`` form."""
    head = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    )
    items = sorted(mapping.items())
    body = []
    for i in range(0, len(items), 100):  # at most 100 entries per section
        chunk = items[i : i + 100]
        body.append(f"{len(chunk)} beginbfchar\n")
        for code, text in chunk:
            dest = text.encode("utf-16-be", "surrogatepass").hex().upper()
            body.append(f"<{code:04X}> <{dest}>\n")
        body.append("endbfchar\n")
    tail = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    return (head + "".join(body) + tail).encode("ascii")


def _repaired(mapping: dict[int, str], aliases: dict[int, int]) -> dict[int, str] | None:
    fixed = {
        code: chr(aliases[ord(text)])
        for code, text in mapping.items()
        if len(text) == 1 and ord(text) in aliases
    }
    return {**mapping, **fixed} if fixed else None


def repair_text_layer(path: str | os.PathLike[str], aliases: dict[int, int]) -> int:
    """Rewrite the ToUnicode maps of the PDF at ``path`` so look-alike code points become the
    characters of ``aliases``; returns the number of fonts repaired (0: the file is unchanged)."""
    if not aliases:
        return 0
    from pypdf import PdfWriter

    with open(path, "rb") as f:
        data = f.read()
    # Qt writes object dictionaries as plain text (only stream contents are compressed)
    cmaps = sorted({int(n) for n in re.findall(rb"/ToUnicode\s+(\d+)\s+0\s+R", data)})
    if not cmaps:
        return 0
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    repaired = 0
    for number in cmaps:
        stream = writer.get_object(number)
        mapping = parse_cmap(stream.get_data().decode("latin-1"))
        new = _repaired(mapping, aliases)
        if new is not None:
            stream.set_data(write_cmap(new))
            repaired += 1
    if repaired:
        with open(path, "wb") as f:
            writer.write(f)
    return repaired
