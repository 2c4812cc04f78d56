"""The document's identity: number (文号), title, issuer and date.

The number and title stand in the head of the document, the issuer and date in its closing
lines (落款) — or under the notice that issues the plan, above the plan itself. Only whole lines
are considered, so a cited document such as ``(国办发〔2020〕32号)`` in the preamble is not
mistaken for the document's own number, nor ``自2022年1月26日起施行`` for its date.

A signature is a date line under one or more lines of issuers: an authority
(吉林省人民政府办公厅), several a line (重庆市发展和改革委员会 重庆市公安局), or any name sealed
on another's behalf (…厅际联席会议（代章）, whose name need not end like an authority's). Joint
issuers are named as such documents name themselves: 北京市商务局等9部门.
"""

from __future__ import annotations

import re

from matrixdesk.core.model import DocumentInfo
from matrixdesk.parse.numbering import cn_to_int

_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,5}\s*号"
)
_TITLE_END = (
    r"(?:实施意见|意见|通知|方案|办法|规定|决定|措施|细则|计划|纲要|规划|要点|批复|通报|函)"
)
_TITLE = re.compile(
    rf"^《?[^。，,；;：:\[\]【】>|]{{0,80}}关于[^。；;：:\[\]【】>|]{{2,100}}{_TITLE_END}》?$"
)
_ISSUER = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,40}(?:人民政府|办公厅|办公室|委员会|政府|部|厅|局|委|署|院|领导小组|总局|中心)$"
)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DAY = "[一二三四五六七八九十]{1,3}"
_CN_DATE = re.compile(rf"([〇零一二三四五六七八九○Ｏ]{{4}})年({_CN_DAY})月({_CN_DAY})日")
_CLOSING_EXTRA = re.compile(r"^[(（]?此件(?:公开发布|主动公开|不公开)[)）]?$|^抄送|^附件")
_HEAD_LINES = 40  # lines of the head searched (web pages put navigation above the title)
SIGNATURE_LINES = 60  # lines of the head searched for the notice's signature
_TAIL_LINES = 6
_SIGNERS = 30  # issuer lines above one date (joint notices of 20 and more organs exist)
_SIGNATURE_LENGTH = 200  # a line of issuers is short; a long line is prose
_SEAL = re.compile(r"\s*[（(]\s*(?:代章|盖章|印章|章)\s*[）)]\s*$")
_SEALED = re.compile(r"[\u4e00-\u9fff（）()]{2,40}")
_TITLE_SPAN = 3  # a title wrapped over this many lines
_TITLE_LENGTH = 120
_NUMBER_LINE = 30
_NUMBER_LABEL = re.compile(r"^[\[【(（]?\s*(?:发文字号|文号|发文号|索引号)?\s*[\]】)）:：]?\s*")
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")  # 重 庆 市 体 育 局
_PLAN_TITLE = re.compile(rf"《?[\u4e00-\u9fff“”（）()—-]{{6,50}}{_TITLE_END}》?")


def read_date(line: str) -> str:
    """ISO date of a line that is only a date (2020年12月24日, 二〇二〇年十二月二十四日), or ''."""
    line = line.strip()
    match = _DATE.fullmatch(line)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _CN_DATE.fullmatch(line)
        if not match:
            return ""
        digits = match.group(1).translate(str.maketrans("○Ｏ", "〇〇"))
        year, month, day = cn_to_int(digits), cn_to_int(match.group(2)), cn_to_int(match.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def is_issuer(line: str) -> bool:
    """True for a short line naming an authority (吉林省人民政府办公厅)."""
    return bool(_ISSUER.fullmatch(line.strip()))


def is_closing_line(line: str) -> bool:
    """True for a line that belongs to the closing block (issuer, date, 此件公开发布 …)."""
    stripped = line.strip()
    if not stripped:
        return True
    if read_date(stripped) or is_issuer(stripped) or _CLOSING_EXTRA.search(stripped):
        return True
    parts = stripped.split()
    return len(parts) == 2 and is_issuer(parts[0]) and bool(read_date(parts[1]))


def read_info(
    lines: list[str], head_count: int, closing: list[str], last: list[str] | None = None
) -> DocumentInfo:
    """Document number, title, issuer and date.

    Parameters
    ----------
    lines
        The first lines of the document (at least the head, before the first heading).
    head_count
        How many lines precede the first heading (the title and number are looked for there).
    closing
        The closing lines after the body.
    last
        The last lines of the document, closing lines or not: a web page goes on after the
        signature (来源, 打印, 相关解读 …).
    """
    info = DocumentInfo()
    head = [ln.strip() for ln in lines[: min(head_count, _HEAD_LINES)] if ln.strip()]
    tail = [ln.strip() for ln in closing]
    info.number = _number(head + tail)
    info.title = _title(head)
    info.issuer, info.date = _signature(tail)
    for part in (p for line in tail[-_TAIL_LINES:] for p in line.split()):
        if not info.issuer and is_issuer(part):
            info.issuer = part
        if not info.date and read_date(part):
            info.date = read_date(part)
    signed = [ln.strip() for ln in lines[: min(head_count, SIGNATURE_LINES)] if ln.strip()]
    for block in ([ln.strip() for ln in last or [] if ln.strip()], signed):
        if not info.date:  # signed after the body, or a notice signed above its plan
            info.issuer, info.date = _signature(block, info.issuer)
    if not info.date:
        info.date = next((read_date(ln) for ln in signed if read_date(ln)), "")
    return info


def _number(lines: list[str]) -> str:
    """The 文号 on a line of its own, or after a label (``[发文字号] 京政办发〔2025〕12号``)."""
    for line in lines:
        bare = _NUMBER_LABEL.sub("", line)
        if len(bare) <= _NUMBER_LINE and _NUMBER.fullmatch(bare):
            return re.sub(r"\s+", "", bare)
    return ""


def _title(head: list[str]) -> str:
    """The notice's title (…关于…的通知), possibly over up to three lines, else the plan's own
    title line (河南省实施扩大内需战略三年行动方案)."""
    for i in range(len(head)):
        joined = ""
        for line in head[i : i + _TITLE_SPAN]:
            if _NUMBER.search(line) or read_date(line):
                break  # a title does not run over the 文号 or the date
            joined += line
            if len(joined) > _TITLE_LENGTH:
                break
            if _TITLE.match(joined):
                return _HAN_GAP.sub("", joined).strip("《》")
    for line in head:
        if _PLAN_TITLE.fullmatch(line):
            return line.strip("《》")
    return ""


def _signers(line: str) -> list[str]:
    """The issuers a signature line names (several on one line), [] for any other line."""
    if len(line) > _SIGNATURE_LENGTH:
        return []
    sealed = _SEAL.sub("", line)
    if sealed != line:  # …联席会议（代章）: sealed on its behalf, whatever its name ends with
        return [sealed] if _SEALED.fullmatch(sealed) else []
    parts = line.split()
    return parts if parts and all(is_issuer(p) for p in parts) else []


def _signature(lines: list[str], issuer: str = "") -> tuple[str, str]:
    """(issuer, ISO date) of the first date line under issuer lines, or ``(issuer, "")``.

    Several issuers are named as the documents name them: the first and how many
    (北京市商务局等9部门). ``issuer`` (found otherwise) is kept when there is one.
    """
    for at, line in enumerate(lines):
        date = read_date(line)
        if not date:
            continue
        names: list[str] = []
        for above in reversed(lines[max(0, at - _SIGNERS) : at]):
            found = _signers(above)
            if not found:
                break
            names[:0] = found
        if names:
            joint = names[0] if len(names) == 1 else f"{names[0]}等{len(names)}部门"
            return issuer or joint, date
    return issuer, ""
