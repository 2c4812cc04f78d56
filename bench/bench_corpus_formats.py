"""The corpus again, re-saved by an office program in the formats coordinators receive.

The real corpus (tests/parse/real) is mostly .txt and .html: the files as published. A coordinator
more often gets a Word file, a PDF or the task table as a workbook. Here LibreOffice (``soffice
--headless --convert-to``) saves every document in those formats, and each saved file is read
with the product's reader (``read_source``, the path of ``matrixdesk import`` and of the window's
New from Document…) and scored against the document's own truth, beside the original file's score:

* ``docx``: every .html/.txt document opened in Writer and saved as Word 2007–365 (.docx); a
  page's ``<table>`` becomes a Word table after the notice's prose (the 附件 任务分工表 case);
* ``pdf``: the same documents exported by Writer as PDF (text layer, lines wrapped at the page's
  margin, page breaks, page numbers in the footer);
* ``xlsx``: the task tables of the documents holding one (INDEX.toml construct ``table`` and a
  real ``<table>`` with a party column), cut out of the page with the paragraph naming them,
  opened in Calc (``HTML (StarCalc)``) and saved as Excel 2007–365 (.xlsx);
* ``doc``: one document saved as Word 97 (.doc) must be refused with the product's message.

These are real documents re-saved by an office program, not files as published: what they
prove is that the readers get the same text out of what Word-compatible programs write.

CI has no LibreOffice, so part of the saved files is kept as test data in
tests/parse/real_formats/ — every .docx and .xlsx, the .doc, and the PDFs of ``KEPT_PDFS`` (a
PDF embeds its Chinese font: 170–500 kB each) — with ``PROVENANCE.toml`` saying which program
saved which file from which corpus file, when; tests/parse/test_real_formats.py scores them.

Run ``uv run python bench/bench_corpus_formats.py [-v]``: saves every document again into a
temporary folder (LibreOffice, about four minutes on two cores) and prints the table;
``--kept`` scores only the files kept in tests/parse/real_formats; ``--save`` writes those
files again; ``--out DIR --convert`` saves every file into DIR and ``--out DIR`` scores them
again.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "corpus_scoring", ROOT / "tests" / "parse" / "real" / "scoring.py"
)
scoring = importlib.util.module_from_spec(_spec)
sys.modules["corpus_scoring"] = scoring
_spec.loader.exec_module(scoring)

REAL = ROOT / "tests" / "parse" / "real"
OUT = ROOT / "tests" / "parse" / "real_formats"
FORMATS = ("docx", "pdf", "xlsx")
DOC_SAMPLE = "c-guobanfa-2018-117"  # saved as .doc: the refusal, not a plan
# PDFs kept as test data: task tables over pages (label cells, merged units), a unit line that
# opens pages, spaces a one-line text keeps, a body without first-line indents.
KEPT_PDFS = {
    "g-shicheng-2018-hezhang-kaohe-bumen",
    "g-shicheng-2018-hezhang-kaohe-xiangzhen",
    "m-anyang-2022-fangdichan",
    "p-xizang-zjt-2023-loushi",
    "m-pingtan-lanzongguanzong-2017-159",
    "m-guangzhou-suiweihan-2023-1930",  # the 附件 任务分工表, rows taller than a page
}
# What soffice is told: the filter that opens the source, the one that saves the target.
_WRITER_IN = {"html": "HTML (StarWriter)", "txt": "Text (encoded):UTF8,LF,,,"}
_SAVE = {
    "docx": "docx:MS Word 2007 XML",
    "pdf": "pdf:writer_pdf_Export",
    "doc": "doc:MS Word 97",
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
}
_PARTY_HEADER = re.compile(r"牵头|配合|责任|负责|考核部门|考核单位|主办|协办")


def _soffice(source: Path, target_dir: Path, infilter: str, save: str, profile: Path) -> Path:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            f"--infilter={infilter}",
            "--convert-to",
            save,
            "--outdir",
            str(target_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    out = target_dir / f"{source.stem}.{save.split(':')[0]}"
    if not out.exists():
        raise RuntimeError(f"soffice wrote no {out.name}")
    return out


def task_tables_html(page: str) -> str | None:
    """The page's task tables (a ``<table>`` whose first rows name a party column), each with
    the paragraph just before it (附件2 …任务分工表), as a page of its own; None without one."""
    import lxml.html

    tree = lxml.html.fromstring(page)
    parts: list[str] = []
    for table in tree.iter("table"):
        if table.getparent() is not None and any(a.tag == "table" for a in table.iterancestors()):
            continue
        head = " ".join(" ".join(r.itertext()) for r in list(table.iter("tr"))[:3])
        if not _PARTY_HEADER.search(head):
            continue
        title = ""
        for previous in table.itersiblings(preceding=True):
            title = re.sub(r"\s+", "", previous.text_content())
            if title:
                break
        if title and len(title) <= 60:  # the title row above the table, as a workbook has it
            parts.append(f"<table><tr><td>{html.escape(title)}</td></tr></table>")
        parts.append(lxml.html.tostring(table, encoding="unicode"))
    if not parts:
        return None
    return '<html><head><meta charset="utf-8"></head><body>' + "".join(parts) + "</body></html>"


def convert(entries: list[dict], out: Path, pdfs: set[str] | None = None) -> list[dict]:
    """Save every entry in the formats above into ``out`` (PDFs only of ``pdfs`` when given);
    the provenance records."""
    from matrixdesk.parse.encoding import decode_bytes

    version = subprocess.run(
        ["soffice", "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[1]
    today = dt.date.today().isoformat()
    out.mkdir(parents=True, exist_ok=True)
    records = []
    with tempfile.TemporaryDirectory() as tmp:
        work, profile = Path(tmp), Path(tmp) / "profile"
        for e in entries:
            fmt = e["format"]
            if fmt not in _WRITER_IN:
                continue
            source = REAL / e["file"]
            # soffice takes the name's stem for the target: a UTF-8 copy under the entry's id
            data = source.read_bytes()
            text = decode_bytes(data, None)
            copy = work / f"{e['id']}.{fmt}"
            # a page as saved (Writer honours its charset); a text file as UTF-8
            copy.write_bytes(data if fmt == "html" else text.encode("utf-8"))
            targets = ["docx"] + (["pdf"] if pdfs is None or e["id"] in pdfs else [])
            targets += ["doc"] if e["id"] == DOC_SAMPLE else []
            for target in targets:
                saved = _soffice(copy, work, _WRITER_IN[fmt], _SAVE[target], profile)
                records.append(_move(saved, out, e, target, version, today, "Writer"))
            tables = task_tables_html(text) if fmt == "html" else None
            if tables and "table" in e.get("constructs", []):
                copy.write_text(tables, "utf-8")
                saved = _soffice(copy, work, "HTML (StarCalc)", _SAVE["xlsx"], profile)
                records.append(_move(saved, out, e, "xlsx", version, today, "Calc"))
    return records


def _move(saved: Path, out: Path, e: dict, target: str, version: str, today: str, app: str):
    shutil.move(saved, out / saved.name)
    how = "its task tables, cut out of the page, " if target == "xlsx" else ""
    return {
        "file": saved.name,
        "id": e["id"],
        "format": target,
        "provenance": (
            f"{how}converted by LibreOffice {version} {app} from tests/parse/real/{e['file']} "
            f"on {today}"
        ),
    }


def write_provenance(records: list[dict], out: Path) -> None:
    lines = [
        "# Real corpus documents re-saved by LibreOffice (bench/bench_corpus_formats.py).",
        "# Not files as published: the corpus file named in each record, opened and saved again.",
        "",
    ]
    for r in records:
        lines += ["[[file]]"] + [f'{k} = "{v}"' for k, v in r.items()] + [""]
    (out / "PROVENANCE.toml").write_text("\n".join(lines), "utf-8")


def load_provenance(out: Path = OUT) -> list[dict]:
    import tomllib

    return tomllib.loads((out / "PROVENANCE.toml").read_text("utf-8"))["file"]


def score_file(path: Path, entry: dict, root: Path = REAL):
    """The saved file read with the product's reader and scored against its document's truth."""
    from matrixdesk.parse import ParseError, parse_text, read_source

    truth = scoring.expected_units(
        json.loads((root / "truth" / f"{entry['id']}.json").read_text("utf-8"))
    )
    try:
        plan = parse_text(read_source(path))
    except ParseError as exc:
        result = scoring.DocScore(entry["id"], "error", expected=len(truth), error=str(exc))
        result.fn = sum(len(u.parties) for u in truth)
        result.lead_total = sum(1 for u in truth if u.leads)
        return result
    return scoring.score(entry["id"], path.suffix, truth, scoring.parsed_units(plan))


def _row(name: str, scores: list, original: list) -> str:
    m, o = scoring.summarise(scores), scoring.summarise(original)
    return (
        f"| {name} | {m.documents} | {m.mean_f1:.3f} | {m.min_f1:.3f} | {m.precision:.3f} "
        f"| {m.recall:.3f} | {m.lead_accuracy:.3f} | {o.mean_f1:.3f} |"
    )


def main(argv: list[str]) -> int:
    entries = {e["id"]: e for e in scoring.load_index(REAL / "INDEX.toml")}
    if "--save" in argv:
        for old in OUT.glob("*"):
            old.unlink()
        write_provenance(convert(list(entries.values()), OUT, KEPT_PDFS), OUT)
    if shutil.which("soffice") is None and "--kept" not in argv:
        print("LibreOffice (soffice) is not installed: scoring the files kept in", OUT)
        argv = [*argv, "--kept"]
    if "--kept" in argv or "--save" in argv:
        print_table(entries, OUT, load_provenance(OUT), "-v" in argv)
        return 0
    if "--out" in argv:  # keep the saved files there; score them again without --convert
        out = Path(argv[argv.index("--out") + 1])
        if "--convert" in argv:
            write_provenance(convert(list(entries.values()), out), out)
        print_table(entries, out, load_provenance(out), "-v" in argv)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        started = time.perf_counter()
        records = convert(list(entries.values()), out)
        print(f"LibreOffice saved {len(records)} files in {time.perf_counter() - started:.0f} s")
        print_table(entries, out, records, "-v" in argv)
    return 0


def print_table(entries: dict[str, dict], out: Path, records: list[dict], verbose: bool) -> None:
    """The table per format, and the refusal of the .doc."""
    from matrixdesk.parse import ParseError, read_source

    originals = {}
    figures: dict[str, dict] = {}
    print(
        "| format | documents | mean F1 | lowest F1 | precision | recall | lead accuracy "
        "| same documents as published: mean F1 |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for fmt in FORMATS:
        scores, original = [], []
        for r in (r for r in records if r["format"] == fmt):
            e = entries[r["id"]]
            if r["id"] not in originals:
                originals[r["id"]] = scoring.score_document(e, REAL)
            scores.append(score_file(out / r["file"], e))
            original.append(originals[r["id"]])
        if scores:
            print(_row(fmt, scores, original))
            m = scoring.summarise(scores)
            figures[fmt] = {
                "documents": m.documents,
                "mean_f1": m.mean_f1,
                "min_f1": m.min_f1,
                "precision": m.precision,
                "lead_accuracy": m.lead_accuracy,
            }
        for s, o in zip(scores, original, strict=True):
            if verbose and (s.f1 < o.f1 or s.error):
                print(
                    f"|   {s.id} | | {s.f1:.3f} | | {s.precision:.3f} | {s.recall:.3f} "
                    f"| {s.lead_accuracy:.3f} | {o.f1:.3f} | {s.error}"
                )
                for miss in s.misses[:8]:
                    print(f"|     {miss}")
    for r in (r for r in records if r["format"] == "doc"):
        try:
            read_source(out / r["file"])
            print(f"doc: {r['file']} was read — it should have been refused")
        except ParseError as exc:
            print(f"doc: {r['file']} refused: {exc}")
    print(json.dumps({"bench": "corpus_formats", **figures}))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
