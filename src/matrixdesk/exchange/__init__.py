"""Excel workbooks out (master and per-department) with openpyxl; no Qt."""

from .departments import export_departments
from .errors import ExportCancelled, ExportError
from .master import export_master

__all__ = ["ExportCancelled", "ExportError", "export_departments", "export_master"]
