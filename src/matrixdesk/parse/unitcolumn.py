"""A table crawled into one line whose last column names the units, each row ending a sentence.

``序号存 在 问 题整改责任单位98 坛西大道辅道项目…开工尚无时间表。 岚城片区开发管理局、
区环境与国土资源局99 流水食品加工园…`` — a 问题清单 or 整改 table flattened with every cell
separator lost. Its header (序号, the columns' names, spaces the crawl left inside them
allowed) ends with a party column (整改责任单位, 责任单位, 牵头单位 …) and runs straight into the
first row's number, which need not be 1 (a table continued from elsewhere). The rows are read
with it:

* row ``N`` runs to the next row's number ``N+1``; its units are the words between the row's last
  sentence end (。) and that number, when every one of them is an organisation's name (with or
  without 、 between them: two glued names part where an organ's last character meets a level,
  …计划生育局区环境与国土资源局);
* a scope note after a unit (``区效能办（1-2）``: the sub-items it answers for) is not part of it;
* the last row's units end at the first word after them that is no name (the signature line).

The table is rewritten in the notice layout the parser reads (``N、<row's words>`` and
``责任单位：A、B`` lines, the header's own kind of unit column), as :mod:`.flatrows` does for the
tables with a deadline column; text without such a header (or with fewer than three rows) is
returned unchanged.
"""

from __future__ import annotations

import re

from matrixdesk.parse.orgs import OrgKind, classify
from matrixdesk.parse.table import FIELD_LABEL, column_kind

__all__ = ["rewrite_scored_tables", "rewrite_unit_column_tables"]

_HEADER = re.compile(
    r"序号(?P<cells>[\u4e00-\u9fff \u3000]{4,40}?)[ \u3000]*(?P<first>[0-9]{1,3})(?![0-9])"
)
_PARTY_KINDS = ("lead", "support", "duty")
_SCOPE = re.compile(r"[（(][0-9０-９\-－—~～、，,]{1,12}[)）]")
_NAME_RUN = re.compile(r"[\u4e00-\u9fff（）()]+")
_SEPARATORS = "、，,"
_LEVELS = "省市州县区旗乡镇街村各国中平"  # how the next of two glued names may begin
_ORGAN_END = "局厅委办府院部署行会社室心团关组班队站所构门位司科处口场"
_SPACES = " \u3000\xa0"
_MIN_ROWS = 3
_MAX_ROW = 4000  # characters searched for the next row before the table is taken as ended


def _party_kind(cells: str) -> str | None:
    """The kind of the party column ending the header ``cells`` (spaces removed), or None."""
    name = re.sub(r"\s+", "", cells)
    for cut in range(len(name) - 2, -1, -1):
        kind = column_kind(name[cut:])
        if kind in _PARTY_KINDS and name[cut:].endswith(("单位", "部门")):
            return kind
    return None


def _units(segment: str) -> list[str] | None:
    """The names making up ``segment`` entirely (glued or separated by 、), or None."""
    text = _SCOPE.sub("", segment).strip(_SPACES)
    names: list[str] = []
    for piece in re.split(f"[{_SEPARATORS}]", text):
        found = _glued(piece) if _NAME_RUN.fullmatch(piece) else None
        if not found:
            return None
        names += found
    return names or None


def _glued(piece: str) -> list[str] | None:
    """``piece`` as one name or several glued together: a name ends with an organ's last
    character where the next begins with a level (…计划生育局区环境与国土资源局), so 区社会事业局
    is never cut into 区社 | 会事业局."""
    for cut in range(2, len(piece) - 1):
        if piece[cut] in _LEVELS and piece[cut - 1] in _ORGAN_END and _is_org(piece[:cut]):
            rest = _glued(piece[cut:])
            if rest:
                return [piece[:cut], *rest]
    return [piece] if _is_org(piece) else None


def _is_org(name: str) -> bool:
    return classify(name) in (OrgKind.ORG, OrgKind.COLLECTIVE)


def _last_units(text: str, start: int) -> tuple[list[str], int]:
    """The last row's units from ``start``: names up to the first word that is none."""
    end = start
    while end < len(text) and text[end] not in _SPACES + "\n":
        end += 1
    names = _units(text[start:end])
    return (names, end) if names else ([], start)


def _rows(text: str, first: int, pos: int) -> tuple[list[tuple[int, str, list[str]]], int]:
    """(rows, end) of the table whose first row number ``first`` begins at ``pos``."""
    rows: list[tuple[int, str, list[str]]] = []
    number = first
    while True:
        body_start = pos + len(str(number))
        mark = str(number + 1)
        at = text.find(mark, body_start, body_start + _MAX_ROW)
        found = None
        while at >= 0 and found is None:
            after = text[at + len(mark) : at + len(mark) + 1]
            if not text[at - 1].isdigit() and not after.isdigit():
                stop = text.rfind("。", body_start, at)
                if stop >= 0:
                    names = _units(text[stop + 1 : at])
                    if names:
                        found = (stop + 1, names)
            if found is None:
                at = text.find(mark, at + 1, body_start + _MAX_ROW)
        if found is None:
            stop = text.find("。", body_start)
            while stop >= 0:
                names, end = _last_units(text, _skip(text, stop + 1))
                if names:
                    rows.append((number, text[body_start : stop + 1].strip(), names))
                    return rows, end
                stop = text.find("。", stop + 1, body_start + _MAX_ROW)
            return rows, pos
        rows.append((number, text[body_start : found[0]].strip(), found[1]))
        number, pos = number + 1, at


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACES:
        at += 1
    return at


def rewrite_unit_column_tables(text: str) -> str:
    """``text`` with a table whose last column names the units, flattened into one line,
    rewritten in the notice layout (see the module docstring); other text unchanged."""
    if "序号" not in text:
        return text
    for match in _HEADER.finditer(text):
        kind = _party_kind(match.group("cells"))
        if kind is None:
            continue
        rows, end = _rows(text, int(match.group("first")), match.start("first"))
        if len(rows) < _MIN_ROWS:
            continue
        label = FIELD_LABEL[kind]
        lines = [f"{n}、{words}\n{label}：{'、'.join(names)}" for n, words, names in rows]
        before, after = text[: match.start()].rstrip(), text[end:].strip(_SPACES)
        return "\n".join(part for part in (before, *lines, after) if part)
    return text


# A 考核表 flattened the same way: ``考核内容…考核部门…牵头部门配合部门(单位)`` then scored rows
# ``1.耕地保有量(6分)区环境与国土资源局区农村发展局（农业处） 2.…``, a section's text
# (保护耕地(12分)) between some. A row's parties are the names after its score, the first-named
# leading; a name with its office in brackets after it is one party.
_SCORED_HEADER = re.compile(r"考核部门.{0,12}?牵头部门配合部门(?:[（(]单位[)）])?")
_SCORED_ROW = re.compile(
    r"(?<![0-9])(?P<n>[0-9]{1,3})[.．](?P<item>[^。]{2,120}?)[（(][0-9.]{1,4}分[)）]"
)
_SIGNED = re.compile(r"\S+[ \u3000]+[0-9]{4}年")
_OFFICE = re.compile(r"[ \u3000]*[（(][^（()）]{1,20}[)）]")


def _split_names(piece: str) -> list[str] | None:
    """``piece`` as names glued together, a bracketed office kept with its name."""
    if _is_org(piece) or _is_org(_OFFICE.sub("", piece)):
        if not any(_is_org(piece[:cut]) and _split_names(piece[cut:]) for cut in _name_cuts(piece)):
            return [piece]
    for cut in _name_cuts(piece):
        if _is_org(_OFFICE.sub("", piece[:cut])):
            rest = _split_names(piece[cut:])
            if rest:
                return [piece[:cut], *rest]
    return None


def _name_cuts(piece: str) -> list[int]:
    return [
        cut
        for cut in range(3, len(piece) - 2)
        if piece[cut] in _LEVELS or (piece[cut - 1] in "）)" and piece[cut] not in "（(")
    ]


def _scored_parties(segment: str) -> list[str]:
    """The names opening ``segment``, up to the first word that is none."""
    words = re.sub(r"[ \u3000]+(?=[（(])", "", segment).split()
    names: list[str] = []
    for word in words:
        found = _split_names(word)
        if not found:  # the last names run into a section's text (…资源局提高粮食生产能力)
            cut = next((c for c in range(min(len(word), 60), 2, -1) if _split_names(word[:c])), 0)
            return names + (_split_names(word[:cut]) if cut else [])
        names += found
    return names


def rewrite_scored_tables(text: str) -> str:
    """``text`` with a flattened 考核表 (牵头部门 | 配合部门 columns, scored rows) rewritten in
    the notice layout; other text unchanged."""
    header = _SCORED_HEADER.search(text) if "牵头部门配合部门" in text else None
    if header is None:
        return text
    rows = list(_SCORED_ROW.finditer(text, header.end()))
    lines: list[str] = []
    for number, row in enumerate(rows, start=1):
        if int(row.group("n")) != number:
            break
        end = rows[number].start() if number < len(rows) else len(text)
        segment = _SIGNED.split(text[row.end() : end])[0]  # the issuer's signature ends the last
        names = _scored_parties(segment)
        if not names:
            break
        lines.append(f"{number}.{row.group('item')}\n{FIELD_LABEL['lead']}：{names[0]}")
        if names[1:]:
            lines.append(f"{FIELD_LABEL['support']}：{'、'.join(names[1:])}")
    if len(lines) < _MIN_ROWS:
        return text
    return "\n".join([text[: header.start()].rstrip(), *lines])
