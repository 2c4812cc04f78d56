"""Annotations that lost their brackets: ``…项目。区经发局牵头，区交建局、环土局创新应用…``.

A task table flattened into one line by a crawler (no separator between cells or rows) leaves
each row's responsible units as a sentence of their own after the task — the leads, 牵头, then
the supporters after a comma — running straight into the next row's words. Such a sentence is an
annotation when it begins after a sentence end, every name before 牵头 is an organisation, the
region shows no bracketed or labelled annotation at all (in an ordinary text, ``省商务厅
牵头，会同…`` is prose inside a measure), and it holds three such sentences or more, one of them
naming supporters. The supporters' list ends where a name ends and other
words begin: the last piece is cut after the shortest run of characters the organisation
recogniser accepts (``广电网络分公司`` | ``创新应用…``), with an office of it written straight
after (``区办`` + ``法规处`` | ``深化…``: one party, as ``市住房城乡建设局审批科`` is).
"""

from __future__ import annotations

import re

from matrixdesk.parse.annotation import Annotation, parse_content
from matrixdesk.parse.orgs import MAX_NAME, OrgKind, classify
from matrixdesk.parse.parties import split_top

__all__ = ["name_prefix", "run_on_leads"]

# The leads: a run without sentence or clause breaks between a sentence end and 牵头.
_LEADS = re.compile(r"(?<=[。；;])[ \u3000]*(?P<leads>[^。；;，,：:\n]{2,60}?)牵头")
_ORGAN_END = "局厅委办府院部署行会社室心团关组班队站所构门位司科处口场"
_NAME_END = _ORGAN_END + ")）"
_OFFICE_END = "处科室股"
_OFFICE_MAX = 6  # 法规处, 行政审批科, 政策法规处
_LEVELS = "省市县区镇乡"
_MIN_SENTENCES = 3  # one or two such sentences are more likely prose (省商务厅牵头“多测合一”改革)


def _is_party(name: str) -> bool:
    return classify(name) not in (OrgKind.NONE, OrgKind.PLACE)


def name_prefix(piece: str) -> int:
    """Length of the shortest organisation name that begins ``piece`` (0 if none), with the
    office of it written straight after (区办法规处, 市住房城乡建设局审批科: one party)."""
    for cut in range(2, min(len(piece), MAX_NAME) + 1):
        if piece[cut - 1] in _ORGAN_END and _is_party(piece[:cut]):
            return cut + _office_after(piece, cut)
    return 0


def _office_after(piece: str, at: int) -> int:
    """Length of an office's name (法规处, 审批科) straight after a name ending at ``at``: a few
    characters with no organ word or level before its office word, 0 if none."""
    for end in range(at + 2, min(len(piece), at + _OFFICE_MAX) + 1):
        if piece[end - 1] in _ORGAN_END:
            office = piece[at:end]
            plain = piece[end - 1] in _OFFICE_END and office[0] not in _LEVELS
            return end - at if plain and classify(office) is OrgKind.ORG else 0
    return 0


def _supporters_end(source: str, at: int, end: int) -> int:
    """Where the supporters' list after ``牵头，`` starting at ``at`` ends."""
    pos = at
    while pos < end:
        nxt = min((i for i in (source.find(c, pos, end) for c in "、，,") if i >= 0), default=end)
        piece = source[pos:nxt]
        if len(piece) <= MAX_NAME and piece[-1:] in _NAME_END and _is_party(piece):
            pos = nxt + 1
            if nxt >= end or source[nxt] not in "、，,":
                return nxt
            continue
        cut = name_prefix(piece)
        return pos + cut if cut else max(at, pos - 1)
    return end


def run_on_leads(source: str, start: int, end: int) -> list[tuple[int, int, Annotation]]:
    """(start, end, annotation) of the bracketless ``A牵头，B、C`` sentences of a region."""
    found: list[tuple[int, int, Annotation]] = []
    supported = False  # some sentence names supporters after 牵头，
    for match in _LEADS.finditer(source, start, end):
        if found and match.start() < found[-1][1]:
            continue
        leads = match.group("leads")
        if not all(_is_party(n) for n in split_top(leads, "、")):
            continue
        stop = match.end()
        if source[stop : stop + 1] in ("，", ","):
            stop = _supporters_end(source, stop + 1, end)
            supported |= stop > match.end() + 1
        annotation = parse_content(source[match.start("leads") : stop].rstrip("、，,"))
        if annotation is not None and annotation.parties:
            found.append((match.start("leads"), stop, annotation))
    return found if len(found) >= _MIN_SENTENCES and supported else []
