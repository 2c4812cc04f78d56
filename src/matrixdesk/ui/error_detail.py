"""The detail under a refusal, in the window's language.

The store and core raise typed errors whose ``message`` is an English detail, for the command
line ("the file is truncated (5000 of 147456 bytes)", "the last reporting period is before the
first"). The window shows a translated sentence first; this module turns the details a user can
meet into the window's language too. A detail it does not know is never shown as English text
in a window of another language: it goes under the message box's *Show Details…* instead.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.periods import Cadence, PeriodError


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorDetail", text)


def _details() -> list[tuple[re.Pattern[str], str]]:
    """(the English detail, its sentence in the window's language; %1, %2 = the groups)."""
    table = [
        (r"no such file", _tr("The file does not exist.")),
        (r"not a plan file \(a folder, device or pipe\)", _tr("It is a folder or a device.")),
        (r"the file is empty, not a MatrixDesk plan", _tr("The file is empty.")),
        (
            r"not a MatrixDesk plan \(not an SQLite database\)",
            _tr("It is another kind of file, not a MatrixDesk plan."),
        ),
        (
            r"an SQLite database, but not a MatrixDesk plan",
            _tr("It is a database of another program, not a MatrixDesk plan."),
        ),
        (r"a MatrixDesk file without plan tables", _tr("The file holds no plan.")),
        (
            r"the file is truncated \((\d+) of (\d+) bytes\)",
            _tr("The file is cut short: %1 of its %2 bytes are there."),
        ),
        (r"the file is truncated \(not a whole number of pages\)", _tr("The file is cut short.")),
        (
            r"the last reporting period is before the first",
            _tr("The last period is before the first."),
        ),
        (r"a plan needs at least one status", _tr("A plan needs at least one status.")),
        (
            r"a status needs a short name without commas or quotes",
            _tr("A status needs a short name without commas or quotation marks."),
        ),
        (r"two statuses have the same name", _tr("Two statuses have the same name.")),
        (
            r"the plan already holds reports for (\S+): keep its cadence",
            _tr(
                "The plan already holds reports for %1: keep monthly or quarterly reporting "
                "as it is."
            ),
        ),
        (
            r"the status (.+) is in use: keep it in the list",
            _tr("The status “%1” has been reported: keep it in the list."),
        ),
    ]
    return [(re.compile(pattern), text) for pattern, text in table]


def english_ui() -> bool:
    """True when the window speaks English (the details are English already)."""
    return QLocale().language() == QLocale.Language.English


def period_text(error: PeriodError) -> str:
    """'2027-13 is not a reporting period' in the window's language."""
    if error.cadence == Cadence.MONTH:
        text = _tr("“%1” is not a reporting period: write a month such as 2026-11.")
    elif error.cadence == Cadence.QUARTER:
        text = _tr("“%1” is not a reporting period: write a quarter such as 2026-Q4.")
    else:
        text = _tr("“%1” is not a reporting period: write 2026-11 or 2026-Q4.")
    return text.replace("%1", error.text)


def translated(detail: str) -> str | None:
    """``detail`` in the window's language, or None when it is not one this module knows."""
    for pattern, text in _details():
        found = pattern.fullmatch(detail.strip())
        if found:
            for number, group in enumerate(found.groups(), start=1):
                text = text.replace(f"%{number}", group)
            return text
    return None


def with_detail(sentence: str, detail: str) -> tuple[str, str]:
    """(the box's text, what goes under *Show Details…*): ``detail`` joins ``sentence`` in the
    window's language, or, when it is English the window cannot translate, stays hidden."""
    shown = translated(detail) if detail else ""
    if shown is None and english_ui():
        shown = detail
    if shown is None:
        return sentence or _tr("This cannot be done."), detail
    return (f"{sentence}\n\n{shown}" if shown and sentence else (sentence or shown)), ""


def warn(parent: QWidget | None, title: str, sentence: str, detail: str = "") -> None:
    """A warning: ``sentence`` (translated already) with ``detail`` under it in the window's
    language; an English detail it cannot translate goes under *Show Details…*."""
    text, hidden = with_detail(sentence, detail)
    if not hidden:
        QMessageBox.warning(parent, title, text)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(hidden)
    box.exec()
