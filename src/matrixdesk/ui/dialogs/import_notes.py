"""What the import could not read, said plainly, and the spelling variants it offers to merge.

Shown on the preview page of the import dialog under the counts: brackets that read like
annotations but name no organisation, words left out of annotations, and pairs of department
names that may be one agency (省机场集团 / 省民航机场集团), each with a button that merges the
pair in the previewed plan. Nothing is merged until the user clicks, and what the user merged
stays merged: going back to the text and previewing again merges the same names again (until
another document is opened).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
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
_SHOWN = 6  # items listed in a label; the tooltip lists them all
_ROW_HEIGHT = 30
_MAX_ROWS = 4  # variant rows visible before the list scrolls


class ImportNotesPanel(QWidget):
    """Skipped brackets, refused words and suspected variants of one previewed plan."""

    merged = Signal()  # the plan changed: a pair of variants was merged

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self.skipped_label = self._note_label()
        self.refused_label = self._note_label()
        self.variants_title = QLabel()
        self.variants_title.setWordWrap(True)
        self.merged_label = QLabel()
        self.merged_label.setWordWrap(True)
        self._merged: list[str] = []  # what the shown plan has merged, as the label says it
        self._pairs: list[tuple[str, str]] = []  # the user's merges by name: (merged, kept)
        self.variant_rows = QWidget()
        self._rows = QVBoxLayout(self.variant_rows)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(2)
        self.variant_area = QScrollArea()
        self.variant_area.setWidget(self.variant_rows)
        self.variant_area.setWidgetResizable(True)
        self.variant_area.setFrameShape(QFrame.Shape.NoFrame)
        self.buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.skipped_label, self.refused_label, self.variants_title):
            layout.addWidget(widget)
        layout.addWidget(self.variant_area)
        layout.addWidget(self.merged_label)

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

    def _fill_variants(self) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.buttons = []
        self.merged_label.setVisible(bool(self._merged))
        self.merged_label.setText(
            self.tr("Merged: %1").replace("%1", "；".join(self._merged)) if self._merged else ""
        )
        found = self.variants()
        self.variants_title.setVisible(bool(found))
        self.variant_area.setVisible(bool(found))
        if not found or self._plan is None:
            return
        self.variants_title.setText(
            self.tr(
                "%n pair(s) of names may be spellings of one department. Merge a pair to count "
                "it once (the other name is kept as an alias):",
                "",
                len(found),
            )
        )
        for variant in found:
            self._rows.addWidget(self._variant_row(variant))
        self._rows.addStretch(1)
        self.variant_area.setFixedHeight(min(len(found), _MAX_ROWS) * _ROW_HEIGHT + 4)

    def _variant_row(self, variant: Variant) -> QWidget:
        assert self._plan is not None
        keep = self._plan.department(variant.keep).name
        merge = self._plan.department(variant.merge).name
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"{merge}  ／  {keep}"))
        button = QPushButton(self.tr("Merge into %1").replace("%1", keep))
        button.setAutoDefault(False)
        button.setToolTip(
            self.tr("%1 becomes an alias of %2; its tasks move to %2.")
            .replace("%1", merge)
            .replace("%2", keep)
        )
        button.clicked.connect(lambda: self.merge(variant))
        self.buttons.append(button)
        layout.addWidget(button)
        layout.addStretch(1)
        return row

    def merge(self, variant: Variant) -> None:
        """Merge one suggested pair in the previewed plan and show what remains."""
        if self._plan is None:
            return
        names = self._plan.department(variant.merge).name, self._plan.department(variant.keep).name
        merge_departments(self._plan, variant.merge, variant.keep)
        self._pairs.append(names)
        self._merged.append(f"{names[0]} → {names[1]}")
        self._fill_variants()
        self.merged.emit()

    def forget_merges(self) -> None:
        """Another document: the merges chosen for the last one no longer apply."""
        self._pairs = []
        self._merged = []

    def _reapply(self, plan: Plan) -> list[str]:
        """Merge again, by name, the pairs merged before; the ones whose names are both still
        in the plan (the text may have been edited since) are listed."""
        done = []
        for merged, kept in self._pairs:
            source, target = plan.department_named(merged), plan.department_named(kept)
            if source is not None and target is not None and source.id != target.id:
                merge_departments(plan, source.id, target.id)
                done.append(f"{merged} → {kept}")
        return done
