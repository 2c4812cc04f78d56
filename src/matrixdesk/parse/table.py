"""Task-division tables (tab-separated rows with a header row) → the notice layout.

Coordinators often receive the 任务分工 table itself rather than the document: 序号 | 重点任务 |
牵头单位 | 配合单位 | 完成时限, pasted out of Word or Excel, or read from a .docx, .xlsx or .html
file (the readers write every table as tab-separated rows, see :func:`format_rows`). Such a table
is rewritten as the task-division notice layout the parser already reads — a numbered task
followed by its ``牵头单位：…`` / ``配合单位：…`` / ``责任单位：…`` / ``完成时限：…`` lines — so the
same rules for parties, roles, deadlines and targets apply, and the rewritten text is what the
plan keeps as its source. A table may stand anywhere in a longer text (the 附件 at the end of a
notice): :func:`rewrite_tables` rewrites each one in place and leaves the prose around it alone.

Columns are found by their header, in any order, the header possibly spread over two rows (a
merged 责任单位 above 牵头单位 | 配合单位):

* task: 重点任务, 主要任务, 工作任务, 具体措施, 工作内容, 改革事项 …
* lead: 牵头单位/部门, 主办单位, 主责单位 — every unit named leads;
* support: 配合单位/部门, 协办单位, 参与单位, 协同单位 — every unit named supports;
* duty: 责任单位/部门, 负责单位, 实施主体 — the first named leads, the others support;
* guide: 指导部门/单位 — support beside a lead or duty column, otherwise read as duty;
* deadline: 完成时限, 完成时间, 时间节点, 进度安排;
* part: 类别, 领域, 板块 (or the first of two task columns) — a new value starts a part.

A header needs a task column and a lead, duty or guide column. A row whose only filled cell is a
heading (``一、扩大消费``, or a short line without a sentence end in a merged row) is a part
heading; other rows are tasks, numbered as the table's 序号 column numbers them when it counts
1, 2, 3 … (across parts or within them), else 1., 2. … within their part.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from matrixdesk.parse.labels import label_kind
from matrixdesk.parse.numbering import cn_to_int

# Header words, tried in this order (牵头 before 责任: 牵头责任单位 leads).
_KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("number", ("序号", "编号")),
    ("lead", ("牵头", "主办", "主责")),
    ("support", ("配合", "协办", "协同", "参与", "协助")),
    ("guide", ("指导",)),
    ("duty", ("责任单位", "责任部门", "负责单位", "负责部门", "实施主体", "责任主体", "承办")),
    ("deadline", ("时限", "完成时间", "时间节点", "进度安排", "时间安排", "完成期限")),
    ("part", ("类别", "领域", "分类", "板块")),
    (
        "task",
        (
            "任务",
            "措施",
            "举措",
            "工作内容",
            "重点工作",
            "工作要点",
            "具体工作",
            "事项",
            "内容",
            "项目",
        ),
    ),
    ("detail", ("指标", "标准", "要求", "细则")),
]
_PARTY_ALONE = {"单位", "部门", "责任", "责任处室"}  # a bare 单位 column names the duty units
_NOT_PARTY = ("领导", "联系人", "责任人", "电话")
# 市卫健委内牵头处室: the offices inside one organisation, its own division of the work — not
# parties beside the organisations the other columns name.
_INTERNAL = re.compile(r"内(?:设)?(?:[\u4e00-\u9fff]{0,4})(?:处室|科室|处|科|股|司局|内设机构)$")
_PARTY_KINDS = ("lead", "support", "guide", "duty")
_TEXT_KINDS = ("task", "part", "number", "detail")
# A cell that labels the cell beside it (重点考核部门 | 县委农工部, often spanning rows): a party
# label, possibly after a word of degree.
_LABEL_CELL = re.compile(
    r"^(?:重点|一般|主要|其他|其它|直接|具体)?(?P<label>[\u4e00-\u9fff]{2,8})$"
)
_MAX_LABEL_CELL = 10
FIELD_LABEL = {"lead": "牵头单位", "support": "配合单位", "duty": "责任单位"}
_HEADER_SCAN = 12  # rows searched for the header at the top of a sheet
_HEADER_LENGTH = 12  # longer cells are text, not column names
_NOTE = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_PART = re.compile(r"^([一二三四五六七八九十]+)[、.．]")
_SUBPART = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
_LEADING_NUMBER = re.compile(
    r"^\s*(?:[（(][0-9一二三四五六七八九十]{1,3}[)）]|[0-9]{1,3}(?:[.．、]|\s)"
    r"|[一二三四五六七八九十]{1,3}、)\s*"
)
_CN_NUMERALS = "一二三四五六七八九十"
_CN_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]?")


def column_kind(cell: str) -> str | None:
    """What a header cell names: ``task``, ``lead``, ``support``, ``duty``, ``guide``,
    ``deadline``, ``part``, ``number``, or None for anything else (目标指标, 备注 …)."""
    return _column_kind(cell)


def split_title(cell: str) -> tuple[str, str]:
    """(title, column name) of a row's first cell: lines too long together for a column name
    above its last line are the table's title put in the same cell (a ``<caption>`` that Calc
    writes into A1, a title typed there with Alt+Enter: 石城县…考核细则 / 序号)."""
    lines = [line.strip() for line in cell.splitlines() if line.strip()]
    if len(lines) > 1 and len("".join("".join(lines[:-1]).split())) > _HEADER_LENGTH:
        return " ".join(lines[:-1]), lines[-1]
    return "", cell


def _column_kind(cell: str) -> str | None:
    name = _NOTE.sub("", re.sub(r"\s+", "", cell)).strip("*＊:：")
    if not name or len(name) > _HEADER_LENGTH:
        return None
    if name in _PARTY_ALONE:
        return "duty"
    if _INTERNAL.search(name):
        return None
    for kind, words in _KINDS:
        if any(word in name for word in words):
            if kind in _PARTY_KINDS and any(word in name for word in _NOT_PARTY):
                return None
            if kind == "detail" and "目标" in name:
                return None  # 目标指标: the targets, not the task's words
            return kind
    # Any other wording of a party label (负责考核部门, 考核单位, 督办单位 …) names parties.
    kind = label_kind(name)
    return kind if kind in ("lead", "support", "duty") else None


def label_cell(cell: str) -> str | None:
    """The party kind a data cell names when it labels the cell beside it (``重点考核部门`` |
    ``县委农工部``: duty), or None for an ordinary cell."""
    name = re.sub(r"\s+", "", cell)
    match = _LABEL_CELL.match(name) if len(name) <= _MAX_LABEL_CELL else None
    if match is None or not re.search(r"(?:单位|部门|主体|机构|处室|科室)$", name):
        return None
    kind = label_kind(match.group("label"))
    return kind if kind in ("lead", "support", "duty") else None


@dataclass
class Header:
    """Where a table's header ends and which cells hold which column kind."""

    last_row: int  # index of the (last) header row; data starts after it
    columns: dict[str, list[int]]  # kind → cell indexes, in order
    first_row: int = 0  # index of the first header row
    titled: bool = False  # the part column is a first task column (重点任务 | 具体措施)

    def is_task_table(self) -> bool:
        return "task" in self.columns and any(
            k in self.columns for k in ("lead", "duty", "guide", "label")
        )


def _kinds_of(row: Sequence[str]) -> dict[int, str]:
    cells = [split_title(row[0])[1], *row[1:]] if row else []
    return {j: kind for j, cell in enumerate(cells) if (kind := column_kind(cell))}


def _header_at(rows: Sequence[Sequence[str]], i: int) -> Header:
    """The header starting at row ``i``, merged with a second header row under it."""
    first = i
    kinds = _kinds_of(rows[i])
    if i + 1 < len(rows):
        below = _kinds_of(rows[i + 1])
        if any(kind in _PARTY_KINDS for kind in below.values()) and len(below) >= 2:
            # 责任单位 spanning 牵头单位 | 配合单位: the lower row names the columns it has.
            kinds = {**kinds, **below}
            i += 1
    columns: dict[str, list[int]] = {}
    for j in sorted(kinds):
        columns.setdefault(kinds[j], []).append(j)
    if "task" not in columns and "detail" in columns:  # 考核指标 | 负责考核部门
        columns["task"] = columns.pop("detail")
    tasks = columns.get("task", [])
    if len(tasks) > 1 and "part" not in columns:  # 重点任务 | 具体措施: the first groups
        columns["part"] = [tasks[0]]
        columns["task"] = tasks[1:2]
        if tasks[2:]:
            columns["detail"] = sorted(tasks[2:] + columns.get("detail", []))
        return Header(i, columns, first, titled=True)
    return Header(i, columns, first)


def _label_columns(rows: Sequence[Sequence[str]]) -> dict[int, int]:
    """Columns holding label cells (:func:`label_cell`) → the first row where one stands.

    A label names the unit in the cell beside it: 牵头单位 beside 配合单位, or in a row that
    is itself a task table's header (of another table further down, 附件2 after 附件1), is no
    label."""
    found: dict[int, int] = {}
    for r, row in enumerate(rows):
        kinds = set(_kinds_of(row).values())
        if "task" in kinds and kinds & set(_PARTY_KINDS):
            continue  # the header row of a task table
        for j, cell in enumerate(row[:-1]):
            if j in found or not cell or not row[j + 1].strip():
                continue
            if label_cell(cell) and column_kind(row[j + 1]) is None:
                found[j] = r
    return found


def find_header(rows: Sequence[Sequence[str]], scan: int = _HEADER_SCAN) -> Header | None:
    """The task-division header among the first ``scan`` rows, or None. A header without a
    party column still makes a task table when cells below it label their neighbours as
    parties (重点考核部门 | 县委农工部)."""
    labels: dict[int, int] | None = None
    for i in range(min(scan, len(rows))):
        header = _header_at(rows, i)
        if "task" in header.columns and not header.is_task_table():
            if labels is None:
                labels = _label_columns(rows)
            below = sorted(j for j, r in labels.items() if r > header.last_row)
            if below:
                header.columns["label"] = below
        if header.is_task_table():
            return header
    return None


# -- rows → notice layout ---------------------------------------------------------------------
def _cell(row: Sequence[str], j: int) -> str:
    return row[j].strip() if j < len(row) else ""


def _value(row: Sequence[str], indexes: list[int], party: bool) -> str:
    values = [_cell(row, j) for j in indexes]
    if party:
        values = [re.sub(r"[\s\u3000]+", "、", v).strip("、") for v in values]
        return "、".join(v for v in values if v)
    return "；".join(v.replace("\n", "；") for v in values if v)


def _fields(row: Sequence[str], columns: dict[str, list[int]]) -> list[tuple[str, str]]:
    """(label, value) field lines of a task row, guide units folded into support or duty."""
    values = {k: _value(row, columns[k], k in _PARTY_KINDS) for k in columns if k != "label"}
    for j in columns.get("label", []):  # 重点考核部门 | 县委农工部
        if (kind := label_cell(_cell(row, j))) and (value := _value(row, [j + 1], True)):
            values[kind] = "、".join(v for v in (values.get(kind, ""), value) if v)
    guide = values.pop("guide", "")
    if guide:
        key = "support" if values.get("lead") or values.get("duty") else "duty"
        values[key] = "、".join(v for v in (values.get(key, ""), guide) if v)
    labels = [(k, FIELD_LABEL[k]) for k in ("lead", "support", "duty")]
    fields = [(label, values[k]) for k, label in labels if values.get(k)]
    if values.get("deadline"):
        fields.append(("完成时限", values["deadline"]))
    return fields


class _Writer:
    """Accumulates the notice layout: part headings and numbered tasks with their fields."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.part_number = 0
        self.task_number = 0
        self.table_number = 0  # the last 序号 taken from the table, across parts
        self.part_value = ""
        self.text_lines: list[int] = []  # lines holding a row's words after their number

    def heading(self, text: str) -> None:
        text = text.replace("\n", "")
        self.text_lines.append(len(self.lines))
        if match := _PART.match(text):
            self.part_number = cn_to_int(match.group(1))
        elif not _SUBPART.match(text):
            self.part_number += 1
            text = f"{_numeral(self.part_number)}、{text}"
        self.lines.append(text)
        self.task_number = 0

    def task(self, text: str, fields: list[tuple[str, str]], number: str = "") -> None:
        """A numbered task: the table's own 序号 when it continues the count (tables often
        number across parts: 1, 2 | 二、 | 3), else the next number within the part."""
        own = int(number) if number.isdigit() else 0
        if own and own in (1, self.task_number + 1, self.table_number + 1):
            self.task_number = self.table_number = own
        else:
            self.task_number += 1
        task = _LEADING_NUMBER.sub("", text.replace("\n", ""), count=1)
        self.text_lines.append(len(self.lines))
        self.lines.append(f"{self.task_number}. {task}")
        self.fields(fields)

    def fields(self, fields: list[tuple[str, str]]) -> None:
        self.lines.extend(f"{label}：{value.replace(chr(10), '、')}" for label, value in fields)


def _numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (parts are never a hundred)."""
    if n <= 10:
        return _CN_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_NUMERALS[tens - 1]
    return head + "十" + (_CN_NUMERALS[ones - 1] if ones else "")


def _is_heading(text: str) -> bool:
    """A lone cell that reads as a heading: numbered as a part, or short and not a sentence."""
    text = text.replace("\n", "")
    if _PART.match(text) or _SUBPART.match(text):
        return True
    return len(text) <= 30 and not re.search(r"[。；;！!？?]", text)


def _heading_of(row: Sequence[str], task: str, number: str, units: bool = False) -> str | None:
    """The part heading a row holds (without units, or numbered as a part), or None when it
    is a task."""
    filled = list(dict.fromkeys(c.strip() for c in row if c.strip()))
    if not units and len(filled) == 1 and _is_heading(filled[0]):
        return filled[0]  # one merged cell, wherever it sits
    if task and _CN_NUMBER.fullmatch(number):  # 一 | 扩大消费
        return f"{number.rstrip('、.．')}、{task}"
    return None


def _task_text(row: Sequence[str], columns: dict[str, list[int]], title: str = "") -> str:
    """A row's task words: its title (a first task column of its own), the task cell, then the
    cells that describe it (考核指标, 评分标准 …), as sentences."""
    cells = [title, _cell(row, columns["task"][0])]
    cells += [_cell(row, j) for j in columns.get("detail", [])]
    parts = [c.replace("\n", "") for c in dict.fromkeys(cells) if c]
    return "".join(p if p[-1] in "。；;！!？?" or p is parts[-1] else p + "。" for p in parts)


def _part_values(rows: Sequence[Sequence[str]], header: Header) -> list[str]:
    """Each row's part cell, "" where it is a label cell (重点考核部门 | …)."""
    j = header.columns.get("part", [None])[0]
    if j is None:
        return [""] * len(rows)
    labels = set(header.columns.get("label", []))
    return ["" if j in labels and label_cell(_cell(r, j)) else _cell(r, j) for r in rows]


def _grouped(values: list[str], k: int) -> bool:
    """Whether row ``k``'s part value spans several rows (a merged cell repeated)."""
    value = values[k]
    return (k > 0 and values[k - 1] == value) or (k + 1 < len(values) and values[k + 1] == value)


def rows_to_text(rows: Sequence[Sequence[str]], header: Header) -> str:
    """The data rows under ``header`` in the notice layout (no trailing newline)."""
    return "\n".join(_write_rows(rows, header).lines)


def _write_rows(rows: Sequence[Sequence[str]], header: Header) -> _Writer:
    """The data rows under ``header`` in the notice layout.

    A first task column none of whose cells spans rows is the task's title, not a part; a row
    numbered as a part (一、) that names units is a part heading carrying them."""
    columns = header.columns
    number_column = columns.get("number", [None])[0]
    field_columns = {k: v for k, v in columns.items() if k not in _TEXT_KINDS}
    writer = _Writer()
    header_kinds = set(_kinds_of(rows[header.last_row]).items())
    data = rows[header.last_row + 1 :]
    parts = _part_values(data, header)
    numbers = [_cell(r, number_column) if number_column is not None else "" for r in data]
    # A first task column groups rows when one of its cells spans several; else it titles each.
    titled = header.titled and not any(p and _grouped(parts, k) for k, p in enumerate(parts))
    for k, row in enumerate(data):
        if len(header_kinds) >= 2 and set(_kinds_of(row).items()) >= header_kinds:
            continue  # the header again: a table continued on a new page or sheet
        part = parts[k]
        title = part if titled else ""
        task = _task_text(row, columns, title)
        fields = _fields(row, field_columns)
        number = numbers[k]
        if number.isdigit() and _grouped(numbers, k):
            number = ""  # one 序号 over several rows numbers their group: count them within it
        if not fields or _CN_NUMBER.fullmatch(number):
            if (heading := _heading_of(row, task, number, bool(fields))) is not None:
                writer.heading(heading)
                writer.part_value = heading
                writer.fields(fields)
                continue
        if part and not title and part != writer.part_value and part != task:
            writer.part_value = part
            writer.heading(part)
        if task or fields:
            writer.task(task, fields, number)
    return writer


# -- tables inside text -----------------------------------------------------------------------
def _split(lines: Iterable[str]) -> list[list[str]]:
    return list(csv.reader((line + "\n" for line in lines), dialect="excel-tab"))


def _ends_quoted(line: str, quoted: bool) -> bool:
    """Whether a line ends inside a quoted cell (Excel quotes a cell holding a line break)."""
    at_start = not quoted
    i = 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"':
                if line[i + 1 : i + 2] == '"':
                    i += 1
                else:
                    quoted = False
        elif ch == "\t":
            at_start = True
            i += 1
            continue
        elif ch == '"' and at_start:
            quoted = True
        at_start = False
        i += 1
    return quoted


def _block_end(lines: list[str], start: int) -> int:
    """Index after the last line of the table starting at ``start``."""
    quoted, i = False, start
    while i < len(lines):
        line = lines[i]
        in_table = quoted or "\t" in line
        if not in_table:
            # A row of one merged cell has no tab; it belongs when rows follow it.
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if "\t" not in nxt:
                break
        quoted = _ends_quoted(line, quoted)
        i += 1
    return i


def _header_line(line: str) -> bool:
    return "\t" in line and bool(_kinds_of(line.split("\t")))


def _join_title_rows(out: list[str]) -> None:
    """Tab-separated lines just above a table (its title rows): cells joined by a space."""
    k = len(out)
    while k > 0 and "\t" in out[k - 1]:
        k -= 1
    titles = [" ".join(c.strip() for c in line.split("\t") if c.strip()) for line in out[k:]]
    out[k:] = [title for title in titles if title]


def rewrite_tables(text: str) -> str:
    """``text`` with every tab-separated task-division table rewritten in the notice layout.

    Lines outside such tables are kept as they are, except that tab-separated lines directly
    above a table (its title rows) have their cells joined by a space.
    """
    return rewrite_tables_quiet(text)[0]


def rewrite_tables_quiet(text: str) -> tuple[str, list[tuple[int, int]]]:
    """:func:`rewrite_tables`, and the spans of the rewritten text that hold a row's own words
    after its number: a cell is one paragraph, so a list inside it (``1.…；2.…``) numbers no
    heading of the document (:func:`~matrixdesk.parse.numbering.find_headings`)."""
    if "\t" not in text:
        return text, []
    lines = text.split("\n")
    out: list[str] = []
    quiet: list[int] = []  # indexes into out
    i = 0
    while i < len(lines):
        if not _header_line(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        end = _block_end(lines, i)
        rows = _split(lines[i:end])
        header = find_header(rows, scan=1)
        if header is None:
            out.append(lines[i])
            i += 1
            continue
        _join_title_rows(out)
        writer = _write_rows(rows, header)
        quiet += [len(out) + k for k in writer.text_lines]
        out.extend(writer.lines)
        i = end
    return "\n".join(out), _line_spans(out, quiet)


def _line_spans(lines: list[str], chosen: list[int]) -> list[tuple[int, int]]:
    """(start + 1, end) offsets of the chosen lines in ``"\n".join(lines)``: all but their
    first character."""
    spans, offset, wanted = [], 0, set(chosen)
    for k, line in enumerate(lines):
        if k in wanted:
            spans.append((offset + 1, offset + len(line)))
        offset += len(line) + 1
    return spans


def looks_like_table(text: str) -> bool:
    """Cheap check: a task-division header row among the first tab-separated lines."""
    head = text[:4000].split("\n", _HEADER_SCAN)[:_HEADER_SCAN]
    return any(_header_line(line) and find_header(_split([line]), 1) for line in head)


def table_to_text(text: str) -> str | None:
    """The text with its tables rewritten, or None when it holds no task-division table."""
    rewritten = rewrite_tables(text)
    return None if rewritten == text else rewritten.rstrip("\n") + "\n"


def looked_for() -> str:
    """The header names a task table needs, for messages."""
    tasks = "、".join(("重点任务", "主要任务", "工作任务", "具体措施", "工作内容"))
    units = "、".join(("牵头单位", "责任单位", "主办单位", "指导部门"))
    return f"{tasks} … and {units} …"


# -- readers → the shared text form -----------------------------------------------------------
def _flatten(cell: str, party: bool) -> str:
    lines = [ln.strip() for ln in cell.replace("\t", " ").splitlines() if ln.strip()]
    if party:  # one unit a line, or a list broken after its 、
        return "、".join(ln.strip("、，,") for ln in lines)
    return "".join(lines)


def format_rows(rows: Sequence[Sequence[str]], header: Header | None = None) -> list[str]:
    """A table read from a file (cells may hold line breaks) as tab-separated lines.

    In a task-division table, the lines of a unit cell are joined with 、 and the lines of
    other cells run together (Chinese needs no space); other tables' cells join their lines
    with a space. Every line has as many cells as the widest row, quoted as Excel would.
    ``header`` gives the columns of rows that continue a table whose header came before them.
    """
    width = max((len(r) for r in rows), default=0)
    header = header or find_header(rows)
    party: set[int] = set()
    if header is not None:
        party = {j for k in _PARTY_KINDS for j in header.columns.get(k, [])}
        party |= {j + 1 for j in header.columns.get("label", [])}
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel-tab", lineterminator="\n")
    heading = range(header.first_row, header.last_row + 1) if header else range(0)
    for i, row in enumerate(rows):
        cells = list(row) + [""] * (width - len(row))
        if i in heading:
            titles, cells = _titles_out(cells)
            if titles:
                writer.writerow([titles] + [""] * (width - 1))
        if header is None:
            flat = [" ".join(c.split()) for c in cells]
        else:
            flat = [_flatten(c, j in party) for j, c in enumerate(cells)]
        writer.writerow(flat)
    return buffer.getvalue().rstrip("\n").split("\n") if rows else []


def _titles_out(cells: list[str]) -> tuple[str, list[str]]:
    """A header row's cells without the title standing above the first column name in the
    same cell (:func:`split_title`), and that title."""
    if not cells:
        return "", cells
    title, name = split_title(cells[0])
    return title, [name, *cells[1:]]
