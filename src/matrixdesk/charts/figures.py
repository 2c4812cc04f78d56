"""Chart builders: a plan in, a :class:`matplotlib.figure.Figure` out (no pyplot, no Qt)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..core.model import Plan
from ..core.safefile import atomic_output
from ..core.stats import PartCoverage, Workload, measures_per_part, targets_by_year, workload
from .fonts import chart_families, chart_style

LEAD_COLOR = "#c0392b"  # red for 牵头, as in printed matrices
SUPPORT_COLOR = "#f0a58f"
NEUTRAL_COLOR = "#4a6fa5"
EMPTY_TEXT = "暂无可显示的数据"


@dataclass(frozen=True)
class ChartTexts:
    """Every word a chart shows. Chinese by default (workbooks, reports and the CLI are
    circulated in Chinese); the window passes its UI language's words. ``year`` is a format
    with ``{year}``."""

    workload_title: str = "各部门任务量（牵头/配合）"
    parts_title: str = "各部分任务数"
    targets_title: str = "各年度目标指标数"
    tasks_axis: str = "任务数"
    targets_axis: str = "目标指标数"
    lead: str = "牵头"
    support: str = "配合"
    with_lead: str = "已明确牵头单位"
    without_lead: str = "未明确牵头单位"
    year: str = "{year}年"
    no_year: str = "未定年份"
    empty: str = EMPTY_TEXT


CHINESE = ChartTexts()
SAVE_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
_WIDTH = 8.0
_ROW_INCHES = 0.32
_LABEL_CHARS = 18


def _figure(height: float) -> Figure:
    return Figure(figsize=(_WIDTH, max(3.0, height)), layout="constrained")


def _axes(fig: Figure, title: str) -> Axes:
    ax = fig.add_subplot()
    ax.set_title(title, fontsize=13)
    # Tick labels made later (at draw time) copy these properties, so they keep the CJK list.
    ax.tick_params(labelfontfamily=list(chart_families()))
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def _empty(ax: Axes, texts: ChartTexts = CHINESE) -> None:
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        texts.empty,
        ha="center",
        va="center",
        fontsize=12,
        color="#666666",
        transform=ax.transAxes,
    )


def _legend(fig: Figure) -> None:
    fig.legend(loc="outside lower center", ncols=2, frameon=False)


def _short(text: str, limit: int = _LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _segment_labels(values: list[int]) -> list[str]:
    return [str(v) if v else "" for v in values]


def workload_chart(rows: list[Workload], texts: ChartTexts = CHINESE) -> Figure:
    """Lead and support bars of ``rows`` (in their order; departments with no task left out)."""
    with chart_style():
        return _workload([w for w in rows if w.total], texts)


def parts_chart(parts: list[PartCoverage], texts: ChartTexts = CHINESE) -> Figure:
    """Tasks per part, with and without a lead."""
    with chart_style():
        return _parts(parts, texts)


def targets_chart(counts: dict[int | None, int], texts: ChartTexts = CHINESE) -> Figure:
    """Targets per year (None: no year)."""
    with chart_style():
        return _targets(counts, texts)


def _workload(rows: list[Workload], texts: ChartTexts = CHINESE) -> Figure:
    fig = _figure(1.3 + _ROW_INCHES * len(rows))
    ax = _axes(fig, texts.workload_title)
    if not rows:
        _empty(ax, texts)
        return fig
    y = list(range(len(rows)))
    lead = [w.lead for w in rows]
    support = [w.support for w in rows]
    lead_bars = ax.barh(y, lead, color=LEAD_COLOR, label=texts.lead)
    support_bars = ax.barh(y, support, left=lead, color=SUPPORT_COLOR, label=texts.support)
    ax.bar_label(
        lead_bars, labels=_segment_labels(lead), label_type="center", color="white", fontsize=8
    )
    ax.bar_label(support_bars, labels=_segment_labels(support), label_type="center", fontsize=8)
    ax.bar_label(support_bars, labels=[str(w.total) for w in rows], padding=3, fontsize=8)
    ax.set_yticks(y, labels=[_short(w.department.name) for w in rows])
    ax.invert_yaxis()  # busiest first, at the top
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlabel(texts.tasks_axis)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.08)
    _legend(fig)
    return fig


def _parts(parts: list[PartCoverage], texts: ChartTexts = CHINESE) -> Figure:
    fig = _figure(1.3 + 0.45 * len(parts))
    ax = _axes(fig, texts.parts_title)
    if not parts:
        _empty(ax, texts)
        return fig
    y = list(range(len(parts)))
    led = [p.with_lead for p in parts]
    unled = [p.tasks - p.with_lead for p in parts]
    led_bars = ax.barh(y, led, color=NEUTRAL_COLOR, label=texts.with_lead)
    open_bars = ax.barh(y, unled, left=led, color="#c9d6ea", label=texts.without_lead)
    ax.bar_label(
        led_bars, labels=_segment_labels(led), label_type="center", color="white", fontsize=8
    )
    ax.bar_label(open_bars, labels=[str(p.tasks) for p in parts], padding=3, fontsize=8)
    ax.set_yticks(y, labels=[_short(f"{p.part.label}{p.part.title}") for p in parts])
    ax.set_ylim(len(parts) - 0.5, -0.5)
    ax.set_xlabel(texts.tasks_axis)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.08)
    if any(unled):
        _legend(fig)
    return fig


def _targets(counts: dict[int | None, int], texts: ChartTexts = CHINESE) -> Figure:
    fig = _figure(4.0)
    ax = _axes(fig, texts.targets_title)
    if not counts:
        _empty(ax, texts)
        return fig
    labels = [texts.year.format(year=y) if y is not None else texts.no_year for y in counts]
    bars = ax.bar(range(len(counts)), list(counts.values()), color=NEUTRAL_COLOR, width=0.6)
    ax.bar_label(bars, padding=2, fontsize=9)
    ax.set_xticks(range(len(counts)), labels=labels)
    ax.set_ylabel(texts.targets_axis)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(y=0.12)
    return fig


_BUILDERS: dict[str, Callable[[Plan, bool], Figure]] = {
    "workload": lambda plan, collective: _workload(
        [w for w in workload(plan, include_collective=collective) if w.total]
    ),
    "parts": lambda plan, _collective: _parts(measures_per_part(plan)),
    "targets": lambda plan, _collective: _targets(targets_by_year(plan)),
    "progress": lambda plan, _collective: _progress(plan),
}
#: The chart kinds :func:`build_chart` knows, in menu order.
CHART_KINDS: tuple[str, ...] = tuple(_BUILDERS)


def _progress(plan: Plan, period: str | None = None) -> Figure:
    from .progress_chart import progress_figure

    return progress_figure(plan, period)


def build_chart(
    plan: Plan,
    kind: str = "workload",
    *,
    include_collective: bool = False,
    period: str | None = None,
) -> Figure:
    """Build one chart of ``plan``.

    Parameters
    ----------
    plan
        The plan to chart.
    kind
        One of :data:`CHART_KINDS`: ``"workload"`` (lead and support per department, busiest
        first), ``"parts"`` (tasks per part 一、二、…), ``"targets"`` (targets per year) or
        ``"progress"`` (statuses per department in ``period``).
    include_collective
        Count collective parties (各地区 …) in the workload chart.

    Returns
    -------
    Figure
        A figure with Chinese labels; an empty plan gives a figure saying there is no data.
    """
    try:
        builder = _BUILDERS[kind]
    except KeyError:
        raise ValueError(f"unknown chart kind {kind!r}; expected one of {CHART_KINDS}") from None
    with chart_style():
        if kind == "progress":
            return _progress(plan, period)
        return builder(plan, include_collective)


def save_chart(fig: Figure, path: str | os.PathLike[str], *, dpi: int = 150) -> Path:
    """Save ``fig`` as PNG, SVG or PDF, chosen by the suffix of ``path``.

    The file is written beside ``path`` and replaces it only when complete.

    Raises
    ------
    ValueError
        If the suffix is not .png, .svg or .pdf.
    OutputError
        The file cannot be written (full disk, held open by another program, path too long).
    """
    path = Path(path)
    fmt = SAVE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(
            f"unsupported chart file type {path.suffix or '(none)'!r}: use .png, .svg or .pdf"
        )
    with chart_style(), atomic_output(path) as tmp:
        fig.savefig(tmp, format=fmt, dpi=dpi)
    return path
