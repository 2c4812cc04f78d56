"""The chart dock's drawing, done on a worker thread so the window never waits for it.

Matplotlib takes 0.3–0.5 s to draw forty bars with their labels; on the window's thread that
froze the window 200 ms after every edit that changed the chart. Here the window only asks
(:meth:`ChartWorker.request`: what to draw and at what size) and shows the picture that comes
back (:class:`ChartPicture`, a QImage painted as it is). The worker builds the figure, draws it
with Agg into pixels and hands figure and picture back through a queued signal; it never
touches a widget.

The newest request wins: one asked for while another is drawn replaces it, and the older draw
is abandoned at its next renderer call. Python runs one thread at a time, so a draw going on
while the user types would slow every key; the worker therefore also gives way to the user: a
key press, a click or the wheel stops the draw in progress, and it starts again once the user
has paused for :data:`QUIET_MS`. Meanwhile the switch interval is 1 ms, so the window's thread
gets its turn within a millisecond rather than five.
"""

from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from matplotlib.figure import Figure

QUIET_MS = 150  # after the last key or click, drawing goes on
SWITCH_INTERVAL = 0.001  # while drawing: the window's thread waits at most this for Python
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
}
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChartJob:
    """What to draw: the chart ``kind`` of ``data`` with ``texts`` (ChartTexts' fields), in a
    scroll area whose viewport is ``viewport`` without scroll bars (logical pixels)."""

    kind: str
    data: Any
    texts: dict[str, str]
    viewport: tuple[int, int]
    scrollbar: int
    device_pixel_ratio: float


@dataclass(frozen=True)
class ChartWords:
    """The words a drawn chart shows (title, tick labels, legend), read from its figure."""

    title: str = ""
    y_labels: tuple[str, ...] = ()
    x_labels: tuple[str, ...] = ()
    legend: tuple[str, ...] = ()

    @classmethod
    def of(cls, figure: Figure) -> ChartWords:
        ax = figure.axes[0]
        legend = figure.legends[0].get_texts() if figure.legends else []
        return cls(
            ax.get_title(),
            tuple(t.get_text() for t in ax.get_yticklabels()),
            tuple(t.get_text() for t in ax.get_xticklabels()),
            tuple(t.get_text() for t in legend),
        )


@dataclass
class Drawn:
    """A finished chart: its picture and its words. The figure itself is dropped on the
    worker thread while it is young: kept while shown, every chart's hundred thousand
    objects would wait for Python's full garbage collection, which holds up both threads
    for about 0.1 s on a big plan."""

    generation: int
    words: ChartWords | None
    image: QImage | None
    minimum: tuple[int, int]
    error: str = ""


class _Interrupted(Exception):
    """The draw in progress gives way (the user acts, or a newer chart is wanted)."""


def draw_job(job: ChartJob, check=None) -> tuple[ChartWords, QImage, tuple[int, int]]:
    """Build and draw ``job``'s chart (on any thread): its words, picture and minimum size."""
    from ...charts import ChartTexts
    from ...charts.figures import parts_chart, targets_chart, workload_chart
    from ...charts.raster import draw_rgba, fitted_size, natural_size

    builder = {"workload": workload_chart, "parts": parts_chart, "targets": targets_chart}
    figure = builder[job.kind](job.data, ChartTexts(**job.texts))  # type: ignore[operator]
    size, minimum = fitted_size(natural_size(figure), job.viewport, job.scrollbar)
    if check is not None:
        check()
    raster = draw_rgba(figure, size, job.device_pixel_ratio, check)
    image = QImage(
        raster.rgba, raster.width, raster.height, raster.width * 4, QImage.Format.Format_RGBA8888
    ).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)  # its own pixels, and the
    # window's format: painting it is a copy, not a conversion of every pixel at every paint
    image.setDevicePixelRatio(job.device_pixel_ratio)
    words = ChartWords.of(figure)
    figure.clear()  # its artists refer to each other: freed now, not by a full collection
    return words, image, minimum


class _InputWatch(QObject):
    """Tells the worker when the user acts (installed on the application while it draws)."""

    def __init__(self, worker: ChartWorker) -> None:
        super().__init__(worker)
        self.worker = worker

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in _INPUT:
            self.worker.user_acted()
        return False


class ChartWorker(QObject):
    """One thread drawing charts for one chart dock, the newest request winning."""

    drawn = Signal(object)  # a Drawn, emitted from the worker thread (queued to the window)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cond = threading.Condition()
        self._job: ChartJob | None = None
        self._generation = 0  # of the newest request
        self._quiet = True  # the user has not acted lately: drawing may go on
        self._closed = False
        self._thread: threading.Thread | None = None
        self._switch: float | None = None  # the interval before drawing began
        self._watch = _InputWatch(self)
        self._watching = False
        self._quiet_timer = QTimer(self)
        self._quiet_timer.setSingleShot(True)
        self._quiet_timer.setInterval(QUIET_MS)
        self._quiet_timer.timeout.connect(self._resume)
        self.interrupted = 0  # draws abandoned (tests count them)

    # -- the window's side -------------------------------------------------------------------
    def request(self, job: ChartJob) -> int:
        """Draw ``job`` (replacing any request not yet drawn); returns its generation."""
        with self._cond:
            self._generation += 1
            self._job = job
            self._cond.notify()
        self._watch_input(True)
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="chart-worker", daemon=True)
            self._thread.start()
        return self._generation

    @property
    def busy(self) -> bool:
        """A request is waiting or being drawn."""
        return self._job is not None

    @property
    def generation(self) -> int:
        return self._generation

    def finished(self, generation: int) -> None:
        """The window has taken the chart of ``generation``: stop watching when idle."""
        if not self.busy:
            self._watch_input(False)

    def user_acted(self) -> None:
        self._quiet = False
        self._quiet_timer.start()

    def _resume(self) -> None:
        with self._cond:
            self._quiet = True
            self._cond.notify()

    def close(self) -> None:
        """Stop the thread (the dock is going away); a draw in progress is abandoned."""
        with self._cond:
            self._closed = True
            self._job = None
            self._cond.notify()
        self._watch_input(False)

    def _watch_input(self, on: bool) -> None:
        app = QApplication.instance()
        if on == self._watching or app is None:
            return
        self._watching = on
        if on:
            app.installEventFilter(self._watch)
            self._switch = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch, SWITCH_INTERVAL))
        else:
            app.removeEventFilter(self._watch)
            if self._switch is not None:
                sys.setswitchinterval(self._switch)
            self._switch = None
            self._quiet_timer.stop()
            self._quiet = True

    # -- the worker thread -------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._closed and (self._job is None or not self._quiet):
                    self._cond.wait()
                if self._closed:
                    return
                job, generation = self._job, self._generation
            assert job is not None
            drawn = self._draw(job, generation)
            if drawn is None:
                continue  # gave way: drawn again when the user pauses, or the newer job
            with self._cond:
                if generation != self._generation or self._closed:
                    continue
                self._job = None
            try:
                self.drawn.emit(drawn)
            except RuntimeError:  # the dock was deleted meanwhile
                return

    def _draw(self, job: ChartJob, generation: int) -> Drawn | None:
        def check() -> None:
            if not self._quiet or self._generation != generation or self._closed:
                raise _Interrupted

        try:
            words, image, minimum = draw_job(job, check)
        except _Interrupted:
            self.interrupted += 1
            return None
        except Exception as exc:  # a chart that cannot be drawn must not end the thread
            _log.exception("chart could not be drawn")
            return Drawn(generation, None, None, (0, 0), str(exc))
        return Drawn(generation, words, image, minimum)


class ChartPicture(QWidget):
    """Shows the chart's picture (scaled while a new one for a new size is drawn)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_image(self, image: QImage, minimum: tuple[int, int]) -> None:
        self.image = image
        self.setMinimumSize(QSize(*minimum))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        if self.image is None:
            painter.fillRect(self.rect(), QColor("white"))
        else:
            painter.drawImage(QRect(self.rect()), self.image)
        painter.end()
