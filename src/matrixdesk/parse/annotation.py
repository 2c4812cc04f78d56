"""Responsibility annotations: ``（省商务厅、省农业农村厅、省邮政管理局负责）``.

An annotation is the bracket group that ends a measure paragraph and whose content ends with a
responsibility verb (负责, 牵头, 按职责分工负责, 落实 …). By long convention the first-named party
leads; when any clause says 牵头, exactly the parties named in such clauses lead. Catch-all parties
after 等 / 及 / 和 (各地区, 国务院相关部门) are kept as parties; ``A等部门`` only marks the measure
open-ended. Notes such as ``排在第一位的部门为牵头部门，下同`` are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matrixdesk.core.model import Role

_OPENERS = "(（"
_CLOSERS = ")）"
_TRAILING = " \t\n\u3000。；;，,"

_VERB = re.compile(
    r"(?:按照?职责分工负责|按职责分工落实|按职责负责|分工负责|共同负责|负责落实|牵头负责|牵头落实"
    r"|配合落实|参与|配合|负责|牵头|落实)$"
)
_NOTE = re.compile(r"第一位|首位|下同|不再列出|以下均|为牵头|列第一")
DEADLINE = re.compile(
    r"(?:完成时限[:：]?)?(?:于|在)?"
    r"(?:\d{4}年(?:\d{1,2}月)?(?:底|年底|上半年|下半年|前|以前|底前|年底前)*(?:完成|基本完成|全面完成)?"
    r"|\d{4}年起|\d{4}[-—－至]\d{4}年|持续推进|长期坚持|持续实施|长期实施|持续开展|长期推进)"
)
_STANDING = re.compile(
    r"以下(?:各项)?(?:任务|工作|措施)?(?:均需|均须|均由|均要|均)(?P<party>[^，,。；;（）()]{2,30}?)"
    r"(?:负责|落实)[，,；;]?\s*(?:不再|不另)(?:一一)?列出"
)
_GENERIC_AFTER_DENG = re.compile(
    r"(?:(?:各|其他|其它)?(?:有关|相关)?(?:部门|单位)(?:和单位|和部门|及单位)?)?"
)
_DENG = re.compile(r"(?<![高平同对优上中初])等(?!级)")
_AND = re.compile(r"[和及与]")
_COLLECTIVE_START = ("各", "有关", "相关", "其他", "其它")
_NAME_SUFFIX = re.compile(
    r"(?:部|厅|局|委|会|办|院|署|行|社|室|所|队|中心|政府|集团|公司|关|站|团|处|科)$"
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
    if not content or "。" in content or "：" in content:
        return None
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
            deadline = deadline or clause
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
        found, open_ended = party_names(names)
        annotation.open_ended |= open_ended
        named.extend((name, leads) for name in found)
    if not named:
        return None
    annotation.parties = _assign_roles(named)
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
    last = previous.rsplit("、", 1)[-1]
    return (
        previous.startswith("各")
        and len(last) <= 3
        and not _NAME_SUFFIX.search(last)
        and bool(piece)
        and not piece.startswith(("各", "省", "国", "市", "中央"))
    )


def split_and(piece: str) -> list[str]:
    """Split on 和/及/与 only where they join two parties, not inside 文化和旅游厅."""
    names, cut = [], 0
    for m in _AND.finditer(piece):
        left, right = piece[cut : m.start()].strip(), piece[m.end() :].strip()
        if not left or not right:
            continue
        joins_catch_all = right.startswith(_COLLECTIVE_START)
        joins_names = bool(_NAME_SUFFIX.search(left) and _NAME_SUFFIX.search(right))
        if joins_catch_all or joins_names:
            names.append(left)
            cut = m.end()
    names.append(piece[cut:])
    return names


def _clean(name: str) -> str:
    name = name.strip(" \t\u3000、,，;；:：")
    name = re.sub(r"等(?:部门|单位)?$", "", name).strip()
    if len(name) > 40 or any(ch in name for ch in '“”"。：:'):
        return ""
    return name
