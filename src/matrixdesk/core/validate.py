"""Validation findings: what a coordinator should look at before circulating a plan.

Findings carry data (codes and ids); the UI and CLI turn them into words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from .index import PlanIndex
from .model import Assignment, Department, Measure, Plan, Role, Target
from .names import normalise
from .tasks import task_ids


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class FindingCode(StrEnum):
    NO_LEAD = "no-lead"  # a task with departments but none leading
    NO_ANNOTATION = "no-annotation"  # a task nobody is responsible for
    SEVERAL_LEADS = "several-leads"  # allowed (A、B牵头), worth a look
    UNASSIGNED_DEPARTMENT = "unassigned-department"
    DUPLICATE_NAME = "duplicate-name"  # equal after normalisation
    TARGET_WITHOUT_YEAR = "target-without-year"


SEVERITY = {
    FindingCode.NO_LEAD: Severity.ERROR,
    FindingCode.NO_ANNOTATION: Severity.ERROR,
    FindingCode.SEVERAL_LEADS: Severity.WARNING,
    FindingCode.UNASSIGNED_DEPARTMENT: Severity.WARNING,
    FindingCode.DUPLICATE_NAME: Severity.ERROR,
    FindingCode.TARGET_WITHOUT_YEAR: Severity.WARNING,
}


@dataclass(frozen=True)
class Finding:
    """One finding; ``subject`` names the measure or department for messages."""

    code: FindingCode
    subject: str
    measure_id: int | None = None
    department_id: int | None = None
    target_id: int | None = None
    other: str = ""  # the second name of a duplicate pair
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.code]

    def message(self) -> str:
        """An English sentence (the CLI prints it; the UI translates from the code)."""
        return {
            FindingCode.NO_LEAD: "measure {s} has departments but no lead",
            FindingCode.NO_ANNOTATION: "measure {s} has no responsible department",
            FindingCode.SEVERAL_LEADS: "measure {s} has several leads",
            FindingCode.UNASSIGNED_DEPARTMENT: "department {s} has no assignment",
            FindingCode.DUPLICATE_NAME: "departments {s} and {o} have the same name",
            FindingCode.TARGET_WITHOUT_YEAR: "a target of measure {s} has no year",
        }[self.code].format(s=self.subject, o=self.other)


def measure_findings(
    measure: Measure, assignments: Iterable[Assignment], targets: Iterable[Target], is_task: bool
) -> list[Finding]:
    """The findings of one measure, from its own assignments and targets only.

    ``is_task`` says whether someone must carry the measure out (see :mod:`.tasks`). The check
    of a whole plan and the window's check after an edit both use this, so they agree.
    """
    findings: list[Finding] = []
    subject = f"{measure.code} {measure.title}"
    assigned = leads = 0
    for a in assignments:
        assigned += 1
        leads += a.role == Role.LEAD
    if is_task and not assigned:
        findings.append(Finding(FindingCode.NO_ANNOTATION, subject, measure_id=measure.id))
    elif assigned and not leads:
        findings.append(Finding(FindingCode.NO_LEAD, subject, measure_id=measure.id))
    elif leads > 1:
        findings.append(Finding(FindingCode.SEVERAL_LEADS, subject, measure_id=measure.id))
    for t in targets:
        if t.year is None:
            findings.append(
                Finding(
                    FindingCode.TARGET_WITHOUT_YEAR, subject, measure_id=measure.id, target_id=t.id
                )
            )
    return findings


def unassigned_finding(department: Department, assigned: int) -> Finding | None:
    """The finding of a department with no assignment (``assigned`` counts its measures)."""
    if assigned:
        return None
    return Finding(FindingCode.UNASSIGNED_DEPARTMENT, department.name, department_id=department.id)


def duplicate_findings(departments: Iterable[Department]) -> list[Finding]:
    """Departments whose names are equal after :func:`normalise`, in display order."""
    findings: list[Finding] = []
    seen: dict[str, str] = {}
    for d in departments:
        key = normalise(d.name)
        if key in seen:
            findings.append(
                Finding(FindingCode.DUPLICATE_NAME, seen[key], department_id=d.id, other=d.name)
            )
        seen.setdefault(key, d.name)
    return findings


def validate(plan: Plan) -> list[Finding]:
    """All findings for ``plan``: measures in document order, then departments.

    One pass over each of the plan's lists (through a :class:`PlanIndex`): the time grows with
    the size of the plan, not with its square.
    """
    index = PlanIndex(plan)
    tasks = task_ids(plan)
    findings: list[Finding] = []
    for m in plan.measures:
        findings += measure_findings(
            m, index.assignments_of(m.id), index.targets_of(m.id), m.id in tasks
        )
    duplicates = {f.department_id: f for f in duplicate_findings(plan.departments)}
    for d in plan.departments:
        unassigned = unassigned_finding(d, len(index.by_department.get(d.id, ())))
        findings += [f for f in (unassigned, duplicates.get(d.id)) if f is not None]
    return findings
