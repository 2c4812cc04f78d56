"""The measure panel: one measure's title, text, deadline, open-ended marker, roles, targets.

The targets table is a model of its own (``targets_model.py``); every edit made here is an
undo command pushed on the document's stack. The text is edited in place and committed when
it loses focus (or on Ctrl+Enter), as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QDate,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCalendarWidget,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ...core.model import Role
from ...core.numbers import display_numbers
from ...store import EditError, StoreEvent
from ..commands import (
    EditMeasureCommand,
    RemoveTargetCommand,
)
from ..document import Document
from .highlight import DepartmentHighlighter
from .roles_view import RolesView
from .targets_model import COMPARATOR, INDICATOR, ComparatorDelegate, TargetsModel

BUTTONS_BESIDE_WIDTH = 420  # narrower than this, the target buttons go under the table


class CommitTextEdit(QPlainTextEdit):
    """A plain-text editor that reports one ``editingFinished`` when the user is done.

    Done means focus leaves it or Ctrl+Enter is pressed, and the text was changed by typing.
    """

    editingFinished = Signal()  # noqa: N815 - a Qt-style signal name, like QLineEdit's

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self._finish()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish()
            return
        super().keyPressEvent(event)

    def _finish(self) -> None:
        if self.document().isModified():
            self.document().setModified(False)
            self.editingFinished.emit()


class MeasurePanel(QWidget):
    """Everything about one measure: title, text, deadline, open-ended marker, roles, targets.

    Edits are pushed to the document's undo stack; the panel refreshes from store events, so
    undo and edits made elsewhere (the grid) show here too.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.measure_id: int | None = None
        self._numbers: dict[int, str] | None = None
        self.targets_model = TargetsModel(document, self)
        self._build()
        document.changed.connect(self._on_store_event)
        self.set_measure(None)

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.code_label = QLabel()
        self.code_label.setStyleSheet("font-weight: bold;")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title of the measure"))
        self.title_edit.editingFinished.connect(self._commit_title)
        self.deadline_edit = QLineEdit()
        self.deadline_edit.setPlaceholderText(self.tr("e.g. 2021年底前 or 长期坚持"))
        self.deadline_edit.editingFinished.connect(self._commit_deadline)
        self.calendar_button = self._calendar_button()
        self.open_ended_box = QCheckBox(self.tr("Open-ended (等部门 / 按职责分工负责)"))
        self.open_ended_box.setToolTip(
            self.tr("The annotation ends in 等 or similar: parties beyond those named take part.")
        )
        self.open_ended_box.clicked.connect(self._commit_open_ended)
        self.roles_label = RolesView()

        header = QHBoxLayout()
        header.addWidget(self.code_label)
        header.addWidget(self.title_edit, 1)
        deadline = QHBoxLayout()
        deadline.addWidget(self.deadline_edit, 1)
        deadline.addWidget(self.calendar_button)
        form = QFormLayout()
        form.addRow(self.tr("Deadline:"), deadline)
        form.addRow("", self.open_ended_box)
        form.addRow(self.tr("Responsible:"), self.roles_label)

        self.text_view = CommitTextEdit()
        self.text_view.setMinimumHeight(56)
        self.text_view.setToolTip(
            self.tr("Edit the text; it is saved when you leave the box or press Ctrl+Enter")
        )
        self.text_view.editingFinished.connect(self._commit_text)
        self.source_view = self._text_view()
        self.source_box = QGroupBox(self.tr("Paragraph in the source document"))
        QVBoxLayout(self.source_box).addWidget(self.source_view)
        self._names_known = False  # the highlighters know the plan's department names
        self.highlighters = [
            DepartmentHighlighter(self.text_view.document()),
            DepartmentHighlighter(self.source_view.document()),
        ]
        text_box = QGroupBox(self.tr("Text"))
        QVBoxLayout(text_box).addWidget(self.text_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(text_box)
        splitter.addWidget(self.source_box)
        splitter.addWidget(self._targets_box())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(2, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        self.empty_label = QLabel(self.tr("Select a measure in the matrix to see its details."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self._content = [
            self.code_label,
            self.title_edit,
            self.deadline_edit,
            splitter,
            self.calendar_button,
            self.open_ended_box,
            self.roles_label,
        ]
        self._form = form

    def _text_view(self) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setMinimumHeight(60)
        return view

    def _calendar_button(self) -> QToolButton:
        button = QToolButton()
        button.setText("…")
        button.setToolTip(self.tr("Pick a date"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        calendar = QCalendarWidget()
        calendar.clicked.connect(lambda date: (menu.close(), self._pick_date(date)))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        button.setMenu(menu)
        self.calendar = calendar
        return button

    def _targets_box(self) -> QGroupBox:
        self.targets_view = QTableView()
        self.targets_view.setModel(self.targets_model)
        self.targets_view.setItemDelegateForColumn(
            COMPARATOR, ComparatorDelegate(self.targets_model, self.targets_view)
        )
        self.targets_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.targets_view.verticalHeader().hide()
        header = self.targets_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(INDICATOR, QHeaderView.ResizeMode.Stretch)
        self.targets_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.targets_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.targets_view.setMinimumHeight(80)
        # short labels: beside the table, the buttons take width it needs
        self.add_target_button = QPushButton(self.tr("Add"))
        self.add_target_button.setToolTip(self.tr("Add a target to this measure"))
        self.add_target_button.clicked.connect(self.add_target)
        self.remove_target_button = QPushButton(self.tr("Remove"))
        self.remove_target_button.setToolTip(self.tr("Remove the selected target"))
        self.remove_target_button.clicked.connect(self._remove_target)
        self._target_buttons = QVBoxLayout()
        self._target_buttons.addWidget(self.add_target_button)
        self._target_buttons.addWidget(self.remove_target_button)
        self._target_buttons.addStretch(1)
        box = QGroupBox(self.tr("Targets"))
        self._targets_layout = QHBoxLayout(box)
        self._targets_layout.addWidget(self.targets_view, 1)
        self._targets_layout.addLayout(self._target_buttons)
        return box

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The target buttons sit beside the table (saving height on a small screen) when
        the panel is wide enough, else under it (the table's five columns need the width)."""
        super().resizeEvent(event)
        beside = event.size().width() >= BUTTONS_BESIDE_WIDTH
        direction = QBoxLayout.Direction
        outer = direction.LeftToRight if beside else direction.TopToBottom
        if self._targets_layout.direction() == outer:
            return
        self._targets_layout.setDirection(outer)
        buttons = self._target_buttons
        while buttons.count():
            buttons.takeAt(0)
        buttons.setDirection(direction.TopToBottom if beside else direction.LeftToRight)
        if not beside:
            buttons.addStretch(1)  # under the table: the buttons at the right
        buttons.addWidget(self.add_target_button)
        buttons.addWidget(self.remove_target_button)
        if beside:
            buttons.addStretch(1)  # beside it: at the top

    # -- showing --------------------------------------------------------------------------------
    def focus_target(self) -> QWidget:
        """Where the keyboard goes when the panel is chosen (View ▸ Panels)."""
        return self.title_edit if self.measure_id is not None else self

    def set_measure(self, measure_id: int | None) -> None:
        """Show ``measure_id`` (None: nothing)."""
        if measure_id is not None:
            try:
                self.document.store.measure(measure_id)
            except EditError:
                measure_id = None
        self.measure_id = measure_id
        self.targets_model.set_measure(measure_id)
        shown = measure_id is not None
        for widget in self._content:
            widget.setVisible(shown)
        for row in range(self._form.rowCount()):
            label = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label and label.widget():
                label.widget().setVisible(shown)
        self.empty_label.setVisible(not shown)
        self._refresh()

    def _refresh(self) -> None:
        if self.measure_id is None:
            return
        store = self.document.store
        m = store.measure(self.measure_id)
        self.code_label.setText(self._number(m.id) or m.code)
        self.code_label.setToolTip(self.tr("Code %1 (for sorting)").replace("%1", m.code))
        _set_text(self.title_edit, m.title)
        _set_text(self.deadline_edit, m.deadline)
        self.open_ended_box.setChecked(m.open_ended)
        read_only = self.document.read_only
        for widget in (self.title_edit, self.deadline_edit, self.text_view):
            widget.setReadOnly(read_only)
        for widget in (
            self.open_ended_box,
            self.calendar_button,
            self.add_target_button,
            self.remove_target_button,
        ):
            widget.setEnabled(not read_only)
        self._refresh_roles()
        if self.text_view.toPlainText() != m.text:
            self.text_view.setPlainText(m.text)
            self.text_view.document().setModified(False)
        source = self._source_paragraph(m.span)
        self.source_box.setVisible(_differs(source, m.text, m.label))
        if self.source_view.toPlainText() != source:
            self.source_view.setPlainText(source)

    def _number(self, measure_id: int) -> str:
        """The document's numbering, worked out once per structure of the plan."""
        if self._numbers is None:
            self._numbers = display_numbers(self.document.store.measures())
        return self._numbers.get(measure_id, "")

    def _refresh_roles(self) -> None:
        store = self.document.store
        assignments = store.assignments_of(self.measure_id)
        roles = {a.department_id: a.role for a in assignments}
        if not self._names_known:
            departments = store.departments()  # the names to highlight: only when they change
            for highlighter in self.highlighters:
                highlighter.set_departments(departments)
            self._names_known = True
        for highlighter in self.highlighters:
            highlighter.set_roles(roles)
        self.roles_label.set_names(
            {
                role: [
                    store.department(a.department_id).name for a in assignments if a.role == role
                ]
                for role in (Role.LEAD, Role.SUPPORT)
            }
        )

    def _source_paragraph(self, span: tuple[int, int]) -> str:
        start, end = span
        return self.document.store.source_text()[start:end] if end > start else ""

    # -- editing ---------------------------------------------------------------------------------
    def _push(self, **fields: object) -> None:
        if self.measure_id is None:
            return
        m = self.document.store.measure(self.measure_id)
        if all(getattr(m, k) == v for k, v in fields.items()):
            return
        self.document.push(EditMeasureCommand(self.document.store, self.measure_id, **fields))

    def _commit_title(self) -> None:
        title = self.title_edit.text().strip()
        if title:
            self._push(title=title)
        else:
            self._refresh()  # a measure keeps a title: put the old one back

    def _commit_text(self) -> None:
        self._push(text=self.text_view.toPlainText().strip())

    def _commit_deadline(self) -> None:
        self._push(deadline=self.deadline_edit.text().strip())

    def _commit_open_ended(self, checked: bool) -> None:
        self._push(open_ended=bool(checked))

    def _pick_date(self, date: QDate) -> None:
        text = self.tr("by %1-%2-%3").replace("%1", str(date.year()))
        text = text.replace("%2", str(date.month())).replace("%3", str(date.day()))
        self.deadline_edit.setText(text)
        self._commit_deadline()

    def add_target(self) -> None:
        """Add a target and put the cursor in its indicator, scrolled into view: the new row
        landed below the two rows the table shows, where nobody saw it."""
        before = self.targets_model.rowCount()
        self.targets_model.add_target()
        if self.targets_model.rowCount() <= before:
            return
        index = self.targets_model.index(self.targets_model.rowCount() - 1, INDICATOR)
        self.targets_view.setCurrentIndex(index)
        self.targets_view.scrollTo(index)
        self.targets_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.targets_view.edit(index)

    def _remove_target(self) -> None:
        rows = sorted({i.row() for i in self.targets_view.selectionModel().selectedRows()})
        if not rows and self.targets_view.currentIndex().isValid():
            rows = [self.targets_view.currentIndex().row()]
        if len(rows) == 1:
            self.targets_model.remove_target(rows[0])
        elif rows:
            self.document.undo_stack.beginMacro(self.tr("Remove targets"))
            ids = [self.targets_model.target(r).id for r in rows]
            for target_id in ids:
                self.document.push(RemoveTargetCommand(self.document.store, target_id))
            self.document.undo_stack.endMacro()

    def _on_store_event(self, event: StoreEvent) -> None:
        if event.kind in ("departments", "reset"):
            self._names_known = False  # read the names again when a measure is shown
        if event.kind in ("structure", "reset"):
            self._numbers = None
        if self.measure_id is None:
            return
        if event.kind in ("structure", "reset"):
            self.set_measure(self.measure_id)  # falls back to nothing if it is gone
        elif event.kind == "measures" and self.measure_id in event.measure_ids:
            self._refresh()
        elif event.kind == "roles" and self.measure_id in event.measure_ids:
            self._refresh_roles()
        elif event.kind == "departments":
            self._refresh_roles()


def _differs(source: str, text: str, label: str) -> bool:
    """Whether the source paragraph says more than the measure's text (not just its number)."""
    if not source:
        return False
    squeeze = "".join(source.split())
    return squeeze.removeprefix("".join(label.split())) != "".join(text.split())


def _set_text(edit: QLineEdit, text: str) -> None:
    """Replace a line edit's text without losing the cursor when it is unchanged."""
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)
