"""Reading policy documents from files, whatever form they arrive in.

The content decides the reader (:func:`~matrixdesk.parse.sniff.file_kind`): ``.txt`` in any
common encoding and saved ``.html`` pages, Word ``.docx``, Excel ``.xlsx`` task tables and ``.pdf``
files with a text layer. Every reader returns the shared text form described in
:mod:`matrixdesk.parse`; what cannot be read (a password, a damaged or scanned file, an old
format, a file too big) is a :class:`ParseError` with a reason and nothing else happens.
"""

from __future__ import annotations

import os
from pathlib import Path

from matrixdesk.core.model import Plan
from matrixdesk.parse.document import parse_text
from matrixdesk.parse.encoding import ParseError, decode_bytes
from matrixdesk.parse.html import html_to_text, looks_like_html
from matrixdesk.parse.sniff import (
    OLD_FORMATS,
    file_kind,
    old_format,
    picture_format,
    read_limited,
)

_HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}


def _read_text(data: bytes, file: Path, encoding: str | None) -> str:
    try:
        text = decode_bytes(data, encoding)
    except ParseError as exc:  # the sentence says "the file": name it, as the others do
        message = str(exc)
        message = message[:1].lower() + message[1:] if message.startswith("The ") else message
        raise ParseError(f"{file.name}: {message}", exc.reason, exc.detail) from None
    if file.suffix.lower() in _HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)
    return text


def _read_binary(kind: str, data: bytes, file: Path) -> str:
    if kind == "docx":
        from matrixdesk.parse.word import docx_to_text

        return docx_to_text(data, file.name)
    if kind == "xlsx":
        from matrixdesk.parse.sheet import xlsx_to_text

        return xlsx_to_text(data, file.name)
    if kind == "pdf":
        from matrixdesk.parse.pdf import pdf_to_text

        return pdf_to_text(data, file.name)
    if kind == "encrypted":
        # The same OLE wrapper holds a protected .docx or .xlsx: the name says which it was.
        workbook = file.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".et")
        program = "Excel or WPS" if workbook else "Word or WPS"
        raise ParseError(
            f"{file.name} is protected by a password; open it in {program}, remove the "
            "password (File ▸ Info ▸ Protect) and save it, then import that file.",
            "encrypted",
            detail="xlsx" if workbook else "docx",
        )
    if kind == "image":
        picture = picture_format(data)
        raise ParseError(
            f"{file.name} is a picture ({picture}), not a document; ask for the Word or text "
            "version, or run text recognition (OCR) on it first.",
            "image",
            detail=picture,
        )
    if kind in OLD_FORMATS:
        raise old_format(file.name, kind)
    raise ParseError(f"{file.name}: this kind of file is not read.", "unsupported")


def read_source(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """Read a policy document file as text.

    Parameters
    ----------
    path
        A .txt, .html/.htm, .docx, .xlsx or .pdf file.
    encoding
        Overrides encoding detection of a text or HTML file (UTF-8, UTF-16 with BOM,
        GB18030/GBK); ignored for the other formats.

    Returns
    -------
    str
        The text in the shared form: paragraphs as lines, tables as tab-separated rows.

    Raises
    ------
    ParseError
        When the file is missing, unreadable, empty, too big, binary, a picture, not
        decodable, damaged, protected by a password, scanned without a text layer, an old
        format (.doc, .wps, .xls, .et) or a workbook without task columns or task rows;
        ``reason`` says which.
    """
    file = Path(path)
    data = read_limited(file)
    kind = file_kind(data, file)
    if kind == "text":
        text = _read_text(data, file, encoding)
    else:
        try:
            text = _read_binary(kind, data, file)
        except ParseError:
            raise
        except Exception as exc:  # noqa: BLE001 - a reader's library failing on odd content
            raise ParseError(f"{file.name} could not be read ({exc}).", "damaged") from None
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
