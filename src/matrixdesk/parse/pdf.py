"""PDF files with a text layer → the shared text form, with pypdfium2 (PDFium).

Each page's characters are read with their positions and grouped into printed lines by where
they stand (top to bottom, then left to right), not in the order the PDF's content stream happens
to draw them: a producer that writes a quotation mark in another font after the sentence would
otherwise put it in the wrong place. :func:`~matrixdesk.parse.pdffold.fold_pages` then turns the
lines into paragraphs. Why PDFium: docs/decisions.md.

A PDF that cannot give its text says why: a password, damage, pages that are only pictures (a
scan), or fonts without character codes (the text would come out as ``!"#$%``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from matrixdesk.parse.encoding import ParseError
from matrixdesk.parse.pdffold import Line, fold_pages
from matrixdesk.parse.pdftable import UNIT_END, Grid, find_grids
from matrixdesk.parse.table import Header, find_header, format_rows

_SPACE_GAP = 0.3  # a gap wider than this share of the line height separates two words
# Words of a task table's header: only pages holding one are searched for ruled tables.
_TABLE_HINTS = ("牵头", "责任", "配合", "主办", "协办", "指导", "序号")


def _is_text(ch: str) -> bool:
    """Characters a Chinese policy document is made of: CJK, their punctuation, ASCII."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2e80" <= ch <= "\u2fdf"
        or ch.isalnum()
        or ch in " ，。、；：？！“”‘’（）《》〔〕【】—…·-.,;:()%/"
    )


class _Glyph:
    __slots__ = ("ch", "x0", "x1", "y", "h")

    def __init__(self, ch: str, box: tuple[float, float, float, float]) -> None:
        left, bottom, right, top = box
        self.ch, self.x0, self.x1 = ch, left, right
        self.y, self.h = (top + bottom) / 2, max(top - bottom, 0.1)


def _glyphs(textpage: Any) -> Iterator[_Glyph]:
    import pypdfium2.raw as raw

    handle, rect = textpage.raw, raw.FS_RECTF()  # one rectangle reused: 300k calls a book
    unicode, box = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox
    generated = raw.FPDFText_IsGenerated
    for i in range(textpage.count_chars()):
        code = unicode(handle, i)
        if code == 32 and not generated(handle, i):
            pass  # a space the document holds (一行文本 separates its fields with them)
        elif code <= 32 or code == 0xFFFE or 0xD800 <= code <= 0xDFFF:
            continue  # spaces and line breaks PDFium inferred; positions decide them here
        if box(handle, i, rect):
            yield _Glyph(chr(code), (rect.left, rect.bottom, rect.right, rect.top))


def _line_text(glyphs: list[_Glyph]) -> str:
    """The line's characters left to right; a space where the document has one, or where a
    gap parts two ASCII words (a gap between Chinese characters is no space: letter-spaced
    headings would otherwise read 推动服务消 费)."""
    glyphs.sort(key=lambda g: g.x0)
    out: list[str] = []
    for previous, glyph in zip([None, *glyphs], glyphs, strict=False):
        if glyph.ch == " ":
            if out and out[-1] != " ":
                out.append(" ")
            continue
        if (
            previous is not None
            and out[-1:] != [" "]
            and glyph.x0 - previous.x1 > _SPACE_GAP * glyph.h
            and previous.ch.isascii()
            and glyph.ch.isascii()
        ):
            out.append(" ")
        out.append(glyph.ch)
    return "".join(out)


def page_lines(textpage: Any) -> list[Line]:
    """The printed lines of one page, top to bottom."""
    return _lines(list(_glyphs(textpage)))


def _lines(glyphs: list[_Glyph]) -> list[Line]:
    """Glyphs grouped into printed lines, top to bottom. A line is placed by its tallest glyph:
    a quotation mark sits high and a digit or full stop of a Latin font low (…各区属国企8.增强…),
    and measured from them the line's other glyphs would make lines of their own."""
    glyphs = sorted(glyphs, key=lambda g: -g.y)
    rows: list[list[_Glyph]] = []
    tallest: list[_Glyph] = []  # of each row
    for glyph in glyphs:
        if rows and abs(tallest[-1].y - glyph.y) < 0.5 * max(glyph.h, tallest[-1].h):
            rows[-1].append(glyph)
            if glyph.h > tallest[-1].h:
                tallest[-1] = glyph
        else:
            rows.append([glyph])
            tallest.append(glyph)
    lines = []
    for row, top in zip(rows, tallest, strict=True):
        text = _line_text(row)
        lines.append(Line(text, min(g.x0 for g in row), max(g.x1 for g in row), top.y, top.h))
    return lines


def _path_boxes(page: Any) -> list[tuple[float, float, float, float]]:
    import pypdfium2.raw as raw

    return [obj.get_bounds() for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,))]


class _Tables:
    """Task tables found in ruled grids, page after page (a table may run over pages)."""

    def __init__(self) -> None:
        self.header: Header | None = None  # of the table the last page ended in
        self.heading: list[str] = []  # its header rows, compacted, as a page repeats them
        self.width = 0
        self.last: tuple[Line, list[str]] | None = None  # its last row, as a line and cells

    def page(self, page: Any, glyphs: list[_Glyph]) -> list[Line]:
        """The page's lines: its task tables as tab-separated rows, the rest as printed."""
        text = "".join(g.ch for g in glyphs)
        if not any(hint in text for hint in _TABLE_HINTS) and self.header is None:
            return _lines(glyphs)
        grids = find_grids(_path_boxes(page), glyphs)
        used: set[int] = set()
        table_lines: list[Line] = []
        ended = True
        for grid in grids:
            rows = self._rows(grid)
            if rows is None:
                continue
            used |= grid.used
            size = max((g.h for i, g in enumerate(glyphs) if i in grid.used), default=10.0)
            for k, (row, cells) in enumerate(rows):
                line = Line(row, grid.left, grid.right, grid.top - k * 1e-3, size, True)
                table_lines.append(line)
                self.last = (line, cells)
            ended = grid is not grids[-1]
        if ended:
            self.header = None
        rest = [g for i, g in enumerate(glyphs) if i not in used]
        return sorted(_lines(rest) + table_lines, key=lambda line: -line.y)

    def _rows(self, grid: Grid) -> list[tuple[str, list[str]]] | None:
        """The grid's rows as (tab-separated line, cells), or None when it is no task table."""
        header = find_header(grid.rows)
        width = len(grid.rows[0])
        goes_on = self.header is not None and width == self.width
        if header is not None:
            start = header.last_row + 1 if goes_on else header.first_row
            titles = [] if goes_on else [" ".join(c for c in r if c) for r in grid.rows[:start]]
            self.header, self.width = header, width
            head = grid.rows[header.first_row : header.last_row + 1]
            self.heading = [_compact_row(r) for r in head]
            rows = grid.rows[start:]
        elif goes_on:
            # The heading repeated at the top of the page, told by its words: the page may
            # lack what made it a task table (a label cell 重点考核部门 standing on page 2).
            repeated = len(self.heading)
            same = [_compact_row(r) for r in grid.rows[:repeated]] == self.heading
            rows = grid.rows[repeated:] if same else grid.rows
        else:
            return None
        assert self.header is not None
        if goes_on and rows and self._continues_last(rows[0]):
            rows = rows[1:]
        if goes_on:
            rows = self._carried_down(rows)
        out = [(t, [t]) for t in titles if t] if header is not None else []
        return out + [(format_rows([r], self.header)[0], list(r)) for r in rows]

    def _carried_down(self, rows: list[list[str]]) -> list[list[str]]:
        """Rows at the top of a page before the first numbered one sit in cells merged down
        from the last page (序号 2 and 县农粮局 spanning three rows): the number and the unit
        cells the page left empty are those of the last row."""
        number = self.header.columns.get("number", [None])[0] if self.header else None
        if number is None or self.last is None or not self.last[1][number]:
            return rows
        above = self.last[1]
        parties = {number} | _party_cells(self.header)
        out = []
        for k, row in enumerate(rows):
            if row[number] or len(row) != len(above):
                out += rows[k:]
                break
            out.append([above[j] if j in parties and not c else c for j, c in enumerate(row)])
        # A label cell (重点考核部门) merged over many rows is printed once, on the page its
        # middle falls on: on the pages after, it labels the units beside it still.
        for j in self.header.columns.get("label", []):
            label = above[j] if j < len(above) else ""
            for row in out:
                if j + 1 < len(row) and row[j]:
                    label = row[j]
                elif j + 1 < len(row) and row[j + 1]:
                    row[j] = label
        return out

    def _continues_last(self, row: list[str]) -> bool:
        """A row broken by the page: its first cells are empty; it is added to the last row."""
        number = self.header.columns.get("number", [0])[0] if self.header else 0
        if self.last is None or row[number] or not any(row):
            return False
        line, cells = self.last
        if len(cells) != len(row) or not cells[number]:
            return False
        parties = _party_cells(self.header) if self.header else set()
        merged = [
            _join_broken(a, b, j in parties)
            for j, (a, b) in enumerate(zip(cells, row, strict=True))
        ]
        line.text = format_rows([merged], self.header)[0]
        self.last = (line, merged)
        return True


def _on_page(page: Any, glyphs: Iterator[_Glyph]) -> list[_Glyph]:
    """The glyphs printed on the page: a table laid out wider than the page (LibreOffice) keeps
    the text of its cut-off columns in the PDF, outside the page, where no one reads it."""
    width, height = page.get_size()
    return [g for g in glyphs if 0 <= (g.x0 + g.x1) / 2 <= width and 0 <= g.y <= height]


def _compact_row(row: list[str]) -> str:
    return "|".join("".join(c.split()) for c in row if c.strip())


def _join_broken(before: str, after: str, party: bool) -> str:
    """A cell broken by the page, joined: text runs on; in a unit cell a name ending at the
    page's foot (县委宣传部 / 县教育局) is one unit and the next another, as in one cell."""
    if party and before and after and UNIT_END.search(before):
        return before + "\n" + after
    return before + after


def _party_cells(header: Header) -> set[int]:
    """The columns of a task table that name units (a label column: the cell beside it)."""
    cells = {
        j for kind in ("lead", "support", "guide", "duty") for j in header.columns.get(kind, [])
    }
    labels = header.columns.get("label", [])
    return cells | set(labels) | {j + 1 for j in labels}


def _open(data: bytes, name: str) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise ParseError(
                f"{name} is protected by a password; open it, save an unprotected copy "
                "(or ask for the Word version), then import that file.",
                "encrypted",
                detail="pdf",
            ) from None
        raise ParseError(f"{name} is damaged and cannot be opened as a PDF.", "damaged") from None


def _has_images(document: Any) -> bool:
    import pypdfium2.raw as raw

    for page in document:
        found = any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
        page.close()
        if found:
            return True
    return False


def _check_readable(pages: list[list[Line]], document: Any, name: str) -> None:
    text = "".join(line.text for page in pages for line in page)
    # Walking every page's objects costs as much as reading its text: only for sparse text.
    if not text or len(text) < 20 * max(1, len(pages)) and _has_images(document):
        raise ParseError(
            f"{name}: this PDF has no text layer; it looks scanned (pages are pictures). Ask "
            "for the Word or text version, or run text recognition (OCR) on it first.",
            "scanned",
        )
    readable = sum(1 for ch in text if _is_text(ch))
    if readable < 0.8 * len(text):
        raise ParseError(
            f"{name}: the text in this PDF cannot be read (its fonts carry no character "
            "codes, so it comes out as symbols). Ask for the Word or text version.",
            "garbled",
        )


def pdf_to_text(data: bytes, name: str = "document.pdf") -> str:
    """The text of a PDF with a text layer, one paragraph per line.

    Parameters
    ----------
    data
        The file's bytes.
    name
        The file name, for messages.

    Raises
    ------
    ParseError
        ``encrypted`` (a password is needed to open it), ``damaged``, ``scanned`` (no text
        layer) or ``garbled`` (text without usable character codes).
    """
    document = _open(data, name)
    tables = _Tables()
    try:
        pages: list[list[Line]] = []
        for page in document:
            textpage = page.get_textpage()
            try:
                pages.append(tables.page(page, _on_page(page, _glyphs(textpage))))
            finally:
                textpage.close()
                page.close()
        _check_readable(pages, document, name)
    except ParseError:
        raise
    except Exception as exc:  # PDFium can fail on a broken page
        raise ParseError(f"{name} is damaged: {exc}", "damaged") from None
    finally:
        document.close()
    return fold_pages(pages)
