"""The progress chart: per department, how many of its tasks stand at each status in a period
(done, in progress, late, not started, not reported), busiest first."""

from __future__ import annotations

import datetime as dt

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..core.ledger import build_ledger
from ..core.model import Plan
from ..core.periods import period_label
from ..core.progress import Meaning

#: (what is counted, label, colour) in stacking order
SERIES = (
    ("done", "已完成", "#5b9b5b"),
    ("doing", "推进中", "#4a6fa5"),
    ("late", "滞后", "#c0392b"),
    ("todo", "未开始", "#b0b0b0"),
    ("silent", "未报送", "#f2d16b"),
)


def chart_period(plan: Plan, period: str | None, today: dt.date) -> str:
    """The period to chart: the one given, else the latest reported, else the current one."""
    if period:
        return period
    reported = max((e.period for e in plan.progress), default="")
    return reported or plan.schedule.current(today, plan.info.date)


def status_counts(plan: Plan, period: str, today: dt.date) -> list[tuple[str, dict[str, int]]]:
    """(department name, counts per series) for every department that reports."""
    ledger = build_ledger(plan, period, today)
    counts: dict[int, dict[str, int]] = {
        did: dict.fromkeys([key for key, _, _ in SERIES], 0) for did in ledger.by_department
    }
    for key, name in ledger.status.items():
        series = str(ledger.meaning[key]) if name else "silent"
        counts[key[1]][series] += 1
    rows = [(d.name, counts[d.id]) for d in plan.departments if d.id in counts]
    rows.sort(key=lambda r: -sum(r[1].values()))
    return rows


def progress_figure(plan: Plan, period: str | None = None, today: dt.date | None = None):
    """Stacked horizontal bars of statuses per department."""
    from .figures import _axes, _empty, _figure, _legend

    today = today or dt.date.today()
    period = chart_period(plan, period, today)
    rows = status_counts(plan, period, today)
    fig: Figure = _figure(1.5 + 0.32 * len(rows))
    ax = _axes(fig, f"各部门任务进展（{period_label(period)}）")
    if not rows:
        _empty(ax)
        return fig
    y = list(range(len(rows)))
    left = [0] * len(rows)
    for key, label, colour in SERIES:
        values = [counts[key] for _, counts in rows]
        if not any(values):
            continue
        bars = ax.barh(y, values, left=left, color=colour, label=label)
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center",
                     fontsize=8)  # fmt: skip
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(y, labels=[name for name, _ in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlabel("任务数")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _legend(fig)
    return fig


assert {m.value for m in Meaning} <= {key for key, _, _ in SERIES}
