"""Charts of a plan as matplotlib Figures (no pyplot, no Qt): PNG, SVG and PDF headless."""

from .figures import (
    CHART_KINDS,
    ChartTexts,
    build_chart,
    parts_chart,
    save_chart,
    targets_chart,
    workload_chart,
)
from .fonts import chart_families, has_cjk_font

__all__ = [
    "CHART_KINDS",
    "ChartTexts",
    "build_chart",
    "chart_families",
    "has_cjk_font",
    "parts_chart",
    "save_chart",
    "targets_chart",
    "workload_chart",
]
