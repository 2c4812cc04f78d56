"""The chart dock: a matplotlib chart of the open plan that follows every edit.

The figures come from :mod:`matrixdesk.charts`; this widget only chooses the kind, asks for the
chart shortly after the store changes, so a burst of edits (a paste, an undo macro) redraws
once, and shows the picture.

Drawing a bar per department takes matplotlib about 10 ms, so a plan with 300 departments froze
the window for three seconds after every click. The dock therefore shows at most
``MAX_BARS`` bars (the busiest departments, the first parts) with a note saying so; Export…
still writes the whole chart.

What the chart shows comes from a :class:`~matrixdesk.core.stats.LiveStats`, which re-reads only
what an edit touched (the workload from the store's per-department counts): no copy of the plan
is taken. The chart is redrawn only when what it shows changed (an edit in a department outside
the busiest forty changes nothing here), and only while the dock is visible; a hidden dock
catches up when it is shown.

Even forty bars take matplotlib 0.3–0.5 s to draw, so the drawing is done on a worker thread
(:mod:`.chart_worker`): the dock asks for a chart of its figures at its size and shows the
picture that comes back; the newest request wins, and the worker gives way while the user
types or clicks. Matplotlib (about 0.4 s to import and 80 MB) is imported by the worker for
the first chart, not when the window starts. Export builds and saves its own figure of the
whole chart, as the command line does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...core.stats import LiveStats
from ...store import MatrixStore, StoreEvent
from .. import folders, heap
from ..messages import output_error_text
from .chart_worker import ChartJob, ChartPicture, ChartWords, ChartWorker, Drawn
from .onscreen import after_paint, on_screen
from .wrap_layout import WrapLayout

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DELAY_MS = 200  # wait for a burst of edits to pause, then redraw once
FIRST_DELAY_MS = 300  # after the window's first paint: let it settle before the first chart
RESIZE_DELAY_MS = 100  # the dock is being resized: draw for the new size once it stops
MAX_BARS = 40  # bars drawn in the dock; the exported chart has them all


def build_figure(kind: str, data: list | dict) -> Figure:
    """The chart ``kind`` of ``data`` in the UI language (matplotlib is imported here, when
    first needed)."""
    from ...charts import ChartTexts, parts_chart, targets_chart, workload_chart

    builder = {"workload": workload_chart, "parts": parts_chart, "targets": targets_chart}
    return builder[kind](data, ChartTexts(**chart_words()))  # type: ignore[operator]


def _chart_tr(text: str) -> str:
    return QCoreApplication.translate("ChartTexts", text)


def chart_words() -> dict[str, str]:
    """The charts' words in the UI language (the chart module itself speaks Chinese): the
    fields of :class:`~matrixdesk.charts.ChartTexts`, made without importing matplotlib."""
    return {
        "workload_title": _chart_tr("Tasks per department"),
        "parts_title": _chart_tr("Tasks per part"),
        "targets_title": _chart_tr("Targets per year"),
        "tasks_axis": _chart_tr("Tasks"),
        "targets_axis": _chart_tr("Targets"),
        "lead": _chart_tr("Lead"),
        "support": _chart_tr("Support"),
        "with_lead": _chart_tr("Lead named"),
        "without_lead": _chart_tr("No lead named"),
        "year": _chart_tr("{year}"),
        "no_year": _chart_tr("No year"),
        "empty": _chart_tr("No data to show yet"),
    }


def save_chart(fig: Figure, path: str | Path) -> Path:
    from ...charts import save_chart as save

    return save(fig, path)


FILTERS = {".png": "PNG (*.png)", ".svg": "SVG (*.svg)", ".pdf": "PDF (*.pdf)"}


class _ViewportResized(QObject):
    def __init__(self, view: ChartView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self.view.viewport_resized()
        return False


class ChartView(QWidget):
    """Chart of ``store``'s plan with a kind selector, a collective switch and an export button."""

    exported = Signal(str)  # the chart was saved to this file (the window says so)

    def __init__(self, store: MatrixStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.stats = LiveStats(store)
        self.words: ChartWords | None = None  # what the chart shown says (title, labels)
        self._shown: tuple | None = None  # what was last asked for (redraw only when it changes)
        self._stale = True  # the store changed since the last look
        self._asked = 0  # generation of the chart last asked for
        self.redraw_count = 0  # charts drawn and shown
        self.ui_ms = 0.0  # time this widget spent on the window's thread, asking and showing
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
        self.picture = ChartPicture()
        self.scroll.setWidget(self.picture)
        self.scroll.viewport().installEventFilter(_ViewportResized(self))
        self.worker = ChartWorker(self)
        self.worker.drawn.connect(self._show)
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
        self.destroyed.connect(lambda *_, w=self.worker: w.close())

    def _layout(self) -> None:
        bar = WrapLayout(last_right=True)  # two lines in a narrow panel
        bar.addWidget(self.kind_box)
        bar.addWidget(self.collective_box)
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
        """A redraw is scheduled, or a chart asked for is not yet shown."""
        return self._timer.isActive() or self.drawing

    @property
    def drawing(self) -> bool:
        """A chart asked for is being drawn (on the worker thread)."""
        return self._asked > 0 and self._asked != self._shown_generation

    _shown_generation = 0

    def wait_drawn(self, timeout_s: float = 20.0) -> bool:
        """Wait (handling events) until the chart asked for is shown; for tests, the
        screenshot and the benchmark. True when it was."""
        clock = QElapsedTimer()
        clock.start()
        while self.drawing and clock.elapsed() < timeout_s * 1000:
            QCoreApplication.processEvents()
            QThread.msleep(2)
        return not self.drawing

    # -- following the store -----------------------------------------------------------------
    def _on_store_event(self, event: StoreEvent) -> None:
        if event.kind in ("roles", "targets", "measures"):
            self.stats.touch(event.measure_ids)
        elif event.kind != "info":
            self.stats.touch_all()
        self._stale = True
        try:
            if self._asked and on_screen(self):
                self._timer.start(DELAY_MS)  # restarts: one look after the last of a burst
        except RuntimeError:  # the widget is gone but was not told; stop listening
            self.store.unsubscribe(self._listener)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._asked == 0:  # the first chart imports matplotlib: once the window is up
            after_paint(self, self._first_draw, FIRST_DELAY_MS)
        elif self._stale:
            self._timer.start(DELAY_MS)

    def _first_draw(self) -> None:
        if self._asked == 0 and on_screen(self):
            self.redraw()

    def came_into_view(self) -> None:
        """Its tab was brought to the front: draw, or catch up with the edits made meanwhile."""
        if self._asked == 0:
            after_paint(self, self._first_draw, FIRST_DELAY_MS)
        elif self._stale:
            self._timer.start(DELAY_MS)

    def viewport_resized(self) -> None:
        """The dock changed size: draw for the new size once the resizing stops."""
        if self._asked:
            self._timer.start(RESIZE_DELAY_MS)

    def _data(self, kind: str, collective: bool) -> list | dict:
        if kind == "workload":
            return [w for w in self.stats.workload(include_collective=collective) if w.total]
        if kind == "parts":
            return self.stats.parts()
        return self.stats.targets_by_year()

    @staticmethod
    def _identity(kind: str, shown: list | dict, total: int) -> tuple:
        """What a figure of ``shown`` looks like, to compare with the one on screen."""
        if kind == "workload":
            bars = tuple((w.department.name, w.lead, w.support) for w in shown)
        elif kind == "parts":
            bars = tuple((p.part.label, p.part.title, p.tasks, p.with_lead) for p in shown)
        else:
            bars = tuple(shown.items())  # type: ignore[union-attr]
        return kind, bars, total

    def redraw(self) -> None:
        """Bring the chart up to date: asks the worker for a new picture when what the chart
        shows (or the room it has) changed."""
        clock = QElapsedTimer()
        clock.start()
        self._timer.stop()
        self._stale = False
        kind, collective = self.kind, self.collective_box.isChecked()
        data = self._data(kind, collective)
        shown = data[:MAX_BARS] if isinstance(data, list) else data
        total = len(data)
        note = self._note_text(kind, len(shown), total)
        if note != self.note.text() or self.note.isHidden() == bool(note):
            self.note.setText(note)
            self.note.setVisible(bool(note))
            self.layout().activate()  # the chart's room without or with the note, now
        job = self._job(kind, shown)
        identity = (self._identity(kind, shown, total), job.viewport, job.device_pixel_ratio)
        if identity != self._shown:
            self._shown = identity
            self._asked = self.worker.request(job)
        self.ui_ms += clock.nsecsElapsed() / 1e6

    def _note_text(self, kind: str, shown: int, total: int) -> str:
        if shown == total:
            return ""
        text = (
            self.tr("Showing the %1 busiest of %2 departments; Export… saves them all.")
            if kind == "workload"
            else self.tr("Showing the first %1 of %2 parts; Export… saves them all.")
        )
        return text.replace("%1", str(shown)).replace("%2", str(total))

    def _job(self, kind: str, shown: list | dict) -> ChartJob:
        size = self.scroll.maximumViewportSize()
        extent = self.scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return ChartJob(
            kind,
            shown,
            chart_words(),
            (size.width(), size.height()),
            extent,
            self.devicePixelRatioF(),
        )

    def _show(self, drawn: Drawn) -> None:
        """The worker's picture arrived (on the window's thread)."""
        clock = QElapsedTimer()
        clock.start()
        if drawn.generation != self.worker.generation:
            return  # a newer chart is on its way
        self.worker.finished(drawn.generation)
        self._shown_generation = drawn.generation
        if drawn.image is None:  # could not be drawn (logged): keep what is shown
            self._shown = None
            return
        self.words = drawn.words
        self.picture.set_image(drawn.image, drawn.minimum)
        self.redraw_count += 1
        self.ui_ms += clock.nsecsElapsed() / 1e6
        if self.redraw_count == 1:  # matplotlib is in now: set it aside too (ui/heap.py)
            heap.settle()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.store.unsubscribe(self._listener)
        self._timer.stop()
        self.worker.close()
        super().closeEvent(event)

    # -- export ------------------------------------------------------------------------------
    def save_to(self, path: str | Path) -> Path:
        """Save the whole chart (every department or part, not only those the dock shows) to
        ``path`` at its own size; the suffix (.png, .svg, .pdf) picks the format.

        Raises ValueError for other suffixes and OSError when the file cannot be written.
        """
        data = self._data(self.kind, self.collective_box.isChecked())
        return save_chart(build_figure(self.kind, data), path)  # all of it, not only forty

    def export_chart(self) -> Path | None:
        """Ask for a file name and save the chart there (the Export… button)."""
        filters = ";;".join(FILTERS.values())
        path, chosen = folders.save_file_filtered(
            self, folders.CHART, self.tr("Export chart"), self._suggested_name(), filters
        )
        if not path:
            return None
        if Path(path).suffix.lower() not in FILTERS:
            suffix = next((s for s, f in FILTERS.items() if f == chosen), ".png")
            path += suffix
        try:
            written = self.save_to(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export chart"), output_error_text(exc))
            return None
        except ValueError as exc:
            QMessageBox.warning(
                self, self.tr("Export chart"), self.tr("The chart could not be saved:\n%1")
                .replace("%1", str(exc))
            )  # fmt: skip
            return None
        self.exported.emit(str(written))
        return written

    def _suggested_name(self) -> str:
        names = {
            "workload": self.tr("Workload"),
            "parts": self.tr("Tasks per part"),
            "targets": self.tr("Targets by year"),
        }
        return f"{names.get(self.kind, 'chart')}.png"
