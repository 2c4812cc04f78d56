"""Units of work: each stretch of text that carries its own responsibility annotation.

A numbered item may hold several annotations (``…。（A负责）Next sentence…。（B牵头，C配合）``),
unnumbered paragraphs under a heading may each end with their own, and a task may be followed by
labelled lines (``牵头单位：…`` / ``配合单位：…``). :func:`find_units` finds them all in one region
of the text (the body of one heading) in a single pass:

* a **bracket** is an annotation when its content names responsible parties
  (:func:`~matrixdesk.parse.annotation.parse_content`) and it stands at a clause boundary: after a
  sentence end or a line start, or before a sentence end, a line end or the end of the region. A
  bracket of organisation names without verb or label must end its line. Brackets in the middle
  of a sentence (``由省商务厅（牵头）会同…``) are text, unless the bracket is a whole annotation
  that marks a lead and a supporter (``…搬迁工程（A牵头，B等参与）2018年底前…``);
* a **field block** starts at a line start or after a sentence end with a party label and runs
  over the following labelled clauses (完成时限：…) and continuation lines, up to the first clause
  that is neither.

Each unit covers the text since the previous annotation. Brackets the parser could not read as an
annotation although they look like one are reported (:attr:`Region.skipped`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matrixdesk.core.model import Role
from matrixdesk.parse.annotation import (
    MAX_BRACKET,
    Annotation,
    looks_like_annotation,
    parse_content,
    parse_fields,
)
from matrixdesk.parse.labels import LABEL, LABEL_TEXT, label_kind, label_of, starts_field
from matrixdesk.parse.orgs import MAX_NAME, OrgKind, classify
from matrixdesk.parse.parties import CLOSERS, OPENERS
from matrixdesk.parse.runon import run_on_leads

_BRACKET_CHARS = re.compile(r"[(（【〔［\[)）】〕］\]]")
_STOPS = "。；;！!？?"
_TITLE_REACH = 30  # longest heading title a responsible list may follow directly
_SPACES = " \t\u3000\xa0\r"
_AFTER_END = "。；;，,.．、"
# A field block starts at a line start or after a sentence end, perhaps behind a number the
# numbering did not take (。2. 责任单位：… in text whose line breaks were lost).
_FIELD_START = re.compile(
    # …学法活动责任单位：… — a party label glued to the measure's last word in a one-line text
    r"(?:^|(?<=[。；;，,])|(?<=[\u4e00-\u9fff》”\"])(?=(?:责任|牵头|配合)(?:单位|部门)[:：]))"
    r"[ \t\u3000]*"
    r"(?:(?:[0-9０-９]{1,2} ?[.．、]|[（(][一二三四五六七八九十0-9０-９]{1,3}[)）])[ \t\u3000]*)?"
    rf"(?=[（(]?{LABEL_TEXT}[:：]|【[\u4e00-\u9fff]{{1,10}}】)",
    re.M,
)
# A part or item number after a gap where a line break was lost (… 二、…, … （三）…).
_NUMBER_AFTER_GAP = re.compile(
    r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"
)
# The verb that ends a party list, right before a gap where a line break was lost.
_VERB_BEFORE_GAP = re.compile(r"(?:参与|参加|配合|牵头|负责|协助|协办|承办)$")
_LAST_PIECE = re.compile(r"[^、，,：:；;\s]+$")
_FIRST_PIECE = re.compile(r"[^、，,；;。\s]+")
# A name standing alone just before a bracket: after punctuation, a number or a space.
_NAME_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,}$")
_NAME_LINE = re.compile(r"^[^。！？!?：:]{2,200}$")
# A web page's footer (主办单位：…市发展和改革局 联系方式：… / 版权所有：…) is not an annotation.
_FURNITURE = re.compile(
    r"版权所有|网站标识码|ICP备|公网安备|技术支持[:：]|网站地图|联系方式[:：]|联系电话[:：]|邮编[:：]"
    r"|电子邮箱[:：]|网站管理|主办[:：].{2,40}承办[:：]"
)


@dataclass
class Unit:
    """One annotated stretch: ``start`` where its text begins, ``end`` after its annotation."""

    start: int
    end: int
    annotation: Annotation  # start/end are offsets into the whole source
    labelled: bool = False  # written as field lines, not as a bracket


@dataclass
class Region:
    """What :func:`find_units` found in one region."""

    units: list[Unit] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (offset, bracket content)
    # Labelled fields filling the whole region with no task before them (（三）责任单位：A):
    # not a unit of its own — the annotation of the item above (see parse/parents.py).
    leading: Unit | None = None


def find_units(source: str, start: int, end: int, closing_tail: bool = False) -> Region:
    """The annotated units of ``source[start:end]`` in document order.

    Parameters
    ----------
    source
        The whole document text (newlines normalised).
    start, end
        The region: usually the body of one heading, after its number label.

    Returns
    -------
    Region
        Units with offsets into ``source``; brackets that look like annotations but name no
        party the recogniser accepts are listed in ``skipped``.
    """
    region = Region()
    taken: list[tuple[int, int, Annotation, bool]] = []
    brackets = _top_brackets(source, start, end)
    for open_at, close_at in brackets.groups:
        found = _bracket_annotation(source, open_at, close_at, start, end)
        if found is not None:
            taken.append((open_at, _swallow_stop(source, close_at, end), found, False))
        elif looks_like_annotation(_content(source, open_at, close_at)):
            region.skipped.append((open_at, _content(source, open_at, close_at)))
    if brackets.unclosed or brackets.unopened:
        taken += [
            (a, b, found, False) for a, b, found in _half_brackets(source, start, end, brackets)
        ]
    for block_start, block_end, found in _field_blocks(source, start, end, taken):
        taken.append((block_start, block_end, found, True))
    if not taken and not region.skipped:  # a flattened table's 区经发局牵头，区交建局 …
        taken = [(a, b, found, False) for a, b, found in run_on_leads(source, start, end)]
    taken.sort(key=lambda t: t[0])
    cursor = start
    for ann_start, ann_end, annotation, labelled in taken:
        if ann_start < cursor:
            continue  # inside an earlier annotation
        annotation.start, annotation.end = ann_start, ann_end
        if region.units and not _has_text(source, cursor, ann_start):
            merge_annotations(
                region.units[-1].annotation, annotation
            )  # （A负责）（B配合）: one annotation
            region.units[-1].end = ann_end
        else:
            region.units.append(Unit(_skip_space(source, cursor, ann_start), ann_end, annotation,
                                     labelled))  # fmt: skip
        cursor = ann_end
    if not region.units:
        region.leading = _leading_fields(source, start, end, closing_tail)
    return region


def _leading_fields(source: str, start: int, end: int, closing_tail: bool) -> Unit | None:
    """A field block that is the whole region (the item names only who is responsible)."""
    at = _skip_space(source, start, end)
    if at >= end or not starts_field(source[at : at + 40]):
        return None
    block_end = _block_end(source, at, end)
    if not closing_tail:
        block_end = end  # the item is its label's value, hard wraps and prose included
    tail_on_own_line = "\n" in source[block_end : _skip_space(source, block_end, end) + 1]
    if _has_text(source, block_end, end) and not tail_on_own_line:
        return None
    text = source[at:block_end]
    found = parse_fields(text, free_text=False)
    if found is None:
        return None
    found.content = "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())
    found.start, found.end = at, block_end
    return Unit(at, block_end, found, labelled=True)


@dataclass
class _Brackets:
    """The outermost bracket groups of a region, and the halves without their other half."""

    groups: list[tuple[int, int]] = field(default_factory=list)  # (open, close)
    unclosed: list[int] = field(default_factory=list)  # openers never closed
    unopened: list[int] = field(default_factory=list)  # closers never opened


def _top_brackets(source: str, start: int, end: int) -> _Brackets:
    """The outermost bracket groups; an opener never closed expires (after MAX_BRACKET or at
    the region's end), and the groups after its line are groups of their own."""
    found = _Brackets()
    stack: list[int] = []
    inner: list[tuple[int, int]] = []  # groups one level inside the outermost open one
    for match in _BRACKET_CHARS.finditer(source, start, end):
        at = match.start()
        if source[at] in OPENERS:
            if stack and at - stack[0] > MAX_BRACKET:
                _expire(source, stack[0], end, inner, found)
                stack.clear()
                inner = []
            stack.append(at)
        elif stack:
            opened = stack.pop()
            if not stack:
                found.groups.append((opened, at))
                inner = []
            elif len(stack) == 1:
                inner.append((opened, at))
        else:
            found.unopened.append(at)
    if stack:
        _expire(source, stack[0], end, inner, found)
    found.groups.sort()
    return found


def _expire(
    source: str, opened: int, end: int, inner: list[tuple[int, int]], found: _Brackets
) -> None:
    found.unclosed.append(opened)
    line_end = source.find("\n", opened, end)
    if line_end >= 0:
        found.groups += [(a, b) for a, b in inner if a > line_end]


def _half_brackets(
    source: str, start: int, end: int, brackets: _Brackets
) -> list[tuple[int, int, Annotation]]:
    """Annotations whose bracket lost a half: ``（A牵头，B配合`` running to the line end, or
    ``A负责）`` closing a sentence. They must have a verb or a label (a bare list of names
    could be anything) and stand where an annotation stands."""
    found = []
    for opened in brackets.unclosed:
        line_end = source.find("\n", opened, end)
        line_end = end if line_end < 0 else line_end
        content = source[opened + 1 : line_end].rstrip(" \t\u3000。；;")
        if _BRACKET_CHARS.search(content) or _char_before(source, opened, start) not in (
            "\n" + _STOPS + CLOSERS
        ):
            continue
        annotation = parse_content(content, bare_list=False)
        if annotation is not None:
            found.append((opened, line_end, annotation))
    for closed in brackets.unopened:
        if not _ends_line(source, closed + 1, end):
            continue
        line_start = max(start, source.rfind("\n", start, closed) + 1)
        stops = [source.rfind(ch, line_start, closed) for ch in _STOPS]
        begin = _skip_space(source, max([line_start - 1, *stops]) + 1, closed)
        content = source[begin:closed]
        if not content or _BRACKET_CHARS.search(content):
            continue
        annotation = parse_content(content, bare_list=False)
        if annotation is not None:
            found.append((begin, _swallow_stop(source, closed, end), annotation))
    return found


def _content(source: str, open_at: int, close_at: int) -> str:
    return "".join(line.strip() for line in source[open_at + 1 : close_at].split("\n"))


def _bracket_annotation(
    source: str, open_at: int, close_at: int, start: int, end: int
) -> Annotation | None:
    if close_at - open_at > MAX_BRACKET:
        return None
    before = _char_before(source, open_at, start)
    ends_line = _ends_line(source, close_at + 1, end)
    after = _char_after(source, close_at + 1, end)
    at_boundary = ends_line or before in "\n" + _STOPS + CLOSERS or after in _STOPS
    if not at_boundary:
        return _mid_paragraph(_content(source, open_at, close_at))
    # A bare list of names ends its line after a sentence: 国家新闻出版署（国家版权局） is a name.
    # Or it follows the heading's short title: （一）加快发展冰雪经济（省体育局、省文旅厅）。…
    # But a bracket straight after a name is the name's: 区农村发展局（农业处）.
    bare_list = (ends_line and _visible_before(source, open_at, start) in _STOPS + CLOSERS) or (
        after in "。\n"
        and _after_title(source, start, open_at)
        and not _after_name(source, start, open_at)
    )
    return parse_content(_content(source, open_at, close_at), bare_list=bare_list)


def _after_name(source: str, start: int, at: int) -> bool:
    """The text before ``at`` ends with an organisation's name standing alone (after
    punctuation or a number): ``4.粮食生产科技水平(3分)区农村发展局`` before ``（农业处）``."""
    run = _NAME_BEFORE.search(source, max(start, at - MAX_NAME), at)
    return run is not None and classify(run.group()) is OrgKind.ORG


def _mid_paragraph(content: str) -> Annotation | None:
    """A bracket inside a paragraph (``…搬迁工程（A牵头，B等参与）2018年底前…``) is an annotation
    of its own only when it is a whole one: a party marked lead and another marked supporting,
    nothing in it unread. ``由省商务厅（牵头）会同…`` and names in brackets stay text."""
    found = parse_content(content, bare_list=False)
    if found is None or found.skipped:
        return None
    roles = {role for _, role in found.parties}
    return found if {Role.LEAD, Role.SUPPORT} <= roles else None


def _after_title(source: str, start: int, open_at: int) -> bool:
    """The bracket closes the short title the region begins with (no sentence end before it)."""
    title = source[start:open_at].strip()
    return 2 <= len(title) <= _TITLE_REACH and not any(ch in title for ch in _STOPS + "\n，,")


def _visible_before(source: str, at: int, start: int) -> str:
    i = at - 1
    while i >= start and source[i] in _SPACES + "\n":
        i -= 1
    return source[i] if i >= start else ""


def _char_before(source: str, at: int, start: int) -> str:
    i = at - 1
    while i >= start and source[i] in _SPACES:
        i -= 1
    return source[i] if i >= start else "\n"


def _char_after(source: str, at: int, end: int) -> str:
    while at < end and source[at] in _SPACES:
        at += 1
    return source[at] if at < end else "\n"


def _ends_line(source: str, at: int, end: int) -> bool:
    """Nothing but punctuation and spaces between ``at`` and the line end (or region end)."""
    while at < end and (source[at] in _SPACES or source[at] in _AFTER_END):
        at += 1
    return at >= end or source[at] == "\n"


def _swallow_stop(source: str, close_at: int, end: int) -> int:
    """The unit ends after the bracket and a sentence end written right after it."""
    at = close_at + 1
    if at < end and source[at] in _STOPS + "．.":
        at += 1
    return at


def _has_text(source: str, start: int, end: int) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or ch.isalnum() for ch in source[start:end])


def _skip_space(source: str, at: int, limit: int) -> int:
    while at < limit and (source[at] in _SPACES or source[at] == "\n"):
        at += 1
    return at


def merge_annotations(into: Annotation, extra: Annotation) -> None:
    """Add ``extra``'s parties (those not already named), notes and aliases to ``into``."""
    known = {name for name, _ in into.parties}
    into.parties += [(n, r) for n, r in extra.parties if n not in known]
    into.content = f"{into.content}；{extra.content}"
    into.open_ended |= extra.open_ended
    into.deadline = into.deadline or extra.deadline
    into.aliases.update(extra.aliases)
    into.kinds.update(extra.kinds)
    into.end = extra.end


# -- field blocks ----------------------------------------------------------------------------


def _field_blocks(
    source: str, start: int, end: int, brackets: list[tuple[int, int, Annotation, bool]]
) -> list[tuple[int, int, Annotation]]:
    blocks: list[tuple[int, int, Annotation]] = []
    covered = [(a, b) for a, b, _, _ in brackets]
    reached = start
    for match in _FIELD_START.finditer(source, start, end):
        at = match.end()
        if at < reached or at == start or any(a <= at < b for a, b in covered):
            continue
        if not starts_field(source[at : at + 40]):
            continue
        if _char_before(source, match.start() + 1, start) in "，," and not _party_label_at(
            source, at
        ):
            continue  # after a comma only a party label (…研讨活动，责任单位：A牵头) begins a block
        block_end = _block_end(source, at, end)
        reached = block_end  # a block that names nobody has no later part that does
        text = source[at:block_end]
        if _FURNITURE.search(source, at, _footer_reach(source, block_end, end)):
            continue  # 主办单位：… 版权所有：… — a web page's footer, not an annotation
        found = parse_fields(text, free_text=False)
        if found is None:
            continue
        found.content = "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())
        blocks.append((at, block_end, found))
    return blocks


def _party_label_at(source: str, at: int) -> bool:
    label = LABEL.match(source, at, at + 40)
    return label is not None and label_kind(label_of(label)) in ("lead", "support", "duty")


def _footer_reach(source: str, block_end: int, end: int) -> int:
    """How far after a field block a footer line still tells that the block is the page's
    footer: two lines, but not into a line that begins a field block of its own (the
    annotation of a page's last task, then 发布, then the footer's 主办单位：…)."""
    reach = _lines_after(source, block_end, end, 2)
    line = source.find("\n", block_end, reach)
    while line >= 0:
        if starts_field(source[line + 1 : line + 41]):
            return line
        line = source.find("\n", line + 1, reach)
    return reach


def _lines_after(source: str, at: int, end: int, count: int) -> int:
    """The offset ``count`` line ends after ``at`` (or ``end``)."""
    for _ in range(count + 1):
        nxt = source.find("\n", at + 1, end)
        if nxt < 0:
            return end
        at = nxt
    return at


def _block_end(source: str, at: int, end: int) -> int:
    """Where a field block starting at ``at`` ends: after the last labelled clause or
    continuation line, before the first clause that is neither."""
    pos = at
    while pos < end:
        stop = _next_break(source, pos, end)
        pos = stop
        if pos >= end:
            return end
        following = _skip_space(source, pos + 1, end)
        if following >= end:
            return end
        nxt = source[following : following + 40]
        if starts_field(nxt):
            pos = following
            continue
        if source[pos] == "\n" and _continues_names(source, pos, following, end):
            pos = following
            continue
        return pos + (1 if source[pos] in _STOPS else 0)
    return end


def _next_break(source: str, pos: int, end: int) -> int:
    """The next 。 or line break at bracket depth 0 from ``pos``."""
    depth = 0
    while pos < end:
        ch = source[pos]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif ch == "\n" or (ch in "。！？!?" and depth == 0):
            return pos
        elif ch in _SPACES and depth == 0 and _NUMBER_AFTER_GAP.match(source, pos + 1, end):
            return pos  # …平潭旅游行业协会 二、优化…: a number after a gap begins the next part
        elif ch in _SPACES and depth == 0 and _VERB_BEFORE_GAP.search(source, max(0, pos - 2), pos):
            return pos  # …B、C等参与 结合城市…: a gap after the list's verb ends the value
        pos += 1
    return end


def _continues_names(source: str, newline: int, following: int, end: int) -> bool:
    """A hard-wrapped value: the line before ends with 、，, a name is cut by the wrap
    (市国有房产管理中 / 心), or the next line is only names."""
    if source[newline - 1 : newline].strip() and source[newline - 1] in "、，,":
        return True
    line_end = source.find("\n", following, end)
    line = source[following : line_end if line_end >= 0 else end].strip().rstrip("。；;")
    head = _LAST_PIECE.search(source, max(0, newline - MAX_NAME), newline)
    tail = _FIRST_PIECE.match(line)
    if head and tail and OrgKind.NONE in (classify(head.group()), classify(tail.group())):
        # 市国有房产管理中 / 心, 人民银行宿州市中心支 / 行: a name cut by the wrap
        if classify(head.group() + tail.group()) is not OrgKind.NONE:
            return True
    if not _NAME_LINE.match(line):
        return False
    names = [n for n in re.split(r"[、，,；;]", line) if n.strip()]
    return bool(names) and all(classify(n) is not OrgKind.NONE for n in names)
