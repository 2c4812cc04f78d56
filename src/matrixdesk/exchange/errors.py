"""Errors raised by the workbook exporters and by reading returned workbooks."""

from __future__ import annotations

from enum import StrEnum

from ..core.safefile import OutputError

#: A workbook could not be written: the core's :class:`OutputError` (an ``OSError``) or one of
#: its kinds (file in use, disk full, path too long, folder); the message names the file.
ExportError = OutputError


class ExportCancelled(Exception):
    """The progress callback asked to stop; no file of the cancelled export is left behind."""


class Refusal(StrEnum):
    """Why a returned workbook was not collected (the UI words each one)."""

    UNREADABLE = "unreadable"  # the file cannot be opened at all
    NOT_XLSX = "not-xlsx"
    OLD_FORMAT = "old-format"  # .xls or WPS .et: save it as .xlsx
    ENCRYPTED = "encrypted"  # password-protected
    DAMAGED = "damaged"
    UNSAFE_XML = "unsafe-xml"  # XML entities, DTDs, external references
    TOO_LARGE = "too-large"  # zip bomb, or more cells than any department workbook holds
    NOT_OURS = "not-ours"  # not a MatrixDesk department workbook
    OTHER_PLAN = "other-plan"
    OTHER_DEPARTMENT = "other-department"
    IDS_EDITED = "ids-edited"
    ROWS_CHANGED = "rows-changed"
    FORMULA = "formula"
    BAD_STATUS = "bad-status"
    BAD_VALUE = "bad-value"
    BAD_PERIOD = "bad-period"


REFUSAL_TEXT = {
    Refusal.UNREADABLE: "the file cannot be read",
    Refusal.NOT_XLSX: "not an Excel .xlsx workbook",
    Refusal.OLD_FORMAT: "an old-format workbook (.xls/.et): open it in Excel or WPS and save it"
    " as .xlsx",
    Refusal.ENCRYPTED: "the workbook is password-protected: ask the department to remove the"
    " password",
    Refusal.DAMAGED: "the workbook is damaged",
    Refusal.UNSAFE_XML: "the workbook contains XML entity declarations (refused as unsafe)",
    Refusal.TOO_LARGE: "the workbook is far larger than a department workbook (possibly a zip"
    " bomb)",
    Refusal.NOT_OURS: "not a MatrixDesk department workbook",
    Refusal.OTHER_PLAN: "a workbook of another plan",
    Refusal.OTHER_DEPARTMENT: "its rows belong to another department than the workbook",
    Refusal.IDS_EDITED: "the hidden identifiers were edited",
    Refusal.ROWS_CHANGED: "rows were added or removed",
    Refusal.FORMULA: "a formula where a value is expected",
    Refusal.BAD_STATUS: "a status that is not in the plan's list",
    Refusal.BAD_VALUE: "a value reached that is not a number",
    Refusal.BAD_PERIOD: "a reporting period the plan does not have",
}


class WorkbookRefused(ValueError):
    """A returned workbook that is not collected; nothing from it is applied.

    ``code`` says why (:class:`Refusal`), ``detail`` where (a cell, a sheet, a size).
    """

    def __init__(self, path: str, code: Refusal, detail: str = "") -> None:
        text = REFUSAL_TEXT[code] + (f" ({detail})" if detail else "")
        super().__init__(f"{path}: {text}")
        self.path = path
        self.code = code
        self.detail = detail
        self.reason = text
