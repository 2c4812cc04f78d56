"""Word documents (.docx) → the shared text form, with python-docx.

Paragraphs become lines and tables tab-separated rows (see :func:`~matrixdesk.parse.table.
format_rows`), in document order, so the 附件 任务分工表 at the end of a notice follows the notice.
Word's automatic list numbers are written out (:mod:`matrixdesk.parse.wordlists`). Text in
deleted revisions, in the fallback copy of drawings and in text boxes is left out; headers and
footers (page numbers, the running title) are not read.

A horizontally merged cell is read once, in its first column; a vertically merged cell repeats
its text in every row it spans, as a unit named once for three tasks belongs to all three.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from matrixdesk.parse.encoding import ParseError
from matrixdesk.parse.table import format_rows
from matrixdesk.parse.wordlists import ListNumbers, W

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not part of the paragraph as printed.
_SKIP = {W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "txbxContent", _MC_FALLBACK}
_BREAKS = {W + "br", W + "cr"}


def _collect(element: Any, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab":
            out.append(" ")  # a tab stop is spacing; tabs in the shared form separate cells
        elif tag in _BREAKS:
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag not in _SKIP and len(child):
            _collect(child, out)


def paragraph_text(p: Any) -> str:
    """A paragraph's text as printed (line breaks kept, tabs as spaces)."""
    out: list[str] = []
    _collect(p, out)
    return "".join(out).replace("\t", " ")


class _Reader:
    def __init__(self, document: Any) -> None:
        part = document.part
        numbering = _part_element(part, "numbering_part")
        styles = _part_element(part, "_styles_part")
        self.lists = ListNumbers(numbering, styles)
        self.parent = document._body

    def blocks(self, container: Any) -> Iterator[str]:
        """Lines of a body, cell or content control: paragraphs, then tables as rows."""
        for child in container:
            tag = child.tag
            if tag == W + "p":
                text = paragraph_text(child).strip()
                label = self.lists.label(child)
                if text or label:
                    yield label + text
            elif tag == W + "tbl":
                yield from format_rows(self.table_rows(child))
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self.blocks(content)

    def cell_text(self, tc: Any) -> str:
        """A cell's paragraphs (and nested tables' text) as lines."""
        lines = []
        for line in self.blocks(tc):
            lines.append(" ".join(part for part in line.split("\t") if part.strip()))
        return "\n".join(lines)

    def table_rows(self, tbl: Any) -> list[list[str]]:
        from docx.table import Table

        rows: list[list[str]] = []
        for row in Table(tbl, self.parent).rows:
            cells = [""] * row.grid_cols_before
            previous = None
            for cell in row.cells:
                same = cell._tc is previous
                previous = cell._tc
                cells.append("" if same else self.cell_text(cell._tc))
            rows.append(cells)
        return rows


def _part_element(part: Any, attribute: str) -> Any | None:
    try:
        return getattr(part, attribute).element
    except (KeyError, AttributeError, NotImplementedError):
        return None


_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def without_dangling_links(data: bytes) -> bytes:
    """The package with internal relationships to parts it does not hold left out.

    LibreOffice writes a link to a place in the document (``<a href="#">`` of a saved page) as
    an internal relationship with the target ``#``; python-docx then looks for a part ``word/#``
    and gives up on the whole file. Such a link has no text of its own to lose.
    """
    import posixpath

    from lxml import etree

    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    names = set(source.namelist())
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith(".rels"):
                base = posixpath.dirname(posixpath.dirname(info.filename))
                root = etree.fromstring(content)
                for rel in list(root.iter(_RELS)):
                    ref = rel.get("Target", "").split("#")[0]
                    path = ref.lstrip("/") if ref.startswith("/") else posixpath.join(base, ref)
                    external = rel.get("TargetMode") == "External"
                    if not external and posixpath.normpath(path) not in names:
                        root.remove(rel)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            out.writestr(info, content)
    return target.getvalue()


def _open(data: bytes, name: str) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        try:
            return docx.Document(io.BytesIO(data))
        except KeyError:  # a relationship to a part the package does not hold
            return docx.Document(io.BytesIO(without_dangling_links(data)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ParseError(
            f"{name} is damaged and cannot be opened as a Word document ({exc}).", "damaged"
        ) from None
    except Exception as exc:  # lxml's XMLSyntaxError and friends: a broken part
        raise ParseError(f"{name} is damaged: {exc}", "damaged") from None


def docx_to_text(data: bytes, name: str = "document.docx") -> str:
    """The text of a .docx file: paragraphs as lines, tables as tab-separated rows.

    Parameters
    ----------
    data
        The file's bytes.
    name
        The file name, for messages.

    Raises
    ------
    ParseError
        ``damaged`` when the package or its XML is broken.
    """
    document = _open(data, name)
    try:
        return "\n".join(_Reader(document).blocks(document.element.body))
    except (ValueError, KeyError, AttributeError) as exc:
        raise ParseError(f"{name} is damaged: {exc}", "damaged") from None
