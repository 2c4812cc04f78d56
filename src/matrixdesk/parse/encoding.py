"""Bytes → text for policy documents saved on Chinese Windows desktops.

Files arrive as UTF-8 (with or without a BOM), as UTF-16 from Notepad's "Unicode" option, or in
the ANSI code page of Chinese Windows (GBK, which GB18030 extends). We try the strict decoders in
that order and refuse data that looks binary rather than guessing.
"""

from __future__ import annotations

import codecs
import re


class ParseError(ValueError):
    """A policy source that cannot be read (bad encoding, binary, missing, empty, damaged …).

    ``reason`` names the problem for translated messages: ``missing``, ``directory``,
    ``unreadable``, ``empty``, ``no-text``, ``unknown-encoding``, ``wrong-encoding``,
    ``binary``, ``undetected-encoding``, ``too-big``, ``damaged``, ``encrypted``, ``scanned``,
    ``image`` (a picture), ``no-task-columns``, ``no-task-rows``, ``old-format``, ``special``
    (a pipe or device) or ``unsupported``; ``detail`` carries what the sentence needs (the old
    format's suffix, the picture's format, ``pdf``/``docx``/``xlsx`` for a password); the
    message is the English sentence the CLI prints.
    """

    def __init__(self, message: str, reason: str = "unreadable", detail: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.detail = detail


_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# The control characters other than \t \n \v \f \r (9–13), and DEL.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    """True when more than 1 % of the characters (or any NUL) are control characters."""
    if "\x00" in text:
        return True
    if not text:
        return False
    controls = len(_CONTROL.findall(text))  # a regex pass, not a Python loop per character
    return controls * 100 > len(text)


def _plausible(text: str) -> bool:
    """Most characters are ASCII text, CJK or CJK punctuation (what policy documents hold)."""
    if not text:
        return False
    usual = sum(
        1
        for ch in text
        if " " <= ch <= "~"
        or ch in "\t\n\r"
        or "\u3000" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
    )
    return usual * 10 >= len(text) * 9


def _guess_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: decode both ways and keep the reading that looks like text.

    ASCII code units put their NUL in the high byte, so the side with more NULs is tried first;
    random binary data decodes to scattered code points and fails :func:`_plausible`.
    """
    if len(data) % 2:
        return None
    order = ["utf-16-le", "utf-16-be"]
    if data[0::2].count(0) > data[1::2].count(0):
        order.reverse()
    for encoding in order:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    return None


def _decode_explicit(data: bytes, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ParseError(f"Unknown text encoding {encoding!r}.", "unknown-encoding") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"The file is not valid {encoding} text (bad byte at offset {exc.start}).",
            "wrong-encoding",
        ) from None
    return text.removeprefix("\ufeff")


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Decode a policy document's bytes to text.

    Parameters
    ----------
    data
        The raw file contents.
    encoding
        A Python codec name that overrides detection (e.g. ``"gb18030"``).

    Returns
    -------
    str
        The text, without a byte-order mark.

    Raises
    ------
    ParseError
        When the bytes are not text in the given or any detected encoding, or look binary.
    """
    if encoding:
        text = _decode_explicit(data, encoding)
    else:
        text = _detect(data)
    if _looks_binary(text):
        raise ParseError("The file looks like binary data, not a text document.", "binary")
    return text


def _detect(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError:
                raise ParseError(
                    f"The file starts with a {codec} byte-order mark "
                    "but is not valid text in that encoding.",
                    "wrong-encoding",
                ) from None
    if b"\x00" in data:
        text = _guess_utf16_without_bom(data)
        if text is None:
            raise ParseError(
                "The file contains NUL bytes and looks like binary data, not a text document.",
                "binary",
            )
        return text
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise ParseError(
        "The file is neither UTF-8 nor GB18030/GBK text; choose its encoding explicitly.",
        "undetected-encoding",
    )
