"""Spelling variants of one agency within one plan, and merging them on request.

Documents name the same agency in several ways: with and without its level (地方金融监管局 /
省地方金融监管局), shortened (省机场集团 / 省民航机场集团, 省发改委 / 省发展改革委) or with part of
a merged remit left out (市文旅局 / 市文旅广电局). :func:`suspected_variants` finds pairs that look
like this so the import preview can *offer* a merge; nothing is merged without the user.

Two names are suspected variants when, after taking off a level prefix (省, 市, 县, 区, 国家 …),
they end with the same character (局, 厅, 团 …) and the rest of the shorter one is found in the
longer one — as a run of characters (机场 in 民航机场), or in order from the same first character
(发改 in 发展改革) — unless what the longer one adds marks a branch (支行, 分局, 监管组 …), a
different organ. Precision comes first (a merge clicked in trust loses an organ), so these are
not suspected either: a name with a qualifier word the other lacks (县森林公安局 / 县公安局,
市消防救援支队 / 市救援支队, 稽查, 铁路, 海事, 机场 …); a unit named after its organ
(市人社局劳动监察局 / 市人社局); a place before the name at another level than the other's
(埇桥区教育体育局 / 市教育体育局 — while 示范区民政局 / 民政局 is suspected); names whose
bracketed second names differ (区农村发展局（农业处） / 区农村发展局（水利处）) or stand on one
side only. 市 of 市场 is no level (市场监管局 / 省市场监管局 is suspected). Collective parties
are not suspected on those grounds. Any two names — collective parties too — that differ
only in list punctuation are suspected: 各市县人民政府 beside 各市、县人民政府 is one party
whose 、 fell at the end of a PDF line (a reader cannot tell a lost separator from none),
市州，县市区 beside 市州、县市区 one written with another comma. Candidates are found through
an index of first characters and of character runs, and of names without their punctuation,
so the work grows with the number of departments, not with its square.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import NamedTuple

from .model import Assignment, Plan, Role
from .names import normalise

# 市 of 市场监管局 is not a level: 市场监管局 beside 省市场监管局 is the province's bureau.
_LEVEL = re.compile(r"^(?:国家|中央|国务院|自治区|省委|市委|县委|区委|省|市(?!场)|县|区|州|盟|旗)")
_SUFFIX = re.compile(
    r"(?:人民政府|政府|办公厅|办公室|委员会|管委会|领导小组|工作专班|专班|中心|集团|公司|海关"
    r"|总局|管理局|监管局|部|委|厅|局|办|署|院|行|会|社|室|队|所|站|处)$"
)
_MAX_RUN = 12  # longest character run looked up (names are short)
_BRANCH = re.compile(r"总|支行|分行|分局|支局|分署|分公司|监管组|派出|中心支|分中心|驻")
_LIST_MARKS = re.compile(r"[、，,]")  # what separates the parties of a list
# Words that make another organ of the same field: 县森林公安局 is not 县公安局, 市场监管局稽查局
# not 市场监管局. A pair where one name has such a word and the other has not is no variant.
_QUALIFIER = re.compile(
    r"森林|稽查|消防|交警|交通警察|铁路|海事|机场|港口|边防|边检|出入境|海警|武警|监狱|戒毒"
)
# A place named before the name (埇桥区教育体育局, 示范区民政局): a level, written out.
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,4}(?<!片|社|园|景|小|城|都|校|厂)(区|县|市|州|旗)$")


@dataclass(frozen=True)
class Variant:
    """Two department ids that may name one agency; ``keep`` is the suggested survivor."""

    keep: int
    merge: int


_NOTE = re.compile(r"\(([^()]{1,12})\)$")  # a second name in a bracket: 综合执法局（安监局）


class _Parts(NamedTuple):
    level: str
    core: str
    suffix: str  # the last character
    note: str  # the bracket after the name, its level taken off; "" without one
    folded: str  # the whole name, folded


def _parts(name: str) -> _Parts | None:
    """The parts of a name; None without an organ suffix."""
    folded = normalise(name)
    bracket = _NOTE.search(folded)
    note = _LEVEL.sub("", bracket.group(1)) if bracket else ""
    base = folded[: bracket.start()] if bracket else folded
    level = _LEVEL.match(base)
    rest = base[level.end() :] if level else base
    if len(rest) < 2 or not _SUFFIX.search(rest):
        return None
    return _Parts(level.group() if level else "", rest[:-1], rest[-1], note, folded)


def _in_order(short: str, long: str) -> str | None:
    """The characters of ``long`` left over when ``short`` is found in it in order, else None."""
    rest, at = [], 0
    for ch in long:
        if at < len(short) and ch == short[at]:
            at += 1
        else:
            rest.append(ch)
    return "".join(rest) if at == len(short) else None


def _alike(a: str, b: str, levels: tuple[str, str] = ("", ""), suffix: str = "") -> bool:
    """Whether cores ``a`` and ``b`` (of names at ``levels``, ending with ``suffix``) may name
    one organ."""
    (short, short_level), (long, _) = sorted(
        zip((a, b), levels, strict=True), key=lambda p: len(p[0])
    )
    if not short or _qualified(short, long, suffix):
        return False
    extra: str | None
    if short in long:
        extra = long.replace(short, "", 1)
        place = _PLACE.match(extra) if long.startswith(extra) else None
        if place:  # 示范区民政局 / 民政局 alike, 埇桥区教育体育局 / 市教育体育局 not
            return not short_level or short_level == place.group(1)
        if len(extra) > len(short):  # 监管 in 地方金融监管: a common word, not a short form
            return False
    elif short[0] == long[0]:
        extra = _in_order(short, long)
    else:
        return False
    if extra is None or _PLACE.match(extra):  # 福州市鼓楼区财政局 is not 福州市财政局
        return False
    return not _BRANCH.search(extra)


def _qualified(short: str, long: str, suffix: str) -> bool:
    """Whether ``long`` names another organ than ``short``: it holds a qualifier word that
    ``short`` lacks (县森林公安局 / 县公安局), or ``short`` as a whole name followed by a
    unit of its own (市场监管局稽查局 / 市场监管局; the doubled 局 of a typing slip,
    社会事业局局, is no unit)."""
    if set(_QUALIFIER.findall(long)) - set(_QUALIFIER.findall(short)):
        return True
    return bool(re.search(rf"{re.escape(short + suffix)}[\u4e00-\u9fff]{{2,}}", long))


def suspected_variants(plan: Plan) -> list[Variant]:
    """Pairs of departments of ``plan`` that may be spellings of one agency.

    Parameters
    ----------
    plan
        A parsed or edited plan.

    Returns
    -------
    list of Variant
        In the order of the departments; the longer name (then the one written with 、, then
        the one with more assignments, then the first) is suggested to keep.
    """
    uses: dict[int, int] = defaultdict(int)
    for a in plan.assignments:
        uses[a.department_id] += 1
    cores: dict[int, _Parts] = {}
    index: dict[tuple[str, str], set[int]] = defaultdict(set)  # (suffix, key) → departments
    for d in plan.departments:
        parts = None if d.collective else _parts(d.name)
        if parts is None:
            continue
        cores[d.id] = parts
        index[(parts.suffix, "^" + parts.core[:1])].add(d.id)
        index[(parts.suffix, "=" + parts.core)].add(d.id)
    pairs: set[tuple[int, int]] = set()
    for d_id, mine in cores.items():
        core, suffix = mine.core, mine.suffix
        candidates = set(index[(suffix, "^" + core[:1])])
        for length in range(2, min(len(core), _MAX_RUN) + 1):  # runs of this core
            for start in range(len(core) - length + 1):
                candidates |= index.get((suffix, "=" + core[start : start + length]), set())
        for other in candidates - {d_id}:
            if _variant(mine, cores[other]):
                pairs.add((min(d_id, other), max(d_id, other)))
    pairs |= _punctuation_pairs(plan)
    found = [_suggest(plan, uses, a, b) for a, b in pairs]
    order = {d.id: d.position for d in plan.departments}
    return sorted(found, key=lambda v: (min(order[v.keep], order[v.merge]), order[v.merge]))


def _variant(a: _Parts, b: _Parts) -> bool:
    """Whether two names (their parts, with one suffix) may be spellings of one organ."""
    if a.level and b.level and a.level != b.level:
        return False  # 国家税务总局 and 省税务局 are different organs
    if a.note != b.note:
        # 区农村发展局（农业处） is not 区农村发展局（水利处）; 区社会事业局（医改办） may mean
        # the office, not the bureau: a bracket on one side only is not taken for a variant.
        return False
    if a.core == b.core:
        return a.folded != b.folded  # else the same name up to folding
    return _alike(a.core, b.core, (a.level, b.level), a.suffix)


def _punctuation_pairs(plan: Plan) -> set[tuple[int, int]]:
    """Departments whose names are one name once list punctuation is taken out."""
    by_bare: dict[str, list[int]] = defaultdict(list)
    for d in plan.departments:
        folded = normalise(d.name)
        bare = _LIST_MARKS.sub("", folded)
        if len(bare) >= 2:
            by_bare[bare].append(d.id)
    pairs: set[tuple[int, int]] = set()
    for ids in by_bare.values():
        for i, a in enumerate(ids):
            pairs.update((min(a, b), max(a, b)) for b in ids[i + 1 :])
    return pairs


def _suggest(plan: Plan, uses: dict[int, int], a: int, b: int) -> Variant:
    def rank(i: int) -> tuple[int, int, int, int]:
        d = plan.department(i)
        return (len(d.name), d.name.count("、"), uses[i], -d.position)

    keep, merge = (a, b) if rank(a) >= rank(b) else (b, a)
    return Variant(keep, merge)


def merge_departments(plan: Plan, source_id: int, target_id: int) -> None:
    """Merge department ``source_id`` into ``target_id`` in ``plan`` (before it is stored).

    The source's assignments move over (where both had a role in a measure the lead wins), its
    name and aliases become aliases of the target, and it leaves the plan. Department positions
    stay contiguous; assignment positions within each measure keep their order.
    """
    if source_id == target_id:
        raise ValueError("cannot merge a department into itself")
    source, target = plan.department(source_id), plan.department(target_id)
    for alias in [source.name, *source.aliases]:
        if alias != target.name and alias not in target.aliases:
            target.aliases.append(alias)
    # Only the measures the source is in change: a preview of 10,000 measures merged 49 pairs
    # in 20 s when every assignment of every measure was copied at each merge.
    touched = {a.measure_id for a in plan.assignments if a.department_id == source_id}
    by_measure: dict[int, list[Assignment]] = defaultdict(list)
    for a in plan.assignments:
        if a.measure_id in touched:
            moved = replace(a, department_id=target_id) if a.department_id == source_id else a
            by_measure[a.measure_id].append(moved)
    merged = {m: _dedupe(rows, target_id) for m, rows in by_measure.items()}
    assignments: list[Assignment] = []
    for a in plan.assignments:
        if a.measure_id not in touched:
            assignments.append(a)
        elif a.measure_id in merged:  # the measure's rows, once, where its first row stood
            assignments.extend(merged.pop(a.measure_id))
    plan.assignments = assignments
    plan.departments = [d for d in plan.departments if d.id != source_id]
    for position, d in enumerate(plan.departments):
        d.position = position


def _dedupe(rows: list[Assignment], target_id: int) -> list[Assignment]:
    rows = sorted(rows, key=lambda a: a.position)
    mine = [a for a in rows if a.department_id == target_id]
    if len(mine) > 1:
        best = next((a for a in mine if a.role is Role.LEAD), mine[0])
        rows = [a for a in rows if a.department_id != target_id or a is best]
    return [a if a.position == i else replace(a, position=i) for i, a in enumerate(rows)]
