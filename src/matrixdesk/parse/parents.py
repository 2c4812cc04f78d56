"""Annotations that belong to the item above the one they are written in.

Two layouts put an item's annotation after its numbered sub-items:

* the last sub-items name only who is responsible — ``（三）责任单位及承办科室：市自然资源局，
  储备中心。`` after ``（一）适用范围：…（二）办理流程：…`` — so they are the item's annotation, not
  items of their own (the reader drops them as measures);
* an annotation on a line of its own after the last sub-item —
  ``（三）支持住房消费。 / 1.降低首付比例； / 2.发放购房补贴。 / （省住房城乡建设厅负责）`` — covers
  the whole item, not the last sub-item only.

Either way the annotation moves to the parent only when none of the parent's other sub-items (or
theirs) carries an annotation and the parent has none of its own: a document that annotates each
sub-item keeps its annotations where they are. An own-line annotation after the last sub-item
also stays there when the parent's sibling items annotate their sub-items (the document annotates
at that level) or when the parent has only one sub-item.

:func:`lift_to_parents` works bottom-up over the headings once: linear in their number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matrixdesk.parse.numbering import Heading
from matrixdesk.parse.units import Region, Unit

__all__ = ["Lifts", "lift_to_parents"]


@dataclass
class Lifts:
    """What moves: units given to a parent, sub-items that were only an annotation (not
    measures), and sub-items whose text ends where their moved annotation began."""

    to_parent: dict[int, list[Unit]] = field(default_factory=dict)
    absorbed: set[int] = field(default_factory=set)
    cut: dict[int, int] = field(default_factory=dict)


def lift_to_parents(source: str, headings: list[Heading], regions: list[Region]) -> Lifts:
    """Decide which annotations belong to the heading above; ``regions[i]`` is the body of
    ``headings[i]`` as :func:`~matrixdesk.parse.units.find_units` read it (the units moved
    are removed from it).

    Returns
    -------
    Lifts
        Indexes into ``headings``.
    """
    lifts = Lifts()
    starts = [heading.start for heading in headings]
    children: list[list[int]] = [[] for _ in headings]
    for index, heading in enumerate(headings):
        if heading.parent is not None:
            children[heading.parent].append(index)
    annotated = [bool(region.units) for region in regions]  # in the subtree, after lifts
    # Items that annotate their sub-items one by one (not only the last, on its own line).
    child_level = [
        any(regions[k].units for k in kids)
        and not _own_line_form(source, starts[i], kids, children, regions)
        for i, kids in enumerate(children)
    ]
    level_count: dict[int | None, int] = {}  # items of one level with a sub-item annotated
    for index, heading in enumerate(headings):
        level_count[heading.parent] = level_count.get(heading.parent, 0) + child_level[index]
    for parent in range(len(headings) - 1, -1, -1):
        kids = children[parent]
        if kids and not regions[parent].units and not regions[parent].leading:
            if not _fields_only(parent, kids, children, regions, annotated, lifts):
                others = level_count[headings[parent].parent] - child_level[parent]
                _own_line(
                    source, starts, parent, kids, children, regions, annotated, lifts, others > 0
                )
        annotated[parent] = (
            annotated[parent] or parent in lifts.to_parent or any(annotated[k] for k in kids)
        )
    return lifts


def _fields_only(
    parent: int,
    kids: list[int],
    children: list[list[int]],
    regions: list[Region],
    annotated: list[bool],
    lifts: Lifts,
) -> bool:
    """The trailing sub-items that are only labelled fields become the parent's annotation."""
    run: list[int] = []
    for kid in reversed(kids):
        if children[kid] or regions[kid].leading is None:
            break
        run.insert(0, kid)
    others = kids[: len(kids) - len(run)]
    if not run or any(annotated[k] for k in others):
        return False
    lifts.to_parent[parent] = [regions[k].leading for k in run if regions[k].leading]
    lifts.absorbed.update(run)
    return True


def _own_line(
    source: str,
    headings_start: list[int],
    parent: int,
    kids: list[int],
    children: list[list[int]],
    regions: list[Region],
    annotated: list[bool],
    lifts: Lifts,
    level_annotates_children: bool,
) -> None:
    """An annotation on its own line ending the last sub-item becomes the parent's."""
    last = kids[-1]
    units = regions[last].units
    if (
        len(kids) < 2
        or level_annotates_children
        or children[last]
        or len(units) != 1
        or any(annotated[k] for k in kids[:-1])
        or not _on_own_line(source, units[0], headings_start[parent])
    ):
        return
    lifts.to_parent[parent] = [units[0]]
    lifts.cut[last] = units[0].annotation.start
    regions[last].units = []
    annotated[last] = False


def _own_line_form(
    source: str, since: int, kids: list[int], children: list[list[int]], regions: list[Region]
) -> bool:
    """Only the last of several sub-items is annotated, on a line of its own."""
    last = kids[-1] if kids else None
    return (
        last is not None
        and len(kids) >= 2
        and not children[last]
        and len(regions[last].units) == 1
        and not any(regions[k].units for k in kids[:-1])
        and _on_own_line(source, regions[last].units[0], since)
    )


def _on_own_line(source: str, unit: Unit, since: int) -> bool:
    """The annotation begins a line and text comes before it in the unit — or, in an item
    whose line breaks were lost (no break since the item's number at ``since``), a labelled
    annotation begins after a sentence end (…。责任单位：A牵头，B等参加。)."""
    at = unit.annotation.start
    line_start = source.rfind("\n", 0, at) + 1
    if line_start > unit.start and not source[line_start:at].strip():
        return True
    before = source[unit.start : at].rstrip(" \t\u3000")
    return unit.labelled and line_start <= since and before[-1:] in ("。", "；", ";", "，", ",")
