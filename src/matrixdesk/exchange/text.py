"""How plan data reads in a circulated workbook: names, targets, task text, file names."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cached_property

from ..core.index import PlanIndex as CorePlanIndex
from ..core.model import Comparator, Measure, Plan, Role, Target
from ..core.numbers import display_numbers

NAME_SEPARATOR = "、"
ROLE_TEXT = {Role.LEAD: "牵头", Role.SUPPORT: "配合"}
COMPARATOR_TEXT = {Comparator.GE: "≥", Comparator.LE: "≤", Comparator.EQ: ""}
STATUS_CHOICES = ("未开始", "推进中", "已完成", "滞后")

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML
_WINDOWS_BAD = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)
}


def clean(text: str) -> str:
    """``text`` without the control characters an .xlsx file cannot hold."""
    return _ILLEGAL.sub("", text)


def number(value: float | None) -> int | float | None:
    """60.0 → 60, keeping real fractions."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def target_text(target: Target) -> str:
    """``2022年：滑雪场 ≥60座`` (no year prefix when the year is unknown)."""
    value = number(target.value)
    amount = "" if value is None else f" {COMPARATOR_TEXT[target.comparator]}{value}{target.unit}"
    prefix = f"{target.year}年：" if target.year is not None else ""
    return f"{prefix}{target.indicator}{amount}"


_ANNOTATION_TAIL = re.compile(r"[（(][^()（）]*(?:负责|牵头|配合)[^()（）]*[)）][。.；;]?$")


def task_text(measure: Measure) -> str:
    """The measure's text without its trailing responsibility annotation (the workbook has
    columns for that)."""
    text = (measure.text or measure.title).strip()
    if measure.annotation:
        body = text.rstrip("。.；;").rstrip()
        tails = [f"{o}{measure.annotation}{c}" for o, c in (("(", ")"), ("（", "）"))]
        tails.append("\n" + measure.annotation)  # 牵头单位：… lines after the task
        for tail in tails:
            if body.endswith(tail):
                text = body[: -len(tail)].rstrip()
                break
    text = _ANNOTATION_TAIL.sub("", text).rstrip()
    return text or measure.title


def heading_text(measure: Measure) -> str:
    return f"{measure.label}{measure.title}"


def document_name(plan: Plan) -> str:
    """What the workbook titles call the plan: its title, else its number, else a default."""
    return plan.info.title or plan.info.number or "重点任务"


def plan_fingerprint(plan: Plan) -> str:
    """A short stable token identifying the plan a department workbook was made from."""
    info = plan.info
    key = "|".join((info.number, info.title, info.issuer, info.date))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class PlanIndex(CorePlanIndex):
    """The plan's lookups (:class:`matrixdesk.core.index.PlanIndex`) and the texts the
    workbooks print from them."""

    @cached_property
    def numbers(self) -> dict[int, str]:
        """Measure id → its number as the document writes it, e.g. (三)2."""
        return display_numbers(self.plan.measures)

    def names_with(self, measure_id: int, role: Role) -> str:
        """Departments with ``role`` in the measure, in the written order, joined by 、."""
        return NAME_SEPARATOR.join(
            self.names[a.department_id]
            for a in self.by_measure.get(measure_id, ())
            if a.role == role and a.department_id in self.names
        )

    def targets_text(self, measure_id: int) -> str:
        return "\n".join(target_text(t) for t in self.targets.get(measure_id, ()))


def safe_file_stem(
    name: str, taken: set[str], fallback: str, *, max_units: int = 250, max_bytes: int = 250
) -> str:
    """A Windows-safe file name stem for ``name``, unique (case-insensitively) within ``taken``.

    Control and direction-override characters (which would make a name read differently from
    what it is) are dropped, the characters Windows forbids become ``_``, and the stem with any
    `` (2)`` added stays within ``max_units`` UTF-16 units (how Windows counts) and
    ``max_bytes`` UTF-8 bytes (how Linux file systems count). The chosen stem is added to
    ``taken``.
    """
    stem = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf"))
    stem = _WINDOWS_BAD.sub("_", stem).strip().rstrip(". ")
    if not stem or set(stem) <= {"_"}:
        stem = fallback
    if stem.upper().split(".")[0] in _WINDOWS_RESERVED:
        stem = f"_{stem}"
    candidate, n = _cut(stem, max_units, max_bytes), 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate = _cut(stem, max_units - len(suffix), max_bytes - len(suffix)) + suffix
        n += 1
    taken.add(candidate.casefold())
    return candidate


def _cut(text: str, max_units: int, max_bytes: int) -> str:
    """The longest start of ``text`` within both limits, without a trailing dot or space."""
    units = size = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        size += len(ch.encode("utf-8", "surrogatepass"))
        if units > max_units or size > max_bytes:
            return text[:i].rstrip(". ") or "_"
    return text
