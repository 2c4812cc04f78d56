"""Responsibility annotations: ``（省商务厅、省农业农村厅、省邮政管理局负责）`` and their kin.

An annotation names the parties responsible for a stretch of text. Its content is read clause by
clause (clauses are cut at ，；and 。 outside brackets):

* a **verb clause** ends with a responsibility verb — 负责, 牵头, 按职责分工负责, 按职责分工配合,
  会同…负责, 指导, 参与, 配合, 分别负责, 组织实施 … — and names parties before it. 牵头 (and
  主办) mark leads; 配合, 参与, 协助, 协办 mark supports; the other verbs mark duty;
* a **labelled clause** ``label：value`` with a party label (牵头单位, 配合单位, 责任单位,
  牵头考核单位, 指导部门, 主办单位, 协办单位, 实施主体 …, read by the words it contains) names
  parties; a time label (完成时限, 时间, 时限 …) gives the deadline; a label the reader does not
  know is a party label only when every name in its value is an organisation (not a set of them),
  so ``适用范围：各级政府部门`` stays text;
* **notes** (列第一位者为牵头单位，下同; 排在第一位的部门为牵头部门) — also after a 。 — scores
  (0.5分), deadlines (2021年底前, 6月底完成) and standing statements (以下均需…负责，不再列出)
  are not parties;
* an unlabelled clause without a verb continues the label before it (``牵头单位：A，B``) or, on
  its own, is a duty clause.

Every name is checked by the organisation recogniser (:mod:`matrixdesk.parse.orgs`); fragments
that are not organisations are dropped and reported in :attr:`Annotation.skipped`. A bracket is an
annotation when it names at least one party and either has a verb or a party label, or consists of
organisations alone (``（国家发展改革委、财政部）``).

Roles: parties marked as leading (牵头, 牵头单位：, ``A（牵头）``) lead, and only they;
otherwise the first party not named as a supporter leads ("列第一位的责任单位为牵头单位");
parties named only as supporters never lead, so an annotation naming only supporters has no
lead.

``（以下简称省发改委）`` after a name is not part of the name: the party keeps the full name and
the short form becomes its alias (see :attr:`Annotation.aliases`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matrixdesk.core.model import Role
from matrixdesk.parse.labels import (
    ATOM_END,
    EMBEDDED_LABEL,
    LABEL,
    label_kind,
    label_of,
    starts_field,
)
from matrixdesk.parse.orgs import OrgKind, classify
from matrixdesk.parse.parties import (
    CLOSERS,
    OPENERS,
    SCOPE_NOTE,
    Named,
    named_parties,
    predicate_role,
    split_top,
    subject_of,
)
from matrixdesk.parse.standing import find_standing

__all__ = [
    "DEADLINE",
    "Annotation",
    "final_bracket",
    "group_rules",
    "find_annotation",
    "parse_content",
    "parse_fields",
    "split_top",
    "standing_parties",
]

_TRAILING = " \t\n\u3000。；;，,."
MAX_BRACKET = 600  # longest annotation content considered

# Verb atoms that may end a party clause, possibly several (牵头负责, 按职责分工负责落实).
_VERB_ATOMS = (
    r"(?:按照?|依照?|依据|根据)?(?:各自)?职[责能](?:职责)?(?:分工)?|按分工|分工|分别|共同|具体|协同"
    r"|牵头|负责|落实|配合|参与|参加|协助|协办|主办|承办|指导|督导|督促|统筹|协调|组织|实施|推进|抓好"
    r"|做好|执行|跟进|主抓|负总责|总负责|抓"
)
_VERB = re.compile(rf"(?:{_VERB_ATOMS})+$")
_CORE_VERB = re.compile(
    r"负责|负总责|落实|牵头|配合|参与|参加|协助|协办|主办|承办|指导|督导|实施|推进|执行"
)
_LEAD_VERB = re.compile(r"牵头|主办|主抓")
_SUPPORT_VERB = re.compile(r"^(?:(?:按照?|依照?|根据)?(?:各自)?职[责能](?:分工)?|按分工|分工|协同)?"
                           r"(?:配合|参与|参加|协助|协办)+(?:落实|实施)?$")  # fmt: skip
_NOTE = re.compile(
    r"第一位|首位|下同|不再列出|以下均|为牵头|列第一|排名第一|排序第一|居首|前者为|第一个"
    r"|下列|另行|解释"
)
DEADLINE = re.compile(
    r"(?:完成时限[:：]?)?(?:于|在)?"
    r"(?:\d{4}年(?:\d{1,2}月)?(?:底|年底|上半年|下半年|前|以前|底前|年底前)*(?:完成|基本完成|全面完成)?"
    r"|\d{4}年起|\d{4}[-—－至]\d{4}年|持续推进|长期坚持|持续实施|长期实施|持续开展|长期推进)"
)
_TIME = re.compile(
    r"^(?:完成时限|时限|时间)?[:：]?(?:[0-9０-９]{4}年|[0-9０-９一二三四五六七八九十]{1,2}月|年底|年内"
    r"|每年|每季|每月|每半年|上半年|下半年|季度|长期|持续|常态化|动态|年度|[0-9０-９]{4}[-—－至~～])"
)
# 省商务厅为牵头单位 / 省财政厅是配合单位: names, then the label they are given.
_AS_LABEL = re.compile(r"^(?P<names>.{2,200}?)(?:为|是|作为)(?P<label>[\u4e00-\u9fff]{2,8})$")
# A predicate short and plain enough for its subject to be an annotation's party on its own
# (省财政厅给予经费保障), not a sentence quoted in brackets.
_SHORT_PREDICATE = re.compile(r"[\u4e00-\u9fff、]{2,16}")
# 逗号前面的为牵头单位 / 分号前为牵头部门: the parties before the first comma (or semicolon)
# lead, the others support; with 下同 the rule holds for every later annotation too.
_GROUP_RULE = re.compile(
    r"(?:逗号|分号|[，,；;])(?:之)?前(?:面|边)?(?:的|者)?(?:单位|部门)?(?:为|是)牵头"
)
_GROUP_RULE_ON = re.compile(rf"{_GROUP_RULE.pattern}[^。；;）)〕]{{0,8}}?下同")
_SCORE = re.compile(r"^[0-9０-９.．]+分$|分值|得分|扣分|计分|加分")


_DISTRIBUTIVE = re.compile(
    r"^各(?:地|市|县|区|州|镇|乡|街道|省)[^、，,]{0,8}?(?:局|厅|委|办|部门|中心|机构|站|所)$"
)
# A batch, group or phase within one list of parties (第一批：…；第二批：…).
_BATCH = re.compile(
    r"^(?:第[一二三四五六七八九十0-9０-９]{1,3}(?:批|组|阶段|轮)(?:次)?|首批|其余|剩余)\s*[:：]\s*"
)
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
# Words that end an organ's name but are no name alone (各乡镇 / 人民政府 is one name).
_SUFFIX_ONLY = re.compile(r"人民政府|政府|办公室|办公厅|委员会|管委会|管理局|领导小组|工作组")
_LATIN_LABEL = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9]{1,8}[\u4e00-\u9fff]{1,6}[:：])")
_BY = re.compile(r"(?<!自)由")
_HAS_LEVEL = re.compile(r"^(?:各|省|市|县|区|州|国家|中央|国务院|自治区|全国|中国)")
_ANY_BRACKET = re.compile(r"[(（【〔［\[)）】〕］\]]")
# Where an unbracketed field block may begin: a line start or a sentence end, then a party label.


@dataclass
class Annotation:
    """A recognised annotation: its place in the paragraph and what it assigns."""

    start: int  # offset of the opening bracket (or the first label) in the paragraph text
    end: int  # offset just after the closing bracket (or the last field)
    content: str
    parties: list[tuple[str, Role]] = field(default_factory=list)
    open_ended: bool = False
    deadline: str = ""
    aliases: dict[str, str] = field(default_factory=dict)  # party name → short form (简称)
    skipped: list[str] = field(default_factory=list)  # fragments that are not organisations
    kinds: dict[str, OrgKind] = field(default_factory=dict)
    # (party, role) as read, and how many of them came before the first ，or ；
    named: list[tuple[Named, str]] = field(default_factory=list, repr=False)
    first_group: int = 0

    def lead_first_group(self) -> None:
        """Apply the rule 逗号前面的为牵头单位: the first group leads, the others support —
        unless the annotation marks its leads itself."""
        if not self.first_group or any(role == "lead" for _, role in self.named):
            return
        first = {n.name for n, _ in self.named[: self.first_group]}
        self.parties = [
            (name, Role.LEAD if name in first else Role.SUPPORT) for name, _ in self.parties
        ]


@dataclass
class _Reading:
    """What the clauses of one annotation say, before roles are decided."""

    named: list[tuple[Named, str]] = field(default_factory=list)  # (party, lead|support|duty)
    verb: bool = False
    subject: bool = False  # a clause read as subject and short predicate (A给予经费保障)
    loose_subjects: list[Named] = field(default_factory=list)  # subjects read outside a label
    party_label: bool = False
    duty_label: bool = False  # a lead/support/duty label was read, whether or not it named anyone
    deadline: str = ""
    open_ended: bool = False
    skipped: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # values under labels the reader does not know
    first_group: int = 0  # how many of ``named`` the first clause naming parties named
    group_rule: bool = False  # the content states 逗号前面的为牵头单位


def final_bracket(text: str) -> tuple[int, int] | None:
    """(open, close+1) of the bracket group ending ``text``, matched from the end backwards."""
    end = len(text.rstrip(_TRAILING))
    if not end or text[end - 1] not in CLOSERS:
        return None
    depth = 0
    for i in range(end - 1, max(-1, end - MAX_BRACKET), -1):
        ch = text[i]
        if ch in CLOSERS:
            depth += 1
        elif ch in OPENERS:
            depth -= 1
            if depth == 0:
                return i, end
    return None


def group_rules(text: str) -> list[int]:
    """Offsets of the rule notes ``逗号前面的为牵头单位，下同`` in ``text``: from there on, the
    parties before the first comma of an annotation lead (:meth:`Annotation.lead_first_group`)."""
    found: list[int] = []
    at = text.find("牵头")  # a plain scan first: the rule is rare, 牵头 less so
    while at >= 0:
        rule = _GROUP_RULE_ON.search(text, max(0, at - 12), at + 20)
        if rule and (not found or rule.start() != found[-1]):
            found.append(rule.start())
        at = text.find("牵头", at + 2)
    return found


def standing_parties(text: str) -> list[tuple[int, str]]:
    """Standing statements (``以下均需各市、县级政府负责,不再列出`` and its kin, see
    :mod:`matrixdesk.parse.standing`) as (offset, party) pairs, one for each party named."""
    return [(found.start, name) for found in find_standing(text) for name in found.names]


def _without_standing(content: str) -> str:
    for found in reversed(find_standing(content)):
        content = content[: found.start] + content[found.end :]
    return content


def find_annotation(text: str) -> Annotation | None:
    """The responsibility annotation ending ``text`` (a measure paragraph), or None.

    Parameters
    ----------
    text
        The paragraph, without its number label.

    Returns
    -------
    Annotation or None
        None when the paragraph does not end with a bracket group naming responsible parties
        (``(冬令营)``, ``（含技工院校）`` … are text).
    """
    where = final_bracket(text)
    if where is None:
        return None
    parsed = parse_content(text[where[0] + 1 : where[1] - 1], bare_list=True)
    if parsed is not None:
        parsed.start, parsed.end = where
    return parsed


def parse_content(content: str, bare_list: bool = True) -> Annotation | None:
    """Parse the inside of an annotation bracket; None if it names no responsible party.

    ``bare_list`` allows a bracket of organisation names without verb or label.
    """
    content = content.strip()
    if not content or len(content) > MAX_BRACKET:
        return None
    reading = _read_clauses(_without_standing(content), free_text=True)
    if reading is None or not reading.named:
        return None
    if not (reading.verb or reading.party_label or (reading.subject and not reading.skipped)):
        kinds = [n.kind for n, _ in reading.named]
        if not bare_list or reading.skipped or OrgKind.ORG not in kinds or OrgKind.PLACE in kinds:
            return None
    return _annotation(content, reading)


def parse_fields(block: str, free_text: bool) -> Annotation | None:
    """Read labelled fields (责任单位：… ；完成时限：…) written as lines or in a bracket.

    Without ``free_text`` the block must begin with a party or time label (the unbracketed
    layout). None when no party is named.
    """
    reading = _read_clauses(_unwrap(block.strip()), free_text=free_text)
    if reading is None or not reading.named:
        return None
    # 责任分工：按照规划要求，A负责组织实施，B配合 — the label's value is prose; the verb clauses
    # under it name the parties.
    if not (reading.party_label or (reading.duty_label and reading.verb)):
        return None
    return _annotation(block.strip(), reading)


def _unwrap(block: str) -> str:
    """Field lines with their hard wraps joined: a line that does not begin with a label
    continues the one before (``各地(市)`` / ``金融机构`` is one name)."""
    if "\n" not in block:
        return block
    lines = block.split("\n")
    out = [lines[0].strip()]
    for line in lines[1:]:
        line = line.strip()
        if starts_field(line):
            out.append(line)
        else:
            out[-1] += line
    return "\n".join(out)


def _annotation(content: str, reading: _Reading) -> Annotation:
    annotation = Annotation(0, 0, content, deadline=reading.deadline)
    annotation.open_ended = reading.open_ended
    annotation.skipped = reading.skipped
    for named, _ in reading.named:
        if named.alias:
            annotation.aliases[named.name] = named.alias
        annotation.kinds.setdefault(named.name, named.kind)
    annotation.parties = _assign_roles(reading.named)
    annotation.named, annotation.first_group = reading.named, reading.first_group
    if reading.group_rule:
        annotation.lead_first_group()
    return annotation


def _clauses(text: str) -> list[str]:
    """Clauses cut at ，；。 and line breaks outside brackets, and before a label run on without
    a separator (``属地责任:A责任单位:B``, a field list whose line breaks were lost)."""
    found = []
    for clause in split_top(text, "，,；;。\n"):
        if not clause.strip(" \t\u3000"):
            continue
        labelled = "：" in clause or ":" in clause or "【" in clause
        cuts = [
            m.start()
            for m in (EMBEDDED_LABEL.finditer(clause, 1) if labelled else ())
            if not ATOM_END.search(clause, 0, m.start())  # not inside 牵头责任单位：
        ]
        if labelled:  # 责任单位：A、B H5解读：https://… — a page's own line run on after a name
            cuts = sorted({*cuts, *(m.start() for m in _LATIN_LABEL.finditer(clause, 1))})
        for a, b in zip([0, *cuts], [*cuts, len(clause)], strict=True):
            if clause[a:b].strip():
                found.append(clause[a:b].strip())
    return found


def _read_clauses(text: str, free_text: bool) -> _Reading | None:
    reading = _Reading()
    current = ""  # the label kind a verbless, unlabelled clause continues
    pending: list[str] = []  # verbless clauses waiting for the verb that governs them
    for index, clause in enumerate(_clauses(text)):
        if not reading.first_group and reading.named:
            reading.first_group = len(reading.named)
        clause = _BATCH.sub("", _strip_unbalanced(clause.strip(" \t\u3000")))
        if not clause:
            continue
        if " " in clause:
            clause = close_crawl_spaces(clause)
        label = LABEL.match(clause)
        if label:
            kind = label_kind(label_of(label))
            value = clause[label.end() :].strip()
            if index == 0 and not free_text and kind not in ("lead", "support", "duty", "time"):
                return None
            current = _read_labelled(reading, kind, value)
            continue
        if index == 0 and not free_text:
            return None
        as_label = _AS_LABEL.match(clause)
        if as_label and label_kind(as_label.group("label")) in ("lead", "support", "duty"):
            accepted, refused, _ = named_parties(as_label.group("names"))
            if accepted and not refused:  # 省商务厅为牵头单位, not 列第一位的为牵头单位
                _add(reading, as_label.group("names"), label_kind(as_label.group("label")), True)
                reading.party_label = True
                continue
        if "前" in clause and _GROUP_RULE.search(clause):
            reading.group_rule = True
        if (_NOTE.search(clause) and _is_note(clause)) or _SCORE.search(clause):
            continue
        if _is_time(clause):
            reading.deadline = reading.deadline or _deadline_text(clause)
            continue
        verb = _VERB.search(clause)
        if verb and _CORE_VERB.search(verb.group()):
            reading.verb = True
            role = _verb_role(verb.group())
            for waiting in pending:  # 省商务厅，省税务局牵头负责: both lead
                _add(reading, waiting, role)
            pending = []
            _add(reading, clause[: verb.start()], role)
            current = ""
        elif current in ("lead", "support", "duty"):
            _add(reading, clause, current, labelled=True)
        elif current == "":
            pending.append(clause)
    for waiting in pending:
        _add(reading, waiting, "duty")
    reading.first_group = reading.first_group or len(reading.named)
    if reading.skipped and reading.loose_subjects and not reading.duty_label:
        # Subjects read out of prose count only in a bracket that has no other prose in it
        # (【免责声明：…本站将立刻删除】 is not an annotation of 本站).
        loose = {id(n) for n in reading.loose_subjects}
        reading.named = [(n, r) for n, r in reading.named if id(n) not in loose]
        reading.subject = False
    if not reading.named and reading.unknown:
        # A label the reader does not know (督查单位：…) whose value names only organisations.
        for value in reading.unknown:
            _add(reading, value, "duty")
        reading.party_label = True
    return reading


def _is_note(clause: str) -> bool:
    """A rule note (列第一位者为牵头单位，下同), not a 下同 inside a name's own bracket
    (各县(市、区,含…,下同)人民政府 is a party)."""
    return bool(_NOTE.search(SCOPE_NOTE.sub("", clause)))


def close_crawl_spaces(clause: str) -> str:
    """A clause with the spaces a lost line break left inside words closed up (``区安监局牵 头``,
    ``各乡镇 人民政府配合``) — unless the spaces separate names (``省商务厅 省财政厅负责``): every
    part, the verb aside, is a party and none is only an organ's suffix (人民政府)."""
    verb = _VERB.search(clause)
    names = clause[: verb.start()] if verb and _CORE_VERB.search(verb.group()) else clause
    parts = names.split()
    if len(parts) > 1 and all(
        classify(part) is not OrgKind.NONE and not _SUFFIX_ONLY.fullmatch(part) for part in parts
    ):
        return clause
    return _CJK_GAP.sub("", clause)


def _strip_unbalanced(clause: str) -> str:
    """Drop an opening bracket without its closer at the start, and a closer without its
    opener at the end (a clause cut out of ``（责任单位：A；时限：B）``)."""
    if not _ANY_BRACKET.search(clause):
        return clause
    depth, low = 0, 0
    for ch in clause:
        depth += (ch in OPENERS) - (ch in CLOSERS)
        low = min(low, depth)
    while clause and clause[-1] in CLOSERS and low < 0:
        clause, low = clause[:-1], low + 1
        depth += 1
    while clause and clause[0] in OPENERS and depth > 0:
        clause, depth = clause[1:], depth - 1
    return clause.strip(" \t\u3000")


def _read_labelled(reading: _Reading, kind: str, value: str) -> str:
    """Record one ``label：value`` clause; returns the kind later bare clauses continue."""
    if kind == "time":
        reading.deadline = reading.deadline or value[:40]
        return "time"
    value = _BATCH.sub("", value)  # 试点单位：第一批：A、B；第二批：C — the batches are one list
    if kind in ("lead", "support", "duty"):
        reading.duty_label = True
    if kind == "other" or not value:
        return "other"
    verb = _VERB.search(value)
    role = kind if kind != "unknown" else "duty"
    label_role = role
    if verb and _CORE_VERB.search(verb.group()):
        verb_role = _verb_role(verb.group())
        role = verb_role if verb_role != "duty" else role
        value = value[: verb.start()]
    before = len(reading.named)
    if kind == "unknown":
        trial = _Reading()
        _add(trial, value, role)
        if trial.named and not trial.skipped and all(n.kind is OrgKind.ORG for n, _ in trial.named):
            reading.unknown.append(value)  # used only if no known label or verb names anyone
        return "other"
    _add(reading, value, role, labelled=True)
    if len(reading.named) > before:
        reading.party_label = True
    # 责任单位：A牵头，B — the verb made A lead; B, without a verb, is named under the label.
    return label_role


def _add(reading: _Reading, text: str, role: str, labelled: bool = False) -> None:
    accepted, refused, open_ended = named_parties(text)
    if refused:
        # 省财政厅给予经费保障, 市自然资源局行政审批科受理…申请: the subject is the party.
        subject = subject_of(text)
        by = _BY.search(text)
        if subject is None and by and reading.duty_label:
            # Under a party label, 二期项目由A负责实施 names A (in a bare bracket, 费用由保险公司
            # 负责 is a sentence)
            subject = subject_of(text[by.end() :]) or (text[by.end() :], "")
        found = named_parties(subject[0]) if subject else None
        if subject and found and found[0] and not found[1]:
            accepted, refused, open_ended = found
            role = predicate_role(subject[1]) if predicate_role(subject[1]) != "duty" else role
            reading.subject |= _SHORT_PREDICATE.fullmatch(subject[1]) is not None
            if not labelled:
                reading.loose_subjects.extend(accepted)
    if accepted and _DISTRIBUTIVE.match(accepted[0].name):
        # 各地(市)住建局、自然资源局、财政局: 各地(市) distributes over the list, so the later
        # names without a level of their own are sets of organs too.
        for named in accepted[1:]:
            if not _HAS_LEVEL.match(named.name):
                named.kind = OrgKind.COLLECTIVE
    reading.open_ended |= open_ended
    reading.skipped.extend(refused)
    reading.named.extend((n, "lead" if n.lead_mark else role) for n in accepted)


def _verb_role(verb: str) -> str:
    if _LEAD_VERB.search(verb):
        return "lead"
    if _SUPPORT_VERB.match(verb):
        return "support"
    return "duty"


def _is_time(clause: str) -> bool:
    return bool(DEADLINE.fullmatch(clause) or _TIME.match(clause))


_TIME_FIELD = re.compile(r"^(?:完成时限|时限|时间)[:：]?")


def _deadline_text(clause: str) -> str:
    return _TIME_FIELD.sub("", clause)[:40]


def _assign_roles(named: list[tuple[Named, str]]) -> list[tuple[str, Role]]:
    """Marked leads lead; else the first party not named as a supporter. First role wins,
    except that a later lead mark upgrades a party."""
    explicit = any(role == "lead" for _, role in named)
    first_duty = next((n.name for n, role in named if role != "support"), None)
    roles: dict[str, Role] = {}
    for party, role in named:
        leads = role == "lead" if explicit else party.name == first_duty
        new = Role.LEAD if leads else Role.SUPPORT
        if party.name not in roles or new is Role.LEAD:
            roles[party.name] = new
    return list(roles.items())


def looks_like_annotation(content: str) -> bool:
    """A bracket that reads like an annotation (it ends with a responsibility verb or carries a
    party label) — for reporting the ones whose parties were not recognised."""
    content = content.strip()
    if not content or len(content) > MAX_BRACKET:
        return False
    label = LABEL.match(content)
    if label is not None and label_kind(label_of(label)) in ("lead", "support", "duty"):
        return True
    last = _clauses(content)[-1:] if content else []
    verb = _VERB.search(last[0]) if last else None
    return bool(verb and _CORE_VERB.search(verb.group()) and verb.start() > 1)
