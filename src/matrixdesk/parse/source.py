"""Reading policy documents from files: .txt in any common encoding, saved .html/.htm pages."""

from __future__ import annotations

import os
from pathlib import Path

from matrixdesk.core.model import Plan
from matrixdesk.parse.document import parse_text
from matrixdesk.parse.encoding import ParseError, decode_bytes
from matrixdesk.parse.html import html_to_text, looks_like_html

_HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}


def read_source(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """Read a policy document file as text.

    Parameters
    ----------
    path
        A .txt, .html or .htm file.
    encoding
        Overrides encoding detection (UTF-8, UTF-16 with BOM, GB18030/GBK).

    Returns
    -------
    str
        The text; HTML pages (by suffix or content) are reduced to their paragraphs.

    Raises
    ------
    ParseError
        When the file is missing, unreadable, empty, binary or not decodable.
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise ParseError(f"File not found: {file}", "missing") from None
    except IsADirectoryError:
        raise ParseError(f"Not a file but a directory: {file}", "directory") from None
    except OSError as exc:
        raise ParseError(f"Cannot read {file}: {exc.strerror or exc}") from None
    if not data.strip():
        raise ParseError(f"The file is empty: {file}", "empty")
    text = decode_bytes(data, encoding)
    if file.suffix.lower() in _HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise ParseError(f"The file has no text: {file}", "no-text")
    return text


def parse_file(path: str | os.PathLike[str], encoding: str | None = None) -> Plan:
    """Read and parse a policy document file; see :func:`read_source` and ``parse_text``.

    Raises
    ------
    ParseError
        When the file cannot be read as text.
    """
    return parse_text(read_source(path, encoding))
