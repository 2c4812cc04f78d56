"""Policy text → :class:`~matrixdesk.core.model.Plan`.

The pipeline: normalise the text, find the numbered headings, cut the closing block (issuer and
date) off the last measure, then find the annotated units in the body of every heading
(:mod:`matrixdesk.parse.units`) and turn them into measures. Departments are shared by
normalised name in first-appearance order.

How units map onto measures:

* a heading whose body holds no annotation is a measure without departments (a part or item
  heading, or a task nobody was found responsible for);
* a heading whose body holds one annotation is one measure carrying it (the usual layout:
  ``1.优化冰雪消费供给。…。（省文化和旅游厅…负责）``);
* a heading whose body holds several annotations — several brackets in one numbered item, or
  unnumbered paragraphs each ending with its own — becomes a heading with one sub-measure per
  unit, one level down, in document order. Sub-measures have no label of their own (the document
  numbers none; their code is the heading's code and a counter, ``1.1.2.1``); the first covers
  the heading's own words when they run on in the same paragraph. A paragraph after the last
  annotation becomes a sub-measure without departments, so the preview shows it;
* a heading that names one organisation (``一、区经发局``, or a line of its own among title
  words: ``2016年区环土局环境保护目标责任``) over tasks without annotations of their own gives
  that department, as lead, to each task under it (:mod:`matrixdesk.parse.headingparty`);
* annotated paragraphs before the first heading (an excerpt that starts mid-item, or a text
  without numbering) are top-level measures without a label.

Prose after the last annotation of the last heading, on lines of its own, is closing prose
(各地各部门要…, 附件) and belongs to no measure.

Standing parties: a statement such as ``以下均需各市、县级政府负责,不再列出`` (in the preamble or
inside an annotation) makes that party a support unit of every *later* measure that carries an
annotation of its own — measures without an annotation are left alone, and the measure holding
the statement itself is not affected.

Labelled fields after a task (``牵头单位：省商务厅；配合单位：…`` / ``完成时限：…``) are its
annotation; the measure's text keeps them as lines of their own after the task, and
``Measure.annotation`` holds them as written.

A task-division table (tab-separated rows under a 重点任务 | 牵头单位 | 配合单位 header: pasted
from Word or Excel, or written by a .docx/.xlsx/.html reader), anywhere in the text, is first
rewritten in that layout (:mod:`matrixdesk.parse.table`).

A ``（以下简称省发改委）`` note makes the short form an alias of the department, so later
mentions of 省发改委 are the same department (mentions before the note stay separate).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role, Target
from matrixdesk.core.names import is_collective, normalise
from matrixdesk.parse.annotation import DEADLINE, Annotation, group_rules, standing_parties
from matrixdesk.parse.flatrows import rewrite_flat_tables
from matrixdesk.parse.headingparty import heading_party_units
from matrixdesk.parse.info import SIGNATURE_LINES, is_closing_line, read_info
from matrixdesk.parse.numbering import Heading, find_headings
from matrixdesk.parse.orgs import OrgKind
from matrixdesk.parse.parents import lift_to_parents
from matrixdesk.parse.spacedrows import rewrite_spaced_tables
from matrixdesk.parse.table import rewrite_tables_quiet
from matrixdesk.parse.targets import find_targets
from matrixdesk.parse.text import normalise_text
from matrixdesk.parse.unitcolumn import rewrite_scored_tables, rewrite_unit_column_tables
from matrixdesk.parse.units import Region, Unit, find_units, merge_annotations
from matrixdesk.parse.unwrap import unwrap_fixed_width
from matrixdesk.parse.valuerows import rewrite_value_tables

_SENTENCE_END = re.compile(r"[。！？!?]")
_HEAD_SPLIT = SIGNATURE_LINES
_LAST_LINES = 20  # the end of a document searched for its signature (web pages go on after it)
_LAST_CHARS = 4000
_SHORT_LINE = 20  # a heading line this short without a sentence end is a title of its own
_SHORT_TITLE = 24  # a first line or a run of words this short before a break is a title
_GAP = re.compile(r"[ \t\u3000]+")
_LABEL_LINE = re.compile(r"[\u4e00-\u9fff]{2,8}[:：]")
_WRAP_LINES = 10  # lines walked back to find where a paragraph before the first heading begins


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` → ``\\n``, and no byte-order mark."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class ParseNotes:
    """What the parser read but could not use, for the import preview to say plainly.

    ``skipped`` holds brackets that read like annotations (a responsibility verb or a party
    label) but named no organisation the recogniser accepts, as (measure code, bracket text);
    ``refused`` holds fragments left out of annotations that were read, as (measure code,
    fragment) — ``保险`` in ``（省商务厅、保险负责）``. The code is "" before the first measure.
    """

    skipped: list[tuple[str, str]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def parse_text(text: str) -> Plan:
    """Parse a policy document into a plan of measures, departments, roles and targets.

    Parameters
    ----------
    text
        The document text (any newline convention).

    Returns
    -------
    Plan
        ``source_text`` is the normalised text; measure spans index into it. Never raises: text
        without numbered headings or annotations gives a plan without measures.
    """
    return parse_document(text)[0]


def parse_document(text: str) -> tuple[Plan, ParseNotes]:
    """:func:`parse_text`, with the notes on what could not be read.

    Returns
    -------
    tuple of Plan and ParseNotes
    """
    given = normalise_text(normalise_newlines(text))
    text, breaks = unwrap_fixed_width(given)
    flat, flat_quiet = rewrite_flat_tables(text)
    if not flat_quiet:
        flat = rewrite_spaced_tables(rewrite_unit_column_tables(rewrite_scored_tables(flat)))
        flat = rewrite_value_tables(flat)
    source, quiet = rewrite_tables_quiet(flat)
    if source == flat:  # the spans of a flattened table's tasks still hold
        quiet = flat_quiet + quiet
    headings = find_headings(source, quiet)
    body_end, closing = _closing_block(source, headings)
    first = headings[0].start if headings else body_end
    head_count = source.count("\n", 0, first)
    plan = Plan(source_text=source)
    # Split only as far as needed: the head is short, the document may be huge.
    head_lines = source.split("\n", _HEAD_SPLIT)[: min(head_count, _HEAD_SPLIT)]
    last_lines = source[-_LAST_CHARS:].rsplit("\n", _LAST_LINES)[1:]
    plan.info = read_info(head_lines, head_count, closing, last_lines)
    builder = _Builder(plan, headings, body_end)
    builder.build()
    if breaks and source == text:  # no table rewritten: the spans go back to the text as given
        _back_to_given(plan, given, breaks)
    return plan, builder.notes


def _back_to_given(plan: Plan, given: str, breaks: list[int]) -> None:
    """Measure spans into the text as given, before its fixed-width wraps were joined."""
    for measure in plan.measures:
        start, end = measure.span
        measure.span = (start + bisect_right(breaks, start), end + bisect_right(breaks, end))
    plan.source_text = given


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


def join_lines(raw: str) -> str:
    """A paragraph's text: lines stripped and joined (hard-wrapped Chinese has no spaces)."""
    return "".join(line.strip() for line in raw.split("\n"))


def _title(raw: str) -> str:
    """The heading text: a short first line above labelled lines (博览会 / 时间：…), else
    the text up to the first sentence end (大力发展冰雪消费。 → 大力发展冰雪消费); a long one is
    cut at a gap of white space after a few characters (one-line text: 总体要求 以习近平… →
    总体要求)."""
    lines = raw.strip().split("\n", 1)
    first = lines[0].strip()
    if (
        len(lines) > 1
        and 0 < len(first) <= _SHORT_TITLE
        and not _SENTENCE_END.search(first[:-1])
        and _LABEL_LINE.match(lines[1].lstrip())
    ):
        return first.rstrip("。：:，,；;")
    text = join_lines(raw)
    match = _SENTENCE_END.search(text)
    title = text[: match.start()] if match else text
    gap = _GAP.search(title, 0, _SHORT_TITLE + 1) if len(title) > _SHORT_TITLE else None
    if gap and gap.start() >= 2:
        title = title[: gap.start()]
    return title.strip().rstrip("：:，,；;")


_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_END = re.compile(r"[，,；;]")
_TIME_LABEL = re.compile(r"^完成时限[:：]?")


def _final_deadline(before: str) -> str:
    """A deadline written as the last clause of the measure (…，2021年底前完成。)."""
    last_sentence = _SENTENCE_END.split(before.rstrip(" 。；;，,"))[-1]
    clause = _CLAUSE_END.split(last_sentence)[-1].strip()
    if not clause or not DEADLINE.fullmatch(clause):
        return ""
    return _TIME_LABEL.sub("", clause)


class _Builder:
    """Turns headings and units into measures, departments, assignments and targets."""

    def __init__(self, plan: Plan, headings: list[Heading], body_end: int) -> None:
        self.plan = plan
        self.headings = headings
        self.body_end = body_end
        self.departments: dict[str, Department] = {}
        self.codes: set[str] = set()
        self._next_suffix: dict[str, int] = {}  # base code → the last suffix tried
        self.heading_measure: dict[int, Measure] = {}  # heading index → its measure
        self.standing = standing_parties(plan.source_text)
        rules = group_rules(plan.source_text)
        self.group_rule_from = rules[0] if rules else None  # 逗号前面的为牵头单位，下同
        self.notes = ParseNotes()

    def build(self) -> None:
        source = self.plan.source_text
        first = self.headings[0].start if self.headings else self.body_end
        self._loose_units(find_units(source, 0, first))
        ends = [self._region_end(i, heading) for i, heading in enumerate(self.headings)]
        last = len(self.headings) - 1
        regions = [
            find_units(source, heading.label_end, ends[i], closing_tail=i == last)
            for i, heading in enumerate(self.headings)
        ]
        lifts = lift_to_parents(source, self.headings, regions)
        for index, unit in heading_party_units(source, self.headings, regions, ends).items():
            regions[index].units = [unit]  # 一、区经发局 / 1.… 2.…: the heading names whose
        for index, heading in enumerate(self.headings):
            if index in lifts.absorbed:
                continue  # only an annotation of the item above (（三）责任单位：…)
            end = ends[index]
            if index in lifts.cut:
                end = lifts.cut[index]
                while end > heading.label_end and source[end - 1].isspace():
                    end -= 1
            self._add_heading(index, heading, regions[index], end)
            if index in lifts.to_parent:
                self._annotate_lifted(self.heading_measure[index], lifts.to_parent[index])

    # -- regions -----------------------------------------------------------------------------
    def _region_end(self, index: int, heading: Heading) -> int:
        source = self.plan.source_text
        nxt = self.headings[index + 1].start if index + 1 < len(self.headings) else self.body_end
        end = max(nxt, heading.label_end)
        while end > heading.label_end and source[end - 1].isspace():
            end -= 1
        return end

    def _code_of(self, base: str) -> str:
        """The code the next measure built from ``base`` will get."""
        # Repeated numbers (一、 一、 一、 …) get -2, -3 …; resuming from the last suffix
        # tried keeps twenty thousand repeated headings linear instead of probing every
        # earlier suffix again.
        code, n = base, self._next_suffix.get(base, 1)
        if n > 1:
            code = f"{base}-{n}"
        while code in self.codes:
            n += 1
            code = f"{base}-{n}"
        self._next_suffix[base] = n
        return code

    def _code(self, base: str) -> str:
        code = self._code_of(base)
        self.codes.add(code)
        return code

    def _loose_units(self, region: Region) -> None:
        """Annotated paragraphs before the first heading: top-level measures without a label."""
        self.notes.skipped += [("", text) for _, text in region.skipped]
        for unit in region.units:
            unit.start = self._paragraph_start(unit.start, unit.annotation.start)
            self._unit_measure(unit, None, str(len(self.plan.measures) + 1), 1)

    def _paragraph_start(self, floor: int, at: int) -> int:
        """Where the paragraph holding ``at`` begins (hard-wrapped lines walked back)."""
        source = self.plan.source_text
        start = source.rfind("\n", floor, at) + 1 or floor
        for _ in range(_WRAP_LINES):
            if start <= floor:
                return floor
            previous = source.rfind("\n", floor, start - 1) + 1 or floor
            line = source[previous : start - 1].strip()
            if not line or line[-1] in "。！？!?：:；;)）":
                return start
            start = previous
        return start

    def _add_heading(self, index: int, heading: Heading, region: Region, end: int) -> None:
        source = self.plan.source_text
        units = region.units
        last = index == len(self.headings) - 1
        if units and last and "\n" in source[units[-1].end : end]:
            end = units[-1].end  # closing prose after the last annotation
        parent = self.heading_measure.get(heading.parent) if heading.parent is not None else None
        base = f"{parent.code}.{heading.number}" if parent else str(heading.number)
        self.notes.skipped += [(self._code_of(base), text) for _, text in region.skipped]
        if len(units) <= 1:
            measure = self._measure(heading, parent, base, (heading.start, end))
            if units:
                self._fill(measure, units[0], heading.label_end, end)
            else:
                self._fill_plain(measure, heading.label_end, end)
            self.heading_measure[index] = measure
            return
        self._split_heading(index, heading, parent, base, units, end)

    def _split_heading(
        self,
        index: int,
        heading: Heading,
        parent: Measure | None,
        base: str,
        units: list[Unit],
        end: int,
    ) -> None:
        """A heading with several annotated units: the heading, then one sub-measure each."""
        source = self.plan.source_text
        line_end = source.find("\n", heading.label_end, units[0].annotation.start)
        own_line = line_end >= 0 and _title_line(source[heading.label_end : line_end].strip())
        head_end = line_end if own_line else heading.label_end
        measure = self._measure(heading, parent, base, (heading.start, head_end))
        title_text = join_lines(source[heading.label_end : head_end])
        measure.text = title_text
        measure.title = (
            _title(title_text)
            if own_line
            else _title(source[heading.label_end : units[0].annotation.start])
        )
        self._add_targets(measure, title_text)
        self.heading_measure[index] = measure
        if own_line:
            units[0].start = max(units[0].start, _skip_newlines(source, line_end, end))
        for number, unit in enumerate(units, start=1):
            self._unit_measure(unit, measure, f"{measure.code}.{number}")
        tail = _skip_newlines(source, units[-1].end, end)
        if tail < end and any("\u4e00" <= ch <= "\u9fff" for ch in source[tail:end]):
            if "\n" in source[units[-1].end : tail + 1]:
                kid = self._child(measure, f"{measure.code}.{len(units) + 1}")
                kid.span = (tail, end)
                self._fill_plain(kid, tail, end)
            else:  # a last sentence run on after the annotation: part of the last unit
                self._extend_last(tail, end)

    # -- measures ----------------------------------------------------------------------------
    def _measure(
        self, heading: Heading, parent: Measure | None, base: str, span: tuple[int, int]
    ) -> Measure:
        measure = Measure(
            id=len(self.plan.measures) + 1,
            code=self._code(base),
            label=heading.label(self.plan.source_text),
            level=(parent.level + 1) if parent else 1 + heading.depth,
            title="",
            parent_id=parent.id if parent else None,
            position=len(self.plan.measures),
            span=span,
        )
        self.plan.measures.append(measure)
        return measure

    def _child(self, parent: Measure | None, code: str, level: int | None = None) -> Measure:
        measure = Measure(
            id=len(self.plan.measures) + 1,
            code=self._code(code),
            label="",
            level=level or ((parent.level + 1) if parent else 1),
            title="",
            parent_id=parent.id if parent else None,
            position=len(self.plan.measures),
        )
        self.plan.measures.append(measure)
        return measure

    def _unit_measure(
        self, unit: Unit, parent: Measure | None, code: str, level: int | None = None
    ) -> None:
        kid = self._child(parent, code, level)
        kid.span = (unit.start, unit.end)
        self._fill(kid, unit, unit.start, unit.end, skip_title=parent.title if parent else "")

    def _fill_plain(self, measure: Measure, start: int, end: int) -> None:
        body = join_lines(self.plan.source_text[start:end])
        measure.text = body
        measure.title = _title(self.plan.source_text[start:end])
        measure.deadline = _final_deadline(body)
        self._add_targets(measure, body)

    def _fill(
        self, measure: Measure, unit: Unit, start: int, end: int, skip_title: str = ""
    ) -> None:
        """Text, title, annotation, deadline and targets of a measure carrying ``unit``."""
        source = self.plan.source_text
        annotation = unit.annotation
        before = join_lines(source[start : annotation.start])
        if unit.labelled:
            fields = annotation.content
            after = join_lines(source[annotation.end : end])
            measure.text = f"{before}\n{fields}" if before else fields
            if after:
                measure.text += "\n" + after
        else:
            measure.text = join_lines(source[start:end])
        raw = source[start : annotation.start]
        measure.title = _title(_without_title(before, skip_title)) if skip_title else _title(raw)
        self._annotate(measure, annotation)
        if not measure.deadline:
            measure.deadline = _final_deadline(before)
        self._add_targets(measure, before)

    def _extend_last(self, tail: int, end: int) -> None:
        last = self.plan.measures[-1]
        last.span = (last.span[0], end)
        last.text += join_lines(self.plan.source_text[tail:end])

    def _annotate_lifted(self, measure: Measure, units: list[Unit]) -> None:
        """The annotation written after the item's sub-items (see parse/parents.py)."""
        annotation = units[0].annotation
        for unit in units[1:]:
            merge_annotations(annotation, unit.annotation)
        self._annotate(measure, annotation)

    def _annotate(self, measure: Measure, annotation: Annotation) -> None:
        self.notes.refused += [(measure.code, fragment) for fragment in annotation.skipped]
        measure.annotation = annotation.content
        measure.annotated = True
        measure.open_ended = annotation.open_ended
        measure.deadline = annotation.deadline
        if self.group_rule_from is not None and self.group_rule_from < measure.span[1]:
            annotation.lead_first_group()
        parties = list(annotation.parties)
        parties += [(name, Role.SUPPORT) for at, name in self.standing if at < measure.span[0]]
        seen: set[int] = set()
        for name, role in parties:
            department = self._department(
                name,
                annotation.aliases.get(name, ""),
                annotation.kinds.get(name) is OrgKind.COLLECTIVE,
            )
            if department.id in seen:
                continue
            seen.add(department.id)
            self.plan.assignments.append(
                Assignment(measure.id, department.id, role, position=len(seen) - 1)
            )

    def _department(self, name: str, alias: str = "", collective: bool = False) -> Department:
        key = normalise(name)
        department = self.departments.get(key)
        if department is None:
            position = len(self.plan.departments)
            department = Department(
                id=position + 1,
                name=name,
                collective=collective or is_collective(name),
                position=position,
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


def _title_line(line: str) -> bool:
    """A heading's line that is a title of its own, not the first line of a hard-wrapped
    paragraph: one sentence at most, ending the line, or a short phrase."""
    if not line or _SENTENCE_END.search(line[:-1]):
        return False
    return line[-1] in "。：:！？!?" or len(line) <= _SHORT_LINE


def _skip_newlines(source: str, at: int, end: int) -> int:
    while at < end and source[at] in " \t\u3000\xa0\n":
        at += 1
    return at


def _without_title(text: str, title: str) -> str:
    """The unit's words after its heading's title sentence (which the heading row shows)."""
    if title and text.startswith(title):
        rest = text[len(title) :].lstrip("。.：:；; \u3000")
        return rest or text
    return text
