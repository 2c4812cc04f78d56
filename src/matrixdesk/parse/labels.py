"""Labels of annotation fields: ``牵头单位：``, ``责任单位及承办科室（单位）：``, ``【配合单位】``.

Labels are read by the words they contain, not from a fixed list: party words (单位, 部门, 主体,
科室 …) after responsibility atoms (牵头, 配合, 责任, 主办, 协办, 承办, 实施, 指导, 考核 …) make a
party label, and 牵头/主办 in it mark leads, 配合/协办/参与 supports; 时限/时间/节点 make a time
label; 领导/联系人/范围/分值 … a label of something else. Several labels joined (及, 和, 与, 、, /)
read as one: their common kind, or duty when they differ (the first named leads).
"""

from __future__ import annotations

import re

__all__ = [
    "ATOM_END",
    "EMBEDDED_LABEL",
    "LABEL",
    "LABEL_TEXT",
    "label_kind",
    "label_of",
    "starts_field",
]

# A label's words: one label, or several joined (责任单位及承办科室, 牵头/配合单位), each may carry
# a bracketed alternative (责任单位及承办科室（单位）, 牵头单位（部门）).
LABEL_TEXT = (
    r"[\u4e00-\u9fff]{1,10}?(?:[（(][\u4e00-\u9fff]{1,6}[)）])?"
    r"(?:[及和与、/／][\u4e00-\u9fff]{1,10}?(?:[（(][\u4e00-\u9fff]{1,6}[)）])?){0,2}"
)
# label：value, also 【label】value (a label in lenticular brackets, no colon)
LABEL = re.compile(
    rf"^(?:[（(]?\s*(?P<label>{LABEL_TEXT})\s*[:：]"
    r"|【\s*(?P<boxed>[\u4e00-\u9fff]{1,10})\s*】)\s*"
)
_LABEL_PARTS = re.compile(r"[及和与、/／]")
_LABEL_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[)）]")
_PARTY_WORDS = r"单位|部门|主体|机构|机关|处室|科室|责任方|承办方|分工"  # 责任分工：A负责…，B配合
_LABEL_ATOMS = (
    r"牵头|配合|责任|负责|主办|协办|承办|实施|参与|协同|协作|协助|指导|主责|主管|督办|督导|考核"
    r"|监管|落实|执行|业务|具体|共同|联合|联系|主要|其他|相关|属地|行业|主管|试点"
)
_PARTY_LABEL = re.compile(rf"^(?:(?:{_LABEL_ATOMS})+(?:{_PARTY_WORDS})?|{_PARTY_WORDS})$")
_LABEL_WORDS = (
    rf"(?:(?:{_LABEL_ATOMS})+(?:{_PARTY_WORDS})|(?:{_LABEL_ATOMS}){{2,}}"
    r"|完成时限|时间节点|完成时间)"
)
EMBEDDED_LABEL = re.compile(
    rf"(?<![（(【〔及和与、/／])(?={_LABEL_WORDS}(?:[（(][\u4e00-\u9fff]{{1,6}}[)）])?\s*[:：])"
    rf"|(?=【(?:{_LABEL_WORDS}|{_PARTY_WORDS}|牵头|配合)】)"
)
ATOM_END = re.compile(rf"(?:{_LABEL_ATOMS})$")
_FIELD_KINDS = ("lead", "support", "duty", "time")
_LEAD_LABEL = re.compile(r"牵头|主办|主责|主抓")
_SUPPORT_LABEL = re.compile(r"配合|协办|协同|协作|协助|参与")
_TIME_LABEL = re.compile(r"时限|时间|期限|节点|进度|日期|完成时|截止")
_OTHER_LABEL = re.compile(
    r"领导|负责人|责任人|联系人|电话|同志|分管|目标|范围|内容|方式|标准|依据|备注|说明|要求|措施"
    r"|任务|指标|分值|权重|来源|地点|对象|形式|方式|口径|周期|频次"
)


def label_kind(label: str) -> str:
    """What a label names: lead, support, duty, time, other or unknown. Several labels joined
    (责任单位及承办科室) read as one: duty when they differ (the first named leads), else their
    common kind."""
    label = _LABEL_NOTE.sub("", label)
    parts = [part for part in _LABEL_PARTS.split(label) if part]
    if len(parts) > 1:
        kinds = {_simple_kind(part) for part in parts}
        party = kinds & {"lead", "support", "duty"}
        if party:
            return party.pop() if len(party) == 1 else "duty"
        return "time" if kinds == {"time"} else "other"
    return _simple_kind(label)


def _simple_kind(label: str) -> str:
    if _TIME_LABEL.search(label) and not _PARTY_LABEL.match(label):
        return "time"
    if _OTHER_LABEL.search(label):
        return "other"
    if _PARTY_LABEL.match(label):
        if _LEAD_LABEL.search(label):
            return "lead"
        if _SUPPORT_LABEL.search(label):
            return "support"
        return "duty"
    return "unknown"


def label_of(match: re.Match[str]) -> str:
    """The label's words in a :data:`LABEL` match."""
    return match.group("label") or match.group("boxed")


def starts_field(text: str) -> bool:
    """``text`` begins with a party or time label (``牵头单位：``, ``（责任单位：``, ``时限：``)."""
    label = LABEL.match(text)
    return label is not None and label_kind(label_of(label)) in _FIELD_KINDS
