"""Bad input ends quickly: a pipe, a device or a huge file is refused before it is read, and
pathological text (thousands of repeated headings) parses in linear work."""

from __future__ import annotations

import os
import sys

import pytest

from matrixdesk.parse import parse_text, sniff
from matrixdesk.parse.encoding import ParseError
from matrixdesk.parse.source import read_source


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_is_refused_without_waiting_for_it(tmp_path):
    fifo = tmp_path / "policy.txt"
    os.mkfifo(fifo)  # nobody ever writes: reading it would wait forever
    with pytest.raises(ParseError) as info:
        read_source(fifo)
    assert info.value.reason == "special"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_without_reading_it():
    with pytest.raises(ParseError) as info:
        read_source("/dev/zero")  # endless: reading it would fill the memory
    assert info.value.reason == "special"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(sniff.MAX_FILE_BYTES + 1)  # sparse: no disk used
    reads = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: reads.append(a) or real_open(*a, **k))
    with pytest.raises(ParseError) as info:
        read_source(big)
    assert info.value.reason == "too-big" and not reads


def _lines_executed(text: str) -> int:
    """Python lines run by ``parse_text(text)``: a measure of work that does not depend on
    how busy the machine is."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        parse_text(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize(
    "heading", ["一、总体要求", "（一）加强组织领导", "1. 推进工作"], ids=["part", "item", "number"]
)
def test_repeated_headings_parse_in_linear_work(heading):
    def document(n: int) -> str:
        return "关于促进消费的实施意见\n" + "\n".join([heading] * n) + "\n"

    small, large = _lines_executed(document(500)), _lines_executed(document(2000))
    assert large < 4.6 * small, f"4× the headings cost {large / small:.1f}× the work"
