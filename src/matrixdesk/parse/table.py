"""Task-division tables pasted from Word or Excel (tab-separated rows) → policy text.

Coordinators often receive the 任务分工 table itself rather than the document: 序号 | 重点任务 |
牵头单位 | 配合单位 | 完成时限, copied out of Word or Excel. Such a paste is rewritten as the
task-division notice layout the parser already reads — a numbered task followed by its
``牵头单位：…`` / ``配合单位：…`` / ``责任单位：…`` / ``完成时限：…`` lines — so the same rules
for parties, roles, deadlines and targets apply, and the rewritten text is what the plan keeps
as its source.

A row whose only filled cell is its first text cell (``一、扩大消费``) is a part heading; other
rows are tasks, numbered 1., 2. … within their part.
"""

from __future__ import annotations

import csv
import io
import re

_COLUMNS = {
    "task": (
        "重点任务",
        "主要任务",
        "工作任务",
        "具体任务",
        "任务内容",
        "工作内容",
        "任务",
        "工作措施",
    ),
    "lead": ("牵头单位", "牵头部门"),
    "support": ("配合单位", "配合部门", "协办单位", "参与单位"),
    "duty": ("责任单位", "责任部门"),
    "deadline": ("完成时限", "完成时间", "时间节点", "时限"),
}
_FIELD_LABEL = {
    "lead": "牵头单位",
    "support": "配合单位",
    "duty": "责任单位",
    "deadline": "完成时限",
}
_PART = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_LEADING_NUMBER = re.compile(r"^\s*[（(]?[0-9一二三四五六七八九十]+[)）.．、]?\s*")


def _column_of(cell: str) -> str | None:
    cell = re.sub(r"\s+", "", cell)
    for key, names in _COLUMNS.items():
        if cell in names:
            return key
    return None


def _header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """(row index, column key → cell index) of the header row among the first few rows."""
    for i, row in enumerate(rows[:5]):
        found: dict[str, int] = {}
        for j, cell in enumerate(row):
            key = _column_of(cell)
            if key and key not in found:
                found[key] = j
        if "task" in found and ({"lead", "duty"} & set(found)):
            return i, found
    return None


def looks_like_table(text: str) -> bool:
    """Cheap check: tab-separated lines near the top, one of them a task-division header."""
    head = text[:4000].split("\n", 6)[:6]
    return (
        any("\t" in line for line in head) and _header([ln.split("\t") for ln in head]) is not None
    )


def table_to_text(text: str) -> str | None:
    """The paste rewritten as a numbered task list, or None when it is not such a table."""
    rows = [row for row in csv.reader(io.StringIO(text), dialect="excel-tab")]
    header = _header(rows)
    if header is None:
        return None
    start, columns = header
    # What stands above the header (the title, a document number) stays at the top.
    out = [" ".join(c.strip() for c in row if c.strip()) for row in rows[:start]]
    out = [line for line in out if line]
    number = 0
    for row in rows[start + 1 :]:
        cells = {key: row[j].strip() if j < len(row) else "" for key, j in columns.items()}
        task = cells.pop("task")
        filled = [c.strip() for c in row if c.strip()]
        if not task and not any(cells.values()):
            if len(filled) == 1 and _PART.match(filled[0]):  # a heading typed in another cell
                out.append(filled[0])
                number = 0
            continue
        if not any(cells.values()) and _PART.match(task):
            out.append(task)
            number = 0
            continue
        number += 1
        out.append(f"{number}. {_LEADING_NUMBER.sub('', task, count=1).replace(chr(10), '')}")
        out.extend(
            f"{_FIELD_LABEL[key]}：{value.replace(chr(10), '、')}"
            for key, value in cells.items()
            if value
        )
    return "\n".join(out) + "\n"
