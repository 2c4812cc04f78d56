"""`matrixdesk import` says what it could not read, as the window's preview does."""

from __future__ import annotations

from matrixdesk.cli import main

DOC = """某市关于促进消费的若干措施
（一）举办冰雪节。（市文旅局负责）
（二）发展夜间经济。（市文旅广电局牵头，市商务局配合）
（三）优化金融服务。（地方金融监管局、保险等负责）
（四）做好宣传引导。（全社会、各类媒体等负责）
"""


def test_import_lists_skipped_brackets_refused_words_and_variants(tmp_path, capsys):
    source = tmp_path / "doc.txt"
    source.write_text(DOC, "utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "doc.mdesk")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("4 measures (3 annotated), 4 departments, 4 assignments, 0 targets")
    assert out[1:] == [
        "  not read (names no department): （全社会、各类媒体等负责） in （四）",
        "  left out (not a department): 保险 in （三）",
        "  possibly one department: 市文旅局 / 市文旅广电局",
    ]


def test_a_clean_import_prints_one_line(tmp_path, capsys):
    source = tmp_path / "doc.txt"
    source.write_text("（一）推进甲。（省商务厅负责）\n", "utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "doc.mdesk")]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_tasks_without_a_department_are_named_by_their_whole_number(tmp_path, capsys):
    """The window marks them red; the command said nothing of them. Each (一) is named with
    its part (一、(一), 二、(一)), and a long list stops after ten."""
    parts = (
        "".join(
            f"{part}、第{part}部分\n（一）推进甲。\n（二）推进乙。（省商务厅负责）\n"
            for part in "一二三四五六七八九十"
        )
        + "十一、其他\n（一）推进丙。\n"
    )
    source = tmp_path / "doc.txt"
    source.write_text(parts, "utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "doc.mdesk")]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    assert line.startswith("  no department found for 11 tasks: 一、（一）; 二、（一）; 三、（一）")
    assert line.endswith("十、（一）…")
