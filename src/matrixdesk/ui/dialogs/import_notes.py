"""What the import could not read, said plainly, and the spelling variants it offers to merge.

Shown on the preview page of the import dialog under the counts: brackets that read like
annotations but name no organisation, words left out of annotations, and pairs of department
names that may be one agency (省机场集团 / 省民航机场集团), each with a button that merges the
pair in the previewed plan (or one button for all the pairs offered). Nothing is merged until
the user clicks, and what the user merged stays merged: going back to the text and previewing
again merges the same names again (until another document is opened). A merge clicked by
mistake is undone with the button beside it, which reads the text again without that merge.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Plan
from ...core.variants import Variant, merge_departments, suspected_variants
from ...parse.document import ParseNotes

NOTE_COLOUR = QColor("#8a4b00")


@contextmanager
def _waiting() -> Iterator[None]:
    """The wait cursor while a merge and the preview's refresh run (seconds at 10,000
    measures)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


_SHOWN = 6  # items listed in a label; the tooltip lists them all
_ROW_HEIGHT = 30
_MAX_ROWS = 4  # variant rows visible before the list scrolls


class ImportNotesPanel(QWidget):
    """Skipped brackets, refused words and suspected variants of one previewed plan."""

    merged = Signal()  # the plan changed: a pair of variants was merged
    unmerged = Signal()  # a merge was taken back: the text must be read again without it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self.skipped_label = self._note_label()
        self.refused_label = self._note_label()
        self.variants_title = QLabel()
        self.variants_title.setWordWrap(True)
        self.merge_all_button = QPushButton()
        self.merge_all_button.setAutoDefault(False)
        self.merge_all_button.clicked.connect(self.merge_all)
        self._merged: list[tuple[str, str]] = []  # the pairs merged in the shown plan
        self._pairs: list[tuple[str, str]] = []  # the user's merges by name: (merged, kept)
        self.undo_buttons: list[QPushButton] = []
        self.variant_rows = QWidget()
        self._rows = QVBoxLayout(self.variant_rows)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(2)
        self.variant_area = QScrollArea()
        self.variant_area.setWidget(self.variant_rows)
        self.variant_area.setWidgetResizable(True)
        self.variant_area.setFrameShape(QFrame.Shape.NoFrame)
        self.buttons: list[QPushButton] = []
        self._shown: list[tuple[str, str]] = []  # the pairs offered on screen: (merged, kept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.skipped_label, self.refused_label):
            layout.addWidget(widget)
        title = QHBoxLayout()
        title.addWidget(self.variants_title, 1)
        title.addWidget(self.merge_all_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(title)
        layout.addWidget(self.variant_area)

    def _note_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setStyleSheet(f"color: {NOTE_COLOUR.name()};")
        return label

    # -- filling ---------------------------------------------------------------------------------
    def show_plan(self, plan: Plan | None, notes: ParseNotes | None) -> None:
        """Show the notes of a freshly parsed ``plan`` (None clears the panel), after merging
        in it the pairs the user merged in an earlier preview of the same document."""
        self._plan = plan
        self._merged = self._reapply(plan) if plan else []
        self._labels = {m.code: m.label or m.code for m in plan.measures} if plan else {}
        notes = notes or ParseNotes()
        self._fill_list(
            self.skipped_label,
            self.tr(
                "%n bracket(s) read like an annotation but name no department the program "
                "recognises, so they were left out:",
                "",
                len(notes.skipped),
            ),
            [self._where(code, f"（{text}）") for code, text in notes.skipped],
        )
        self._fill_list(
            self.refused_label,
            self.tr(
                "%n word(s) in annotations are not department names and were left out:",
                "",
                len(notes.refused),
            ),
            [self._where(code, text) for code, text in notes.refused],
        )
        self._fill_variants()

    def _where(self, code: str, text: str) -> str:
        """The text with the measure it stands in, numbered as the preview shows it."""
        where = self._labels.get(code, code)
        return f"{where}：{text}" if where else text

    def _fill_list(self, label: QLabel, head: str, items: list[str]) -> None:
        label.setVisible(bool(items))
        if not items:
            label.clear()
            return
        shown = "；".join(items[:_SHOWN]) + ("；…" if len(items) > _SHOWN else "")
        label.setText(f"{head} {shown}")
        label.setToolTip("\n".join(items))

    def variants(self) -> list[Variant]:
        return suspected_variants(self._plan) if self._plan else []

    def merged_pairs(self) -> list[tuple[str, str]]:
        """(merged name, kept name) of every merge in the shown plan, in the order made."""
        return list(self._merged)

    def _fill_variants(self) -> None:
        """The pairs still offered, each with its Merge button, then the pairs merged, each
        with a button that takes the merge back; all in one list that scrolls."""
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.buttons, self.undo_buttons = [], []
        plan = self._plan
        found = suspected_variants(plan) if plan is not None else []
        self._shown = [
            (plan.department(v.merge).name, plan.department(v.keep).name)
            for v in found
            if plan is not None
        ]
        self.variants_title.setVisible(bool(found))
        self.variant_area.setVisible(bool(found or self._merged))
        self.merge_all_button.setVisible(len(found) > 1)
        self.merge_all_button.setText(self.tr("Merge all %1 pairs").replace("%1", str(len(found))))
        if found:
            self.variants_title.setText(
                self.tr(
                    "%n pair(s) of names may be spellings of one department. Merge a pair to "
                    "count it once (the other name is kept as an alias):",
                    "",
                    len(found),
                )
            )
        for variant in found:
            self._rows.addWidget(self._variant_row(variant))
        for pair in self._merged:
            self._rows.addWidget(self._merged_row(pair))
        self._rows.addStretch(1)
        shown = len(found) + len(self._merged)
        self.variant_area.setFixedHeight(min(shown, _MAX_ROWS) * _ROW_HEIGHT + 4)

    def _variant_row(self, variant: Variant) -> QWidget:
        assert self._plan is not None
        keep = self._plan.department(variant.keep).name
        merge = self._plan.department(variant.merge).name
        button = QPushButton(self.tr("Merge into %1").replace("%1", keep))
        button.setToolTip(
            self.tr("%1 becomes an alias of %2; its tasks move to %2.")
            .replace("%1", merge)
            .replace("%2", keep)
        )
        button.clicked.connect(lambda: self.merge(variant))
        self.buttons.append(button)
        return self._row(f"{merge}  ／  {keep}", button)

    def _merged_row(self, pair: tuple[str, str]) -> QWidget:
        button = QPushButton(self.tr("Undo merge"))
        button.setToolTip(
            self.tr("Keep %1 and %2 as two departments.")
            .replace("%1", pair[0])
            .replace("%2", pair[1])
        )
        button.clicked.connect(lambda: self.unmerge(pair))
        self.undo_buttons.append(button)
        text = self.tr("%1 merged into %2").replace("%1", pair[0]).replace("%2", pair[1])
        return self._row(text, button)

    @staticmethod
    def _row(text: str, button: QPushButton) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(text))
        button.setAutoDefault(False)
        layout.addWidget(button)
        layout.addStretch(1)
        return row

    def merge(self, variant: Variant) -> None:
        """Merge one suggested pair in the previewed plan and show what remains."""
        with _waiting():
            self._merge_one(variant)
            self._fill_variants()
            self.merged.emit()

    def merge_all(self) -> None:
        """Merge every pair shown now (each as if clicked); none the merges bring up."""
        if self._plan is None:
            return
        with _waiting():
            self._merge_all(self._plan)

    def _merge_all(self, plan: Plan) -> None:
        for merged, kept in list(self._shown):
            source, target = plan.department_named(merged), plan.department_named(kept)
            if source is not None and target is not None and source.id != target.id:
                self._merge_one(Variant(keep=target.id, merge=source.id))
        self._fill_variants()
        self.merged.emit()

    def _merge_one(self, variant: Variant) -> None:
        if self._plan is None:
            return
        names = self._plan.department(variant.merge).name, self._plan.department(variant.keep).name
        merge_departments(self._plan, variant.merge, variant.keep)
        self._pairs.append(names)
        self._merged.append(names)

    def unmerge(self, pair: tuple[str, str]) -> None:
        """Take back a merge: forget it, and let the dialog read the text again without it."""
        if pair in self._pairs:
            self._pairs.remove(pair)
        self.unmerged.emit()

    def forget_merges(self) -> None:
        """Another document: the merges chosen for the last one no longer apply."""
        self._pairs = []
        self._merged = []

    def _reapply(self, plan: Plan) -> list[tuple[str, str]]:
        """Merge again, by name, the pairs merged before; the ones whose names are both still
        in the plan (the text may have been edited since) are returned."""
        done = []
        for merged, kept in self._pairs:
            source, target = plan.department_named(merged), plan.department_named(kept)
            if source is not None and target is not None and source.id != target.id:
                merge_departments(plan, source.id, target.id)
                done.append((merged, kept))
        return done
