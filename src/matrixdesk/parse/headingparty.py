"""A heading that names one department over that department's list of tasks.

Some documents write the matrix transposed: a part heading names an organisation, and the tasks
under it, numbered afresh under each heading, carry no annotation of their own — the heading
says whose they are::

    一、区经发局                                   2016年区环土局环境保护目标责任
    1.推进园区建设。                                一、推进水污染防治。…
    2.做好项目储备。                                二、强化大气污染防治。…
    二、区财政局工作任务                             2016年区经发局环境保护目标责任
    1.保障资金。                                    一、优化能源结构。…

Each task under such a heading is a unit whose only party, and lead, is the heading's
department. The heading may be numbered or a line of its own (the numbering takes the latter
as a heading where the list under it restarts: :mod:`matrixdesk.parse.numbering`), and its
title is the name alone or the name among title words — a year before it, a topic and a title
word after it (:func:`~matrixdesk.parse.orgs.heading_org`). 一、加强协调, a list of names or a
document's title name no one. The rule applies only when nothing in the heading's body or under
it carries an annotation of its own, and when it has at least two tasks, none with sub-items of
their own. Departments named inside a task's words (配合区交通与建设局…) are not its parties.

:func:`heading_party_units` looks at each heading once: linear in their number.
"""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse.annotation import Annotation
from matrixdesk.parse.numbering import Heading
from matrixdesk.parse.orgs import OrgKind, heading_org
from matrixdesk.parse.units import Region, Unit

__all__ = ["heading_party_units"]

_TRIM = " \t\u3000\n：:。"


def heading_party_units(
    source: str, headings: list[Heading], regions: list[Region], ends: list[int]
) -> dict[int, Unit]:
    """The units a department heading gives its tasks, by the tasks' heading index.

    Parameters
    ----------
    source
        The whole document text.
    headings, regions, ends
        The headings, the units found in each one's body and where each body ends.

    Returns
    -------
    dict of int to Unit
        One unit per task, covering the task's whole body, naming the department as lead.
    """
    children: list[list[int]] = [[] for _ in headings]
    for index, heading in enumerate(headings):
        if heading.parent is not None:
            children[heading.parent].append(index)
    found: dict[int, Unit] = {}
    for index, heading in enumerate(headings):
        kids = children[index]
        if len(kids) < 2 or regions[index].units or regions[index].leading:
            continue
        if any(children[k] or regions[k].units or regions[k].leading for k in kids):
            continue
        name = heading_org(source[heading.label_end : headings[kids[0]].start])
        if not name:
            continue
        for kid in kids:
            found[kid] = _unit(source, headings[kid], ends[kid], name)
    return found


def _unit(source: str, task: Heading, end: int, name: str) -> Unit:
    start = task.label_end
    while start < end and source[start] in _TRIM:
        start += 1
    annotation = Annotation(
        start=end, end=end, content=name, parties=[(name, Role.LEAD)], kinds={name: OrgKind.ORG}
    )
    return Unit(start, end, annotation)
