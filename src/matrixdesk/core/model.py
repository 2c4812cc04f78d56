"""The document model: measures, departments, assignments and targets.

Plain dataclasses, no Qt and no SQL. A :class:`Plan` is what the parser produces and what the
store loads and saves; ids are small integers that stay stable for the life of a plan file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .progress import Actual, ProgressEntry, Schedule


class Role(StrEnum):
    """A department's part in a measure."""

    LEAD = "lead"  # 牵头
    SUPPORT = "support"  # 配合


class Comparator(StrEnum):
    """How a target value is to be read (以上 → at least, 以内 → at most)."""

    EQ = "="
    GE = ">="
    LE = "<="


@dataclass
class DocumentInfo:
    """The policy document's identity, as far as the text states it."""

    title: str = ""
    number: str = ""  # 吉政办发[2020]34号
    issuer: str = ""
    date: str = ""  # ISO yyyy-mm-dd when it could be read


@dataclass(slots=True)  # tens of thousands of them: no dict per object
class Department:
    """A responsible party as written, with its aliases.

    ``collective`` marks parties that are not one organisation (各地区, 有关部门 …).
    """

    id: int
    name: str
    aliases: list[str] = field(default_factory=list)
    collective: bool = False
    position: int = 0


@dataclass(slots=True)  # tens of thousands of them: no dict per object
class Measure:
    """A numbered heading or measure of the document.

    ``level`` is 1 for parts (一、), 2 for items ((一)), 3 for sub-items (1.).
    ``code`` is hierarchical and unique ("1", "1.1", "1.1.1"); ``label`` is the number as written.
    ``span`` is the (start, end) character range of the measure in the stored source text.
    """

    id: int
    code: str
    label: str
    level: int
    title: str
    text: str = ""
    parent_id: int | None = None
    deadline: str = ""
    open_ended: bool = False
    annotation: str = ""  # the responsibility annotation as written, without brackets
    annotated: bool = False  # the text carried a responsibility annotation
    position: int = 0
    span: tuple[int, int] = (0, 0)


@dataclass(slots=True)  # tens of thousands of them: no dict per object
class Assignment:
    """One department's role in one measure; ``position`` is the order as written."""

    measure_id: int
    department_id: int
    role: Role
    position: int = 0


@dataclass(slots=True)  # tens of thousands of them: no dict per object
class Target:
    """A quantified target: 到2022年 滑冰场所 达到 500 个以上 → (滑冰场所, 500, 个, >=, 2022)."""

    id: int
    measure_id: int
    indicator: str
    value: float | None = None
    unit: str = ""
    comparator: Comparator = Comparator.EQ
    year: int | None = None
    position: int = 0


@dataclass
class Plan:
    """A whole responsibility matrix: the document, its measures and who does what."""

    info: DocumentInfo = field(default_factory=DocumentInfo)
    source_text: str = ""
    measures: list[Measure] = field(default_factory=list)
    departments: list[Department] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    # progress (进展台账): the reporting schedule, the entries per assignment and period,
    # and the values targets reached
    schedule: Schedule = field(default_factory=Schedule)
    progress: list[ProgressEntry] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)

    # -- lookups ---------------------------------------------------------------------------
    def measure(self, measure_id: int) -> Measure:
        for m in self.measures:
            if m.id == measure_id:
                return m
        raise KeyError(measure_id)

    def department(self, department_id: int) -> Department:
        for d in self.departments:
            if d.id == department_id:
                return d
        raise KeyError(department_id)

    def department_named(self, name: str) -> Department | None:
        """The department called ``name`` or having it as an alias, else None."""
        for d in self.departments:
            if d.name == name or name in d.aliases:
                return d
        return None

    def assignments_of(self, measure_id: int) -> list[Assignment]:
        found = [a for a in self.assignments if a.measure_id == measure_id]
        return sorted(found, key=lambda a: a.position)

    def targets_of(self, measure_id: int) -> list[Target]:
        found = [t for t in self.targets if t.measure_id == measure_id]
        return sorted(found, key=lambda t: t.position)

    def children(self, measure_id: int | None) -> list[Measure]:
        return [m for m in self.measures if m.parent_id == measure_id]

    def role_map(self) -> dict[tuple[int, int], Role]:
        """(measure id, department id) → role, for fast matrix lookups."""
        return {(a.measure_id, a.department_id): a.role for a in self.assignments}
