"""Encodings, HTML pages and files: the seed decodes and parses the same in every form."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from matrixdesk.parse import ParseError, decode_bytes, html_to_text, parse_file, read_source

SEED = Path(__file__).parents[2] / "samples" / "jizhengbanfa-2020-34.txt"
CORPUS = Path(__file__).parent / "corpus"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def summary(path: Path) -> list[tuple]:
    plan = parse_file(path)
    return [
        (m.code, m.title, m.span, [(a.department_id, a.role) for a in plan.assignments_of(m.id)])
        for m in plan.measures
    ] + [plan.info, len(plan.departments), len(plan.targets)]


@pytest.mark.parametrize(
    ("suffix", "encode"),
    [
        ("gb18030", lambda t: t.encode("gb18030")),
        ("gbk", lambda t: t.encode("gbk")),
        ("utf16", lambda t: t.encode("utf-16")),
        ("utf16be", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        ("utf8bom", lambda t: t.encode("utf-8-sig")),
        ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_seed_in_every_encoding_parses_identically(tmp_path: Path, suffix: str, encode) -> None:
    path = tmp_path / f"seed-{suffix}.txt"
    path.write_bytes(encode(seed_text()))
    assert read_source(path).replace("\r\n", "\n") == seed_text()
    assert summary(path) == summary(SEED)


def test_explicit_encoding_overrides_detection() -> None:
    data = "省商务厅".encode("gb18030")
    assert decode_bytes(data, "gb18030") == "省商务厅"
    with pytest.raises(ParseError, match="not valid utf-8"):
        decode_bytes(data, "utf-8")
    with pytest.raises(ParseError, match="Unknown text encoding"):
        decode_bytes(data, "no-such-codec")


def test_utf16_without_bom() -> None:
    assert decode_bytes("一、总体要求\n".encode("utf-16-le")) == "一、总体要求\n"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        bytes(range(256)) * 4,
        b"\xff\xfe\x00",  # a UTF-16 BOM followed by half a code unit
        b"\x81\x30\x81",  # truncated GB18030 four-byte sequence, not UTF-8 either
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(ParseError):
        decode_bytes(data)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "policy.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    with pytest.raises(ParseError, match="damaged") as caught:
        parse_file(path)
    assert caught.value.reason == "damaged"
    path = tmp_path / "policy.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ParseError, match="binary"):
        parse_file(path)


def test_missing_empty_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="not found"):
        read_source(tmp_path / "nope.txt")
    (tmp_path / "empty.txt").write_bytes(b" \n")
    with pytest.raises(ParseError, match="empty"):
        read_source(tmp_path / "empty.txt")
    with pytest.raises(ParseError):
        read_source(tmp_path)
    assert issubclass(ParseError, ValueError)


def test_html_to_text_keeps_paragraphs() -> None:
    html = (
        "<html><head><style>p{}</style><script>alert('x')</script></head><body>"
        "<p>一、总体要求</p><div>（一）甲&amp;乙&nbsp;丙<br>第二行</div>"
        "<ul><li>条目</li></ul><table><tr><td>A</td></tr><tr><td>B</td></tr></table></body></html>"
    )
    assert html_to_text(html) == "一、总体要求\n（一）甲&乙 丙\n第二行\n条目\nA\nB"


def test_html_page_parses_like_the_text(tmp_path: Path) -> None:
    html_plan = parse_file(CORPUS / "fullwidth.html")
    text_plan = parse_file(CORPUS / "fullwidth.txt")
    assert [(m.code, m.title, m.text) for m in html_plan.measures] == [
        (m.code, m.title, m.text) for m in text_plan.measures
    ]
    assert [d.name for d in html_plan.departments] == [d.name for d in text_plan.departments]
    assert html_plan.info == text_plan.info
    # Content sniffing: the same page saved as .txt in GB18030 is still read as HTML.
    page = tmp_path / "saved.txt"
    page.write_bytes((CORPUS / "fullwidth.html").read_text("utf-8").encode("gb18030"))
    assert "<p>" not in read_source(page)
    assert len(parse_file(page).measures) == 7


# -- tables in saved web pages ------------------------------------------------------------------
WORD_PAGE = """<html><head><meta charset="utf-8"><style>p.MsoNormal{margin:0}</style></head>
<body><table class="layout" width="100%"><tr><td>
<p class=MsoNormal align=center><b>关于印发重点任务分工方案的通知</b></p>
<p class=MsoNormal>各市（州）人民政府：</p>
<p class=MsoNormal>&nbsp;&nbsp;现将方案印发给你们。</p>
<table class=MsoTableGrid border=1>
 <tr><td rowspan=2><p class=MsoNormal>序号</p></td><td rowspan=2><p>主要任务</p></td>
     <td colspan=2><p>责任单位</p></td><td rowspan=2><p>时间节点</p></td></tr>
 <tr><td><p>牵头单位</p></td><td><p>配合单位</p></td></tr>
 <tr><td colspan=5><p><b>一、扩大消费</b></p></td></tr>
 <tr><td><p>1</p></td><td><p><span>推进步行街改造提升，</span></p><p>建成示范街区10个以上。</p></td>
     <td rowspan=2><p>省商务厅</p></td><td><p>省发展改革委<br>省财政厅</p></td>
     <td><p>2022年底前</p></td></tr>
 <tr><td><p>2</p></td><td><p>发展夜间经济。</p></td><td><p>省公安厅</p></td><td></td></tr>
</table>
<p class=MsoNormal>联系人及电话：</p>
<table><tr><td>张三</td><td>0431-88888888</td></tr></table>
</td></tr></table></body></html>"""


def test_a_word_made_task_table_in_a_saved_page():
    text = html_to_text(WORD_PAGE)
    assert "序号\t主要任务\t牵头单位\t配合单位\t时间节点" in text
    assert "张三 0431-88888888" in text  # another table: its cells on one line
    from matrixdesk.core.model import Role
    from matrixdesk.parse import parse_text

    plan = parse_text(text)
    assert [(m.code, m.title) for m in plan.measures] == [
        ("1", "扩大消费"),
        ("1.1", "推进步行街改造提升，建成示范街区10个以上"),
        ("1.2", "发展夜间经济"),
    ]
    roles = [
        [(plan.department(a.department_id).name, a.role) for a in plan.assignments_of(m.id)]
        for m in plan.measures[1:]
    ]
    assert roles == [
        [("省商务厅", Role.LEAD), ("省发展改革委", Role.SUPPORT), ("省财政厅", Role.SUPPORT)],
        [("省商务厅", Role.LEAD), ("省公安厅", Role.SUPPORT)],
    ]


def test_a_word_notice_saved_as_a_web_page_reads_like_the_word_file(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_parse_word import notice_with_annex

    word = tmp_path / "notice.docx"
    notice_with_annex(word)
    page = CORPUS.parent / "files" / "notice.html"  # LibreOffice's HTML export of that notice
    assert read_source(page) == read_source(word)
    assert summary(page)[:-3] == summary(word)[:-3]
