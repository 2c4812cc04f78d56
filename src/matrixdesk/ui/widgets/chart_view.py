"""The chart dock: a matplotlib chart of the open plan that follows every edit.

The figures come from :mod:`matrixdesk.charts`; this widget only chooses the kind, embeds the
figure with FigureCanvasQTAgg and redraws shortly after the store changes, so a burst of
edits (a paste, an undo macro) redraws once.
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
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...charts import build_chart, save_chart
from ...store import MatrixStore, StoreEvent

DELAY_MS = 200  # store.plan() of a big plan takes a while: wait for the edits to pause
FILTERS = {".png": "PNG (*.png)", ".svg": "SVG (*.svg)", ".pdf": "PDF (*.pdf)"}


class ChartView(QWidget):
    """Chart of ``store``'s plan with a kind selector, a collective switch and an export button."""

    def __init__(self, store: MatrixStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.figure: Figure | None = None
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
        layout.addWidget(self.scroll, 1)

    # -- state -------------------------------------------------------------------------------
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
        self.figure = build_chart(
            self.store.plan(), self.kind, include_collective=self.collective_box.isChecked()
        )
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
        except (OSError, ValueError) as exc:
            QMessageBox.warning(
                self, self.tr("Export chart"), self.tr("The chart could not be saved:\n%1")
                .replace("%1", str(exc))
            )  # fmt: skip
            return None

    def _suggested_name(self) -> str:
        names = {"workload": "工作量", "parts": "各部分任务", "targets": "目标年份"}
        return f"{names.get(self.kind, 'chart')}.png"
