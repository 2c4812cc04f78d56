"""PDFs: real printed documents read back into the same measures; layout folded; bad PDFs named."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from matrixdesk.parse import ParseError, parse_file, read_source
from matrixdesk.parse.pdffold import PAGE_NUMBER, Line, fold_pages, fold_radicals

sys.path.insert(0, str(Path(__file__).parent))
from qtpdf import write_pdf, write_scan  # noqa: E402

FILES = Path(__file__).parent / "files"
SEED = Path(__file__).parents[2] / "samples" / "jizhengbanfa-2020-34.txt"
RADICAL = re.compile("[\u2e80-\u2fdf]")


def summary(plan) -> list[tuple]:
    names = {d.id: d.name for d in plan.departments}
    return [
        (m.code, m.title, [(names[a.department_id], a.role) for a in plan.assignments_of(m.id)])
        for m in plan.measures
    ]


def lines_of(name: str) -> list[list[Line]]:
    data = json.loads((FILES / name).read_text(encoding="utf-8"))
    return [[Line(*line) for line in page] for page in data["pages"]]


# -- folding, on lines read from real PDFs ----------------------------------------------------
def test_radicals_fold_to_ideographs():
    assert fold_radicals("⼀⼈⺠⻓⻅⻚⻔⻋⼯作") == "一人民长见页门车工作"
    assert fold_radicals("\uf9b1 (compat) 省商务厅") == "\u9234 (compat) 省商务厅"
    assert fold_radicals("（省商务厅负责）１２") == "（省商务厅负责）１２"  # full-width kept


@pytest.mark.parametrize("text", ["— 3 —", "- 12 -", "·3·", "7", "第3页 共13页", "3/13", "－ 2 －"])
def test_page_numbers(text):
    assert PAGE_NUMBER.match(text)


@pytest.mark.parametrize("text", ["2021年", "1.加强领导", "（三）", "第三条"])
def test_not_page_numbers(text):
    assert not PAGE_NUMBER.match(text)


def test_qt_printed_page_with_kangxi_radicals_folds_to_the_original_paragraphs():
    pages = lines_of("seed-qt.lines.json")
    assert sum(len(RADICAL.findall(line.text)) for line in pages[0]) > 50  # ⼀ ⺠ ⻓ as read
    text = fold_pages(pages)
    assert not RADICAL.search(text)
    source = [line.replace(" ", "") for line in SEED.read_text(encoding="utf-8").splitlines()]
    paragraphs = text.splitlines()
    # Every full paragraph on the page is the source's paragraph (the last one runs on).
    assert [p.replace(" ", "") for p in paragraphs[:-1]] == source[: len(paragraphs) - 1]
    assert "省人民政府" not in paragraphs[0]


def test_running_headers_page_numbers_and_wrapped_lines_of_a_published_pdf():
    pages = lines_of("chongqing-2025-42.lines.json")
    raw = [line.text for page in pages for line in page]
    assert raw.count("重庆市人民政府办公厅行政规范性文件") == 4 and "- 1 -" in raw
    assert "市住房" in [r[-3:] for r in raw]  # 市住房 / 城乡建委 broken over two lines
    paragraphs = fold_pages(pages).splitlines()
    assert paragraphs[:3] == [
        "重庆市人民政府办公厅关于",
        "印发《重庆市提振消费若干措施》的通知",
        "渝府办发〔2025〕42号",
    ]
    assert "重庆市人民政府办公厅行政规范性文件" not in paragraphs
    assert "重庆市人民政府办公厅发布" not in "".join(paragraphs)
    assert not any(PAGE_NUMBER.match(p) for p in paragraphs)
    assert "《重庆市提振消费若干措施》已经市政府同意，现印发给你们，请认真贯彻执行。" in paragraphs
    first = next(p for p in paragraphs if p.startswith("（一）"))
    assert first.endswith(
        "（责任单位：市人力社保局、市经济信息委、市农业农村委、市财政局、重庆市税务局、市教委等）"
    )
    assert any("市住房城乡建委" in p for p in paragraphs)
    # A measure running over a page break stays one paragraph.
    assert all(p.startswith(("（", "一", "二", "三", "四", "五", "六", "为", "重", "各", "《", "渝",
                             "印", "2", "附"))
               for p in paragraphs), paragraphs  # fmt: skip


# -- real PDFs in, plans out ------------------------------------------------------------------
def test_the_seed_printed_by_qt_imports_like_the_text(tmp_path):
    path = tmp_path / "吉政办发〔2020〕34号.pdf"
    write_pdf(
        SEED.read_text(encoding="utf-8").splitlines(), path, header="吉林省人民政府办公厅文件"
    )
    text = read_source(path)
    assert "吉林省人民政府办公厅文件" not in text and "— 2 —" not in text
    assert not RADICAL.search(text)
    # Noto CJK SC draws 户 and 戶 with one glyph and Qt's character map names it 戶.
    plan = parse_file(path)
    expected = parse_file(SEED)
    assert summary(plan) == summary(expected)
    assert len(text.splitlines()) == len(SEED.read_text(encoding="utf-8").splitlines())


_WITHOUT_CHINESE_FONTS = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from PySide6.QtGui import QFontDatabase as D
from qtpdf import cjk_family, write_pdf
from matrixdesk.parse import parse_file
lines = Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()
write_pdf(lines, Path(sys.argv[3]))
measures = len(parse_file(sys.argv[3]).measures)
print(cjk_family(), D.families(D.WritingSystem.SimplifiedChinese), measures)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt finds fonts by fontconfig")
def test_pdfs_are_printed_with_the_shipped_font_where_the_system_has_no_chinese_font(tmp_path):
    """The PDF tests skipped on a machine without a Chinese font; they print with the Noto Sans
    SC that MatrixDesk ships (fontconfig given only Latin fonts, as on a bare machine)."""
    import os
    import subprocess

    pytest.importorskip("PySide6.QtGui")
    latin = "".join(f"<dir>{d}</dir>" for d in ("/usr/share/fonts/truetype/dejavu",))
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig>{latin}<cachedir>{tmp_path}/fc</cachedir>'
                    "</fontconfig>")  # fmt: skip
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    here, out = str(Path(__file__).parent), str(tmp_path / "seed.pdf")
    run = subprocess.run([sys.executable, "-c", _WITHOUT_CHINESE_FONTS, here, str(SEED), out],
                         env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.split() == ["Noto", "Sans", "SC", "['Noto", "Sans", "SC']",
                                  str(len(parse_file(SEED).measures))]  # fmt: skip


def test_a_published_word_notice_printed_to_pdf_reads_like_the_word_file():
    from_pdf = parse_file(FILES / "anhui-2022.pdf")  # copy-protected by a permissions password
    from_word = parse_file(FILES / "anhui-2022.docx")
    assert [m.title for m in from_pdf.measures] == [m.title for m in from_word.measures]
    assert len(from_pdf.measures) == 11
    # LibreOffice hangs a line-final 、 into the margin and leaves it out of the PDF's text:
    # 各市、县人民政府 comes back as 各市县人民政府 where the line broke after 各市.
    unbroken = [
        [(name.replace("、", ""), role) for name, role in parties]
        for _, _, parties in summary(from_word)
    ]
    assert [[(n.replace("、", ""), r) for n, r in p] for _, _, p in summary(from_pdf)] == unbroken


def test_a_ruled_task_table_over_three_pages_reads_like_the_word_file(tmp_path):
    from test_parse_word import seed_task_table

    word = tmp_path / "seed-table.docx"
    seed_task_table(word)  # what LibreOffice printed to files/seed-table.pdf
    text = read_source(FILES / "seed-table.pdf")
    assert text.count("序号\t重点任务\t牵头单位\t配合单位") == 1  # repeated header read once
    assert "省体育局、省广电局" in text  # a row broken by the page is joined again
    assert "人民银行长春中心支行" in text  # a name wrapped in its cell is one name
    assert summary(parse_file(FILES / "seed-table.pdf")) == summary(parse_file(word))
    assert len(parse_file(word).assignments) == 140


def _page(text: str, y: float) -> Line:
    return Line(text, 90.0, 90.0 + 16 * len(text), y, 16.0)


def test_a_line_opening_pages_that_also_stands_amid_the_body_is_text_not_a_running_header():
    # 责任单位：… closes many measures; on two pages of five it happens to be the first line.
    header, unit = "某市人民政府办公室文件", "责任单位：市住房城乡建设局"
    pages = []
    for n in range(5):
        lines = [_page(header, 800.0)]
        lines.append(_page(unit if n in (1, 3) else f"第{n}页的正文开头。", 760.0))
        lines += [_page(f"（{n}）措施{k}。", 730.0 - 60 * k) for k in range(4)]
        if n == 2:
            lines.insert(3, _page(unit, 700.0))  # amid the body
        lines.append(_page(f"— {n + 1} —", 60.0))
        pages.append(lines)
    text = fold_pages(pages).splitlines()
    assert header not in text  # on every page, always at the top: furniture
    assert text.count(unit) == 3
    assert not any(PAGE_NUMBER.match(p) for p in text)


# -- PDFs that cannot be read -----------------------------------------------------------------
def test_a_pdf_with_an_open_password():
    with pytest.raises(ParseError, match="password") as caught:
        read_source(FILES / "notice-password.pdf")
    assert caught.value.reason == "encrypted"


def test_a_scanned_pdf(tmp_path):
    path = tmp_path / "scan.pdf"
    write_scan(path)
    with pytest.raises(ParseError, match="no text layer; it looks scanned") as caught:
        read_source(path)
    assert caught.value.reason == "scanned"


def test_a_pdf_whose_fonts_have_no_character_codes():
    with pytest.raises(ParseError, match="cannot be read") as caught:
        read_source(FILES / "real-gazette-garbled.pdf")
    assert caught.value.reason == "garbled"


def test_damaged_pdfs(tmp_path):
    data = (FILES / "anhui-2022.pdf").read_bytes()
    for name, content in [("cut.pdf", data[: len(data) // 3]), ("fake.pdf", b"not a pdf at all")]:
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(ParseError) as caught:
            read_source(path)
        assert caught.value.reason == "damaged", caught.value


def test_a_line_of_mixed_fonts_stays_one_line():
    # LibreOffice prints 8. in a Latin font: smaller boxes, lower centres than the Chinese
    # glyphs beside them; a quotation mark sits higher. One printed line all the same.
    from matrixdesk.parse.pdf import _Glyph, _lines

    def glyph(ch, x, y, h):
        return _Glyph(ch, (x, y - h / 2, x + 10, y + h / 2))

    line = [glyph("“", 50, 170.0, 3.0)]
    line += [glyph(ch, 60 + 10 * k, 166.4, 9.3) for k, ch in enumerate("各区属国企")]
    line += [glyph("8", 110, 165.9, 6.8), glyph(".", 116, 164.4, 3.7), glyph("增", 122, 166.4, 9.2)]
    below = [glyph(ch, 60 + 10 * k, 151.0, 9.3) for k, ch in enumerate("体化")]
    assert [ln.text for ln in _lines(line + below)] == ["“各区属国企8.增", "体化"]


def test_a_page_inside_one_table_row_is_a_grid_of_one_row():
    # A row taller than a page (a long 主要内容 cell in a narrow column) fills a whole page:
    # rules at its top and foot only, and the row goes on from the page before.
    from matrixdesk.parse.pdf import _Glyph
    from matrixdesk.parse.pdftable import find_grids

    boxes = [(x, 100.0, x + 0.5, 700.0) for x in (50.0, 150.0, 250.0, 350.0)]
    boxes += [(50.0, y, 350.5, y + 0.5) for y in (100.0, 700.0)]
    glyphs = [_Glyph(ch, (160 + 10 * k, 640, 170 + 10 * k, 650)) for k, ch in enumerate("医疗安全")]
    grids = find_grids(boxes, glyphs)
    assert [g.rows for g in grids] == [[["", "医疗安全", ""]]]


def test_a_text_printed_without_its_paragraph_breaks_is_not_broken_at_numbers():
    # A crawled one-line text pasted into Word and printed: every line is full, and a number
    # that happens to start a line (…选树创业典型。| 2.促进…) is where the page wrapped.
    def full(text: str, y: float) -> Line:
        return Line(text, 90.0, 506.0, y, 16.0)

    body = [full("（一）青少年科学素质提升行动1.大力弘扬科学精神。选树创业典型。", 760.0)]
    body += [
        full(f"第{k}行的文字，一直写到右边的页边为止，没有断开的段落。", 730.0 - 30 * k)
        for k in range(22)
    ]
    body.insert(5, full("2.促进校内外科学教育资源有效衔接。责任单位：区科协牵头，区", 580.0))
    assert len(fold_pages([body]).splitlines()) == 1
    # In a document printed with its breaks, a numbered line after a full one is a new item.
    spaced = [*body[:5], Line("短行。", 90.0, 150.0, 600.0, 16.0), *body[5:]]
    spaced += [Line(f"第{k}段。", 122.0, 200.0, 20.0, 16.0) for k in range(6)]
    assert any(p.startswith("2.促进") for p in fold_pages([spaced]).splitlines())
