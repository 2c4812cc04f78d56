"""The variant merges the import preview offers, on every document of the real corpus.

``tests/parse/real/variants.toml`` holds every pair of names the suggester offered on the corpus,
each judged by reading its document: ``same`` (one organ written two ways) or ``different`` (two
organs: a coordinator clicking Merge All would lose one). Measured when the rules were fixed:
187 pairs offered, 187 right, 0 wrong; 190 / 190 / 0 once h-pingtan-lanzongguanban-2016-80 was
read (before: 170 offered, 3 of them wrong — 县公安局 / 县森林公安局 twice, 市教育体育局 /
埇桥区教育体育局). A wrong pair offered again fails here, and so does a pair nobody has
judged yet: read the document and add it to variants.toml.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from matrixdesk.core.variants import suspected_variants
from matrixdesk.parse import parse_text, read_source

REAL = Path(__file__).resolve().parent / "real"
WRONG_OFFERED = 0  # measured: no pair judged different is offered
RIGHT_OFFERED = 190  # measured: pairs judged the same organ that are offered


def _judged() -> dict[tuple[str, frozenset[str]], str]:
    data = tomllib.loads((REAL / "variants.toml").read_text("utf-8"))
    return {(p["doc"], frozenset(p["names"])): p["verdict"] for p in data["pair"]}


@pytest.fixture(scope="module")
def offered() -> set[tuple[str, frozenset[str]]]:
    """(document, pair of names) of every merge the preview offers on the corpus."""
    index = tomllib.loads((REAL / "INDEX.toml").read_text("utf-8"))["document"]
    found = set()
    for entry in index:
        plan = parse_text(read_source(REAL / entry["file"]))
        for v in suspected_variants(plan):
            names = frozenset((plan.department(v.keep).name, plan.department(v.merge).name))
            found.add((entry["id"], names))
    return found


def test_no_wrong_merge_is_offered_on_the_corpus(offered) -> None:
    judged = _judged()
    wrong = sorted(
        f"{doc}: {' / '.join(sorted(names))}"
        for doc, names in offered
        if judged.get((doc, names)) == "different"
    )
    assert len(wrong) == WRONG_OFFERED, wrong


def test_every_offered_merge_was_judged(offered) -> None:
    unjudged = sorted(
        f"{doc}: {' / '.join(sorted(names))}"
        for doc, names in offered
        if (doc, names) not in _judged()
    )
    assert unjudged == [], "judge these pairs in tests/parse/real/variants.toml"


def test_the_right_merges_are_still_offered(offered) -> None:
    judged = _judged()
    right = [pair for pair in offered if judged.get(pair) == "same"]
    missed = sorted(
        f"{doc}: {' / '.join(sorted(names))}"
        for (doc, names), verdict in judged.items()
        if verdict == "same" and (doc, names) not in offered
    )
    assert len(right) == RIGHT_OFFERED, missed
