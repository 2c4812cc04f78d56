"""Policy documents → core document: readers per format, then numbering, annotations, targets.

The readers (:func:`read_source`: .txt in any common encoding, .html, .docx, .pdf with a text
layer, .xlsx task tables) and the parser (:func:`parse_text`) meet in one text form, which is
also what a user pastes and edits in the import dialog:

* a paragraph is a line;
* a table is a block of tab-separated lines, one per row, in the order the rows are printed,
  its header row (序号 | 重点任务 | 牵头单位 …) first; a cell's own line breaks are already
  joined (with 、 in unit columns), and a cell holding a tab or a quote is quoted as Excel
  quotes it; a horizontally merged cell is written once, a vertically merged one in every row
  it spans (:func:`matrixdesk.parse.table.format_rows`);
* page furniture (running headers, page numbers) and a PDF's line wrapping are already gone.

A tab-separated block under a task-division header, anywhere in the text, is rewritten by the
parser into numbered tasks with 牵头单位：/配合单位：/完成时限： lines (:mod:`.table`); so is a
task table a crawler flattened into one line, read by the header row it kept (:mod:`.flatrows`).

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
