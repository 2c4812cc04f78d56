"""The parser on the real-document corpus: the per-document table and the summaries.

Run: ``uv run python bench/bench_corpus.py [--write-docs] [-v] [--root DIR] [ID ...]``.
``--write-docs`` rewrites ``docs/parser-corpus.md`` with the table; ``-v`` lists every
difference from the truth; ``--root`` scores another folder laid out like tests/parse/real.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "corpus_scoring", ROOT / "tests" / "parse" / "real" / "scoring.py"
)
scoring = importlib.util.module_from_spec(_spec)
sys.modules["corpus_scoring"] = scoring
_spec.loader.exec_module(scoring)

DOC = ROOT / "docs" / "parser-corpus.md"
# Everything from the first section heading on (Variant suggestions, History, Formats …) is
# written by hand and kept when the table above it is rewritten.
KEPT = "\n## "


def main(argv: list[str]) -> int:
    root = scoring.corpus_root(argv)
    ids = [a for a in argv if not a.startswith("-") and a != str(root)]
    entries = {e["id"]: e for e in scoring.load_index(root / "INDEX.toml")}
    chosen = [e for e in entries.values() if not ids or e["id"] in ids]
    started = time.perf_counter()
    scores = [scoring.score_document(e, root) for e in chosen]
    seconds = time.perf_counter() - started
    text = scoring.table(scores, entries)
    print(text)
    print(f"\n{len(scores)} documents parsed and scored in {seconds:.2f} s")
    if "-v" in argv:
        for s in scores:
            if s.misses or s.error:
                print(f"\n## {s.id}" + (f" — {s.error}" if s.error else ""))
                print("\n".join(f"- {line}" for line in s.misses))
    summary = scoring.summarise(scores)
    print(json.dumps({"bench": "corpus", **summary.__dict__}, ensure_ascii=False))
    if "--write-docs" in argv and not ids and root == scoring.HERE:
        old = DOC.read_text("utf-8") if DOC.exists() else ""
        history = old[old.index(KEPT) + 1 :] if KEPT in old else ""
        DOC.write_text(
            "# The parser on real documents\n\n"
            "Every document of `tests/parse/real/` (provenance in its `INDEX.toml`) parsed by the\n"
            "product's reader and scored against ground truth written by reading it\n"
            "(`tests/parse/real/scoring.py` says how). The `holdout` documents were kept out of\n"
            "the parser's tuning. Regenerate with `uv run python bench/bench_corpus.py "
            "--write-docs`.\n\n" + text + "\n" + (f"\n{history}" if history else ""),
            "utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
