"""Chart builders: every kind builds and saves, in Chinese, without missing glyphs."""

from __future__ import annotations

import warnings

import pytest
from matplotlib.figure import Figure

from matrixdesk.charts import CHART_KINDS, build_chart, chart_families, has_cjk_font, save_chart
from matrixdesk.charts.figures import EMPTY_TEXT
from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role


def _ytick_labels(fig: Figure) -> list[str]:
    fig.canvas.draw()
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


def test_a_cjk_family_is_available_and_dejavu_is_last():
    families = chart_families()
    assert has_cjk_font(), "install fonts-noto-cjk or fonts-wqy-microhei"
    assert families[-1] == "DejaVu Sans"


@pytest.mark.parametrize("kind", CHART_KINDS)
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_each_kind_saves_without_missing_glyphs(small_plan, tmp_path, kind, suffix):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" is a UserWarning
        fig = build_chart(small_plan, kind)
        path = save_chart(fig, tmp_path / f"chart{suffix}")
    assert path.stat().st_size > 1000


def test_png_header(small_plan, tmp_path):
    path = save_chart(build_chart(small_plan), tmp_path / "c.PNG")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_unsupported_suffix_is_named(small_plan, tmp_path):
    fig = build_chart(small_plan)
    with pytest.raises(ValueError, match=r"\.jpg"):
        save_chart(fig, tmp_path / "chart.jpg")
    assert not (tmp_path / "chart.jpg").exists()


def test_unknown_kind(small_plan):
    with pytest.raises(ValueError, match="pie"):
        build_chart(small_plan, "pie")


def test_workload_leaves_collective_out_unless_asked(small_plan):
    without = _ytick_labels(build_chart(small_plan, "workload"))
    assert "各地区" not in without
    assert without[0] == "省商务厅"  # busiest first (two supports)
    assert set(without) == {"省商务厅", "省文化和旅游厅", "省体育局", "省农业农村厅"}
    with_all = _ytick_labels(build_chart(small_plan, "workload", include_collective=True))
    assert "各地区" in with_all


def test_workload_title_and_height_grows(small_plan):
    fig = build_chart(small_plan, "workload")
    assert fig.axes[0].get_title() == "各部门任务量（牵头/配合）"
    deps = [Department(i, f"省部门{i}厅", position=i) for i in range(1, 41)]
    measure = Measure(1, "1", "一、", 1, "任务", annotated=True)
    big = Plan(
        measures=[measure],
        departments=deps,
        assignments=[Assignment(1, d.id, Role.SUPPORT, d.id) for d in deps],
    )
    assert build_chart(big).get_figheight() > fig.get_figheight()


def test_parts_and_targets_labels(small_plan):
    parts = build_chart(small_plan, "parts")
    assert _ytick_labels(parts) == ["一、提高消费品质", "二、强化保障"]
    targets = build_chart(small_plan, "targets")
    targets.canvas.draw()
    assert [t.get_text() for t in targets.axes[0].get_xticklabels()] == ["2022年", "未定年份"]


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_empty_plan_says_there_is_nothing(kind, tmp_path):
    fig = build_chart(Plan(), kind)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert EMPTY_TEXT in texts
    save_chart(fig, tmp_path / "empty.png")


def test_build_does_not_change_global_rcparams(small_plan):
    import matplotlib

    before = list(matplotlib.rcParams["font.family"])
    build_chart(small_plan)
    assert list(matplotlib.rcParams["font.family"]) == before


def test_seed_workload_chart(seed_plan, tmp_path):
    fig = build_chart(seed_plan, "workload")
    labels = _ytick_labels(fig)
    assert len(labels) == len([d for d in seed_plan.departments if not d.collective])
    save_chart(fig, tmp_path / "seed.png")


def test_the_glyph_check_would_catch_a_latin_only_font(tmp_path):
    """Guard for the test above: without the CJK list, matplotlib does warn."""
    fig = Figure()
    fig.text(0.5, 0.5, "牵头", family="DejaVu Sans")
    with warnings.catch_warnings(), pytest.raises(UserWarning, match="Glyph"):
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "latin.png")


def test_no_pyplot_and_no_qt():
    import subprocess
    import sys

    code = (
        "import sys; from matrixdesk.charts import build_chart; from matrixdesk.exchange import "
        "export_master; from matrixdesk.core.model import Plan; build_chart(Plan()); "
        "bad = [m for m in ('matplotlib.pyplot', 'PySide6') if m in sys.modules]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
