"""A task table crawled into one line with every cell separator lost, read by its header.

``序号主要工作任务具体工作措施完成时限主要责任单位任务来源1推进生态文明建设1、建立…领导小组3月
区经发局区环土局1、平潭…（岚综委〔2016〕5号）2、…`` — the header row is still there and names the
columns in order. When it names a task, a deadline and, right after the deadline, one column of
units, the rows are read with it:

* a row's task is numbered ``N、`` continuing the table's count (1、 2、 3、 …), so a later
  column's own list (任务来源's 1、2、, restarting every row) numbers no task: of the markers
  ``N、`` before the row's deadline, the last is the task's;
* the deadline (3月, 12月底, 全年, 长期, 2016年6月 …) ends the task's words, and counts only when
  an organisation's name follows it;
* the units after it are cut one by one as the shortest name the organisation recogniser
  accepts (:func:`~matrixdesk.parse.runon.name_prefix`), with or without 、 between them; the
  first word that is no name ends them, and what follows up to the next row (a source list)
  is a column the matrix does not use. A body of a committee or government without a level of
  its own (区委 | 宣传部) is kept with it: 区委宣传部;
* with two task columns (主要工作任务 | 具体工作措施) the first groups the rows: its number and
  title stand before the group's first task (``2分解推动…目标责任的落实7、分解…``).

The table is rewritten in the notice layout the parser reads (as :mod:`.table` does for
tab-separated tables): a part heading per group, ``N、task`` with the number as written, then
``责任单位：A、B`` (or the header's own kind of unit column) and ``完成时限：…`` lines. The prose
before and after the table stays as it was. Text without such a header is returned unchanged.
A text hard-wrapped at a fixed width (a PDF's lines, a narrow column) is read with its line
breaks taken out when the header is found only that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matrixdesk.parse.orgs import MAX_NAME
from matrixdesk.parse.runon import name_prefix
from matrixdesk.parse.table import FIELD_LABEL, column_kind
from matrixdesk.parse.wordlists import chinese_numeral

__all__ = ["rewrite_flat_tables"]

# One header cell: a column name ending in one of the words column names end with. Whole
# names that would otherwise be cut early (任务来源 is not 任务 | 来源) come first.
_CELL = re.compile(
    r"(?:任务来源|工作来源|政策依据|文件依据|工作依据|备注)"
    r"|[\u4e00-\u9fff]{0,10}?(?:序号|编号|任务|措施|举措|内容|事项|时限|期限|时间|节点|安排|单位"
    r"|部门|主体|类别|领域|板块|分类|来源|依据|备注|要求|目标)"
)
_HEADER_START = re.compile(r"序号|编号")
_OTHER_CELL = re.compile(r"(?:来源|依据|备注)$")
_PARTY_KINDS = ("lead", "duty", "support")
_DEADLINE = re.compile(
    r"(?:20\d\d年)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:底前|底|前|上旬|中旬|下旬)?"
    r"|20\d\d年(?:底前|底|前)|全年|长期|持续推进|常态化|年底前|年底"
)
_SEPARATORS = "、，,"
_OWNER = re.compile(r"(?:委|政府)$")  # 区委 | 宣传部: its own department, one name
_LEVELS = "省市州县区旗乡镇街村各相有国中"
_NAME_RUN = re.compile(r"[\u4e00-\u9fff（）()]+")
_MAX_COLUMNS = 12
_MIN_ROWS = 3  # fewer rows read this way are more likely prose than a table
_MAX_GAP = 3000  # characters searched for the next row before the table is taken as ended
_MAX_TITLE = 40
_TITLE_BAD = re.compile(r"[（）()〔〕《》“”。；;：:]")


@dataclass
class _Row:
    number: int
    text: str
    deadline: str
    units: list[str]
    end: int  # after the row's last unit
    group: str = ""  # the title of the group this row opens, if it opens one


@dataclass
class _Table:
    start: int  # where the header begins
    end: int  # after the last row's units
    party_kind: str
    rows: list[_Row] = field(default_factory=list)


def _header(text: str, at: int) -> tuple[int, list[str]] | None:
    """(end, column kinds) of a flattened header starting at ``at``, or None."""
    kinds, pos = [], at
    while len(kinds) < _MAX_COLUMNS and (match := _CELL.match(text, pos)) is not None:
        cell = match.group()
        kinds.append("other" if _OTHER_CELL.search(cell) else column_kind(cell) or "other")
        pos = match.end()
        if pos < len(text) and text[pos].isdigit():
            break
    if pos >= len(text) or not text[pos].isdigit() or "task" not in kinds:
        return None
    if "deadline" not in kinds:
        return None
    after = kinds.index("deadline") + 1
    if after >= len(kinds) or kinds[after] not in _PARTY_KINDS:
        return None  # the units must follow the deadline, in one column
    if sum(kind in _PARTY_KINDS for kind in kinds) != 1:
        return None
    return pos, kinds


def _name_at(text: str, at: int) -> int:
    """Length of the shortest organisation name beginning at ``at`` (0 if none): a run of
    Chinese characters (brackets allowed inside), never a number or a separator."""
    run = _NAME_RUN.match(text, at, at + MAX_NAME)
    return name_prefix(run.group()) if run else 0


def _units(text: str, pos: int) -> tuple[int, list[str]]:
    """(end, names) of the units glued together from ``pos``. A body of a committee or a
    government named without a level of its own (区委宣传部, 区政府办公室) stays one name."""
    names: list[str] = []
    while True:
        glued = not (names and text[pos : pos + 1] in _SEPARATORS)
        start = pos if glued else pos + 1
        cut = _name_at(text, start)
        if not cut:
            return pos, names
        name = text[start : start + cut]
        if glued and names and _OWNER.search(names[-1]) and name[0] not in _LEVELS:
            names[-1] += name
        else:
            names.append(name)
        pos = start + cut


def _marker(text: str, number: int, start: int, end: int, bare: bool) -> tuple[int, int]:
    """(offset, length) of the row's number in ``text[start:end]``: the last ``N、`` not inside
    a longer number, else (``bare``: no group numbers to confuse it with) a bare ``N`` opening
    the range (a 序号 cell of its own); (-1, 0)."""
    mark = f"{number}、"
    at = text.rfind(mark, start, end)
    while at > start and text[at - 1].isdigit():
        at = text.rfind(mark, start, at)
    if at >= start and not (at > 0 and text[at - 1].isdigit()):
        return at, len(mark)
    if not bare:
        return -1, 0
    digits = str(number)
    first = start
    while first < end and text[first] in " \u3000":
        first += 1
    after = first + len(digits)
    if text.startswith(digits, first) and after < end and not text[after].isdigit():
        return first, len(digits)
    return -1, 0


def _group(text: str, number: int, start: int, end: int) -> str:
    """The title of group ``number`` standing in ``text[start:end]`` before a task, or ""."""
    mark, at = str(number), end
    while (at := text.rfind(mark, start, at)) >= 0:
        after = at + len(mark)
        title = text[after:end].strip()
        before_digit = at > 0 and text[at - 1].isdigit()
        if not before_digit and after < end and not text[after].isdigit() and text[after] != "、":
            if title and len(title) <= _MAX_TITLE and not _TITLE_BAD.search(title):
                return title
    return ""


def _next_row(text: str, number: int, pos: int, grouped: bool, group: int) -> _Row | None:
    """The row numbered ``number`` after ``pos`` (its end in ``row``), or None."""
    limit = min(len(text), pos + _MAX_GAP)
    for deadline in _DEADLINE.finditer(text, pos, limit):
        if not _name_at(text, deadline.end()):
            continue
        at, width = _marker(text, number, pos, deadline.start(), not grouped)
        if at < 0:
            continue
        end, names = _units(text, deadline.end())
        title = _group(text, group + 1, pos, at) if grouped else ""
        body = text[at + width : deadline.start()].strip()
        return _Row(number, body, deadline.group(), names, end, title)
    return None


def _read_table(text: str, start: int, end: int, kinds: list[str]) -> _Table:
    party_kind = next(kind for kind in kinds if kind in _PARTY_KINDS)
    table = _Table(start, end, party_kind)
    grouped = kinds.count("task") + kinds.count("part") >= 2
    pos, group = end, 0
    while (row := _next_row(text, len(table.rows) + 1, pos, grouped, group)) is not None:
        if row.group:
            group += 1
        table.rows.append(row)
        pos = table.end = row.end
    return table


def _lines(table: _Table) -> tuple[list[str], list[int]]:
    """The notice layout of ``table`` and the indexes of its lines holding a task's words."""
    lines: list[str] = []
    quiet: list[int] = []
    label = FIELD_LABEL[table.party_kind]
    groups = 0
    for row in table.rows:
        if row.group:
            groups += 1
            lines.append(f"{chinese_numeral(groups)}、{row.group}")
        quiet.append(len(lines))
        lines.append(f"{row.number}、{row.text}")
        lines.append(f"{label}：{'、'.join(row.units)}")
        lines.append(f"完成时限：{row.deadline}")
    return lines, quiet


def _find(text: str) -> _Table | None:
    for match in _HEADER_START.finditer(text):
        found = _header(text, match.start())
        if found is None:
            continue
        table = _read_table(text, match.start(), found[0], found[1])
        if len(table.rows) >= _MIN_ROWS:
            return table
    return None


def _unwrapped(text: str) -> tuple[_Table, int, int] | None:
    """The table of a text hard-wrapped at a fixed width (a PDF's lines, a narrow column):
    read with its line breaks taken out, and its (start, end) in ``text``."""
    joined = text.replace("\n", "")
    if not _HEADER_START.search(joined):
        return None
    table = _find(joined)
    if table is None:
        return None
    breaks = [m.start() for m in re.finditer("\n", text)]

    def where(at: int) -> int:  # offset in text of offset ``at`` of joined
        lo, hi = 0, len(breaks)
        while lo < hi:  # breaks before it: the first k with breaks[k] - k > at
            mid = (lo + hi) // 2
            if breaks[mid] - mid <= at:
                lo = mid + 1
            else:
                hi = mid
        return at + lo

    return table, where(table.start), where(table.end - 1) + 1


def rewrite_flat_tables(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with a flattened task table rewritten in the notice layout, and the spans of
    the lines holding a task's own words after their first character (as
    :func:`~matrixdesk.parse.table.rewrite_tables_quiet` gives them: a list inside a task
    numbers no heading)."""
    if "序" not in text and "编" not in text:
        return text, []
    table = _find(text)
    if table is not None:
        start, end = table.start, table.end
    elif "\n" in text and (found := _unwrapped(text)) is not None:
        table, start, end = found
    else:
        return text, []
    before, after = text[:start].rstrip(), text[end:].strip(" \u3000\n")
    lines, quiet = _lines(table)
    offset = len(before) + 1 if before else 0
    spans = []
    for k, line in enumerate(lines):
        if k in quiet:
            spans.append((offset + 1, offset + len(line)))
        offset += len(line) + 1
    body = "\n".join(([before] if before else []) + lines + ([after] if after else []))
    return body, spans
