"""New plan from a policy document: text (opened or pasted) → preview of what was recognised.

Page 1 holds the text, editable so a missing bracket can be fixed on the spot; page 2 shows every
measure with its lead and support units, deadline and targets (:mod:`.import_preview`), flags
the tasks nobody was found responsible for, and counts what the plan will hold. The preview is
one model/view table, so a document of thousands of measures stays quick.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Plan
from ...parse import ParseError, read_source
from ...parse.document import parse_document
from .. import folders
from .import_notes import ImportNotesPanel
from .import_preview import (  # noqa: F401 - the columns, for the dialog's users
    CODE,
    DEADLINE,
    FLAG_FOREGROUND,
    LEAD,
    SUPPORT,
    TARGETS,
    TITLE,
    PreviewModel,
)

_ENCODINGS = [("utf-8", "UTF-8"), ("gb18030", "GB18030 / GBK"), ("utf-16", "UTF-16")]


def _utf16_offset(text: str, index: int) -> int:
    """The position Qt gives the character at Python index ``index`` (a character outside
    the BMP, such as 𠮷, takes two UTF-16 units in Qt and one in Python)."""
    head = text[:index]
    return index + sum(1 for ch in head if ord(ch) > 0xFFFF) if not head.isascii() else index


def _fitting(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, or less where the screen is smaller: on a 1024×700 laptop at
    150 % the dialog's buttons were below the taskbar (the title bar and frame need room)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    room = screen.availableGeometry()
    return QSize(min(width, room.width() - 16), min(height, room.height() - 48))


class ImportDialog(QDialog):
    """Two pages: the document text, then the preview; Create accepts with :meth:`plan`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New plan from a policy document"))
        self.setAcceptDrops(True)
        self.resize(_fitting(self, 1000, 680))
        self._plan: Plan | None = None
        self._path: str | None = None
        self.model = PreviewModel(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._text_page())
        self.pages.addWidget(self._preview_page())
        self.back_button = QPushButton(self.tr("< &Back"))
        self.next_button = QPushButton(self.tr("&Preview >"))
        self.create_button = QPushButton(self.tr("&Create plan"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.back_button.clicked.connect(self.show_text)
        self.next_button.clicked.connect(self.show_preview)
        self.create_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.create_button, self.cancel_button):
            button.setAutoDefault(False)
            self.buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(self.buttons)
        self.text_edit.textChanged.connect(self._text_changed)
        # Ctrl+Enter goes on from anywhere, the text box included (where Enter adds a line).
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._go_on)
        self.show_text()

    # -- pages ----------------------------------------------------------------------------------
    def _text_page(self) -> QWidget:
        page = QWidget()
        self.open_button = QPushButton(self.tr("&Open file…"))
        self.open_button.clicked.connect(self.choose_file)
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.encoding_combo = QComboBox()
        self.encoding_combo.addItem(self.tr("Automatic"), None)
        for value, label in _ENCODINGS:
            self.encoding_combo.addItem(label, value)
        self.encoding_combo.setToolTip(
            self.tr("How the file's bytes are read; Automatic recognises UTF-8, UTF-16 and GBK.")
        )
        self.encoding_combo.currentIndexChanged.connect(self._encoding_changed)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        encoding_label = QLabel(self.tr("&Encoding:"))
        encoding_label.setBuddy(self.encoding_combo)
        top.addWidget(encoding_label)
        top.addWidget(self.encoding_combo)
        hint = QLabel(
            self.tr(
                "Open a .docx, .pdf, .txt, .html or .xlsx file, or paste the text of the policy "
                "document below. "
                "Each measure should end with its responsible departments, e.g. "
                "(省商务厅、省财政厅负责)."
            )
        )
        hint.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)  # Tab goes on to the buttons (keyboard users)
        self.text_edit.setPlaceholderText(self.tr("Paste the document text here…"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {FLAG_FOREGROUND.name()};")
        self.error_label.hide()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.error_label)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("font-weight: bold;")
        self.summary_label = QLabel()
        self.flag_label = QLabel()
        self.flag_label.setStyleSheet(f"color: {FLAG_FOREGROUND.name()};")
        self.notes_panel = ImportNotesPanel()
        self.notes_panel.merged.connect(self._plan_edited)
        self.notes_panel.unmerged.connect(self.show_preview)  # read again without that merge
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((CODE, 90), (TITLE, 240), (LEAD, 150), (SUPPORT, 240), (DEADLINE, 100)):
            header.resizeSection(col, width)
        self.view.doubleClicked.connect(self.go_to_measure)
        fix_hint = QLabel(
            self.tr("Read wrongly? Double-click a measure to correct its text, then preview again.")
        )
        fix_hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.info_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.flag_label)
        layout.addWidget(self.notes_panel)
        layout.addWidget(self.view, 1)
        layout.addWidget(fix_hint)
        return page

    def go_to_measure(self, index: QModelIndex) -> None:
        """Back to the text with the measure's words selected, to correct what was misread."""
        start, end = self.model.row(index.row()).span
        self.show_text()
        if end <= start:
            return
        text = self.text_edit.toPlainText()  # the text the preview was read from
        cursor = self.text_edit.textCursor()
        cursor.setPosition(_utf16_offset(text, start))
        cursor.setPosition(_utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
        self.text_edit.setTextCursor(cursor)
        self.text_edit.centerCursor()

    def show_text(self) -> None:
        self.pages.setCurrentIndex(0)
        self._update_buttons()
        self.text_edit.setFocus()  # Ctrl+V pastes the document at once (it went to a button)

    def show_preview(self) -> bool:
        """Parse the text and show what was recognised; False (staying on page 1) on failure."""
        text = self.text_edit.toPlainText()
        if not text.strip():
            self._show_error(self.tr("There is no text to import yet."))
            return False
        # 10,000 measures take a few seconds to read: say the window is working, not frozen.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan, notes = parse_document(text)
        except (ParseError, ValueError) as exc:
            self._show_error(self.tr("The text could not be read: %1").replace("%1", str(exc)))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._plan = plan
        self.notes_panel.show_plan(plan, notes)  # first: it merges again what was merged
        self.model.set_plan(plan)
        self._fill_summary(plan)
        self.pages.setCurrentIndex(1)
        self._update_buttons()
        return True

    def _fill_summary(self, plan: Plan) -> None:
        info = [s for s in (plan.info.number, plan.info.title, plan.info.issuer) if s]
        self.info_label.setText("  ".join(info) or self.tr("(no document number or title found)"))
        self.info_label.setVisible(True)
        tasks = sum(1 for r in range(self.model.rowCount()) if self.model.row(r).task)
        self.summary_label.setText(
            self.tr("%1 measures (%2 tasks), %3 departments, %4 assignments, %5 targets")
            .replace("%1", str(len(plan.measures)))
            .replace("%2", str(tasks))
            .replace("%3", str(len(plan.departments)))
            .replace("%4", str(len(plan.assignments)))
            .replace("%5", str(len(plan.targets)))
        )
        flagged = self.model.flagged_rows()
        if not plan.measures:
            text = self.tr("No numbered measures (一、 (一) 1.) were found in the text.")
        elif flagged:
            text = self.tr(
                "%n measure(s) have no responsible department (marked in red). Go back to add "
                "the annotation, or assign departments after creating the plan.",
                "",
                len(flagged),
            )
        else:
            text = ""
        self.flag_label.setText(text)
        self.flag_label.setVisible(bool(text))
        if flagged:
            self.view.scrollTo(self.model.index(flagged[0], 0))

    def _plan_edited(self) -> None:
        """A suggested merge changed the previewed plan: show it again, keeping the notes."""
        if self._plan is not None:
            self.model.set_plan(self._plan)
            self._fill_summary(self._plan)

    def _go_on(self) -> None:
        """Preview from the text page, create from the preview."""
        if self.pages.currentIndex() == 0:
            self.show_preview()
        elif self.create_button.isEnabled():
            self.accept()

    def _update_buttons(self) -> None:
        on_preview = self.pages.currentIndex() == 1
        self.back_button.setEnabled(on_preview)
        self.next_button.setVisible(not on_preview)
        self.create_button.setVisible(on_preview)
        self.create_button.setEnabled(
            on_preview and self._plan is not None and bool(self._plan.measures)
        )
        (self.create_button if on_preview else self.next_button).setDefault(True)

    # -- files ----------------------------------------------------------------------------------
    def choose_file(self) -> None:
        # .doc, .wps, .xls and .et are listed too: a coordinator who has only the .wps must see
        # it, pick it and be told to save it as .docx (the list hid it, as if it were missing).
        path = folders.open_file(
            self,
            folders.DOCUMENT,
            self.tr("Open policy document"),
            self.tr(
                "Policy documents (*.docx *.pdf *.txt *.html *.htm *.xlsx *.doc *.wps *.xls *.et);;"
                "Word and WPS documents (*.docx *.doc *.wps);;PDF documents (*.pdf);;"
                "Text files (*.txt);;Web pages (*.html *.htm);;"
                "Excel task tables (*.xlsx *.xls *.et);;All files (*)"
            ),
        )
        if path:
            self.load_file(path)

    def reason_text(self, error: ParseError) -> str:
        """The translated sentence for why a file could not be read."""
        texts = {
            "missing": self.tr("the file does not exist."),
            "directory": self.tr("it is a folder, not a file."),
            "unreadable": self.tr("the file cannot be opened (is it open elsewhere or locked?)."),
            "empty": self.tr("the file is empty."),
            "no-text": self.tr("the file has no text."),
            "unknown-encoding": self.tr("the chosen encoding is unknown."),
            "wrong-encoding": self.tr(
                "the text is not in the chosen encoding; choose another or Auto-detect."
            ),
            "binary": self.tr(
                "it is not a document MatrixDesk reads (.txt, .html, .docx, .xlsx or .pdf)."
            ),
            "undetected-encoding": self.tr(
                "its encoding was not recognised; choose the encoding and open it again."
            ),
            "too-big": self.tr("the file is too big to be a policy document."),
            "special": self.tr("it is a pipe or a device, not a document file."),
            "damaged": self.tr(
                "the file is damaged (incomplete, or not really the kind of file its name says); "
                "ask for a new copy."
            ),
            "image": self.tr(
                "it is a picture (%1), not a document. Ask for the Word or text version, or "
                "run text recognition (OCR) on it first."
            ).replace("%1", error.detail),
            "no-task-rows": self.tr(
                "the task table in the workbook has its header row but no tasks under it."
            ),
            "scanned": self.tr(
                "this PDF has no text layer; it looks scanned (pictures of pages). Ask for the "
                "Word or text version, or run text recognition (OCR) on it first."
            ),
            "garbled": self.tr(
                "the text in this PDF cannot be read: its fonts carry no character codes, so it "
                "comes out as symbols. Ask for the Word or text version."
            ),
            "no-task-columns": self.tr(
                "no task-division table was found in the workbook: a header row with a task "
                "column (重点任务, 主要任务, 工作任务 …) and a unit column (牵头单位, 责任单位, "
                "主办单位, 指导部门 …) was looked for."
            ),
            "unsupported": self.tr(
                "this kind of file is not read; open a .txt, .html, .docx, .xlsx or .pdf file."
            ),
        }
        if error.reason == "old-format":
            return self.old_format_text(error.detail)
        if error.reason == "encrypted":
            return self.password_text(error.detail)
        return texts.get(error.reason, str(error))

    def password_text(self, kind: str) -> str:
        """What to do with a file protected by a password: a PDF is not sent to Word."""
        if kind == "pdf":
            return self.tr(
                "this PDF is protected by a password. Open it with the password, save or print "
                "a copy without it (or ask for the Word version), and open that copy."
            )
        if kind == "xlsx":
            return self.tr(
                "it is protected by a password. Open it in Excel or WPS, remove the password, "
                "save it, and open that copy."
            )
        return self.tr(
            "it is protected by a password. Open it in Word or WPS, remove the password, save "
            "it, and open that copy."
        )

    def old_format_text(self, kind: str) -> str:
        """Which old format a file is in, and what to save it as."""
        names = {
            "doc": self.tr("a Word 97-2003 document (.doc)"),
            "wps": self.tr("a WPS Writer document (.wps)"),
            "rtf": self.tr("a Rich Text document (.rtf)"),
            "odt": self.tr("an OpenDocument text (.odt)"),
            "xls": self.tr("an Excel 97-2003 workbook (.xls)"),
            "et": self.tr("a WPS Spreadsheets workbook (.et)"),
            "ods": self.tr("an OpenDocument spreadsheet (.ods)"),
            "ofd": self.tr("an OFD document (.ofd)"),
        }
        target = {"xls": ".xlsx", "et": ".xlsx", "ods": ".xlsx", "ofd": ".pdf"}.get(kind, ".docx")
        if target == ".xlsx":
            text = self.tr(
                "it is %1, which MatrixDesk does not read. Open it in Excel or WPS, save it as "
                "%2, and open that file."
            )
        elif target == ".pdf":
            text = self.tr(
                "it is %1, which MatrixDesk does not read. Open it in an OFD reader or WPS, "
                "print or save it as %2, and open that file."
            )
        else:
            text = self.tr(
                "it is %1, which MatrixDesk does not read. Open it in Word or WPS, save it as "
                "%2, and open that file."
            )
        return text.replace("%1", names.get(kind, kind)).replace("%2", target)

    def load_file(self, path: str) -> bool:
        """Read ``path`` with the chosen encoding into the text box; False with a message."""
        # A few hundred PDF pages take seconds to read.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            text = read_source(path, self.encoding_combo.currentData())
        except ParseError as exc:
            self._show_error(
                self.tr("%1 could not be read: %2")
                .replace("%1", Path(path).name)
                .replace("%2", self.reason_text(exc))
            )
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._path = path
        self.notes_panel.forget_merges()
        self.text_edit.setPlainText(text)
        self.file_label.setText(Path(path).name)
        self.file_label.setToolTip(path)
        self.show_text()
        self.next_button.setFocus()  # Enter previews the file (in the text box it added a line)
        return True

    def _encoding_changed(self) -> None:
        if self._path:
            self.load_file(self._path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.load_file(urls[0].toLocalFile())
            event.acceptProposedAction()

    # -- state ----------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self.error_label.hide()
        self._plan = None

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.show_text()

    def source_path(self) -> str:
        """The file the text was read from, "" for pasted text."""
        return self._path or ""

    def plan(self) -> Plan | None:
        """The plan parsed for the preview (None before a preview or after the text changed)."""
        return self._plan

    def accept(self) -> None:
        if self._plan is None and not self.show_preview():
            return
        super().accept()


def run_import_dialog(parent: QWidget | None, create: Callable[[Plan, str], bool]) -> bool:
    """Ask for a policy document and ``create(plan, source)`` the plan it makes (``source`` is
    the file it was read from, "" for pasted text). When ``create`` does not (the user
    cancelled where to save it), the dialog comes back as it was, preview and merges kept.
    True when a plan was created, False when the user cancelled the import."""
    dialog = ImportDialog(parent)
    try:
        while dialog.exec() == QDialog.DialogCode.Accepted:
            plan = dialog.plan()
            if plan is not None and create(plan, dialog.source_path()):
                return True
        return False
    finally:
        dialog.deleteLater()
