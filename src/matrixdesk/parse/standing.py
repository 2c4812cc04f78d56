"""Standing statements: parties named once for every later measure.

Documents say it in many words — inside the first annotation or in the preamble:

* ``以下均需各市、县级政府负责，不再列出`` / ``以下任务均需各市落实，不再一一列出``;
* ``各项措施责任单位均包括各市〔州〕、各县〔市、区、特区〕人民政府，以下不再列出``;
* ``各县（市、区）人民政府为各项任务的责任主体，以下不再列出``;
* ``以下各项任务均由各市州人民政府负责落实`` (no 不再列出, but 以下…均);
* ``各市州人民政府负责所有任务的落实，不再单独列出``.

A sentence is a standing statement when it says the parties are not listed again (不再列出,
不再一一列明, 不另列出 …) or opens with the measures it covers and 均/都 (以下均…, 以下各项任务均…,
各项措施…均…). Its parties are the organisations it names in the subject's place: after
均需/均由/均包括 …, or before 为…责任主体 or before the verb. Every fragment there must be an
organisation (:mod:`matrixdesk.parse.orgs`); a sentence naming anything else names nobody, so prose
such as 所有企业均可申请 never makes a party.

Work is linear: one regex pass finds the markers, and each sentence is a bounded window around
one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matrixdesk.parse.orgs import OrgKind
from matrixdesk.parse.parties import CLOSERS, OPENERS, named_parties, subject_of

__all__ = ["Standing", "find_standing"]

_REACH = 160  # longest standing sentence, in characters either side of its marker
_AGAIN = (
    r"不再(?:一一|逐一|逐项|单独|重复|另行|分别)?(?:列出|列明|列举|重复|标注|注明|赘述|写明|标明|单列"
    r"|罗列|列示)|不(?:另|一一)行?(?:列出|列明)"
)
_SCOPE = (
    r"(?:以下|下列|后续|其余|其他)(?:各项|所有|全部|每项)?(?:任务|措施|工作|事项|政策|条款|内容|各条)?"
    r"(?=\s*(?:均|都|全部|一律))"
    r"|(?:各项|所有|全部|每项|每一项|以下各项|以下所有)(?:任务|措施|工作|事项|政策|条款)"
)
_MARKER = re.compile(rf"{_AGAIN}|{_SCOPE}")


def _spaced(pattern: str) -> str:
    """``pattern`` also matching its words broken by white space (不再\\n列出: a hard wrap)."""
    pattern = re.sub(r"([\u4e00-\u9fff]\??)(?=[\u4e00-\u9fff(])", r"\1\\s*", pattern)
    return re.sub(r"(\)[?*+]?)(?=[\u4e00-\u9fff(])", r"\1\\s*", pattern)


_MARKER_IN_TEXT = re.compile(_spaced(_AGAIN) + "|" + _spaced(_SCOPE))
_AGAIN_RE = re.compile(_AGAIN)
# A text ending with a standing statement's 不再列出 (the number of the next item may follow).
ENDS_NOT_LISTED_AGAIN = re.compile(rf"(?:{_AGAIN})[ \t\u3000]*$")
_STOPS = "。；;！!？?"
# What stands before the parties: the scope, a party label and 均需/均由/均包括 …
_LEAD_IN = re.compile(
    rf"(?:{_SCOPE})?(?:的|中)?(?:责任单位|责任主体|落实单位|实施主体|牵头单位|配合单位)?"
    r"(?:均|都|全部|一律)(?:需要?|须|由|要|请|应|为|包括|含|涉及|包含|有)?"
)
_AS_SUBJECT = re.compile(
    r"^(?P<names>.+?)(?:为|是|作为)(?:以下|上述|本方案|本意见)?(?:各项|所有|全部|每项)?"
    r"(?:任务|措施|工作|事项)?的?(?:责任主体|责任单位|落实主体|实施主体|落实单位|承担单位)$"
)
_TAIL_VERB = re.compile(
    r"(?:按照?职责(?:分工)?|按职能|分别|具体|共同)?"
    r"(?:负责|牵头|组织|抓好|做好|推动|统筹|配合|参与|协助|协同)*"  # 各片区配合落实
    r"(?:落实|实施|推进|执行|配合|参与|负责)?(?:到位|工作)?$"
)
_CLAUSE_CUT = re.compile(r"[，,]")
_TRAILING_WORDS = re.compile(r"[，,、]*(?:以下|下同|特此|并且|且)?[，,、]*$")


@dataclass(frozen=True)
class Standing:
    """One standing statement: where it is and the parties it names (in written order)."""

    start: int
    end: int
    names: tuple[str, ...]


def find_standing(text: str) -> list[Standing]:
    """The standing statements of ``text`` in order (offsets into ``text``).

    Parameters
    ----------
    text
        A whole document, or the content of one annotation bracket.

    Returns
    -------
    list of Standing
        One per sentence that states parties for all later measures; sentences that only look
        like one (no organisation in the subject's place) are left out.
    """
    found: list[Standing] = []
    for match in _MARKER_IN_TEXT.finditer(text):
        if found and match.start() < found[-1].end:
            continue  # a second marker of a sentence already read
        start, end = _sentence(text, match.start(), match.end())
        standing = _read(text, start, end)
        if standing is not None:
            found.append(standing)
    return found


def _sentence(text: str, at: int, after: int) -> tuple[int, int]:
    """The sentence around a marker: back to a sentence end or an opening bracket that the
    sentence is inside, on to a sentence end or the bracket's closer."""
    start, depth = at, 0
    while start > max(0, at - _REACH):
        ch = text[start - 1]
        if ch in CLOSERS:
            depth += 1
        elif ch in OPENERS:
            if depth == 0:
                break
            depth -= 1
        elif ch in _STOPS and depth == 0:
            break
        start -= 1
    end, depth = after, 0
    while end < min(len(text), after + _REACH):
        ch = text[end]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            if depth == 0:
                break
            depth -= 1
        elif ch in _STOPS and depth == 0:
            break  # not at a line end: a hard wrap may break the sentence
        end += 1
    return start, end


def _read(text: str, start: int, end: int) -> Standing | None:
    """The statement in ``text[start:end]``, trying the whole sentence and then only its last
    line (a heading line without punctuation may stand before it)."""
    sentence = text[start:end]
    tries = [sentence]
    if "\n" in sentence.rstrip():
        tries.append(sentence[sentence.rstrip().rfind("\n") + 1 :])
    for candidate in tries:
        visible = [i for i, ch in enumerate(candidate) if not ch.isspace()]
        names, at = _parties("".join(candidate[i] for i in visible))
        if names:
            offset = end - len(candidate)
            return Standing(offset + (visible[at] if at < len(visible) else 0), end, names)
    return None


def _parties(sentence: str) -> tuple[tuple[str, ...], int]:
    """The parties a standing sentence names and where its statement begins, or ((), 0).

    With 不再列出 the parties are in the sentence before it, nearest first: after a lead-in
    (以下均需 …, running on over commas to the verb), before 为…责任主体, or as the subject of
    the clause before the marker. Without it, the sentence must open a clause with the scope
    and 均 (以下各项任务均由…) or say 为…责任主体. The statement begins at that clause, so
    the parties of an annotation before it (责任单位：A，以下均需B落实…) stay the annotation's.
    """
    again = _AGAIN_RE.search(sentence)
    body = sentence[: again.start()] if again else sentence
    body = _TRAILING_WORDS.sub("", body)
    starts = [0, *(m.end() for m in _CLAUSE_CUT.finditer(body))]
    if not again:
        marker = _MARKER.search(body)
        if marker is None:
            return (), 0
        starts = [max(s for s in starts if s <= marker.start())]
    for at in reversed(starts):
        lead_in = _LEAD_IN.match(body, at)
        if lead_in and lead_in.end() > at:
            rest = _TAIL_VERB.sub("", body[lead_in.end() :]) or body[lead_in.end() :]
            return _all_organisations(rest), at
    for at in reversed(starts):
        as_subject = _AS_SUBJECT.match(_CLAUSE_CUT.split(body[at:], 1)[0])
        if as_subject:
            return _all_organisations(as_subject.group("names")), at
    if again:
        subject = subject_of(_CLAUSE_CUT.split(body[starts[-1] :], 1)[0])
        return (_all_organisations(subject[0]) if subject else ()), starts[-1]
    return (), 0


def _all_organisations(text: str) -> tuple[str, ...]:
    accepted, refused, _ = named_parties(text)
    if refused or not accepted or all(n.kind is OrgKind.PLACE for n in accepted):
        return ()
    return tuple(n.name for n in accepted)
