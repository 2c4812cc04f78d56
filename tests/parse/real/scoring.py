"""Scoring the parser on the real-document corpus (``INDEX.toml``, ``docs/``, ``truth/``).

Each truth file lists the document's annotated units (written by reading the document): an
``anchor`` (a verbatim snippet of the unit's own text), its ``parties`` in written order, its
``leads`` and its ``collective`` parties. The parser's units are the plan's measures that carry
assignments. An expected unit is matched to the first unused parsed measure whose text holds the
anchor (white space ignored, NFKC-folded, so PDF line breaks and full-width forms do not matter;
the measure's number as written, ``三、``, counts as the start of its text);
measures with assignments are preferred over bare headings that quote the same words.

Per document:

* ``found``: expected units matched to a measure that has at least one party;
* precision / recall / F1 over (unit, party) pairs — a party of a measure that matches no expected
  unit is a false positive, a party of an unmatched expected unit a miss;
* ``leads``: expected units (with a lead) whose parsed leads are exactly the expected ones;
* ``collective``: correctly found parties whose collective flag agrees with the truth.

Run ``uv run python tests/parse/real/scoring.py [-v] [--root DIR] [ID ...]`` for the whole table.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
INDEX = HERE / "INDEX.toml"


def compact(text: str) -> str:
    """NFKC-folded text without white space (how anchors and names are compared)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class Unit:
    """One annotated unit: what the truth expects or what the parser found."""

    text: str  # compacted: the anchor (expected) or the measure's text (parsed)
    parties: tuple[str, ...]  # compacted names, in order
    leads: frozenset[str]
    collective: frozenset[str]
    label: str = ""


@dataclass
class DocScore:
    """The figures of one document."""

    id: str
    subset: str
    expected: int = 0
    found: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    lead_ok: int = 0
    lead_total: int = 0
    collective_ok: int = 0
    collective_total: int = 0
    error: str = ""
    misses: list[str] = field(default_factory=list)  # human-readable differences

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def lead_accuracy(self) -> float:
        return self.lead_ok / self.lead_total if self.lead_total else 1.0

    @property
    def collective_accuracy(self) -> float:
        return self.collective_ok / self.collective_total if self.collective_total else 1.0


def load_index(index: Path = INDEX) -> list[dict]:
    """The corpus entries of ``INDEX.toml`` in file order."""
    return tomllib.loads(index.read_text("utf-8"))["document"]


def expected_units(truth: dict) -> list[Unit]:
    return [
        Unit(
            compact(u["anchor"]),
            tuple(compact(p) for p in u["parties"]),
            frozenset(compact(p) for p in u.get("leads", [])),
            frozenset(compact(p) for p in u.get("collective", [])),
            u.get("n", ""),
        )
        for u in truth["units"]
    ]


def parsed_units(plan) -> list[Unit]:
    """Every measure of ``plan`` as a unit (measures without assignments have no parties)."""
    from matrixdesk.core.model import Role

    departments = {d.id: d for d in plan.departments}
    by_measure: dict[int, list] = {}
    for a in plan.assignments:
        by_measure.setdefault(a.measure_id, []).append(a)
    units = []
    for m in plan.measures:
        rows = sorted(by_measure.get(m.id, []), key=lambda a: a.position)
        names = tuple(compact(departments[a.department_id].name) for a in rows)
        leads = frozenset(
            compact(departments[a.department_id].name) for a in rows if a.role == Role.LEAD
        )
        collective = frozenset(
            compact(departments[a.department_id].name)
            for a in rows
            if departments[a.department_id].collective
        )
        # The measure's number as written starts its text: an anchor may begin with it
        # (三、水岸联动…), as a reader sees the unit.
        units.append(Unit(compact(m.label + m.text), names, leads, collective, m.label))
    return units


def score(doc_id: str, subset: str, expected: list[Unit], parsed: list[Unit]) -> DocScore:
    """Match expected units to parsed ones and count; see the module docstring."""
    result = DocScore(doc_id, subset, expected=len(expected))
    used: set[int] = set()
    start = 0  # units come in document order: search from after the last match first
    for unit in expected:
        match = _match(unit, parsed, used, start)
        if unit.leads:
            result.lead_total += 1
        if match is None:
            result.fn += len(unit.parties)
            result.misses.append(
                f"missed {unit.label}「{unit.text[:16]}」 {'、'.join(unit.parties)}"
            )
            continue
        used.add(match)
        start = match + 1
        got = parsed[match]
        if got.parties:
            result.found += 1
        _count_pairs(result, unit, got)
    for i, got in enumerate(parsed):
        if i not in used and got.parties:
            result.fp += len(got.parties)
            result.misses.append(f"extra {_where(got)} {'、'.join(got.parties)}")
    return result


def _where(unit: Unit) -> str:
    return f"{unit.label}「{unit.text[:16]}」"


def _match(unit: Unit, parsed: list[Unit], used: set[int], start: int) -> int | None:
    candidates = [i for i, p in enumerate(parsed) if i not in used and unit.text in p.text]
    if not candidates:
        return None
    with_parties = [i for i in candidates if parsed[i].parties]
    pool = with_parties or candidates
    after = [i for i in pool if i >= start]
    return (after or pool)[0]


def _count_pairs(result: DocScore, unit: Unit, got: Unit) -> None:
    want, have = set(unit.parties), set(got.parties)
    result.tp += len(want & have)
    result.fp += len(have - want)
    result.fn += len(want - have)
    if want != have:
        result.misses.append(
            f"parties {_where(unit)} missing {'、'.join(sorted(want - have)) or '-'}"
            f" extra {'、'.join(sorted(have - want)) or '-'}"
        )
    if unit.leads:
        if got.leads == unit.leads:
            result.lead_ok += 1
        else:
            result.misses.append(
                f"leads {_where(unit)} want {'、'.join(sorted(unit.leads))}"
                f" got {'、'.join(sorted(got.leads)) or '-'}"
            )
    for name in want & have:
        result.collective_total += 1
        result.collective_ok += (name in unit.collective) == (name in got.collective)


def score_document(entry: dict, root: Path = HERE) -> DocScore:
    """Parse the entry's file with the product's reader and score it against its truth."""
    from matrixdesk.parse import ParseError, parse_file

    truth = json.loads((root / "truth" / f"{entry['id']}.json").read_text("utf-8"))
    expected = expected_units(truth)
    subset = entry.get("subset", "tune")
    try:
        plan = parse_file(root / entry["file"])
    except ParseError as exc:
        result = DocScore(entry["id"], subset, expected=len(expected), error=str(exc))
        result.fn = sum(len(u.parties) for u in expected)
        result.lead_total = sum(1 for u in expected if u.leads)
        return result
    return score(entry["id"], subset, expected, parsed_units(plan))


@dataclass
class Summary:
    """Corpus-level figures for a set of documents."""

    documents: int
    mean_f1: float
    min_f1: float
    precision: float  # micro: over all pairs of the set
    recall: float
    lead_accuracy: float  # micro: over all units with a lead
    found: int
    expected: int


def summarise(scores: list[DocScore]) -> Summary:
    tp = sum(s.tp for s in scores)
    fp = sum(s.fp for s in scores)
    fn = sum(s.fn for s in scores)
    lead_ok = sum(s.lead_ok for s in scores)
    lead_total = sum(s.lead_total for s in scores)
    return Summary(
        documents=len(scores),
        mean_f1=sum(s.f1 for s in scores) / len(scores) if scores else 0.0,
        min_f1=min((s.f1 for s in scores), default=0.0),
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        lead_accuracy=lead_ok / lead_total if lead_total else 1.0,
        found=sum(s.found for s in scores),
        expected=sum(s.expected for s in scores),
    )


def table(scores: list[DocScore], entries: dict[str, dict]) -> str:
    """The per-document table and the summaries, as Markdown."""
    lines = [
        "| document | level | format | subset | found / expected | precision | recall | F1 "
        "| leads | collective |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in scores:
        e = entries[s.id]
        lines.append(
            f"| {s.id} ({e.get('number') or e.get('title', '')[:20]}) | {e.get('level', '')} "
            f"| {e.get('format', '')} | {s.subset} | {s.found} / {s.expected} "
            f"| {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.lead_accuracy:.3f} "
            f"| {s.collective_accuracy:.3f} |"
        )
    lines += [
        "",
        "| subset | documents | found / expected | mean F1 | lowest F1 | precision "
        "| recall | lead accuracy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    groups = {"all": scores}
    for subset in sorted({s.subset for s in scores}):
        groups[subset] = [s for s in scores if s.subset == subset]
    for name, group in groups.items():
        m = summarise(group)
        lines.append(
            f"| {name} | {m.documents} | {m.found} / {m.expected} | {m.mean_f1:.3f} "
            f"| {m.min_f1:.3f} | {m.precision:.3f} | {m.recall:.3f} | {m.lead_accuracy:.3f} |"
        )
    return "\n".join(lines)


def corpus_root(argv: list[str]) -> Path:
    """``--root DIR`` (a folder laid out like this one), else this folder."""
    return Path(argv[argv.index("--root") + 1]) if "--root" in argv else HERE


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    root = corpus_root(argv)
    ids = [a for a in argv if not a.startswith("-") and a != str(root)]
    entries = {e["id"]: e for e in load_index(root / "INDEX.toml")}
    chosen = [e for e in entries.values() if not ids or e["id"] in ids]
    scores = [score_document(e, root) for e in chosen]
    print(table(scores, entries))
    if verbose:
        for s in scores:
            if s.misses or s.error:
                print(f"\n## {s.id}" + (f" — {s.error}" if s.error else ""))
                for line in s.misses:
                    print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
