"""Validation findings: what a coordinator should look at before circulating a plan.

Findings carry data (codes and ids); the UI and CLI turn them into words.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from .model import Plan, Role
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


def validate(plan: Plan) -> list[Finding]:
    """All findings for ``plan``: measures in document order, then departments."""
    findings: list[Finding] = []
    leads: dict[int, int] = defaultdict(int)
    assigned: dict[int, int] = defaultdict(int)
    used: set[int] = set()
    for a in plan.assignments:
        assigned[a.measure_id] += 1
        used.add(a.department_id)
        if a.role == Role.LEAD:
            leads[a.measure_id] += 1
    tasks = task_ids(plan)
    for m in plan.measures:
        subject = f"{m.code} {m.title}"
        if m.id in tasks and not assigned[m.id]:
            findings.append(Finding(FindingCode.NO_ANNOTATION, subject, measure_id=m.id))
        elif assigned[m.id] and not leads[m.id]:
            findings.append(Finding(FindingCode.NO_LEAD, subject, measure_id=m.id))
        elif leads[m.id] > 1:
            findings.append(Finding(FindingCode.SEVERAL_LEADS, subject, measure_id=m.id))
        for t in plan.targets_of(m.id):
            if t.year is None:
                findings.append(
                    Finding(
                        FindingCode.TARGET_WITHOUT_YEAR, subject, measure_id=m.id, target_id=t.id
                    )
                )
    seen: dict[str, str] = {}
    for d in plan.departments:
        if d.id not in used:
            findings.append(Finding(FindingCode.UNASSIGNED_DEPARTMENT, d.name, department_id=d.id))
        key = normalise(d.name)
        if key in seen:
            findings.append(
                Finding(FindingCode.DUPLICATE_NAME, seen[key], department_id=d.id, other=d.name)
            )
        seen.setdefault(key, d.name)
    return findings
