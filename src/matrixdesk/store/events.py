"""What the store tells its observers, and the snapshots edits hand back for undo."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.model import Assignment, Department, Measure, Target
from ..core.progress import Actual, ProgressEntry


@dataclass(frozen=True)
class StoreEvent:
    """What changed; views refresh from it. ``kind`` is one of :data:`EVENT_KINDS`.

    A ``roles`` event also names its ``cells`` (measure id, department id), so a view can
    repaint exactly those.
    """

    kind: str
    measure_ids: tuple[int, ...] = ()
    department_ids: tuple[int, ...] = ()
    cells: tuple[tuple[int, int], ...] = ()


EVENT_KINDS = (
    "roles",
    "measures",
    "structure",
    "departments",
    "targets",
    "info",
    "progress",
    "reset",
)


@dataclass
class DepartmentSnapshot:
    """A department with its aliases and all its assignments, to put back on undo."""

    department: Department
    assignments: list[Assignment] = field(default_factory=list)
    progress: list[ProgressEntry] = field(default_factory=list)


@dataclass
class MeasureSnapshot:
    """A measure with its descendants, their assignments and targets, to put back on undo."""

    measures: list[Measure]
    assignments: list[Assignment]
    targets: list[Target]
    progress: list[ProgressEntry] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)
