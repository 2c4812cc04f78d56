"""The .mdesk plan file: the only layer with SQL."""

from . import _sqlite_utils  # noqa: F401  (first: sqlite-utils without numpy)
from .assignments import RoleChange
from .cleaning import clean_copy, cleaned_name
from .errors import (
    DamagedFileError,
    EditError,
    ForeignSchemaError,
    InvalidPlanError,
    NewerVersionError,
    NotAPlanError,
    PlanExistsError,
    PlanInUseError,
    ReadOnlyError,
    ReadOnlyLocationError,
    StoreError,
    WriteError,
)
from .events import DepartmentSnapshot, MeasureSnapshot, StoreEvent
from .lock import LockOwner
from .schema import SCHEMA_VERSION
from .store import MatrixStore

__all__ = [
    "DamagedFileError",
    "DepartmentSnapshot",
    "EditError",
    "ForeignSchemaError",
    "InvalidPlanError",
    "LockOwner",
    "MatrixStore",
    "MeasureSnapshot",
    "NewerVersionError",
    "NotAPlanError",
    "PlanExistsError",
    "PlanInUseError",
    "ReadOnlyError",
    "ReadOnlyLocationError",
    "RoleChange",
    "SCHEMA_VERSION",
    "StoreError",
    "StoreEvent",
    "WriteError",
    "clean_copy",
    "cleaned_name",
]
