"""The chart dock: a matplotlib chart of the open plan that follows every edit.

The figures come from :mod:`matrixdesk.charts`; this widget only chooses the kind, embeds the
figure with FigureCanvasQTAgg and redraws shortly after the store changes, so a burst of
edits (a paste, an undo macro) redraws once.

Drawing a bar per department takes matplotlib about 10 ms, so a plan with 300 departments froze
the window for three seconds after every click. The dock therefore shows at most
``MAX_BARS`` bars (the busiest departments, the first parts) with a note saying so; Export…
still writes the whole chart.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...charts import build_chart, save_chart
from ...core.model import Plan
from ...core.stats import workload
from ...store import MatrixStore, StoreEvent
from ..messages import output_error_text

DELAY_MS = 200  # store.plan() of a big plan takes a while: wait for the edits to pause
MAX_BARS = 40  # bars drawn in the dock; the exported chart has them all


def shown_plan(plan: Plan, kind: str, include_collective: bool) -> tuple[Plan, int, int]:
    """The part of ``plan`` the dock charts: (plan, bars shown, bars in the whole chart).

    The workload chart keeps the ``MAX_BARS`` busiest departments, the parts chart the first
    ``MAX_BARS`` parts; other kinds (and small plans) are charted whole.
    """
    if kind == "workload":
        rows = [w for w in workload(plan, include_collective=include_collective) if w.total]
        if len(rows) <= MAX_BARS:
            return plan, len(rows), len(rows)
        keep = {w.department.id for w in rows[:MAX_BARS]}
        part = Plan(
            info=plan.info,
            measures=plan.measures,
            departments=[d for d in plan.departments if d.id in keep],
            assignments=[a for a in plan.assignments if a.department_id in keep],
            targets=plan.targets,
        )
        return part, MAX_BARS, len(rows)
    if kind == "parts":
        parts = [m.id for m in plan.measures if m.parent_id is None]
        if len(parts) <= MAX_BARS:
            return plan, len(parts), len(parts)
        keep = set(parts[:MAX_BARS])
        parent = {m.id: m.parent_id for m in plan.measures}
        measures = [m for m in plan.measures if _part_of(m.id, parent) in keep]
        ids = {m.id for m in measures}
        part = Plan(
            info=plan.info,
            measures=measures,
            departments=plan.departments,
            assignments=[a for a in plan.assignments if a.measure_id in ids],
            targets=[t for t in plan.targets if t.measure_id in ids],
        )
        return part, MAX_BARS, len(parts)
    return plan, 0, 0


def _part_of(measure_id: int, parent: dict[int, int | None]) -> int:
    """The top-level measure (part) above ``measure_id``."""
    while parent.get(measure_id) is not None:
        measure_id = parent[measure_id]  # type: ignore[assignment]
    return measure_id


FILTERS = {".png": "PNG (*.png)", ".svg": "SVG (*.svg)", ".pdf": "PDF (*.pdf)"}


class ChartView(QWidget):
    """Chart of ``store``'s plan with a kind selector, a collective switch and an export button."""

    def __init__(self, store: MatrixStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.figure: Figure | None = None
        self._complete = True  # the figure shown is the whole chart
        self.canvas: FigureCanvasQTAgg | None = None
        self.redraw_count = 0
        self.kind_box = QComboBox()
        for label, kind in (
            (self.tr("Workload"), "workload"),
            (self.tr("Tasks per part"), "parts"),
            (self.tr("Targets by year"), "targets"),
        ):
            self.kind_box.addItem(label, kind)
        self.collective_box = QCheckBox(self.tr("Include collective parties"))
        self.collective_box.setToolTip(self.tr("Count 各地区, 有关部门 and the like as well"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the chart as PNG, SVG or PDF"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.redraw)
        self._layout()
        self.kind_box.currentIndexChanged.connect(self.redraw)
        self.collective_box.toggled.connect(self.redraw)
        self.export_button.clicked.connect(self.export_chart)
        self._listener = self._on_store_event
        store.subscribe(self._listener)
        # The dock replaces the panel with deleteLater(): stop listening when the C++ side goes.
        self.destroyed.connect(lambda *_, s=store, f=self._listener: s.unsubscribe(f))
        self.redraw()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.kind_box)
        bar.addWidget(self.collective_box)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.scroll, 1)

    # -- state -------------------------------------------------------------------------------
    def focus_target(self) -> QWidget:
        """Where the keyboard goes when the panel is chosen: the chart kind."""
        return self.kind_box

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))

    @property
    def pending(self) -> bool:
        """A redraw is scheduled."""
        return self._timer.isActive()

    # -- following the store -----------------------------------------------------------------
    def _on_store_event(self, event: StoreEvent) -> None:
        try:
            self._timer.start()  # restarts: one redraw after the last of a burst
        except RuntimeError:  # the widget is gone but was not told; stop listening
            self.store.unsubscribe(self._listener)

    def redraw(self) -> None:
        """Build the chart now from the store's current plan."""
        self._timer.stop()
        collective = self.collective_box.isChecked()
        plan, shown, total = shown_plan(self.store.plan(), self.kind, collective)
        self.figure = build_chart(plan, self.kind, include_collective=collective)
        self._complete = shown == total
        if self._complete:
            self.note.hide()
        else:
            text = (
                self.tr("Showing the %1 busiest of %2 departments; Export… saves them all.")
                if self.kind == "workload"
                else self.tr("Showing the first %1 of %2 parts; Export… saves them all.")
            )
            self.note.setText(text.replace("%1", str(shown)).replace("%2", str(total)))
            self.note.show()
        canvas = FigureCanvasQTAgg(self.figure)
        width, height = self.figure.get_size_inches() * self.figure.dpi
        canvas.setMinimumHeight(int(height))  # tall charts scroll rather than squeeze
        canvas.setMinimumWidth(min(int(width), 360))
        self.scroll.setWidget(canvas)  # deletes the previous canvas
        self.canvas = canvas
        canvas.draw_idle()
        self.redraw_count += 1

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.store.unsubscribe(self._listener)
        self._timer.stop()
        super().closeEvent(event)

    # -- export ------------------------------------------------------------------------------
    def save_to(self, path: str | Path) -> Path:
        """Save the chart shown to ``path``; the suffix (.png, .svg, .pdf) picks the format.

        Raises ValueError for other suffixes and OSError when the file cannot be written.
        """
        if self.figure is None or self.pending:
            self.redraw()
        if not self._complete:  # the dock shows part of a big chart: write all of it
            figure = build_chart(
                self.store.plan(), self.kind, include_collective=self.collective_box.isChecked()
            )
            return save_chart(figure, path)
        return save_chart(self.figure, path)

    def export_chart(self) -> Path | None:
        """Ask for a file name and save the chart there (the Export… button)."""
        filters = ";;".join(FILTERS.values())
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), self._suggested_name(), filters
        )
        if not path:
            return None
        if Path(path).suffix.lower() not in FILTERS:
            suffix = next((s for s, f in FILTERS.items() if f == chosen), ".png")
            path += suffix
        try:
            return self.save_to(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export chart"), output_error_text(exc))
            return None
        except ValueError as exc:
            QMessageBox.warning(
                self, self.tr("Export chart"), self.tr("The chart could not be saved:\n%1")
                .replace("%1", str(exc))
            )  # fmt: skip
            return None

    def _suggested_name(self) -> str:
        names = {"workload": "工作量", "parts": "各部分任务", "targets": "目标年份"}
        return f"{names.get(self.kind, 'chart')}.png"
