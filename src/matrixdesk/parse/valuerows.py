"""An indicator table crawled into one line, read by its header.

``序号指标名称2020年完成值2025年目标值责任单位养老方面1养老服务床位总量（张）25783000区社会事业局
2养老机构护理型床位占比（%）-60区社会事业局…`` — a table of targets whose cells lost every
separator: the header names a number column, the indicator's name, one or more value columns
(…值, …数) and, last, one column of units. Each row is then its number, the indicator's name up
to its unit in brackets (（张）, （%）), the values run together (digits, ``.``, ``%``, ``-``) and
the units glued to one another, cut one by one as the shortest name the organisation recogniser
accepts. A short title between rows (养老方面, 托育方面) groups them and may restart the count.

The rows are rewritten tab-separated (read by :mod:`.table`, which takes the indicator's name
for the task); the prose around the table stays as it was. At least three rows, else the text
is returned unchanged. Every step is a bounded match, so the pass is linear.
"""

from __future__ import annotations

import re

from matrixdesk.parse.orgs import MAX_NAME, OrgKind, classify

__all__ = ["rewrite_value_tables"]

_HEADER = re.compile(
    r"序号(?P<name>[\u4e00-\u9fff]{0,6}(?:名称|指标))"
    r"(?P<values>(?:(?:20[0-9]{2}年)?[\u4e00-\u9fff]{0,6}[值数]){1,4})"
    r"(?P<party>(?:主要)?(?:责任单位|责任部门|牵头单位|牵头部门))"
)
_GROUP = re.compile(r"[\u4e00-\u9fff]{2,8}(?=[0-9])")
_VALUES = re.compile(r"[-0-9.%％]+")
_UNIT = re.compile(r".{1,60}?[）)](?=[-0-9.%％]+[\u4e00-\u9fff])")
_MIN_ROWS = 3
_RUN = re.compile(r"[\u4e00-\u9fff（）()、]{2,120}")
_LEVEL = "区市县省镇乡各"  # a level prefix begins the next glued name
_ORGAN_END = "局厅委办府院部署行会社室心团关组班队站所构门位司科处口）)"


def _is_name(piece: str) -> bool:
    return len(piece) <= MAX_NAME and classify(piece) in (OrgKind.ORG, OrgKind.COLLECTIVE)


def _glued_names(text: str, pos: int) -> tuple[int, list[str]]:
    """(end, names) of the unit names glued together from ``pos`` with no separator: a name
    ends where the next begins with a level prefix (区社会事业局|区资源生态局); the last one is the
    longest name the recogniser accepts (区社会事业局|养老方面…)."""
    run = _RUN.match(text, pos)
    if run is None:
        return pos, []
    words, names, start = run.group(), [], 0
    while start < len(words):
        cut = next(
            (
                j
                for j in range(start + 2, min(len(words), start + MAX_NAME))
                if words[j] in _LEVEL and _is_name(words[start:j])
            ),
            0,
        )
        if not cut:
            cut = next(
                (
                    j
                    for j in range(min(len(words), start + MAX_NAME), start + 1, -1)
                    if words[j - 1] in _ORGAN_END and _is_name(words[start:j])
                ),
                0,
            )
            if cut:
                names.append(words[start:cut])
            return pos + (cut or start), names
        names.append(words[start:cut])
        start = cut
    return pos + start, names


def _row(text: str, pos: int, number: int) -> tuple[int, str, str, list[str], str] | None:
    """(end, name, values, units, group title) of row ``number`` at ``pos`` (or after a group
    title that restarts the count at 1), or None."""
    for title, restart in (("", 0), *_titled(text, pos)):
        expected = 1 if restart else number
        at = pos + len(title)
        mark = str(expected)
        if not text.startswith(mark, at) or text[at + len(mark) : at + len(mark) + 1] in "、.．":
            continue
        name = _UNIT.match(text, at + len(mark))
        if name is None:
            continue
        values = _VALUES.match(text, name.end())
        end, units = _glued_names(text, values.end())
        if units:
            return end, name.group(), values.group(), units, "restart" if restart else ""
    return None


def _titled(text: str, pos: int) -> list[tuple[str, int]]:
    """A group title before the row: the count goes on (养老方面4…) or restarts (托育方面1…)."""
    match = _GROUP.match(text, pos)
    return [] if match is None else [(match.group(), 0), (match.group(), 1)]


def rewrite_value_tables(text: str) -> str:
    """``text`` with a flattened indicator table rewritten as tab-separated rows."""
    if "序号" not in text:
        return text
    for header in _HEADER.finditer(text):
        rows: list[str] = []
        pos, number = header.end(), 1
        while (row := _row(text, pos, number)) is not None:
            end, name, values, units, group = row
            if group:
                number = 1
            rows.append(f"{number}\t{name}\t{values}\t{'；'.join(units)}")
            pos, number = end, number + 1
        if len(rows) >= _MIN_ROWS:
            head = (
                f"序号\t{header.group('name')}\t{header.group('values')}\t{header.group('party')}"
            )
            table = "\n".join([head, *rows])
            return f"{text[: header.start()].rstrip()}\n{table}\n{text[pos:].lstrip()}"
    return text
