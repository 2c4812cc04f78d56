"""A 100,000-character department name (a crafted plan) is drawn shortened: matplotlib lays
out every glyph of a tick label, and the whole name froze the window for half a minute."""

from __future__ import annotations

from matrixdesk.charts import build_chart


def test_tick_labels_are_short_whatever_the_names(small_plan):
    small_plan.departments[0].name = "很长的部门名称" * 14_000
    small_plan.measures[0].title = "很长的标题" * 20_000
    for kind in ("workload", "parts"):
        fig = build_chart(small_plan, kind, include_collective=False)
        labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
        assert labels and max(len(label) for label in labels) <= 18
