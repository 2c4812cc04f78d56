"""Responsibility annotations: ``（省商务厅、省农业农村厅、省邮政管理局负责）``.

An annotation is the bracket group that ends a measure paragraph and whose content ends with a
responsibility verb (负责, 牵头, 按职责分工负责, 落实 …). By long convention the first-named party
leads; when any clause says 牵头, exactly the parties named in such clauses lead. Catch-all parties
after 等 / 及 / 和 (各地区, 国务院相关部门) are kept as parties; ``A等部门`` and ``A等10部门`` only
mark the measure open-ended. Notes such as ``排在第一位的部门为牵头部门，下同`` are dropped.

Task-division notices (…重点任务分工方案) label the parties instead, either in the final bracket
``（责任单位：省发展改革委、省财政厅；完成时限：2021年底前）`` or on lines of their own after the
task (``牵头单位：省商务厅；配合单位：省发展改革委、省财政厅`` / ``完成时限：2022年6月底前``).
Decisions for these fields (:func:`parse_fields`):

* 牵头单位 / 牵头部门 / 主责单位: every party named leads (several leads are allowed).
* 配合单位 / 配合部门 / 协办单位 / 协同单位 / 参与单位: every party named supports.
* 责任单位 / 责任部门 / 负责单位 / 实施单位: the first named leads and the rest support (the
  "列第一位的责任单位为牵头单位" convention) — unless a 牵头单位 field is present, in which
  case they all support. ``A牵头，B配合`` inside the value is read like an ordinary annotation.
* 完成时限 / 完成时间 / 时间节点 / 时间安排 / 时限要求 / 时限 / 时间: the deadline, verbatim
  (``持续推进``, ``2021年底前``, ``每季度``) — a labelled field needs no recognised date shape.
* ``省商务厅（牵头）`` marks that party as a lead wherever it appears.
* Other labels (责任领导, 工作目标 …) end the previous field and are ignored.

``（以下简称省发改委）`` after a name is not part of the name: the party keeps the full name and
the short form becomes its alias (see :attr:`Annotation.aliases`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matrixdesk.core.model import Role

_OPENERS = "(（"
_CLOSERS = ")）"
_TRAILING = " \t\n\u3000。；;，,"

# The verb ending a party clause. ``search`` finds the leftmost match reaching the end, so the
# longest form wins (按职责分工负责 over 负责).
_VERB = re.compile(
    r"(?:(?:按照?|依)?职[责能](?:职责)?(?:分工)?(?:负责|落实)|分工负责|分别负责|共同负责"
    r"|(?:负责|组织|督促|抓好|具体)落实|牵头负责|牵头落实|配合落实|负责组织实施|组织实施|负责实施"
    r"|参与|配合|负责|牵头|落实)$"
)
_NOTE = re.compile(r"第一位|首位|下同|不再列出|以下均|为牵头|列第一")
DEADLINE = re.compile(
    r"(?:完成时限[:：]?)?(?:于|在)?"
    r"(?:\d{4}年(?:\d{1,2}月)?(?:底|年底|上半年|下半年|前|以前|底前|年底前)*(?:完成|基本完成|全面完成)?"
    r"|\d{4}年起|\d{4}[-—－至]\d{4}年|持续推进|长期坚持|持续实施|长期实施|持续开展|长期推进)"
)
_STANDING = re.compile(
    r"以下(?:各项)?(?:任务|工作|措施)?(?:均需|均须|均由|均要|均)(?P<party>(?:[^，,。；;（）()]|[（(][^，,。；;（）()]{1,6}[)）]){2,30}?)"
    r"(?:负责|落实)[，,；;]?\s*(?:不再|不另)(?:一一)?列出"
)
_GENERIC_AFTER_DENG = re.compile(
    r"(?:(?:各|其他|其它)?(?:有关|相关)?(?:(?:[0-9０-９]{1,3}|[一二三四五六七八九十两]{1,3})[个家]?)?"
    r"(?:部门|单位)(?:和单位|和部门|及单位)?)?"
)
# 各地区各部门 / 各地各部门 written without a separator: two catch-all parties.
_COLLECTIVE_PAIR = re.compile(r"(各(?:地区|地方|地|部门|单位|级))(?=各)")
# 省发展改革委（以下简称省发改委）: the short form is an alias, not part of the name.
_ALIAS_NOTE = re.compile(
    r"[（(](?:以下简称|以下称|下称|简称)[“\"]?([^（）()“”\"]{1,20}?)[”\"]?[)）]"
)
# What continues 各市、… / 各省、…: administrative levels (县级政府, 自治区, 直辖市人民政府), not
# another organisation (各市（州）、长白山管委会 are two parties).
_LEVEL_START = re.compile(
    r"(?:县|区|乡|镇|自治区|自治州|直辖市|计划单列市|新疆生产建设兵团|州|盟|旗)"
)
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")
_LEAD_MARK = re.compile(r"[（(](?:牵头|牵头单位)[)）]$")

_LEAD_KEYS = ("牵头单位", "牵头部门", "主责单位")
_SUPPORT_KEYS = ("配合单位", "配合部门", "协办单位", "协同单位", "参与单位")
_DUTY_KEYS = ("责任单位", "责任部门", "负责单位", "实施单位")
_TIME_KEYS = ("完成时限", "完成时间", "时间节点", "时间安排", "时限要求")
_SHORT_TIME_KEYS = ("时限", "时间")  # common words: a label only at a clause boundary
_OTHER_KEYS = ("责任领导", "责任人", "工作目标", "目标任务", "进度安排", "工作措施")
_LONG_KEYS = _LEAD_KEYS + _SUPPORT_KEYS + _DUTY_KEYS + _TIME_KEYS + _OTHER_KEYS
_FIELD = re.compile(
    rf"(?P<key>{'|'.join(_LONG_KEYS)}"
    rf"|(?:^|(?<=[\s；;，,。（(]))(?:{'|'.join(_SHORT_TIME_KEYS)}))\s*[:：]"
)
# Where an unbracketed field block may begin: a line start or a sentence end, then a party or
# deadline label (not 工作目标 …, whose text stays with the task for its targets).
_BLOCK_KEYS = _LEAD_KEYS + _SUPPORT_KEYS + _DUTY_KEYS + _TIME_KEYS
_BLOCK_START = re.compile(
    rf"(?:^|(?<=[。；;]))[ \t\u3000]*[（(]?(?=(?:{'|'.join(_BLOCK_KEYS)})\s*[:：])",
    re.MULTILINE,
)
_DENG = re.compile(r"(?<![高平同对优上中初])等(?!级)")
_AND = re.compile(r"[和及与]")
_COLLECTIVE_START = ("各", "有关", "相关", "其他", "其它")
_NAME_SUFFIX = re.compile(
    r"(?:部|厅|局|委|会|办|院|署|行|社|室|所|队|中心|政府|集团|公司|关|站|团|处|科|部门|单位)$"
)


@dataclass
class Annotation:
    """A recognised annotation: its place in the paragraph and what it assigns."""

    start: int  # offset of the opening bracket in the paragraph text
    end: int  # offset just after the closing bracket
    content: str
    parties: list[tuple[str, Role]] = field(default_factory=list)
    open_ended: bool = False
    deadline: str = ""
    aliases: dict[str, str] = field(default_factory=dict)  # party name → short form (简称)


def split_top(text: str, separators: str) -> list[str]:
    """Split on ``separators`` outside brackets (names such as 各县（市、区）stay whole)."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return pieces


def final_bracket(text: str) -> tuple[int, int] | None:
    """(open, close+1) of the bracket group ending ``text``, matched from the end backwards."""
    end = len(text.rstrip(_TRAILING))
    if not end or text[end - 1] not in _CLOSERS:
        return None
    depth = 0
    for i in range(end - 1, max(-1, end - 600), -1):
        ch = text[i]
        if ch in _CLOSERS:
            depth += 1
        elif ch in _OPENERS:
            depth -= 1
            if depth == 0:
                return i, end
    return None


def standing_parties(text: str) -> list[tuple[int, str]]:
    """``以下均需各市、县级政府负责,不再列出`` statements as (offset, party) pairs."""
    return [(m.start(), m.group("party").strip()) for m in _STANDING.finditer(text)]


def find_annotation(text: str) -> Annotation | None:
    """The responsibility annotation ending ``text`` (a measure paragraph), or None.

    Parameters
    ----------
    text
        The paragraph, without its number label.

    Returns
    -------
    Annotation or None
        None when the paragraph does not end with a bracket group whose content ends with a
        responsibility verb (``(冬令营)``, ``（含技工院校）`` … are text).
    """
    where = final_bracket(text)
    if where is None:
        return None
    start, end = where
    content = text[start + 1 : end - 1].strip()
    if not content or "。" in content:
        return None
    if _FIELD.search(content):
        parsed = parse_fields(content, free_text=True)
    elif "：" in content or ":" in content:
        return None
    else:
        parsed = parse_content(content)
    if parsed is None:
        return None
    parsed.start, parsed.end = start, end
    return parsed


def parse_content(content: str) -> Annotation | None:
    """Parse the inside of an annotation bracket; None if it is not a responsibility note."""
    body = _STANDING.sub("", content)
    party_clauses: list[tuple[str, bool]] = []
    deadline, has_verb = "", False
    for clause in (c.strip() for c in split_top(body, "，,；;")):
        if not clause or _NOTE.search(clause):
            continue
        if DEADLINE.fullmatch(clause):
            deadline = deadline or re.sub(r"^完成时限[:：]?", "", clause)
            continue
        verb = _VERB.search(clause)
        has_verb = has_verb or verb is not None
        names = clause[: verb.start()] if verb else clause
        party_clauses.append((names, bool(verb and "牵头" in verb.group())))
    if not has_verb or not party_clauses or not _VERB.search(_last_party_clause(body)):
        return None
    annotation = Annotation(0, 0, content, deadline=deadline)
    named: list[tuple[str, bool]] = []
    for names, leads in party_clauses:
        named.extend(_named(annotation, names, leads))
    if not named:
        return None
    annotation.parties = _assign_roles(named)
    return annotation


def _named(annotation: Annotation, text: str, leads: bool) -> list[tuple[str, bool]]:
    """The parties of one clause with their 牵头 flag; records 简称 aliases and 等."""
    found, open_ended = party_names(text)
    annotation.open_ended |= open_ended
    named = []
    for name in found:
        marked = _LEAD_MARK.search(name)
        if marked:
            name = name[: marked.start()].strip()
        alias = _ALIAS_NOTE.search(name)
        if alias:
            name = (name[: alias.start()] + name[alias.end() :]).strip()
            annotation.aliases[name] = alias.group(1).strip()
        if name:
            named.append((name, leads or bool(marked)))
    return named


def field_block_start(raw: str) -> int | None:
    """Offset in ``raw`` (a measure paragraph with its line breaks) where unbracketed labelled
    fields begin (``牵头单位：…`` / ``责任单位：…`` on a line of its own or after a sentence end),
    or None. The block runs to the end of the paragraph and must yield at least one party."""
    for match in _BLOCK_START.finditer(raw):
        if match.end() == 0:
            continue  # the task itself must come first
        if parse_fields(raw[match.end() :], free_text=False) is not None:
            return match.end()
        return None
    return None


def parse_fields(block: str, free_text: bool) -> Annotation | None:
    """Read labelled fields (责任单位：… ；完成时限：…); see the module docstring for the rules.

    With ``free_text`` a leading unlabelled clause (``省民政厅负责；时间：持续推进``) is read as
    an ordinary annotation; without it the block must begin with a label. None when no party is
    named.
    """
    fields = list(_FIELD.finditer(block))
    if not fields:
        return None
    annotation = Annotation(0, 0, block.strip())
    lead: list[tuple[str, bool]] = []
    duty: list[tuple[str, bool]] = []
    support: list[tuple[str, bool]] = []
    head = block[: fields[0].start()].strip(_TRAILING + "（(")
    if head:
        if not free_text:
            return None
        parsed = parse_content(head)
        if parsed is None:
            return None
        annotation.open_ended |= parsed.open_ended
        annotation.aliases.update(parsed.aliases)
        annotation.deadline = parsed.deadline
        duty.extend((name, role is Role.LEAD) for name, role in parsed.parties)
    for i, match in enumerate(fields):
        end = fields[i + 1].start() if i + 1 < len(fields) else len(block)
        value = block[match.end() : end].strip(_TRAILING + "）)")
        key = match.group("key")
        if not value or key in _OTHER_KEYS:
            continue
        if key in _TIME_KEYS or key in _SHORT_TIME_KEYS:
            annotation.deadline = annotation.deadline or value[:40]
            continue
        parsed = parse_content(value) if _VERB.search(value) else None
        if parsed is not None:
            annotation.open_ended |= parsed.open_ended
            annotation.aliases.update(parsed.aliases)
            explicit = [(name, role is Role.LEAD) for name, role in parsed.parties]
        else:
            explicit = _named(annotation, value, leads=False)
        if key in _LEAD_KEYS:
            lead.extend((name, True) for name, _ in explicit)
        elif key in _SUPPORT_KEYS:
            support.extend(explicit)
        else:
            duty.extend(explicit)
    if lead:
        # With a 牵头单位 field, 责任单位 are supports unless marked （牵头）.
        named = lead + duty + support
    elif any(leads for _, leads in duty + support):
        named = duty + support
    elif duty:
        named = [(duty[0][0], True)] + [(n, False) for n, _ in duty[1:]] + support
    else:
        named = support
    if not named:
        return None
    if any(leads for _, leads in named):
        annotation.parties = _assign_roles(named)
    else:  # only 配合单位: nobody leads (a warning for the coordinator, not a guess)
        annotation.parties = [(name, Role.SUPPORT) for name in dict.fromkeys(n for n, _ in named)]
    return annotation


def _last_party_clause(body: str) -> str:
    for clause in reversed(split_top(body, "，,；;")):
        clause = clause.strip()
        if clause and not _NOTE.search(clause) and not DEADLINE.fullmatch(clause):
            return clause
    return ""


def _assign_roles(named: list[tuple[str, bool]]) -> list[tuple[str, Role]]:
    """First named leads, unless clauses say 牵头; duplicates keep their first (best) role."""
    explicit = any(leads for _, leads in named)
    roles: dict[str, Role] = {}
    for i, (name, leads) in enumerate(named):
        role = Role.LEAD if (leads if explicit else i == 0) else Role.SUPPORT
        if name not in roles or role is Role.LEAD:
            roles[name] = role
    return list(roles.items())


def party_names(text: str) -> tuple[list[str], bool]:
    """Split a clause such as ``A、B等国务院相关部门及各地区`` into party names.

    Returns the names in written order and whether the clause is open-ended (``等``).
    """
    text = re.sub(r"^(?:由|请|要由)", "", text.strip())
    text = _COLLECTIVE_PAIR.sub(r"\1、", text)
    text = text.replace("会同", "、")  # A会同B: A leads, B supports — as if listed A、B
    names: list[str] = []
    open_ended = False
    for piece in _merge_pieces(split_top(text, "、,，;；")):
        deng = _DENG.search(piece)
        if deng:
            open_ended = True
            names.extend(split_and(piece[: deng.start()]))
            rest = re.sub(r"^[和及与、]", "", piece[deng.end() :].strip())
            if not _GENERIC_AFTER_DENG.fullmatch(rest):
                names.extend(split_and(rest))
        else:
            names.extend(split_and(piece))
    return [n for n in (_clean(n) for n in names) if n], open_ended


def _merge_pieces(pieces: list[str]) -> list[str]:
    """Rejoin ``各市、县级政府`` / ``各省、自治区、直辖市人民政府`` split on 、."""
    merged: list[str] = []
    for piece in (p.strip() for p in pieces):
        if merged and _continues(merged[-1], piece):
            merged[-1] += "、" + piece
        else:
            merged.append(piece)
    return merged


def _continues(previous: str, piece: str) -> bool:
    last = _BRACKETED.sub("", previous.rsplit("、", 1)[-1])  # 各市（州）、县（市、区）政府
    return (
        previous.startswith("各")
        and len(last) <= 3
        and not _NAME_SUFFIX.search(last)
        and _LEVEL_START.match(piece) is not None
    )


def split_and(piece: str) -> list[str]:
    """Split on 和/及/与 only where they join two parties, not inside 文化和旅游厅."""
    names, cut = [], 0
    for m in _AND.finditer(piece):
        left, right = piece[cut : m.start()].strip(), piece[m.end() :].strip()
        if not left or not right:
            continue
        joins_catch_all = right.startswith(_COLLECTIVE_START)
        joins_names = bool(
            _NAME_SUFFIX.search(left) and _NAME_SUFFIX.search(right) and len(right) > 2
        )  # 有关部门和单位 is one catch-all
        if joins_catch_all or joins_names:
            names.append(left)
            cut = m.end()
    names.append(piece[cut:])
    return names


def _clean(name: str) -> str:
    name = name.strip(" \t\u3000、,，;；:：")
    name = re.sub(r"等(?:部门|单位)?$", "", name).strip()
    if len(name) > 40 or any(ch in _ALIAS_NOTE.sub("", name) for ch in '“”"。：:'):
        return ""
    return name
