"""Policy text → :class:`~matrixdesk.core.model.Plan`.

The pipeline: normalise newlines, find the numbered headings, cut the closing block (issuer and
date) off the last measure, then read each measure's paragraph for its title, annotation,
deadline and candidate targets. Departments are shared by normalised name in first-appearance
order.

Standing parties: a statement such as ``以下均需各市、县级政府负责,不再列出`` (in the preamble or
inside an annotation) makes that party a support unit of every *later* measure that carries an
annotation of its own — measures without an annotation are left alone, and the measure holding
the statement itself is not affected.

Labelled fields on lines of their own after the task (``牵头单位：省商务厅；配合单位：…`` /
``完成时限：…``, the task-division notice layout) are the measure's annotation when its text does
not end with a bracketed one; the title, targets and final deadline are read from the text before
them, and ``Measure.annotation`` holds them as written (line breaks dropped).

A task-division table (tab-separated rows under a 重点任务 | 牵头单位 | 配合单位 header: pasted
from Word or Excel, or written by a .docx/.xlsx/.html reader), anywhere in the text, is first
rewritten in that layout (:mod:`matrixdesk.parse.table`).

A ``（以下简称省发改委）`` note makes the short form an alias of the department, so later
mentions of 省发改委 are the same department (mentions before the note stay separate).
"""

from __future__ import annotations

import re

from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role, Target
from matrixdesk.core.names import is_collective, normalise
from matrixdesk.parse.annotation import (
    DEADLINE,
    Annotation,
    field_block_start,
    find_annotation,
    parse_fields,
    standing_parties,
)
from matrixdesk.parse.info import is_closing_line, read_info
from matrixdesk.parse.numbering import Heading, find_headings
from matrixdesk.parse.table import rewrite_tables
from matrixdesk.parse.targets import find_targets

_SENTENCE_END = re.compile(r"[。！？!?]")
_HEAD_SPLIT = 8


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` → ``\\n``, and no byte-order mark."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_text(text: str) -> Plan:
    """Parse a policy document into a plan of measures, departments, roles and targets.

    Parameters
    ----------
    text
        The document text (any newline convention).

    Returns
    -------
    Plan
        ``source_text`` is the newline-normalised text; measure spans index into it. Never
        raises: text without numbered headings gives a plan without measures.
    """
    source = rewrite_tables(normalise_newlines(text))
    headings = find_headings(source)
    body_end, closing = _closing_block(source, headings)
    head_count = source.count("\n", 0, headings[0].start) if headings else source.count("\n") + 1
    plan = Plan(source_text=source)
    # Split only as far as needed: the head is short, the document may be huge.
    head_lines = source.split("\n", _HEAD_SPLIT)[: min(head_count, _HEAD_SPLIT)]
    plan.info = read_info(head_lines, head_count, closing)
    _Builder(plan, headings, body_end).build()
    return plan


def _closing_block(source: str, headings: list[Heading]) -> tuple[int, list[str]]:
    """(offset where the body ends, closing lines): the issuer/date lines after the body."""
    tail_start = source.find("\n", headings[-1].start) if headings else 0
    if tail_start < 0:
        return len(source), []
    lines = source[tail_start:].split("\n")
    keep = len(lines)
    while keep > 1 and is_closing_line(lines[keep - 1]):
        keep -= 1
    closing = lines[keep:]
    body_end = len(source) - sum(len(line) + 1 for line in closing)
    return max(body_end, tail_start), closing


def _join_lines(raw: str) -> str:
    """A paragraph's text: lines stripped and joined (hard-wrapped Chinese has no spaces)."""
    return "".join(line.strip() for line in raw.split("\n"))


def _title(before: str) -> str:
    """The heading text up to the first sentence end (大力发展冰雪消费。 → 大力发展冰雪消费)."""
    match = _SENTENCE_END.search(before)
    title = before[: match.start()] if match else before
    return title.strip().rstrip("：:，,；;")


def _final_deadline(before: str) -> str:
    """A deadline written as the last clause of the measure (…，2021年底前完成。)."""
    last_sentence = re.split(r"[。！？!?]", before.rstrip(" 。；;，,"))[-1]
    clause = re.split(r"[，,；;]", last_sentence)[-1].strip()
    if not clause or not DEADLINE.fullmatch(clause):
        return ""
    return re.sub(r"^完成时限[:：]?", "", clause)


def _field_annotation(raw: str) -> tuple[Annotation, str] | None:
    """Unbracketed labelled fields ending the paragraph, and the measure's text with them.

    The field lines stay lines of their own in the text (牵头单位：… / 完成时限：…), so the task
    and each field read apart wherever the text is shown.
    """
    at = field_block_start(raw)
    if at is None:
        return None
    annotation = parse_fields(raw[at:], free_text=False)  # line breaks end field values
    if annotation is None:
        return None
    task = _join_lines(raw[:at])
    fields = "\n".join(line.strip() for line in raw[at:].split("\n") if line.strip())
    body = f"{task}\n{fields}" if task else fields
    annotation.start, annotation.end = len(body) - len(fields), len(body)
    annotation.content = fields
    return annotation, body


class _Builder:
    """Turns accepted headings into measures, departments, assignments and targets."""

    def __init__(self, plan: Plan, headings: list[Heading], body_end: int) -> None:
        self.plan = plan
        self.headings = headings
        self.body_end = body_end
        self.departments: dict[str, Department] = {}
        self.codes: set[str] = set()
        self.standing = standing_parties(plan.source_text)

    def build(self) -> None:
        for index, heading in enumerate(self.headings):
            self._add_measure(index, heading)

    def _span(self, index: int, heading: Heading) -> tuple[int, int]:
        source = self.plan.source_text
        nxt = self.headings[index + 1].start if index + 1 < len(self.headings) else self.body_end
        end = max(nxt, heading.label_end)
        while end > heading.label_end and source[end - 1].isspace():
            end -= 1
        return heading.start, end

    def _code(self, heading: Heading) -> str:
        parent = self.plan.measures[heading.parent].code if heading.parent is not None else ""
        base = f"{parent}.{heading.number}" if parent else str(heading.number)
        code, n = base, 1
        while code in self.codes:
            n += 1
            code = f"{base}-{n}"
        self.codes.add(code)
        return code

    def _add_measure(self, index: int, heading: Heading) -> None:
        source = self.plan.source_text
        start, end = self._span(index, heading)
        raw = source[heading.label_end : end]
        body = _join_lines(raw)
        annotation = find_annotation(body)
        if annotation is None and (fields := _field_annotation(raw)) is not None:
            annotation, body = fields
        before = body[: annotation.start] if annotation else body
        measure = Measure(
            id=index + 1,
            code=self._code(heading),
            label=heading.label(source),
            level=heading.depth + 1,
            title=_title(before),
            text=body,
            parent_id=heading.parent + 1 if heading.parent is not None else None,
            position=index,
            span=(start, end),
        )
        self.plan.measures.append(measure)
        if annotation:
            self._annotate(measure, annotation)
        if not measure.deadline:
            measure.deadline = _final_deadline(before)
        self._add_targets(measure, before)

    def _annotate(self, measure: Measure, annotation: Annotation) -> None:
        measure.annotation = annotation.content
        measure.annotated = True
        measure.open_ended = annotation.open_ended
        measure.deadline = annotation.deadline
        parties = list(annotation.parties)
        parties += [(name, Role.SUPPORT) for at, name in self.standing if at < measure.span[0]]
        seen: set[int] = set()
        for name, role in parties:
            department = self._department(name, annotation.aliases.get(name, ""))
            if department.id in seen:
                continue
            seen.add(department.id)
            self.plan.assignments.append(
                Assignment(measure.id, department.id, role, position=len(seen) - 1)
            )

    def _department(self, name: str, alias: str = "") -> Department:
        key = normalise(name)
        department = self.departments.get(key)
        if department is None:
            position = len(self.plan.departments)
            department = Department(
                id=position + 1, name=name, collective=is_collective(name), position=position
            )
            self.departments[key] = department
            self.plan.departments.append(department)
        alias_key = normalise(alias)
        if alias_key and alias_key not in self.departments:
            department.aliases.append(alias)
            self.departments[alias_key] = department
        return department

    def _add_targets(self, measure: Measure, before: str) -> None:
        for position, found in enumerate(find_targets(before)):
            self.plan.targets.append(
                Target(
                    id=len(self.plan.targets) + 1,
                    measure_id=measure.id,
                    indicator=found.indicator,
                    value=found.value,
                    unit=found.unit,
                    comparator=found.comparator,
                    year=found.year,
                    position=position,
                )
            )
