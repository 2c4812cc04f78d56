"""The .mdesk plan file: the only layer with SQL."""

from .errors import (
    DamagedFileError,
    EditError,
    NewerVersionError,
    NotAPlanError,
    PlanExistsError,
    PlanInUseError,
    ReadOnlyError,
    StoreError,
)
from .events import DepartmentSnapshot, MeasureSnapshot, StoreEvent
from .schema import SCHEMA_VERSION
from .store import MatrixStore, RoleChange

__all__ = [
    "DamagedFileError",
    "DepartmentSnapshot",
    "EditError",
    "MatrixStore",
    "MeasureSnapshot",
    "NewerVersionError",
    "NotAPlanError",
    "PlanExistsError",
    "PlanInUseError",
    "ReadOnlyError",
    "RoleChange",
    "SCHEMA_VERSION",
    "StoreError",
    "StoreEvent",
]
