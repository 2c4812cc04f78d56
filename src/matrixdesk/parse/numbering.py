"""Finding the numbered headings of a policy document.

Documents number their structure as ``一、`` (parts), ``(一)`` (items), ``1.`` (sub-items) and
sometimes ``(1)``. The same shapes occur inside ordinary text ("5G", "1.5亿", "(冬令营)"), so a
candidate is accepted only when

* it stands at a line start, after a sentence end (。；！？) or after a closing bracket (the
  annotation of the previous measure), and its number continues the sequence, or
* it runs straight on from a short heading title of the level above (``一、总体要求(一)…``,
  ``一、重点任务 1.促进…``) with exactly the expected number.

A line of its own without a number may be a heading too: one that names a department among
title words (``2016年区环土局环境保护目标责任``, ``区经发局工作任务``) over that department's
tasks, whose numbering restarts under it (see :mod:`matrixdesk.parse.headingparty`). It is taken
only where the list after it restarts a kind of number already used (or under an earlier such
heading), so a document's own title over its first 一、 is never one. It is looked for before
each first item (一、, 1., （一）), back to the line start; a hard wrap inside it is joined.
A part number cut from its 、 by a hard wrap (``九\n、``) is still a number.

One regex pass over the text and constant work per candidate keep this linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from matrixdesk.parse.orgs import TITLE_WORD, OrgKind, classify, heading_org
from matrixdesk.parse.standing import ENDS_NOT_LISTED_AGAIN

_CN_DIGITS = {ch: value for value, ch in enumerate("零一二三四五六七八九")} | {"〇": 0}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN = "零〇一二三四五六七八九十百千"

# Ranks: a heading of a larger rank nests inside one of a smaller rank.
KIND_RANK = {
    "part": 0,  # 第一部分
    "chap": 1,  # 第一章
    "sec": 2,  # 第一节
    "art": 3,  # 第一条
    "cn": 4,  # 一、
    "pcn": 5,  # （一）
    "dig": 6,  # 1.  1．  1﹒  1、
    "pdig": 7,  # （1）
    "rdig": 8,  # 1）
    "circ": 9,  # ①
}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Kinds that are headings only at a line start (or after a sentence end, continuing a sequence).
_LINE_KINDS = {"part", "chap", "sec", "art", "circ", "rdig"}

_CANDIDATE = re.compile(
    rf"第(?P<part>[{_CN}]{{1,4}})部分"
    rf"|第(?P<chap>[{_CN}]{{1,4}})章"
    rf"|第(?P<sec>[{_CN}]{{1,4}})节"
    rf"|第(?P<art>[{_CN}]{{1,6}})条"
    rf"|(?P<cn>[{_CN}]{{1,8}})(?:\n?、|[.．﹒](?![0-9０-９]))"  # 九\n、: a wrap
    rf"|[(（](?P<pcn>[{_CN}](?: ?[{_CN}]){{0,7}})[)）]"  # （十 一）: a space left by a line break
    r"|[(（](?P<pdig>[0-9０-９]{1,3}) ?[)）]"
    # 1.5亿 is a number, but 1.2017年底前… is a label before a year
    r"|(?P<dig>[0-9０-９]{1,3}) ?(?:[.．﹒、](?![0-9０-９])|[.．](?=(?:19|20)[0-9]{2}年))"
    r"|(?<![0-9０-９(（])(?P<rdig>[0-9０-９]{1,3})[)）]"
    rf"|(?P<circ>[{_CIRCLED}])"
)
_SENTENCE_END = "。；;！？!?"
_CLOSERS = ")）"
_SPACES = " \t\u3000\xa0"
_COLON_KINDS = {"part", "chap", "art", "cn"}
_ORGAN_ENDS = "局厅委办府院部署行会社室心团关组班队站所构门位司科处口"
_FIELD_REACH = 120  # how far back the label of a run-on field value may stand
_VALUE_PIECES = re.compile(r"[、，,]")
_VALUE_VERB = re.compile(r"(?:负责|牵头|配合|参与|协助|落实)$")
_PARTY_LABEL_END = re.compile(
    r"(?:单位|部门|主体|牵头|配合|科室|处室)(?:[（(][^（）()]{1,6}[)）])?\s*$"
)
_SPACED_KINDS = {"cn", "pcn"}  # kinds whose next sibling may follow a gap in one-line text
_ANNOTATED_KINDS = {"dig", "pdig"}  # lists after a colon whose items end with annotations
_LIST_REACH = 1500  # how far ahead an annotated list's second item is looked for
_RUN_ON_LIMIT = 40  # longest heading title that may run straight into its first child
PARTY_HEADING = "party"  # the kind of an unnumbered heading naming a department (no rank)
_TITLE_END = re.compile(f"{TITLE_WORD}$")
_TITLE_TAIL = 10  # the characters before a first item that may hold a title word and a wrap
_LIST_KINDS = {"cn", "pcn", "dig", "pdig"}  # the numbers a department's list may use
_TITLE_REACH = 50  # longest such heading
_TITLE_BOUNDARY = "\n \t\u3000。；;！？!?"


def cn_to_int(numeral: str) -> int:
    """Value of a Chinese numeral such as 七, 十二, 二十八, 一百零三 (0 when unreadable)."""
    total, current = 0, 0
    for ch in numeral:
        if ch in _CN_DIGITS:
            # Digit runs read positionally too, as in 二〇二〇.
            current = current * 10 + _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
    return total + current


@dataclass
class Heading:
    """One accepted heading: where its label is and where it sits in the hierarchy."""

    kind: str
    number: int
    start: int  # offset of the label
    label_end: int  # offset just after the label
    depth: int  # 0 for the outermost level present
    parent: int | None  # index of the enclosing heading in the result list

    def label(self, text: str) -> str:
        return text[self.start : self.label_end].replace("\n", "")  # 九\n、 cut by a wrap


def _candidate_number(match: re.Match[str]) -> tuple[str, int]:
    kind = match.lastgroup or "dig"
    raw = match.group(kind)
    if kind == "circ":
        return kind, _CIRCLED.index(raw) + 1
    if kind in ("dig", "pdig", "rdig"):
        return kind, int(raw)
    return kind, cn_to_int(raw)


def _context(text: str, pos: int) -> str:
    """Classify what precedes ``pos``: 'line' (line start), 'stop' (sentence end/closer),
    'colon', or ''."""
    i = pos - 1
    while i >= 0 and text[i] in _SPACES:
        i -= 1
    if i < 0 or text[i] == "\n":
        return "line"
    if text[i] in _SENTENCE_END or text[i] in _CLOSERS:
        return "stop"
    if text[i] in "：:":
        return "colon"
    return ""


class _Sequencer:
    """Tracks the open headings and the last number used for each kind."""

    def __init__(self) -> None:
        self.stack: list[int] = []  # indices into headings
        self.headings: list[Heading] = []
        self.ranks: list[float] = []  # each heading's rank (a party heading's is its list's)
        self.last: dict[str, int] = {}

    def _placement(self, kind: str, rank: float | None = None) -> tuple[int, bool]:
        """(stack depth the candidate would take, whether it is a sibling of the open one)."""
        rank = KIND_RANK[kind] if rank is None else rank
        depth = len(self.stack)
        while depth and self.ranks[self.stack[depth - 1]] >= rank:
            depth -= 1
            if self.headings[self.stack[depth]].kind == kind:
                return depth, True
        return depth, False

    def expected(self, kind: str, number: int, depth: int, sibling: bool) -> bool:
        if sibling:
            return number == self.headings[self.stack[depth]].number + 1
        # A new lower level restarts at 1, or continues the numbering of its kind across parents.
        return number == 1 or number == self.last.get(kind, 0) + 1

    def accept(
        self, kind: str, number: int, start: int, end: int, depth: int, rank: float | None = None
    ) -> None:
        del self.stack[depth:]
        parent = self.stack[-1] if self.stack else None
        self.headings.append(Heading(kind, number, start, end, depth, parent))
        self.ranks.append(KIND_RANK[kind] if rank is None else rank)
        self.stack.append(len(self.headings) - 1)
        self.last[kind] = number

    def party_heading(self, text: str, pos: int, kind: str) -> bool:
        """Take the line before the first item at ``pos`` as a department's heading when it
        ends with a title word, names one department and the list restarts (see the module
        docstring); True when it was taken."""
        end = pos
        while end > 0 and text[end - 1] in _SPACES + "\n":
            end -= 1
        tail = text[max(0, end - _TITLE_TAIL) : end].replace("\n", "")  # 目标责\n任: a wrap
        if not _TITLE_END.search(tail):
            return False
        if kind not in self.last and PARTY_HEADING not in self.last:
            return False  # a list that does not restart: the title may be the document's own
        starts = _title_starts(text, end)
        start = next((at for at in starts if heading_org(text[at:end])), -1)
        if start < 0:
            return False
        rank = KIND_RANK[kind] - 0.5
        depth, _ = self._placement(PARTY_HEADING, rank)
        before = self.headings[self.stack[depth]].number if depth < len(self.stack) else 0
        self.accept(PARTY_HEADING, before + 1, start, start, depth, rank)
        return True


def find_headings(text: str, quiet: list[tuple[int, int]] | None = None) -> list[Heading]:
    """Locate the numbered headings of ``text`` in document order.

    Parameters
    ----------
    text
        The whole document (newlines normalised to ``\\n``).
    quiet
        Sorted (start, end) spans where no heading begins (a table cell's own list).

    Returns
    -------
    list of Heading
        Accepted headings with their depth and parent index.
    """
    seq = _Sequencer()
    candidates = _CANDIDATE.finditer(text)
    for match in _outside(candidates, quiet) if quiet else candidates:
        kind, number = _candidate_number(match)
        if number == 1 and kind in _LIST_KINDS and seq.party_heading(text, match.start(), kind):
            depth, _ = seq._placement(kind)
            seq.accept(kind, number, match.start(), match.end(), depth)  # its list's first item
            continue
        depth, sibling = seq._placement(kind)
        context = _context(text, match.start())
        if " " in match.group() and context != "line" and kind != "pcn":
            continue  # 1 .房地产… is a label only at a line start
        in_sequence = seq.expected(kind, number, depth, sibling)
        if context == "line":
            # A line start is strong evidence: accept gaps and repeats (typos in real documents),
            # and a first number of its kind that is not 1 (an excerpt starting mid-sequence).
            ok = in_sequence or (sibling and number >= 1) or kind not in seq.last
        elif context == "stop":
            ok = (
                in_sequence or _skips_one(seq, kind, number, depth, sibling, text, match.start())
            ) and (kind not in _LINE_KINDS or _full_stop(text, match.start()))
        elif context == "colon":
            # …现提出如下意见：一、… in text whose breaks were lost; 1. after a colon is a list.
            # 具体安排如下： （一）… — an item after a gap where the line break was lost.
            # 工作任务：1.…（区农发局）2.… — a list whose items end with their annotations.
            ok = in_sequence and (
                kind in _COLON_KINDS
                or (kind in _SPACED_KINDS and _after_gap(text, match.start()))
                or (kind in _ANNOTATED_KINDS and number == 1 and _annotated_list(text, match))
            )
        else:
            ok = (
                in_sequence
                and kind not in _LINE_KINDS
                and (
                    _runs_on(seq, text, match.start(), kind, depth, sibling)
                    or (sibling and _after_field_value(text, match.start()))
                    or (sibling and kind in _SPACED_KINDS and _after_gap(text, match.start()))
                    or (_opens_body(seq, kind, number) and _after_gap(text, match.start()))
                )
            )
        if ok:
            seq.accept(kind, number, match.start(), match.end(), depth)
    return seq.headings


def _outside(
    matches: Iterator[re.Match[str]], spans: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """The matches that begin outside every (sorted) span."""
    k = 0
    for match in matches:
        at = match.start()
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        if k == len(spans) or at < spans[k][0]:
            yield match


def _after_field_value(text: str, pos: int) -> bool:
    """The next sibling written straight after a labelled line whose break was lost:
    ``…责任单位：市财政局二、加大住房公积金…`` or ``责任单位：A牵头，B按职责分工负责 2.在…``.

    A party label stands close before with no sentence end since, and its value ends where the
    number begins: at a space, an organ name's last character, a name the recogniser accepts
    (各区属国企4.) or a responsibility verb (…负责2.)."""
    i = pos - 1
    while i >= 0 and text[i] in _SPACES:
        i -= 1
    if i < 0:
        return False
    before = text[max(0, i + 1 - _FIELD_REACH) : i + 1]
    standing = ENDS_NOT_LISTED_AGAIN.search(before)
    if standing:  # 责任单位：A牵头，B负责落实。以下均需B落实，不再列出 2.…: the value ended before
        head = before[: standing.start()]
        cut = max(head.rfind(ch) for ch in _SENTENCE_END)
        return cut >= 0 and _after_field_value(text, i + 1 - len(before) + cut)
    colon = max(before.rfind("："), before.rfind(":"))
    if (
        colon < 0
        or _PARTY_LABEL_END.search(before, 0, colon) is None
        or any(ch in before[colon:] for ch in _SENTENCE_END + "\n")
    ):
        return False
    if i < pos - 1 or text[i] in _ORGAN_ENDS:
        return True
    last = _VALUE_PIECES.split(before[colon + 1 :])[-1]
    return _VALUE_VERB.search(last) is not None or classify(last) is not OrgKind.NONE


def _annotated_list(text: str, match: re.Match[str]) -> bool:
    """A ``1.`` after a colon opens a list of measures, not of clauses, when its ``2.`` (written
    the same way) stands straight after a closing bracket — the annotation ending item 1:
    ``工作任务：1.推广绿色生产技术。…（区农发局）2.推进…`` (``包括：1.…；2.…`` stays one
    sentence). The look-ahead is bounded, so the pass stays linear."""
    second = "2" + match.group()[-1]
    if match.group()[0] in "(（":
        second = match.group()[0] + "2" + match.group()[-1]
    limit = min(len(text), match.end() + _LIST_REACH)
    at = text.find(second, match.end(), limit)
    while at >= 0:
        i = at - 1
        while i >= 0 and text[i] in _SPACES:
            i -= 1
        if text[i] in _CLOSERS and not text[at - 1].isdigit():
            return True
        at = text.find(second, at + 1, limit)
    return False


def _skips_one(
    seq: _Sequencer, kind: str, number: int, depth: int, sibling: bool, text: str, pos: int
) -> bool:
    """A sibling one number ahead (a number missing on the page: 1. 2. 4., （六）（八）) right
    after the closing bracket that ends the previous measure's annotation."""
    if not sibling or number != seq.headings[seq.stack[depth]].number + 2:
        return False
    i = pos - 1
    while i >= 0 and text[i] in _SPACES:
        i -= 1
    return i >= 0 and text[i] in _CLOSERS


def _opens_body(seq: _Sequencer, kind: str, number: int) -> bool:
    """The first part of a text whose line breaks were lost (…普法责任清单 一、重点宣传…): a
    一、 or （一） numbered 1 while no heading is open yet."""
    return number == 1 and not seq.stack and kind in _SPACED_KINDS


def _after_gap(text: str, pos: int) -> bool:
    """A space stands where a line break was lost (…福建省广播影视集团 三、策划…): the next
    sibling of a part or item may begin there."""
    return pos > 0 and text[pos - 1] in _SPACES


def _full_stop(text: str, pos: int) -> bool:
    """The candidate follows a 。 (not a ；: ①…；②… inside one measure are its clauses)."""
    i = pos - 1
    while i >= 0 and text[i] in _SPACES:
        i -= 1
    return i >= 0 and text[i] in "。！？!?" + _CLOSERS


def _runs_on(seq: _Sequencer, text: str, pos: int, kind: str, depth: int, sibling: bool) -> bool:
    """A first child written straight after its parent's short title (one-line bodies).

    Digit labels (``一、重点任务 1.促进…``) are riskier — ``支持2、3号线`` — so they run on only
    as a 1 or after a space; a continued count (items numbered across parts) needs the space,
    or a text that lost its line breaks.
    """
    if sibling or not seq.stack or depth != len(seq.stack):
        return False
    parent = seq.headings[seq.stack[-1]]
    if pos - parent.label_end > _RUN_ON_LIMIT:
        return False
    between = text[parent.label_end : pos]
    spaced = between[-1:] in _SPACES
    if kind in ("dig", "pdig"):
        value = _candidate_value(text, pos)
        # In a text whose line breaks were lost (the parent is not at a line start either), the
        # count continued from the part before (二、放宽民企准入6.培育…) runs on too.
        continued = (
            value == seq.last.get(kind, 0) + 1 > 1 and _context(text, parent.start) != "line"
        )
        if not (spaced or value == 1 or continued) or not between.strip():
            return False
    # A title may hold a comma (纵深推进减权放权，为促进就业 1.…) when a space stands for the
    # line break the text lost before its first child, or when a part's title runs into a
    # bracketed item (一、加快完善金融体系，做大做强金融产业（一）推动…): （一） is no prose word.
    comma = spaced or (kind == "pcn" and parent.kind == "cn")
    stops = _SENTENCE_END + _CLOSERS + "\n" + ("" if comma else "，,")
    return not any(ch in between for ch in stops)


def _title_starts(text: str, pos: int) -> list[int]:
    """Where a title ending after ``pos`` may begin, farthest first: after a gap, a sentence
    end or a line that ended one (or the text's start), then after each line break on the way
    there, which may be a hard wrap inside the title (…环境与国\n土资源局…目标责任) or the end
    of a line of its own (附件\n2016年…目标责任). None when words run on from beyond reach."""
    floor = max(0, pos - _TITLE_REACH)
    breaks: list[int] = []
    at = pos
    while at > floor and text[at - 1] not in _TITLE_BOUNDARY:
        at -= 1
    while at > 0 and text[at - 1] == "\n" and text[at - 2 : at - 1] not in _TITLE_BOUNDARY:
        breaks.append(at)  # a break after a line without a stop: maybe a wrap
        at -= 1
        while at > floor and text[at - 1] not in _TITLE_BOUNDARY:
            at -= 1
    hard = at == 0 or text[at - 1] in _TITLE_BOUNDARY
    return ([at] if hard else []) + breaks[::-1]


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACES + "\n":
        at += 1
    return at


def _candidate_value(text: str, pos: int) -> int:
    match = _CANDIDATE.match(text, pos)
    return _candidate_number(match)[1] if match else 0
