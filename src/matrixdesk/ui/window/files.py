"""Files for the main window: open, new from a document, save as, recent files, the sample,
and the messages for files that cannot be opened. Also export and printing, which only hand
the plan to their own modules (imported when used).

Save As writes a complete copy (``MatrixStore.save_copy``) and then goes on working in the
copy: the window reopens on the new file, whose undo history starts empty; the original keeps
everything done up to that moment. Every edit is already on disk, so there is no "Save".

The bundled sample is never edited in place: on first use it is copied (or, if only its text
is bundled, imported) into the user's data folder and that copy is opened.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from ... import __file__ as _package_file
from ...core.progress import new_plan_schedule
from ...core.safefile import same_path
from ...store import (
    DamagedFileError,
    EditError,
    ForeignSchemaError,
    InvalidPlanError,
    MatrixStore,
    NewerVersionError,
    NotAPlanError,
    PlanInUseError,
    ReadOnlyLocationError,
    StoreError,
    WriteError,
    clean_copy,
    cleaned_name,
)
from .. import folders, settings
from ..actions import REPORT_FONT, ActionId
from ..document import Document
from ..error_detail import warn, with_detail
from ..folders import ENV_DATA_DIR, data_dir  # noqa: F401 (re-exported: tests and callers)
from ..messages import output_error_text

SAMPLE_NAME = "jizhengbanfa-2020-34"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileController", text)


def bundled_samples_dir() -> Path | None:
    """``matrixdesk/samples`` in an installed package, else ``<checkout>/samples``."""
    package = Path(_package_file).resolve().parent
    for folder in (package / "samples", package.parent.parent / "samples"):
        if folder.is_dir():
            return folder
    return None


def sample_plan_path() -> Path:
    """The user's own copy of the sample plan, made from the bundled one when missing."""
    target = data_dir() / "samples" / f"{SAMPLE_NAME}.mdesk"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = bundled_samples_dir()
    if folder is None:
        raise FileNotFoundError("the sample is not installed")
    bundled = folder / f"{SAMPLE_NAME}.mdesk"
    if bundled.exists():
        shutil.copyfile(bundled, target)
    else:
        from ...parse import parse_file

        MatrixStore.create(str(target), parse_file(folder / f"{SAMPLE_NAME}.txt")).close()
    return target


_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def plan_file_stem(plan, source: str = "") -> str:
    """The name a new plan is offered under: the document's 文号 or title, else the name of
    the file it was read from (关于促进消费的通知.docx → 关于促进消费的通知), else "New plan";
    without the characters Windows refuses in a file name."""
    stem = plan.info.number or plan.info.title or Path(source).stem
    stem = _NOT_IN_FILE_NAMES.sub("-", stem).strip(" .-")
    return stem or _tr("New plan")


def error_text(error: StoreError) -> str:
    """A translated sentence for a store error (the English detail goes underneath)."""
    name = os.path.basename(error.path)
    if isinstance(error, NewerVersionError):
        text = _tr(
            "“%1” was written by a newer version of MatrixDesk. Please install the newer "
            "version to open it."
        )
    elif isinstance(error, DamagedFileError):
        text = _tr("“%1” is damaged and cannot be read. The file has not been changed.")
        if error.readable:
            text += " " + _tr("Its rows can still be read: you can open it read-only.")
        if error.backups:
            text += " " + _tr("A backup copy is beside it: %2.").replace(
                "%2", os.path.basename(error.backups[0])
            )
    elif isinstance(error, ForeignSchemaError):
        text = _tr(
            "“%1” holds tables or triggers MatrixDesk did not create; it may have been made "
            "to change data behind your back, so it is not opened. The file has not been changed."
        )
    elif isinstance(error, InvalidPlanError):
        text = _tr(
            "“%1” holds values MatrixDesk cannot use (listed below), so it is not opened. "
            "The file has not been changed."
        )
    elif isinstance(error, NotAPlanError):
        text = _tr("“%1” is not a MatrixDesk plan, or it does not exist.")
    elif isinstance(error, PlanInUseError):
        if error.in_this_process:
            text = _tr("“%1” is already open for editing in another MatrixDesk window.")
        elif error.holder is not None:
            text = (
                _tr("“%1” is open for editing by %2 on the computer %3 since %4.")
                .replace("%2", error.holder.user or "?")
                .replace("%3", error.holder.host)
                .replace("%4", error.holder.since.replace("T", " ") or "?")
            )
        else:
            text = _tr("“%1” is open for editing in another program.")
    elif isinstance(error, ReadOnlyLocationError):
        text = _tr("“%1” is on a drive, share or stick that cannot be written to.")
    else:
        text = _tr("“%1” could not be opened.")
    return text.replace("%1", name)


def refusal_text(error: StoreError) -> str:
    """A translated sentence for an edit the store refused or could not write."""
    if isinstance(error, WriteError) and error.reason == "full":
        return _tr(
            "The disk is full: this edit was not saved. Every earlier edit is safe in the "
            "plan. Free some space, then make the edit again."
        )
    if isinstance(error, WriteError) and error.reason == "busy":
        return _tr("Another program is using the plan: this edit was not saved. Try again.")
    if isinstance(error, WriteError):
        return _tr(
            "The plan could not be written (the drive or network may have gone): this edit "
            "was not saved. Every earlier edit is safe in the plan."
        )
    if isinstance(error, EditError):
        return _tr("This edit cannot be made.")
    return _tr("This edit was not saved.")


class FileController(QObject):
    """File menu behaviour of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._printer = None

    # -- opening ---------------------------------------------------------------------------
    def open_path(
        self,
        path: str,
        *,
        read_only: bool = False,
        quiet: bool = False,
        remember: bool = True,
        silent: bool = False,
    ) -> bool:
        """Open ``path`` in the window; a bad file gives a message and changes nothing.

        ``quiet`` opens a plan in use read-only without asking; ``silent`` shows no message
        at all (screenshots: nobody is there to answer); ``remember`` adds it to the recent
        files.
        """
        from ..signals import stop_requested

        if stop_requested():  # the program is closing: no plan, no box about one
            return False
        path = os.path.abspath(path)
        doc = self.window.document
        if doc is not None and same_path(doc.path, path):  # links too
            self.window.statusBar().showMessage(
                _tr("%1 is open already.").replace("%1", os.path.basename(path)), 5000
            )
            return True
        try:
            store = MatrixStore.open(path, read_only=read_only, lock=not read_only)
        except PlanInUseError as exc:
            if silent:
                return False
            return self._offer_in_use(path, exc, quiet=quiet, remember=remember)
        except ReadOnlyLocationError as exc:
            if silent or quiet:
                return self.open_path(path, read_only=True, remember=remember, silent=silent)
            return self._offer_read_only(path, exc, remember)
        except DamagedFileError as exc:
            if silent:
                return False
            return self._offer_damaged(path, exc)
        except ForeignSchemaError as exc:
            if silent:
                return False
            return self._offer_cleaned_copy(path, exc)
        except StoreError as exc:
            if silent:
                return False
            self.show_error(_tr("Cannot open plan"), exc)
            if isinstance(exc, NotAPlanError) and not os.path.exists(path):
                settings.remove_recent_file(path)
            return False
        except OSError as exc:
            if not silent:
                QMessageBox.warning(self.window, _tr("Cannot open plan"), f"{path}\n\n{exc}")
            return False
        return self._show(store, path, remember)

    def _show(self, store: MatrixStore, path: str, remember: bool) -> bool:
        from ..signals import stop_requested

        if stop_requested():  # a box was open when the stop came: nothing is opened now
            store.close()
            return False
        self.window.set_document(Document(store, self.window))
        if remember:
            settings.add_recent_file(path)
        if store.recovered:
            self.window.statusBar().showMessage(
                _tr(
                    "The plan was not closed properly last time; every completed edit has "
                    "been recovered."
                ),
                15000,
            )
        return True

    def _offer_in_use(self, path: str, exc: PlanInUseError, *, quiet: bool, remember: bool):
        if quiet:
            return self.open_path(path, read_only=True, quiet=True, remember=remember)
        offer = _tr("Open it read-only? You can look, print and export, but not edit.")
        if not exc.can_take_over:
            answer = QMessageBox.question(
                self.window,
                _tr("Plan in use"),
                error_text(exc) + "\n\n" + offer,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                return self.open_path(path, read_only=True, remember=remember)
            return False
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _tr("Plan in use"),
            error_text(exc) + "\n\n" + offer,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        take_over = box.addButton(_tr("Take Over…"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is take_over:
            sure = QMessageBox.question(
                self.window,
                _tr("Take over the plan"),
                _tr(
                    "Only take over if that computer has crashed or been switched off. If "
                    "someone is still editing there, both of you would change the plan at "
                    "once.\n\nTake over the plan?"
                ),
            )
            if sure != QMessageBox.StandardButton.Yes:
                return False
            try:
                store = MatrixStore.open(path, lock=True, take_over=True)
            except StoreError as again:
                self.show_error(_tr("Cannot open plan"), again)
                return False
            return self._show(store, path, remember)
        if clicked is not None and box.standardButton(clicked) == QMessageBox.StandardButton.Yes:
            return self.open_path(path, read_only=True, remember=remember)
        return False

    def _offer_read_only(self, path: str, exc: ReadOnlyLocationError, remember: bool) -> bool:
        answer = QMessageBox.question(
            self.window,
            _tr("Read-only plan"),
            error_text(exc)
            + "\n\n"
            + _tr("Open it read-only? You can look, print and export, but not edit."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            return self.open_path(path, read_only=True, remember=remember)
        return False

    def _offer_cleaned_copy(self, path: str, exc: ForeignSchemaError) -> bool:
        copy = cleaned_name(path)
        answer = QMessageBox.question(
            self.window,
            _tr("Cannot open plan"),
            error_text(exc)
            + "\n\n"
            + "\n".join(exc.objects[:10])
            + "\n\n"
            + _tr(
                "Make a copy without them (%1) and open the copy? The received file stays as it is."
            ).replace("%1", os.path.basename(copy)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            clean_copy(path, copy)
        except (StoreError, OSError) as again:
            if isinstance(again, StoreError):
                self.show_error(_tr("Cannot open plan"), again)
            else:
                QMessageBox.warning(self.window, _tr("Cannot open plan"), f"{copy}\n\n{again}")
            return False
        return self.open_path(copy)

    def _offer_damaged(self, path: str, exc: DamagedFileError) -> bool:
        if not (exc.readable or exc.backups):
            self.show_error(_tr("Cannot open plan"), exc)
            return False
        text, hidden = with_detail(error_text(exc), exc.message)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Cannot open plan"),
            text,
            QMessageBox.StandardButton.Close,
            self.window,
        )
        box.setDetailedText(hidden)
        salvage = backup = None
        if exc.readable:
            salvage = box.addButton(_tr("Open Read-Only"), QMessageBox.ButtonRole.ActionRole)
        if exc.backups:
            backup = box.addButton(_tr("Open the Backup"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if salvage is not None and box.clickedButton() is salvage:
            try:
                store = MatrixStore.open(path, salvage=True)
            except StoreError as again:
                self.show_error(_tr("Cannot open plan"), again)
                return False
            return self._show(store, path, remember=False)
        if backup is not None and box.clickedButton() is backup:
            return self.open_path(exc.backups[0], read_only=True)
        return False

    def show_refusal(self, error: StoreError) -> None:
        """An edit was refused or could not be written: say so (nothing was left to undo)."""
        warn(self.window, _tr("Edit not saved"), refusal_text(error), error.message)

    def show_error(self, title: str, error: StoreError) -> None:
        detail = error.message
        if isinstance(error, InvalidPlanError):
            detail = "\n".join(error.problems[:10])
        warn(self.window, title, error_text(error), detail)

    def open_dialog(self) -> bool:
        path = folders.open_file(
            self.window,
            folders.PLAN,
            _tr("Open plan"),
            _tr("MatrixDesk plans (*.mdesk);;All files (*)"),
        )
        return self.open_path(path) if path else False

    def open_startup(self, path: str | None = None) -> bool:
        """At start: the given file, else the last one, else (first run only) the sample."""
        if path:
            return self.open_path(path)
        for recent in settings.recent_files()[:1]:
            if os.path.exists(recent):
                return self.open_path(recent, quiet=True) or False
        if not settings.value(settings.SAMPLE_OFFERED):
            settings.set_value(settings.SAMPLE_OFFERED, True)
            return self.open_sample()
        return False

    def open_sample(self) -> bool:
        try:
            path = sample_plan_path()
        except (OSError, StoreError, ValueError) as exc:
            QMessageBox.warning(
                self.window, _tr("Sample"), _tr("The sample plan is not available.") + f"\n\n{exc}"
            )
            return False
        return self.open_path(str(path))

    def fill_recent_menu(self) -> None:
        menu = self.window.submenus["recent"]
        menu.clear()
        files = settings.recent_files()
        names = [os.path.basename(path) for path in files]
        for i, path in enumerate(files):
            shown = names[i]
            if names.count(shown) > 1:  # last year's plan beside this year's, same name
                shown = f"{shown}  ({os.path.dirname(path)})"
            action = menu.addAction(f"&{i + 1 if i < 9 else 0}  {shown}")
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not files:
            menu.addAction(_tr("(none)")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(
                _tr("&Clear List"), lambda: settings.set_value(settings.RECENT_FILES, [])
            )

    def close_document(self) -> None:
        self.window.set_document(None)

    # -- creating --------------------------------------------------------------------------
    def new_from_document(self) -> bool:
        from ..dialogs.import_dialog import run_import_dialog

        return run_import_dialog(self.window, self.create_plan)

    def create_plan(self, plan, source: str = "") -> bool:
        """Ask where to save ``plan`` (read from the file ``source``), write it there and
        open it."""
        plan.schedule = new_plan_schedule(plan, datetime.date.today())
        name = f"{plan_file_stem(plan, source)}.mdesk"
        while True:  # a folder that cannot be written asks again: the import is not lost
            path = folders.save_file(
                self.window,
                folders.PLAN,
                _tr("Save the new plan as"),
                name,
                _tr("MatrixDesk plans (*.mdesk)"),
                ".mdesk",
            )
            if not path:
                return False
            if self.window.document is not None and same_path(self.window.document.path, path):
                self.window.set_document(None)  # replacing the open file: close it first
            try:
                MatrixStore.create(path, plan, overwrite=True).close()
            except (StoreError, OSError) as exc:
                self._not_written(_tr("Cannot create plan"), path, exc)
                name = os.path.basename(path)
                continue
            return self.open_path(path)

    def _not_written(self, title: str, path: str, exc: StoreError | OSError) -> None:
        """A plan file could not be written: say why in the window's language."""
        if isinstance(exc, OSError):
            QMessageBox.warning(self.window, title, output_error_text(exc))
            return
        sentence = _tr("“%1” could not be written.").replace("%1", os.path.basename(path))
        warn(self.window, title, sentence + "\n\n" + path, exc.message)

    def save_as(self) -> bool:
        doc = self.window.document
        if doc is None:
            return False
        path = folders.save_file(
            self.window,
            folders.PLAN,
            _tr("Save a copy as"),
            os.path.basename(doc.path),
            _tr("MatrixDesk plans (*.mdesk)"),
            ".mdesk",
        )
        if not path:
            return False
        if same_path(path, doc.path):  # also through a link or in another case on Windows
            return True  # every edit is already in the file
        try:
            doc.store.save_copy(path)
        except (StoreError, OSError) as exc:
            self._not_written(_tr("Cannot save"), path, exc)
            return False
        if not self.open_path(path):
            return False
        self.window.statusBar().showMessage(
            _tr("Saved a copy; you are now working in %1.").replace("%1", os.path.basename(path)),
            8000,
        )
        return True

    def save(self) -> bool:
        """Ctrl+S: every edit is already in the file; fold the journal in and say so."""
        doc = self.window.document
        if doc is None:
            return False
        name = os.path.basename(doc.path)
        if doc.read_only:
            text = _tr("%1 is open read-only: it was not changed.").replace("%1", name)
        else:
            doc.store.checkpoint()
            text = (
                _tr("All changes are saved in %1 (last change %2).")
                .replace("%1", name)
                .replace("%2", doc.saved_text())
            )
        self.window.statusBar().showMessage(text, 8000)
        return True

    # -- export and printing (their modules are imported when first used) -------------------
    def _export_failed(self, what: str):
        def failed(exc: OSError) -> None:
            path = getattr(exc, "path", None) or exc.filename or ""
            self.window.feedback.failed(what, path, output_error_text(exc, with_path=False))

        return failed

    def export_workbook(self) -> bool:
        from ..dialogs.export_dialog import export_with_progress

        doc = self.window.document
        if doc is None:
            return False
        failed = self._export_failed(_tr("Exporting the workbook"))
        written = export_with_progress(self.window, doc.store.plan(), failed=failed)
        if written:
            path = written[0]
            self.window.feedback.written(
                path,
                _tr("Wrote the workbook %1 in %2.")
                .replace("%1", path.name)
                .replace("%2", str(path.parent)),
            )
        return bool(written)

    def export_departments(self) -> bool:
        """One workbook per department into a folder the user picks."""
        from ..dialogs.export_dialog import export_with_progress

        doc = self.window.document
        if doc is None:
            return False
        folder = folders.choose_folder(
            self.window, folders.DEPARTMENTS, _tr("Folder for the department workbooks")
        )
        if not folder:
            return False
        failed = self._export_failed(_tr("Exporting the department workbooks"))
        written = export_with_progress(self.window, doc.store.plan(), folder=folder, failed=failed)
        if written:
            self.window.feedback.written(
                folder,
                _tr("Wrote %1 department workbooks to %2.")
                .replace("%1", str(len(written)))
                .replace("%2", folder),
            )
        return bool(written)

    def printer(self):
        """The one printer whose paper, margins and orientation (Page Setup) the print
        preview, Export PDF and Print all use: A4 landscape until the user chooses."""
        from ..printing import printer_for

        if self._printer is None:
            self._printer = printer_for()
        return self._printer

    def _options(self):
        from ...report import ReportOptions

        kind, department = self.report_kind()
        font = settings.value(settings.REPORT_FONT) or None
        period = self.window.progress.period or None if kind in ("progress", "chase") else None
        leave_out = self.window.actions[ActionId.REPORT_EXCLUDE_COLLECTIVE].isChecked()
        return ReportOptions(
            kind=kind,
            department=department,
            font=font,
            period=period,
            include_collective=not leave_out,
        )

    def report_kind(self) -> tuple[str, str | None]:
        """The report chosen in File ▸ Report Kind: (kind, department name or None)."""
        actions = self.window.actions
        if actions[ActionId.REPORT_PROGRESS].isChecked():
            return "progress", None
        if actions[ActionId.REPORT_CHASE].isChecked():
            return "chase", None
        if actions[ActionId.REPORT_DEPARTMENT].isChecked():
            dep_id = self.window.editor.current_department_id()
            if dep_id is not None and self.window.document is not None:
                return "list", self.window.document.store.department(dep_id).name
        if actions[ActionId.REPORT_LIST].isChecked():
            return "list", None
        return "matrix", None

    def print_preview(self) -> None:
        from ..printing import print_preview

        if self.window.document is not None:
            plan = self.window.document.store.plan()
            print_preview(self.window, plan, self._options(), self.printer())

    def page_setup(self) -> None:
        from ..printing import page_setup

        page_setup(self.window, self.printer())

    def print_plan(self) -> None:
        from ..printing import print_dialog

        if self.window.document is None:
            return
        pages = print_dialog(
            self.window, self.window.document.store.plan(), self._options(), self.printer()
        )
        if pages:
            self.window.statusBar().showMessage(
                _tr("Sent %1 pages to the printer.").replace("%1", str(pages)), 8000
            )

    def chart_exported(self, path: str) -> None:
        """The chart panel saved a chart: name it and offer to open it like any export."""
        self.window.feedback.written(
            path,
            _tr("Wrote the chart %1 in %2.")
            .replace("%1", os.path.basename(path))
            .replace("%2", os.path.dirname(path)),
        )

    def fill_report_font_menu(self) -> None:
        """File ▸ Report Font: the default Chinese font and the official-document fonts
        (仿宋_GB2312, 仿宋, 宋体, 黑体) this system has; the choice is a setting."""
        from PySide6.QtGui import QActionGroup

        from ...report import cjk_family, report_font_choices

        menu = self.window.submenus[REPORT_FONT]
        menu.clear()
        group = QActionGroup(menu)
        chosen = settings.value(settings.REPORT_FONT)
        default = cjk_family()
        entries = [("", default, _tr("Default (%1)").replace("%1", default))]
        entries += [(label, family, label if label == family else f"{label} ({family})")
                    for label, family in report_font_choices()]  # fmt: skip
        for i, (value, family, text) in enumerate(entries):
            action = menu.addAction(f"&{i + 1}  {text}")
            action.setCheckable(True)
            action.setChecked(value == chosen)
            action.setActionGroup(group)
            action.triggered.connect(
                lambda _=False, v=value, f=family: self._choose_report_font(v, f)
            )
        if len(entries) == 1:
            note = menu.addAction("&0  " + _tr("(仿宋, 宋体 and 黑体 are not installed)"))
            note.setEnabled(False)

    def _choose_report_font(self, value: str, family: str) -> None:
        settings.set_value(settings.REPORT_FONT, value)
        self.window.statusBar().showMessage(
            _tr("Reports are printed in %1.").replace("%1", family), 8000
        )

    def export_pdf(self) -> bool:
        from ...report import ReportCancelled, render_pdf
        from ..printing import page_callback, page_progress

        doc = self.window.document
        if doc is None:
            return False
        stem = os.path.splitext(os.path.basename(doc.path))[0]
        path = folders.save_file(
            self.window, folders.PDF, _tr("Export PDF"), f"{stem}.pdf", _tr("PDF (*.pdf)"), ".pdf"
        )
        if not path:
            return False
        options = self._options()
        what = _tr("Exporting the PDF")
        progress = page_progress(self.window, _tr("Exporting the PDF…"))
        try:
            pages = render_pdf(
                doc.store.plan(),
                path,
                kind=options.kind,
                department=options.department,
                font=options.font,
                include_collective=options.include_collective,
                layout=self.printer().pageLayout(),  # the paper chosen in Page Setup
                period=options.period,
                progress=page_callback(progress),
            )
        except ReportCancelled:  # the file was written beside and removed: nothing is left
            self.window.statusBar().showMessage(
                _tr("Export PDF cancelled: no file was written."), 8000
            )
            return False
        except OSError as exc:  # open in a PDF reader, a full disk, a path too long …
            self.window.feedback.failed(what, path, output_error_text(exc, with_path=False))
            return False
        except (ValueError, RuntimeError) as exc:
            self.window.feedback.failed(what, path, str(exc))
            return False
        finally:
            progress.close()
            progress.deleteLater()
        if not pages or not os.path.isfile(path):
            self.window.feedback.failed(what, path, _tr("The file could not be written."))
            return False
        self.window.feedback.written(
            path,
            _tr("Wrote %1 (%2 pages) in %3.")
            .replace("%1", os.path.basename(path))
            .replace("%2", str(pages))
            .replace("%3", os.path.dirname(path)),
        )
        return True
