"""Policy text → core document: encodings, HTML, numbering, annotations, candidate targets.

Public API::

    decode_bytes(data, encoding=None) -> str
    html_to_text(html) -> str
    read_source(path) -> str
    parse_text(text) -> Plan
    parse_file(path, encoding=None) -> Plan

Everything raises :class:`ParseError` (a ``ValueError``) for unreadable input, except
:func:`parse_text`, which accepts any string.
"""

from __future__ import annotations

from matrixdesk.parse.document import parse_text
from matrixdesk.parse.encoding import ParseError, decode_bytes
from matrixdesk.parse.html import html_to_text
from matrixdesk.parse.source import parse_file, read_source

__all__ = ["ParseError", "decode_bytes", "html_to_text", "parse_file", "parse_text", "read_source"]
