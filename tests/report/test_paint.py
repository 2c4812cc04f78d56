"""PDF output of the reports through the one painting routine (no dialogs are opened)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from matrixdesk.core.model import Assignment, Department, DocumentInfo, Measure, Plan, Role
from matrixdesk.report import paint
from matrixdesk.report.layout import MatrixLayout, ReportOptions
from matrixdesk.ui import printing

PDFTOTEXT = shutil.which("pdftotext")


def synthetic_plan(n_measures: int, n_departments: int) -> Plan:
    """Parts of 25 tasks; task k is led by department k mod n and supported by the next two."""
    depts = [Department(i + 1, f"省第{i + 1}厅", position=i) for i in range(n_departments)]
    measures: list[Measure] = []
    assignments: list[Assignment] = []
    next_id = 1
    part_id = 0
    for k in range(n_measures):
        if k % 25 == 0:
            part_id = next_id
            measures.append(Measure(part_id, str(k // 25 + 1), f"{k // 25 + 1}、", 1, "重点工作"))
            next_id += 1
        title = f"推进第{k + 1}项消费促进措施" + "落实" * (k % 9)
        measures.append(
            Measure(next_id, f"{k // 25 + 1}.{k % 25 + 1}", "", 2, title, parent_id=part_id)
        )
        for pos in range(3):
            dept = depts[(k + pos) % n_departments]
            role = Role.LEAD if pos == 0 else Role.SUPPORT
            assignments.append(Assignment(next_id, dept.id, role, pos))
        next_id += 1
    info = DocumentInfo("关于促进消费的若干措施", "吉政办发[2021]1号", "吉林省人民政府办公厅")
    return Plan(info, "", measures, depts, assignments, [])


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))


def pdf_text(path: Path) -> str:
    """The PDF's text without white space (pdftotext spaces CJK text unpredictably)."""
    out = subprocess.run([PDFTOTEXT, "-raw", str(path), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", "", out.stdout.decode("utf-8"))


@pytest.fixture(scope="module")
def big_plan() -> Plan:
    return synthetic_plan(300, 80)


def test_ensure_app_gives_the_running_application(qapp):
    assert paint.ensure_app() is qapp


def test_small_matrix_pdf(small_plan, tmp_path):
    out = tmp_path / "matrix.pdf"
    assert paint.render_pdf(small_plan, out) == 1
    assert out.read_bytes().startswith(b"%PDF")
    assert pdf_pages(out) == 1


def test_small_list_pdf_names_the_departments_in_real_glyphs(small_plan, tmp_path):
    out = tmp_path / "list.pdf"
    assert paint.render_pdf(small_plan, out, kind="list") == 1
    assert out.read_bytes().startswith(b"%PDF")
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = pdf_text(out)
    for name in ("省文化和旅游厅", "省体育局", "省农业农村厅", "省商务厅", "各地区"):
        assert name in text
    assert "第1页共1页" in text and "任务分工表" in text


def test_big_matrix_pdf_matches_the_layout_model(big_plan, tmp_path):
    out = tmp_path / "big.pdf"
    pages = paint.render_pdf(big_plan, out)
    assert pages > 1
    assert pdf_pages(out) == pages
    writer = paint.pdf_writer(tmp_path / "unused.pdf", ReportOptions())
    layout = paint.layout_for(writer, big_plan, ReportOptions())
    assert isinstance(layout, MatrixLayout)
    assert layout.page_count == pages
    assert len({(p.columns.start, p.columns.stop) for p in layout.pages}) > 1
    assert all(p.rows and p.columns for p in layout.pages)
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = pdf_text(out)
    assert f"第{pages}页共{pages}页" in text
    assert text.count("责任单位") == pages  # the header row is on every page
    assert text.count("重点任务") == pages


def test_a3_portrait_and_the_list_of_the_big_plan(big_plan, tmp_path):
    a4 = paint.render_pdf(big_plan, tmp_path / "a4.pdf", kind="list")
    a3 = paint.render_pdf(big_plan, tmp_path / "a3.pdf", kind="list", page_size="A3")
    assert 1 < a3 < a4
    portrait = paint.render_pdf(big_plan, tmp_path / "p.pdf", landscape=False)
    assert pdf_pages(tmp_path / "p.pdf") == portrait > 1


def test_department_list_pdf_holds_only_its_tasks(small_plan, tmp_path):
    out = tmp_path / "dept.pdf"
    assert paint.render_pdf(small_plan, out, department="省农委") == 1
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = pdf_text(out)
    assert "省农业农村厅任务清单" in text
    assert "扩大农产品消费" in text and "进展情况" in text and "牵头" in text
    assert "发展冰雪消费" not in text and "压实责任" not in text


def test_unknown_department_raises_before_writing(small_plan, tmp_path):
    out = tmp_path / "x.pdf"
    with pytest.raises(ValueError, match="unknown department: 省外星局"):
        paint.render_pdf(small_plan, out, department="省外星局")
    assert not out.exists()
    with pytest.raises(ValueError):
        paint.render_pdf(small_plan, out, kind="pie")
    with pytest.raises(ValueError):
        paint.render_pdf(small_plan, out, page_size="Letter")
    assert list(tmp_path.iterdir()) == []  # no temporary file either


def test_the_same_routine_paints_on_a_printer(big_plan, tmp_path, qapp):
    printer = printing.printer_for(ReportOptions(kind="list"))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    pages = paint.paint_report(printer, big_plan, ReportOptions(kind="list"))
    assert pages == paint.layout_for(printer, big_plan, ReportOptions(kind="list")).page_count
    assert pdf_pages(tmp_path / "printer.pdf") == pages


def test_unwritable_path_raises_oserror(small_plan, tmp_path):
    with pytest.raises(OSError):
        paint.render_pdf(small_plan, tmp_path / "no" / "such" / "dir" / "x.pdf")


class _FakeSignal:
    def __init__(self) -> None:
        self.slots = []

    def connect(self, slot) -> None:
        self.slots.append(slot)


class _FakePreview(QWidget):
    """Stands in for QPrintPreviewDialog: exec() asks for the pages once, as the real one does
    (a widget: the progress dialog of the pages is its child)."""

    def __init__(self, printer, parent) -> None:
        super().__init__()
        self.printer = printer
        self.paintRequested = _FakeSignal()
        self.pages = 0

    def exec(self) -> int:
        self.pages = sum(slot(self.printer) for slot in self.paintRequested.slots)
        return 1


def test_print_preview_paints_through_paint_report(small_plan, tmp_path, monkeypatch, qapp):
    made: list[_FakePreview] = []

    def fake(printer, parent):
        made.append(_FakePreview(printer, parent))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "preview.pdf"))
        return made[-1]

    monkeypatch.setattr(printing, "QPrintPreviewDialog", fake)
    assert printing.print_preview(None, small_plan, ReportOptions(kind="list", page_size="A3")) == 1
    assert made[0].pages == 1
    size = made[0].printer.pageLayout().pageSize().id()
    assert size == paint.page_size("A3").id()


def test_print_dialog_prints_only_when_accepted(small_plan, tmp_path, monkeypatch, qapp):
    answers = iter([0, 1])

    class FakeDialog:
        def __init__(self, printer, parent) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printed.pdf"))

        def exec(self) -> int:
            return next(answers)

    monkeypatch.setattr(printing, "QPrintDialog", FakeDialog)
    monkeypatch.setattr(printing, "QPageSetupDialog", FakeDialog)
    assert printing.print_dialog(None, small_plan) == 0
    assert not (tmp_path / "printed.pdf").exists()
    assert printing.print_dialog(None, small_plan) == 1
    assert pdf_pages(tmp_path / "printed.pdf") == 1
    answers = iter([1])
    assert printing.page_setup(None, printing.printer_for()) is True


def test_seed_reports(seed_plan, tmp_path):
    matrix = paint.render_pdf(seed_plan, tmp_path / "m.pdf")
    writer = paint.pdf_writer(tmp_path / "unused.pdf", ReportOptions())
    assert paint.layout_for(writer, seed_plan, ReportOptions()).page_count == matrix
    assert pdf_pages(tmp_path / "m.pdf") == matrix
    assert paint.render_pdf(seed_plan, tmp_path / "l.pdf", kind="list") > 1
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = pdf_text(tmp_path / "l.pdf")
    used = {a.department_id for a in seed_plan.assignments}
    for d in seed_plan.departments:
        if d.id in used:
            assert d.name in text


def test_render_pdf_works_headless_without_an_application(small_plan, tmp_path):
    """What the CLI does: a fresh process, no display, no QT_QPA_PLATFORM, no app."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    script = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from conftest import make_small_plan;"
        "from matrixdesk.report import render_pdf;"
        "print(render_pdf(make_small_plan(), sys.argv[1], kind='list'))"
    )
    out = tmp_path / "cli.pdf"
    tests_dir = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        [sys.executable, "-c", script, str(out), str(tests_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "1"
    assert out.read_bytes().startswith(b"%PDF")


def test_real_print_preview_paints_and_closes(qapp, small_plan, monkeypatch):
    """The real QPrintPreviewDialog (closed by a timer): it must keep its printer alive."""
    import gc

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from matrixdesk.ui import printing

    painted = []
    real_paint = paint.paint_report

    def counting_paint(device, plan, options, **kwargs):
        painted.append(real_paint(device, plan, options, **kwargs))
        return painted[-1]

    monkeypatch.setattr(printing, "paint_report", counting_paint)

    def close_it():
        gc.collect()  # a printer nobody holds would be freed here
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(800, close_it)
    printing.print_preview(None, small_plan)
    assert painted and painted[0] >= 1


def _nested_long_plan(sentences: int) -> tuple[Plan, str]:
    """Two parts of two items of six tasks; task 1.1.2 has a text several pages long."""
    measures: list[Measure] = []
    assignments: list[Assignment] = []
    for p, part_label in enumerate(("一、", "二、")):
        part = Measure(len(measures) + 1, str(p + 1), part_label, 1, f"第{p + 1}部分标题")
        measures.append(part)
        for i, item_label in enumerate(("(一)", "(二)")):
            item = Measure(
                len(measures) + 1, f"{p + 1}.{i + 1}", item_label, 2, f"第{p + 1}部分第{i + 1}项"
            )
            item = Measure(item.id, item.code, item.label, 2, item.title, parent_id=part.id)
            measures.append(item)
            for t in range(6):
                code = f"{item.code}.{t + 1}"
                text = f"落实任务{code}，加强统筹协调。" * 4
                measures.append(
                    Measure(
                        len(measures) + 1,
                        code,
                        f"{t + 1}.",
                        3,
                        f"任务{code}",
                        text,
                        parent_id=item.id,
                    )
                )
                assignments.append(Assignment(len(measures), 1, Role.LEAD, 0))
    sentence = "持续推进冰雪旅游消费升级，完善冰雪场地设施和配套服务，丰富冰雪赛事活动供给；"
    long = "".join(f"第{k + 1}条{sentence}" for k in range(sentences))
    m = measures[3]
    measures[3] = Measure(m.id, m.code, m.label, 3, m.title, long, parent_id=m.parent_id)
    info = DocumentInfo("关于促进消费的若干措施", "吉政办发[2021]1号", "吉林省人民政府办公厅")
    return Plan(info, "", measures, [Department(1, "省商务厅")], assignments, []), long


@pytest.mark.parametrize("department", [None, "省商务厅"])
def test_list_pdf_continues_headings_and_splits_a_long_row(tmp_path, department):
    plan, long = _nested_long_plan(220)
    options = ReportOptions(kind="list", department=department)
    out = tmp_path / "long.pdf"
    pages = paint.render_pdf(plan, out, kind="list", department=department)
    layout = paint.layout_for(paint.pdf_writer(tmp_path / "unused.pdf", options), plan, options)
    assert layout.page_count == pages == pdf_pages(out) > 3
    pieces = [r for r in layout.rows if r.measure_id == plan.measures[3].id]
    assert len(pieces) >= 3 and "".join(r.cells[1] for r in pieces) == long
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = pdf_text(out)
    # every piece is printed whole, on its own page, and the pieces make up the long text
    at = [text.find(f"{r.cells[1]}") for r in pieces]
    assert -1 not in at and at == sorted(at)
    assert "一、第1部分标题（续）" in text and "(一)第1部分第1项（续）" in text
    assert text.count("（续）") == sum(r.continued and r.heading for r in layout.rows)
    assert text.count("重点任务") == pages  # the header row on every page


def test_seed_list_pdf_repeats_headings_on_continuation_pages(seed_plan, tmp_path):
    for options in (ReportOptions(kind="list"), ReportOptions(department="省商务厅")):
        out = tmp_path / "seed.pdf"
        pages = paint.render_pdf(seed_plan, out, kind="list", department=options.department)
        writer = paint.pdf_writer(tmp_path / "unused.pdf", options)
        layout = paint.layout_for(writer, seed_plan, options)
        assert layout.page_count == pages == pdf_pages(out)
        repeats = [r.span for r in layout.rows if r.continued and r.heading]
        assert repeats and all(s.endswith("（续）") for s in repeats)
        if PDFTOTEXT is not None:
            text = pdf_text(out)
            assert all(re.sub(r"\s+", "", s) in text for s in repeats)


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("kind", ["matrix", "list"])
def test_report_cli_prints_collective_parties_unless_left_out(small_plan, tmp_path, qapp, kind):
    """``matrixdesk report`` prints 各地区 as the workbook shows it; --exclude-collective
    leaves it out (its marks are in the layout tests: they are drawn, not text)."""
    from dataclasses import replace

    from matrixdesk.cli import main
    from matrixdesk.store import MatrixStore

    plan = replace(
        small_plan, assignments=[*small_plan.assignments, Assignment(6, 5, Role.LEAD, 0)]
    )
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(str(path), plan).close()
    both, without = tmp_path / "both.pdf", tmp_path / "without.pdf"
    assert main(["report", str(path), "-o", str(both), "--kind", kind]) == 0
    assert main(["report", str(path), "-o", str(without), "--kind", kind,
                 "--exclude-collective"]) == 0  # fmt: skip
    assert "各地区" in pdf_text(both)
    assert "各地区" not in pdf_text(without)


def test_render_pdf_reports_each_page_and_a_cancel_leaves_no_file(small_plan, tmp_path, qapp):
    """The window's progress dialog hears of each page; its Cancel stops the report and the
    half-written PDF beside the target is removed."""
    heard: list[tuple[int, int]] = []
    out = tmp_path / "list.pdf"
    pages = paint.render_pdf(
        small_plan, out, kind="list", page_size="B5", landscape=False,
        progress=lambda done, total: heard.append((done, total)),
    )  # fmt: skip
    assert heard == [(n, pages) for n in range(pages + 1)]
    cancelled = tmp_path / "cancelled"
    cancelled.mkdir()
    with pytest.raises(paint.ReportCancelled):
        paint.render_pdf(small_plan, cancelled / "m.pdf", progress=lambda done, total: done < 1)
    assert list(cancelled.iterdir()) == []
