"""The corpus again, in the layouts documents lose on their way to a coordinator.

Every document of a corpus (``--root``, default tests/parse/real) is read with the product's
reader, then rewritten as plain text in each layout below and scored against the same truth:

* ``one-line``: every line break lost (pasted from a web page or a database cell);
* ``wrapped``: hard line breaks every 33 characters (text copied out of a PDF);
* ``narrow``: hard line breaks every 19 characters (a narrow column);
* ``halfwidth``: （）：，； written half-width;
* ``indented``: every line indented with 　　 and ended with CRLF.

The first three change the prose only: a table's rows (tab-separated lines, as every reader
writes a table) stay rows, as a table copied out of a page or a file does.

A parser that learned the genre reads them all about as well as the original files. (Since
``wrapped`` and ``narrow`` break every line at exactly one width, the reader joins those wraps
back before parsing — parse/unwrap.py — so they now measure that; wraps at varying widths, as a
PDF viewer's copy gives, are not among these layouts.) Run
``uv run python bench/bench_corpus_layouts.py [--root DIR] [-v]``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "corpus_scoring", ROOT / "tests" / "parse" / "real" / "scoring.py"
)
scoring = importlib.util.module_from_spec(_spec)
sys.modules["corpus_scoring"] = scoring
_spec.loader.exec_module(scoring)

_HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";"})


def _wrap(text: str, width: int) -> str:
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(
        line[i : i + width] for line in lines for i in range(0, max(1, len(line)), width)
    )


def _prose(layout):
    """``layout`` applied to each run of lines outside a table, table rows kept as they are."""

    def apply(text: str) -> str:
        runs: list[tuple[bool, list[str]]] = []
        for line in text.split("\n"):
            row = "\t" in line
            if runs and runs[-1][0] == row:
                runs[-1][1].append(line)
            else:
                runs.append((row, [line]))
        return "\n".join("\n".join(ls) if row else layout("\n".join(ls)) for row, ls in runs)

    return apply


LAYOUTS = {
    "one-line": _prose(lambda t: "".join(line.strip() for line in t.split("\n"))),
    "wrapped": _prose(lambda t: _wrap(t, 33)),
    "narrow": _prose(lambda t: _wrap(t, 19)),
    "halfwidth": lambda t: t.translate(_HALF),
    "indented": lambda t: "\r\n".join("\u3000\u3000" + line for line in t.split("\n")),
}


def main(argv: list[str]) -> int:
    from matrixdesk.parse import parse_text, read_source

    root = scoring.corpus_root(argv)
    entries = scoring.load_index(root / "INDEX.toml")
    texts = {e["id"]: read_source(root / e["file"]) for e in entries}
    truths = {
        e["id"]: scoring.expected_units(
            json.loads((root / "truth" / f"{e['id']}.json").read_text("utf-8"))
        )
        for e in entries
    }
    print("| layout | documents | mean F1 | lowest F1 | precision | recall | lead accuracy |")
    print("|---|---|---|---|---|---|---|")
    for name, layout in [("original", lambda t: t), *LAYOUTS.items()]:
        scores = []
        for e in entries:
            plan = parse_text(layout(texts[e["id"]]))
            scores.append(scoring.score(e["id"], name, truths[e["id"]], scoring.parsed_units(plan)))
        m = scoring.summarise(scores)
        print(
            f"| {name} | {m.documents} | {m.mean_f1:.3f} | {m.min_f1:.3f} | {m.precision:.3f} "
            f"| {m.recall:.3f} | {m.lead_accuracy:.3f} |"
        )
        if "-v" in argv:
            for s in scores:
                if s.f1 < 0.97:
                    print(f"|   {s.id} | | {s.f1:.3f} | | {s.precision:.3f} | {s.recall:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
