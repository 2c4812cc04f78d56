"""Splitting one clause of an annotation into the parties it names.

``A、B等国务院相关部门及各地区`` → A, B, 国务院相关部门, 各地区 (open-ended). The separators are
、，；outside brackets (各县（市、区）stays whole), 会同 (``A会同B`` lists A then B) and 和/及/与
where they join two parties — never inside 文化和旅游厅 or 有关部门和单位, which the organisation
recogniser (:mod:`matrixdesk.parse.orgs`) tells apart. Two complete names written with nothing
between them (``综合执法局（安监局）规划局``, a 、 lost on the page) are two parties
(:func:`~matrixdesk.parse.orgs.split_glued`). ``A等部门`` and ``A等10部门`` mark the
clause open-ended; a catch-all after 等 (国务院相关部门) is kept as a party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from matrixdesk.parse.orgs import MAX_NAME, OrgKind, classify, split_glued, starts_clause

OPENERS = "(（【〔［["
CLOSERS = ")）】〕］]"
_OPENER = re.compile(f"[{re.escape(OPENERS)}]")
_BRACKET = re.compile(f"[{re.escape(OPENERS + CLOSERS)}]")

# What after 等 names no body, only the kind of the parties listed (等部门, 等有关单位, 等10个部门;
# 等处室 / 等相关科室: the offices of one body): the list is open-ended, nothing more is a party.
_GENERIC_AFTER_DENG = re.compile(
    r"(?:(?:各|其他|其它)?(?:有关|相关)?(?:(?:[0-9０-９]{1,3}|[一二三四五六七八九十两]{1,3})[个家]?)?"
    r"(?:部门|单位|地区|机构|处室|科室)?(?:和单位|和部门|及单位)?)?"
)
# 各地区各部门 / 各地各部门 written without a separator: two catch-all parties.
_COLLECTIVE_PAIR = re.compile(r"(各(?:地区|地方|地|部门|单位|级))(?=各)")
# 省发展改革委（以下简称省发改委）: the short form is an alias, not part of the name.
ALIAS_NOTE = re.compile(
    r"[（(](?:以下简称|以下称|下称|简称)[“\"]?([^（）()“”\"]{1,20}?)[”\"]?[)）]"
)
# What continues 各市、… / 各省、…: administrative levels (县级政府, 自治区, 直辖市人民政府), not
# another organisation (各市（州）、长白山管委会 are two parties).
_LEVEL_START = re.compile(
    r"各?(?:县|区|乡|镇|自治区|自治州|直辖市|计划单列市|新疆生产建设兵团|州|盟|旗|园区|开发区|街道)"
)
_BRACKETED = re.compile(r"[（(〔][^（）()〔〕]*[)）〕]")
# A piece that is only administrative levels (市州, 各市（州）, 省市): 市州、县市区人民政府 is one
# party, the governments of those levels.
_LEVELS_ONLY = re.compile(r"^各?[省市州县区盟旗乡镇级]{1,4}$")
_LEAD_MARK = re.compile(r"[（(](?:牵头|牵头单位|牵头部门|主办|主责)[)）]$|(?<=[^\s])牵头$")
_DENG = re.compile(r"(?<![高平同对优上中初])等(?!级)")
_AND = re.compile(r"[和及与]|以及")
_LEADING_AND = re.compile(r"^[和及与、]")
_COLLECTIVE_START = ("各", "有关", "相关", "其他", "其它")
_NAME_SUFFIX = re.compile(
    r"(?:部|厅|局|委|会|办|院|署|行|社|室|所|队|中心|政府|集团|公司|关|站|团|处|科|部门|单位)$"
)
_TRAILING_DENG = re.compile(r"等(?:部门|单位)?$")
_ALTERNATIVE = re.compile(r"[（(](?:或|或者)([^（）()、，,]{2,20})[)）]")
_LEADING = re.compile(r"^(?:由|请|要由|均由|分别由|并由|其中)")
# A note in brackets after a name: a score, a date, a person or a label (省商务厅（3分）,
# 省商务厅（牵头领导：张三）). The name is the party; the note is not part of it.
_NAME_NOTE = re.compile(
    r"[（(〔][^（）()〔〕]*(?:[0-9０-９]|[:：]|领导|负责人|联系人|责任人|同志|分管|年底|月底|持续)"
    r"[^（）()〔〕]*[)）〕]$"
)
# 各县(市、区,含达州高新区,下同)人民政府: a note after a comma inside a name's bracket says what
# the name covers (含…, 不含…, 下同); it is not part of the name.
SCOPE_NOTE = re.compile(r"[,，；;](?:含|包含|包括|不含|不包括|下同|以下)[^（）()〔〕]*(?=[)）〕])")
# Where a clause's predicate may begin after its subject (市自然资源局行政审批科|受理…申请,
# 省财政厅|给予经费保障, 市房管中心、市发改委| 在市政务服务中心设立…): a space or a verb or
# preposition that opens a predicate.
_PREDICATE = re.compile(
    r"\s+|(?:按照?|依照?|根据)?(?:各自)?职[责能]|负责|牵头|配合|参与|协助|协办|主办|承办|具体|受理|办理"
    r"|审核|审查|审批|审定|出具|核发|发放|收件|初审|发证|设立|建立|制定|出台|给予|提供|安排|保障"
    r"|加强|做好|抓好|开展|推进|推动|组织|督促|指导|协调|落实|实施|统筹|研究|会同|联合|委托|予以"
    r"|加大|完善|优化|共同|分别|会商|报送|汇总|监测|监督|督导|检查|评估|宣传|培训|引导|支持|鼓励"
    r"|确保|积极|进一步|全力|主动|及时|定期|依法|结合|业务|做|抓|在|对|向|将|应|要|为|是|作为|把|从"
)
_ORGAN_END = "局厅委办府院部署行会社室心团关组班队站所构门位科处口司"
_PREDICATE_LEAD = re.compile(r"^(?:为|是|作为|负责)?(?:牵头|主办|主抓)")
_PREDICATE_SUPPORT = re.compile(
    r"^(?:为|是|作为|负责)?(?:(?:按照?|依照?|根据)?(?:各自)?职[责能](?:分工)?)?(?:配合|协办|协助|参与)"
)
# 广州、深圳市政府: a place written without its suffix before one written with it shares it.
_PLACE_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:市|县|区|州|盟|旗)(?:人民政府|政府)?$")
_BARE_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# The administration of a part of a place: 澳前片区开发管理局, 潭城镇人民政府, 金井湾园区管委会,
# 流水片区项目建设指挥部.
_AREA_HEAD = re.compile(
    r"^[\u4e00-\u9fff]{2,4}?(?:片区|园区|开发区|新区|镇|乡|街道)[\u4e00-\u9fff]{0,8}"
    r"(?:管理局|管委会|管理委员会|人民政府|政府|办事处|指挥部)$"
)


@dataclass
class Named:
    """One party as written in a clause, with what the recogniser made of it."""

    name: str
    kind: OrgKind
    lead_mark: bool = False  # 省商务厅（牵头）
    alias: str = ""  # the 以下简称 short form


@lru_cache(maxsize=16)
def _splitter(separators: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(separators)}]")


def split_top(text: str, separators: str) -> list[str]:
    """Split on ``separators`` outside brackets (names such as 各县（市、区）stay whole)."""
    if not _OPENER.search(text):
        return _splitter(separators).split(text)
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces


def party_names(text: str) -> tuple[list[str], bool]:
    """Split a clause such as ``A、B等国务院相关部门及各地区`` into party names.

    Returns the names in written order and whether the clause is open-ended (``等``). Nothing is
    refused here: :func:`named_parties` asks the recogniser.
    """
    text = _LEADING.sub("", text.strip())
    if "各" in text:  # a substring test is far cheaper than a regex pass over every clause
        text = _COLLECTIVE_PAIR.sub(r"\1、", text)
    if "或" in text:
        text = _ALTERNATIVE.sub(r"、\1", text)  # A（或B）: B is a party too
    names: list[str] = []
    open_ended = False
    for piece in _merge_pieces(split_top(text, "、,，;；/／")):
        deng = _DENG.search(piece)
        if deng:
            open_ended = True
            names.extend(split_and(piece[: deng.start()]))
            rest = _LEADING_AND.sub("", piece[deng.end() :].strip())
            if not _GENERIC_AFTER_DENG.fullmatch(rest):
                names.extend(split_and(rest))
        else:
            names.extend(split_and(piece))
    return [n for n in (_clean(n) for n in names) if n], open_ended


def named_parties(text: str) -> tuple[list[Named], list[str], bool]:
    """The parties of one clause: (accepted, refused fragments, open-ended).

    Parties written before 会同 lead (``A、B会同C负责``: A and B lead, C supports).
    """
    pieces = split_top(text, "会") if "会同" in text else [text]
    if len(pieces) > 1 and all(p.startswith("同") for p in pieces[1:2]):
        head = pieces[0]
        rest = "会".join(pieces[1:])[1:]
        leading, refused, open_ended = named_parties(head)
        for named in leading:
            named.lead_mark = True
        others, more_refused, more_open = named_parties(rest)
        return leading + others, refused + more_refused, open_ended or more_open
    found, open_ended = party_names(text)
    found = [part for raw in found for spaced in _split_spaces(raw) for part in split_glued(spaced)]
    named: list[tuple[str, Named]] = []
    for raw in found:
        name, alias, marked = _read_name(raw)
        kind = classify(name) if name else OrgKind.NONE
        named.append((raw, Named(name, kind, marked, alias)))
    _shared_place_suffix([n for _, n in named])
    accepted = [n for _, n in named if n.kind is not OrgKind.NONE]
    refused = [raw for raw, n in named if n.kind is OrgKind.NONE]
    return accepted, refused, open_ended


def _read_name(raw: str) -> tuple[str, str, bool]:
    """(name, alias, lead mark) of one party as written (``raw`` is stripped): its notes in
    brackets, its 以下简称 alias and its 牵头 mark taken off."""
    if not _BRACKET.search(raw) and not raw.endswith("牵头"):
        return raw, "", False  # every note and mark needs a bracket or ends with 牵头
    name, alias = raw, ""
    note = ALIAS_NOTE.search(name)
    if note:
        name = (name[: note.start()] + name[note.end() :]).strip()
        alias = note.group(1).strip()
    if "，" in name or "," in name:
        name = SCOPE_NOTE.sub("", name)
    name = _NAME_NOTE.sub("", name).strip() or name
    marked = _LEAD_MARK.search(name)
    if marked:
        name = name[: marked.start()].strip()
    name = _NAME_NOTE.sub("", name).strip() or name  # 省商务厅（3分）（牵头）
    return name, alias, marked is not None


def _split_spaces(name: str) -> list[str]:
    """``省商务厅 省财政厅`` (names separated by a space only) → two names, when every part is a
    party on its own; otherwise the name as written."""
    parts = name.split()
    if len(parts) < 2 or any(classify(p) is OrgKind.NONE for p in parts):
        return [name]
    return parts


def _shared_place_suffix(named: list[Named]) -> None:
    """``广州、深圳市政府分别负责``: places written bare before one written with its suffix
    stand for their governments too (one party per place, as written). So do places before
    the administration of one of their parts (``金井、澳前片区开发管理局``, ``东、西城街道办``)."""
    for i, item in enumerate(named):
        if item.kind is OrgKind.NONE or not (
            _PLACE_HEAD.match(item.name) or _AREA_HEAD.match(item.name)
        ):
            continue
        j = i - 1
        while j >= 0 and named[j].kind is OrgKind.NONE and _BARE_PLACE.match(named[j].name):
            if starts_clause(named[j].name):
                break
            j -= 1
        for before in named[j + 1 : i]:
            before.kind = OrgKind.PLACE


def subject_of(clause: str) -> tuple[str, str] | None:
    """(subject, predicate) of a clause that opens with the parties doing something:
    ``市自然资源局行政审批科受理…申请`` → (市自然资源局行政审批科, 受理…申请). The subject is
    the shortest run of organisation names (joined by 、) that ends where a predicate begins;
    None when the clause does not open so."""
    text = _LEADING.sub("", clause.strip())
    for match in _PREDICATE.finditer(text, 2, min(len(text), 3 * MAX_NAME)):
        cut = match.start()
        if text[cut - 1] not in _ORGAN_END:
            continue
        subject = text[:cut].strip()
        names = split_top(subject, "、")
        if all(classify(n) is not OrgKind.NONE for n in names) and any(
            classify(n) is not OrgKind.PLACE for n in names
        ):
            predicate = text[cut:].strip()
            if not predicate or ":" in predicate or "：" in predicate:
                return None  # 主办：A承办：B is two labels, not A doing something
            return subject, predicate
    return None


def predicate_role(predicate: str) -> str:
    """The role a predicate gives its subject: lead (牵头…), support (配合…) or duty."""
    if _PREDICATE_LEAD.match(predicate):
        return "lead"
    if _PREDICATE_SUPPORT.match(predicate):
        return "support"
    return "duty"


def _merge_pieces(pieces: list[str]) -> list[str]:
    """Rejoin ``各市、县级政府`` / ``各省、自治区、直辖市人民政府`` split on 、."""
    merged: list[str] = []
    for piece in (p.strip() for p in pieces):
        if merged and len(merged[-1]) < MAX_NAME and _continues(merged[-1], piece):
            merged[-1] += "、" + piece
        else:
            merged.append(piece)
    return merged


def _continues(previous: str, piece: str) -> bool:
    last = _BRACKETED.sub("", previous.rsplit("、", 1)[-1])  # 各市（州）、县（市、区）政府
    if _LEVEL_START.match(piece) is None:
        return False
    if _LEVELS_ONLY.match(last):
        return True
    return previous.startswith("各") and len(last) <= 3 and not _NAME_SUFFIX.search(last)


def split_and(piece: str) -> list[str]:
    """Split on 和/及/与 only where they join two parties, not inside 文化和旅游厅."""
    if len(piece) > 3 * MAX_NAME:
        return [piece]  # a clause, not a list of names: left whole (and refused later)
    names, cut = [], 0
    for m in _AND.finditer(piece):
        left, right = piece[cut : m.start()].strip(), piece[m.end() :].strip()
        if not left or not right:
            continue
        joins_catch_all = right.startswith(_COLLECTIVE_START) and classify(left) is not OrgKind.NONE
        joins_names = (
            classify(left) is not OrgKind.NONE
            and classify(right) is not OrgKind.NONE
            and len(right) > 2
            and not right.startswith(("单位", "部门"))  # 有关部门和单位 is one catch-all
        )
        if joins_catch_all or joins_names:
            names.append(left)
            cut = m.end()
    names.append(piece[cut:])
    return names


def _clean(name: str) -> str:
    name = name.strip(" \t\n\u3000、,，;；:：")
    name = _TRAILING_DENG.sub("", name).strip()
    return name
